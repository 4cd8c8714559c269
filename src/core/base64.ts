/**
 * Base64 (RFC 4648): standard with padding, for the logo's bytes in a spec, and URL-safe without padding, for share
 * links. Pure: core has no atob/btoa (ES2023 globals only), and Buffer is Node's.
 */
export type Base64Alphabet = 'base64' | 'base64url';

const ALPHABETS: Record<Base64Alphabet, string> = {
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};
const VALUES: Record<Base64Alphabet, Int16Array> = { base64: valuesOf(ALPHABETS.base64), base64url: valuesOf(ALPHABETS.base64url) };

function valuesOf(alphabet: string): Int16Array {
  const values = new Int16Array(128).fill(-1);
  for (let index = 0; index < alphabet.length; index++) values[alphabet.charCodeAt(index)] = index;
  return values;
}

/** Bytes as base64: the standard alphabet with `=` padding, or base64url without padding. */
export function toBase64(bytes: Uint8Array, alphabet: Base64Alphabet): string {
  const chars = ALPHABETS[alphabet];
  const pad = alphabet === 'base64' ? '=' : '';
  const parts: string[] = [];
  let chunk = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] as number;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    chunk += chars[(triple >> 18) & 63]! + chars[(triple >> 12) & 63]! + (b === undefined ? pad : chars[(triple >> 6) & 63]!) + (c === undefined ? pad : chars[triple & 63]!);
    // Joined in pieces: one string grown by a million small additions is slow in some engines.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Base64 characters (no padding, no white space) → bytes, or what is wrong: a length no encoder makes, or the index
 * of the first character outside the alphabet. `trailingBits` are the unused bits of the last character, zero in
 * text an encoder wrote.
 */
export function fromBase64(text: string, alphabet: Base64Alphabet): { bytes: Uint8Array; trailingBits: number } | { badLength: true } | { badIndex: number } {
  if (text.length % 4 === 1) return { badLength: true };
  const values = VALUES[alphabet];
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let out = 0;
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? (values[code] as number) : -1;
    if (value < 0) return { badIndex: index };
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  return { bytes, trailingBits: buffer };
}
