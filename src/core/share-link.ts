/**
 * Share links: a card setup carried in a URL fragment (`#s=…`), which browsers never send to a server.
 *
 * Format version 1: `s=1.<data>.<check>` where
 * - `<data>` is base64url (no padding) of deflate-raw (RFC 1951) of the UTF-8 JSON of the shared spec;
 * - `<check>` is the CRC-32 of the decoded `<data>` bytes, as 8 lowercase hex digits.
 *
 * The check is not security (anyone can edit a link and recompute it): it makes a link that was cut short or mistyped
 * fail with a clear message instead of decoding into a different card (a changed digit in a phone number). Whatever
 * decodes is then validated like any stored spec (`migrateSpec`) and against its template, so a link edited on purpose
 * can at worst describe another valid card.
 *
 * What goes in (`sharedSetup`): the template, sections, region, format, paper, stock, copies, printing options and the
 * clinic's name, phone and web address. Left out unless the user asks for personal details: the values of the fields
 * the template marks `personal` (name, medication, emergency contact…), the extra contacts and the date (the opener
 * gets today's date). Always left out: the clinic logo (up to 1 MB: too big for a link).
 *
 * Compression is passed in as a `ShareCodec` (CompressionStream in the browser, zlib in Node): the core stays pure.
 */
import { fromBase64, toBase64 } from './base64';
import { compose, SpecError } from './compose';
import { migrateSpec, SpecFormatError, type CardSpec } from './spec/schema';
import type { Template } from './template/schema';
import { templateKey } from './template/canonical';
import { templateFields } from './spec/defaults';

/** The limits and markers of share links. */
export const SHARE_LINK = {
  /** The fragment starts with this (after "#"). */
  prefix: 's=',
  /** The link format this code writes and reads. */
  formatVersion: 1,
  /** A fragment longer than this many characters is refused before anything is decoded (16 kB). */
  maxFragmentChars: 16 * 1024,
  /** Decompression stops past this many bytes of JSON (64 kB): a zip bomb cannot fill the memory or hang the tab. */
  maxJsonBytes: 64 * 1024,
} as const;

/** A share link that cannot be made or opened; the message says what is wrong and what to do. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

/** Compression at the edge: deflate-raw and UTF-8, from the platform. */
export interface ShareCodec {
  /** Text → UTF-8 → deflate-raw bytes. */
  compress(text: string): Promise<Uint8Array>;
  /**
   * deflate-raw bytes → UTF-8 text. Stops and throws a ShareLinkError (from `shareLinkErrors`) past `maxBytes` of
   * output, on data that is not deflate, and on bytes that are not UTF-8.
   */
  decompress(bytes: Uint8Array, maxBytes: number): Promise<string>;
}

export interface ShareOptions {
  /** Put the field values, extra contacts and date in the link too. */
  includePersonal: boolean;
}

/** The spec as a link carries it: a CardSpec whose `date` is absent unless personal details are included. */
export type SharedSetup = Omit<CardSpec, 'date'> & { date?: string };

/** What a decoded link holds. */
export interface DecodedShare {
  /** A valid current-version spec; today's date unless the link carried one. */
  spec: CardSpec;
  /** Whether the link carried personal details (field values, extra contacts or a date). */
  includesPersonal: boolean;
}

/** The messages of ShareLinkError, shared by the core and the codecs at the edge. */
export const shareLinkErrors = {
  notALink: 'This is not a Safety Card setup link. Copy the whole link again, from “https” to the end.',
  tooLong: (chars: number) =>
    `This setup link is too long to be a Safety Card setup (${chars} characters; at most ${SHARE_LINK.maxFragmentChars}). Ask for the link again.`,
  newerFormat: (found: string) =>
    `This setup link was made by a newer version of Safety Card (link format ${found}; this one reads format ${SHARE_LINK.formatVersion}). Reload the page to update the app, then open the link again.`,
  damaged:
    'This setup link is damaged: part of it is missing or was changed (its check digits do not match). Copy the whole link again, or ask for a new one.',
  notDeflate: 'This setup link is damaged: its data cannot be unpacked. Copy the whole link again, or ask for a new one.',
  tooLarge: `This setup link unpacks to more than ${SHARE_LINK.maxJsonBytes / 1024} kB, far more than any card setup, so it was not opened. Ask for a new link.`,
  notJson: 'This setup link is damaged: its data is not a card setup (not JSON text). Copy the whole link again, or ask for a new one.',
  invalidSpec: (reason: string) => `This setup link does not hold a valid card setup (${reason}). Ask for a new link.`,
  missingTemplate: (key: string) =>
    `This setup uses the card content ${key}, which is not on this device. Reload the page to update the app, or import that custom template, then open the link again.`,
  misfit: (reason: string) => `This setup does not fit its card content: ${reason}. Ask for a new link.`,
  cannotMake: (chars: number) =>
    `This setup is too long to share as a link (${chars} characters; at most ${SHARE_LINK.maxFragmentChars}). Leave out personal details or shorten long texts.`,
} as const;

/**
 * The spec a link carries: personal details out unless asked for (the values of fields the template marks `personal`,
 * and of fields it does not have; the extra contacts; the date); the logo always out.
 */
