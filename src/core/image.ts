/**
 * A clinic's logo: base64 by hand (the core has ES2023 globals only: no atob/btoa), and PNG and JPEG recognised by
 * their bytes (PNG: signature, IHDR, chunks to IEND; JPEG: SOI, a SOFn frame header, the end marker). Whatever the
 * card cannot draw is refused with a LogoError that says why and what to do.
 */
import { fromBase64, toBase64 } from './base64';
import { LOGO_MEDIA_TYPES, SPEC_LIMITS, type LogoMediaType } from './spec/defaults';

/** A logo as the card spec holds it. */
export interface LogoData {
  mediaType: LogoMediaType;
  base64: string;
}

/** What the bytes of a logo say about it. */
export interface ImageInfo {
  mediaType: LogoMediaType;
  /** Pixel size from the image header. */
  widthPx: number;
  heightPx: number;
}

/** The largest width or height of a logo, in pixels: a card prints it at most 22 mm wide (260 px at 300 dpi). */
export const LOGO_MAX_SIDE_PX = 4096;
/**
 * The most pixels a logo may have: the PDF engine decodes a PNG's every pixel each time the card is made (in the app,
 * after every change), which takes about 0.3 s for 2 million pixels and 2.5 s for 16 million.
 */
export const LOGO_MAX_PIXELS = 2_000_000;

/** A logo file the card cannot use; the message says why and how to fix it. */
export class LogoError extends Error {
  override name = 'LogoError';
}

/** Bytes as standard base64 with padding (RFC 4648 §4). */
export function encodeBase64(bytes: Uint8Array): string {
  return toBase64(bytes, 'base64');
}

/** Standard base64 (padding optional, no white space) → bytes. Throws LogoError for anything else. */
export function decodeBase64(text: string): Uint8Array {
  const body = text.replace(/={1,2}$/, '');
  const decoded = fromBase64(body, 'base64');
  if ('badLength' in decoded) throw new LogoError('the logo data is not valid base64 (its length is wrong): choose the logo file again');
  if ('badIndex' in decoded) throw new LogoError(`the logo data is not valid base64 (character ${decoded.badIndex + 1} is "${body[decoded.badIndex]}"): choose the logo file again`);
  return decoded.bytes;
}

/** "2.3 MB", "840 kB", "12 bytes" */
function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bit depths PNG allows for each colour type. */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Known file types by their first bytes, to say what a refused file is. */
const KNOWN_STARTS: [number[], string][] = [
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF file (WebP?)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x42, 0x4d], 'a BMP image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP file'],
  [[0x3c], 'text (SVG or HTML?)'],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** How a file starts, as a reader would see it: up to 8 printable ASCII characters, or else the first bytes in hex. */
function firstBytes(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes.subarray(0, 8)) {
    if (byte < 0x20 || byte >= 0x7f) break;
    text += String.fromCharCode(byte);
  }
  if (text.trim() !== '') return `${text}${bytes.length > text.length ? '…' : ''}`;
  return `${[...bytes.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ')}${bytes.length > 4 ? '…' : ''}`;
}

