/** Limits on template files that code outside the parser needs too, without loading the schema (zod). */

/** Largest template file accepted, in UTF-16 code units of its text (about 512 kB). */
export const MAX_TEMPLATE_TEXT_CHARS = 512 * 1024;
/** A file of more bytes than this cannot be within that limit (a UTF-16 unit is at most 3 bytes of UTF-8): refused unread. */
export const MAX_TEMPLATE_FILE_BYTES = MAX_TEMPLATE_TEXT_CHARS * 3;

/** The problem of a template file over the limit, given its size (characters, or bytes before reading it). */
export function templateTooLarge(size: number): { path: string; expected: string; found: string; message: string } {
  const expected = `a template file of at most ${MAX_TEMPLATE_TEXT_CHARS / 1024} kB`;
  const found = `${Math.ceil(size / 1024)} kB`;
  return { path: '(root)', expected, found, message: `expected ${expected}, found ${found}` };
}
