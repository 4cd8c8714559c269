/**
 * Share links in the app (loaded on demand, with the spec schema): the link of the card being edited, and the card a
 * link opens, looked up among the templates the app has (bundled and this device's custom ones).
 */
import { decodeShareFragment, makeShareLink as makeLink, type DecodedShare, type ShareOptions } from '../../core/share-link';
import type { CardSpec } from '../../core/spec/schema';
import type { Template } from '../../core/template/schema';
import type { BundledTemplate } from '../engine/templates';
import { streamCodec } from './codec';

/** The full link to this spec: `base` (the app's address, without a fragment) + "#s=…". */
export function makeShareLink(spec: CardSpec, template: Template, options: ShareOptions, base: string): Promise<string> {
  return makeLink(spec, template, options, base, streamCodec);
}

/** Opens a link's fragment against the app's templates; throws ShareLinkError with a message for the user. */
export function openShareFragment(hash: string, templates: readonly BundledTemplate[], today: string): Promise<DecodedShare> {
  return decodeShareFragment(hash, streamCodec, {
    today,
    findTemplate: (id, version) => templates.find((entry) => entry.template.id === id && entry.template.version === version)?.template,
  });
}
