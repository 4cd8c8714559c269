/** Limits on template files that code outside the parser needs too, without loading the schema (zod). */

/** Largest template file accepted, in UTF-16 code units of its text (about 512 kB). */
export const MAX_TEMPLATE_TEXT_CHARS = 512 * 1024;
