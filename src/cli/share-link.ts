/**
 * Share links on the command line: the same format as the app (src/core/share-link.ts), with Node's zlib for
 * deflate-raw. Unpacking stops at the core's limit (zlib's maxOutputLength), so a zip bomb costs nothing.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { decodeShareFragment, makeShareLink as makeLink, ShareLinkError, shareLinkErrors, type DecodedShare, type ShareCodec, type ShareOptions } from '../core/share-link';
import { localIsoDate } from '../core/spec/defaults';
import type { CardSpec } from '../core/spec/schema';
import type { Template } from '../core/template/schema';
import { InputError, UsageError } from './run-main';
import type { StoredTemplate } from './template-store';

export const nodeShareCodec: ShareCodec = {
  compress: (text) => Promise.resolve(new Uint8Array(deflateRawSync(Buffer.from(text, 'utf8')))),
  decompress: (bytes, maxBytes) => {
    let out: Buffer;
    try {
      out = inflateRawSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return Promise.reject(new ShareLinkError(code === 'ERR_BUFFER_TOO_LARGE' ? shareLinkErrors.tooLarge : shareLinkErrors.notDeflate));
    }
    try {
      return Promise.resolve(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(out));
    } catch {
      return Promise.reject(new ShareLinkError(shareLinkErrors.notJson));
    }
  },
};

/** A whole link (or just its "#s=…" fragment) → the setup it carries; throws ShareLinkError. */
export function openShareLink(link: string, today: string, findTemplate: (id: string, version: string) => Template | undefined): Promise<DecodedShare> {
  const at = link.indexOf('#');
  const fragment = at === -1 ? link : link.slice(at + 1);
  return decodeShareFragment(fragment, nodeShareCodec, { today, findTemplate });
}

/** The link to a spec: `base` (the app's address) + "#s=…". */
export function makeShareLink(spec: CardSpec, template: Template, options: ShareOptions, base: string): Promise<string> {
  return makeLink(spec, template, options, base, nodeShareCodec);
}

/** `--link`: the spec a link carries, its template looked up among the bundled ones and `own` (from `--template-file`). */
export async function specFromShareLink(link: string, templates: Map<string, StoredTemplate[]>, own: Template | undefined): Promise<CardSpec> {
  const find = (id: string, version: string) =>
    own !== undefined && own.id === id && own.version === version ? own : templates.get(id)?.find((stored) => stored.template.version === version)?.template;
  try {
    return (await openShareLink(link, localIsoDate(new Date()), find)).spec;
  } catch (error) {
    if (error instanceof ShareLinkError) throw new InputError(`--link: ${error.message}`);
    throw error;
  }
}

/** `--print-link APP-URL`: the link to a spec on the app at that address. */
export async function cliShareLink(spec: CardSpec, template: Template, appUrl: string, includePersonal: boolean): Promise<string> {
  let base: URL;
  try {
    base = new URL(appUrl);
  } catch {
    throw new UsageError(`--print-link takes the app's address, like --print-link https://cards.example.org/; got "${appUrl}"`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new UsageError(`--print-link takes an http or https address; got "${appUrl}"`);
  try {
    return await makeShareLink(spec, template, { includePersonal }, base.href);
  } catch (error) {
    if (error instanceof ShareLinkError) throw new InputError(error.message);
    throw error;
  }
}