const readU32 = (bytes: Uint8Array, at: number) => (((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)) >>> 0;
const readU16 = (bytes: Uint8Array, at: number) => ((bytes[at] as number) << 8) | (bytes[at + 1] as number);

const TRUNCATED = (kind: string) => `the logo is an incomplete ${kind} file (it ends too early, maybe a broken download): save it again as PNG or JPEG`;

function inspectPng(bytes: Uint8Array): ImageInfo {
  // Signature, then chunks: length (4), type (4), data, CRC (4). IHDR first, at least one IDAT, IEND last.
  if (bytes.length < 8 + 8 + 13 + 4) throw new LogoError(TRUNCATED('PNG'));
  if (readU32(bytes, 8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') {
    throw new LogoError('the logo is a damaged PNG file (no image header where it must be): save it again as PNG or JPEG');
  }
  const widthPx = readU32(bytes, 16);
  const heightPx = readU32(bytes, 20);
  const depth = bytes[24] as number;
  const colorType = bytes[25] as number;
  if (!(PNG_DEPTHS[colorType] ?? []).includes(depth) || bytes[26] !== 0 || bytes[27] !== 0 || (bytes[28] as number) > 1) {
    throw new LogoError(`the logo is a PNG of a kind the card cannot print (colour type ${colorType}, ${depth} bits): save it again as an ordinary PNG or JPEG`);
  }
  let at = 8;
  let sawData = false;
  let sawPalette = false;
  for (;;) {
    if (at + 12 > bytes.length) throw new LogoError(TRUNCATED('PNG'));
    const length = readU32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) throw new LogoError(TRUNCATED('PNG'));
    if (type === 'IDAT') sawData = true;
    if (type === 'PLTE') sawPalette = true;
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (!sawData) throw new LogoError('the logo is a PNG file without image data: save it again as PNG or JPEG');
  if (colorType === 3 && !sawPalette) throw new LogoError('the logo is a damaged PNG file (its colour palette is missing): save it again as PNG or JPEG');
  return { mediaType: 'image/png', widthPx, heightPx };
}

/** Start-of-frame markers (baseline, extended, progressive, lossless; Huffman or arithmetic): they hold the size. */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function inspectJpeg(bytes: Uint8Array): ImageInfo {
  // SOI, then segments: 0xFF, marker, length (2, including itself), data. The frame header (SOFn) gives the size;
  // after the scan (SOS) comes entropy-coded data, in which 0xFF is always followed by 0x00 or a restart marker,
  // until the end marker (EOI).
  let at = 2;
  let size: { widthPx: number; heightPx: number; components: number } | undefined;
  for (;;) {
    while (at < bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xff) at += 1; // fill bytes
    if (at + 4 > bytes.length) throw new LogoError(TRUNCATED('JPEG'));
    if (bytes[at] !== 0xff) throw new LogoError('the logo is a damaged JPEG file (a marker is missing): save it again as PNG or JPEG');
    const marker = bytes[at + 1] as number;
    if (marker === 0xd9) throw new LogoError('the logo is a JPEG file without image data: save it again as PNG or JPEG');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = readU16(bytes, at + 2);
    if (length < 2) throw new LogoError('the logo is a damaged JPEG file (a segment has no length): save it again as PNG or JPEG');
    if (at + 2 + length > bytes.length) throw new LogoError(TRUNCATED('JPEG'));
    if (JPEG_SOF.has(marker)) {
      if (length < 8) throw new LogoError('the logo is a damaged JPEG file (its frame header is too short): save it again as PNG or JPEG');
      size = { heightPx: readU16(bytes, at + 5), widthPx: readU16(bytes, at + 7), components: bytes[at + 9] as number };
    }
    at += 2 + length;
    if (marker === 0xda) break;
  }
  if (size === undefined) throw new LogoError('the logo is a JPEG file without a frame header (no size): save it again as PNG or JPEG');
  if (![1, 3, 4].includes(size.components)) {
    throw new LogoError(`the logo is a JPEG with ${size.components} colour channels, which the card cannot print: save it again as an ordinary (RGB or grey) JPEG or PNG`);
  }
  let end = -1;
  for (let index = bytes.length - 2; index >= at; index--) {
    if (bytes[index] === 0xff && bytes[index + 1] === 0xd9) {
      end = index;
      break;
    }
  }
  if (end < 0) throw new LogoError(TRUNCATED('JPEG'));
  return { mediaType: 'image/jpeg', widthPx: size.widthPx, heightPx: size.heightPx };
}

/** Checks a logo file's size in bytes before reading it (1 MB at most, not empty). Throws LogoError. */
export function checkLogoSize(sizeBytes: number): void {
  if (sizeBytes === 0) throw new LogoError('the logo file is empty (0 bytes): choose the image file itself, as PNG or JPEG');
  if (sizeBytes > SPEC_LIMITS.logoMaxBytes) {
    throw new LogoError(`the logo is ${describeSize(sizeBytes)}; at most ${describeSize(SPEC_LIMITS.logoMaxBytes)}: make it smaller (a logo prints at most 22 × 8 mm, so about 300 × 100 pixels is plenty)`);
  }
}

/**
 * Recognises a logo by its bytes: a PNG or a JPEG of at most 1 MB and 4096 px a side, complete, not empty. When
 * `declared` is given, the bytes must be of that type. Throws LogoError with the reason otherwise.
 */
export function inspectImage(bytes: Uint8Array, declared?: LogoMediaType): ImageInfo {
  checkLogoSize(bytes.length);
  let info: ImageInfo;
  if (startsWith(bytes, PNG_SIGNATURE)) info = inspectPng(bytes);
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) info = inspectJpeg(bytes);
  else if (startsWith(bytes, PNG_SIGNATURE.slice(0, 4))) throw new LogoError(TRUNCATED('PNG'));
  else {
    const known = KNOWN_STARTS.find(([prefix]) => startsWith(bytes, prefix));
    const what = known === undefined ? '' : `, it looks like ${known[1]}`;
    throw new LogoError(`the logo is not a PNG or JPEG image (it starts with ${firstBytes(bytes)}${what}): save it as PNG or JPEG`);
  }
  if (info.widthPx === 0 || info.heightPx === 0) throw new LogoError(`the logo has no pixels (${info.widthPx} × ${info.heightPx}): save it again as PNG or JPEG`);
  if (info.widthPx > LOGO_MAX_SIDE_PX || info.heightPx > LOGO_MAX_SIDE_PX) {
    throw new LogoError(`the logo is ${info.widthPx} × ${info.heightPx} pixels; at most ${LOGO_MAX_SIDE_PX} on each side: make it smaller (about 300 × 100 pixels is plenty)`);
  }
  if (info.widthPx * info.heightPx > LOGO_MAX_PIXELS) {
    throw new LogoError(`the logo is ${info.widthPx} × ${info.heightPx} pixels; at most ${LOGO_MAX_PIXELS / 1_000_000} million pixels (like 2000 × 1000): make it smaller (about 300 × 100 pixels is plenty)`);
  }
  if (declared !== undefined && declared !== info.mediaType) {
    throw new LogoError(`the logo is said to be ${declared} but its bytes are ${info.mediaType}: choose the logo file again`);
  }
  return info;
}

/** The spec's logo value for a file's bytes, checked with `inspectImage`. Throws LogoError. */
export function logoFromBytes(bytes: Uint8Array): LogoData & ImageInfo {
  const info = inspectImage(bytes);
  return { ...info, base64: encodeBase64(bytes) };
}

let lastLogo: { logo: LogoData; info: ImageInfo } | undefined;

/**
 * Checks a spec's logo (base64 and declared type) and returns what its bytes say. The last answer is kept, since
 * the app lays the card out again on every keystroke with the same logo. Throws LogoError.
 */
export function inspectLogo(logo: LogoData): ImageInfo {
  if (lastLogo !== undefined && lastLogo.logo.base64 === logo.base64 && lastLogo.logo.mediaType === logo.mediaType) return lastLogo.info;
  if (!(LOGO_MEDIA_TYPES as readonly string[]).includes(logo.mediaType)) throw new LogoError(`the logo's type "${String(logo.mediaType)}" is not PNG or JPEG: choose a PNG or JPEG file`);
  const info = inspectImage(decodeBase64(logo.base64), logo.mediaType);
  lastLogo = { logo: { ...logo }, info };
  return info;
}