export function sharedSetup(spec: CardSpec, template: Template, options: ShareOptions): SharedSetup {
  const clinic = { ...spec.clinic, logo: null };
  if (options.includePersonal) return { ...spec, clinic };
  const impersonal = new Set(templateFields(template).flatMap(({ field }) => (field.personal ? [] : [field.id])));
  const fields = Object.fromEntries(Object.entries(spec.fields).filter(([id, value]) => impersonal.has(id) && value !== ''));
  const { date: _date, ...rest } = spec;
  return { ...rest, fields, extraContacts: [], clinic };
}

/** The full link to a setup: `base` (the app's address; any fragment dropped) + "#s=…". */
export async function makeShareLink(spec: CardSpec, template: Template, options: ShareOptions, base: string, codec: ShareCodec): Promise<string> {
  return `${base.replace(/#.*$/, '')}#${await encodeShareFragment(spec, template, options, codec)}`;
}

/** The fragment (without "#") of a link to this spec. Throws ShareLinkError when it would be too long to open. */
export async function encodeShareFragment(spec: CardSpec, template: Template, options: ShareOptions, codec: ShareCodec): Promise<string> {
  const bytes = await codec.compress(JSON.stringify(sharedSetup(spec, template, options)));
  const fragment = `${SHARE_LINK.prefix}${SHARE_LINK.formatVersion}.${toBase64Url(bytes)}.${hex8(crc32(bytes))}`;
  if (fragment.length > SHARE_LINK.maxFragmentChars) throw new ShareLinkError(shareLinkErrors.cannotMake(fragment.length));
  return fragment;
}

/**
 * Opens a share link's fragment (with or without "#"): format, size, check, unpacking, JSON, spec migration, then its
 * template (`findTemplate` looks it up among the bundled and this device's custom templates). Throws ShareLinkError.
 * @param today the date (YYYY-MM-DD) a link without one gets.
 */
export async function decodeShareFragment(
  hash: string,
  codec: ShareCodec,
  context: { today: string; findTemplate: (id: string, version: string) => Template | undefined },
): Promise<DecodedShare> {
  const fragment = hash.replace(/^#/, '');
  if (fragment.length > SHARE_LINK.maxFragmentChars) throw new ShareLinkError(shareLinkErrors.tooLong(fragment.length));
  if (!fragment.startsWith(SHARE_LINK.prefix)) throw new ShareLinkError(shareLinkErrors.notALink);
  const parts = fragment.slice(SHARE_LINK.prefix.length).split('.');
  const version = parts[0] ?? '';
  if (!/^[1-9][0-9]{0,5}$/.test(version)) throw new ShareLinkError(shareLinkErrors.notALink);
  if (Number(version) > SHARE_LINK.formatVersion) throw new ShareLinkError(shareLinkErrors.newerFormat(version));
  if (Number(version) < SHARE_LINK.formatVersion) throw new ShareLinkError(shareLinkErrors.notALink);
  const [, data = '', check = ''] = parts;
  if (parts.length !== 3 || data === '' || !/^[0-9a-f]{8}$/.test(check)) throw new ShareLinkError(shareLinkErrors.damaged);
  const bytes = fromBase64Url(data);
  if (bytes === undefined || hex8(crc32(bytes)) !== check) throw new ShareLinkError(shareLinkErrors.damaged);

  const text = await codec.decompress(bytes, SHARE_LINK.maxJsonBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ShareLinkError(shareLinkErrors.notJson);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ShareLinkError(shareLinkErrors.invalidSpec('not a JSON object'));
  const shared = json as Record<string, unknown>;
  const carriesDate = 'date' in shared;

  let spec: CardSpec;
  try {
    spec = migrateSpec(carriesDate ? shared : { ...shared, date: context.today });
  } catch (error) {
    if (error instanceof SpecFormatError) throw new ShareLinkError(shareLinkErrors.invalidSpec(error.message));
    throw error;
  }
  const template = context.findTemplate(spec.template.id, spec.template.version);
  if (template === undefined) throw new ShareLinkError(shareLinkErrors.missingTemplate(templateKey(spec.template)));
  // Unknown sections or fields, values too long for the card. An empty selection is a state the editor explains.
  if (spec.sections.length > 0) {
    try {
      compose(template, spec, { contentHash: '' });
    } catch (error) {
      if (error instanceof SpecError) throw new ShareLinkError(shareLinkErrors.misfit(error.message));
      throw error;
    }
  }
  const includesPersonal = carriesDate || Object.values(spec.fields).some((value) => value.trim() !== '') || spec.extraContacts.length > 0;
  return { spec, includesPersonal };
}

/** Bytes → base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes, 'base64url');
}

/** base64url without padding → bytes; undefined for any other character or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  const decoded = fromBase64(text, 'base64url');
  // The last character's unused bits are zero in a link this code wrote: anything else was changed.
  return 'bytes' in decoded && decoded.trailingBits === 0 ? decoded.bytes : undefined;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE 802.3, as in zip and PNG) of some bytes, as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 255] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}
