/**
 * The canonical text of a template's content: JSON with object keys sorted and no white space, without the
 * editor-only `$schema` key. Its SHA-256 is the template's content hash: the lock records it, and the card prints
 * its first characters, so re-indenting a file changes nothing but any change of content does.
 */
import type { Template } from './schema';

/** Canonical JSON of any JSON value: keys sorted by code unit, no white space. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** The text whose SHA-256 is the template's content hash. */
export function templateContentText(template: Template): string {
  const { $schema: _editorHint, ...content } = template;
  return canonicalJson(content);
}

/** How many hex characters of the content hash a card prints. */
export const SHORT_HASH_CHARS = 8;

/** "mdma-therapy@1.0.0": how a template version is named everywhere (cards, the lock, the app's lists). */
export function templateKey(template: Pick<Template, 'id' | 'version'>): string {
  return `${template.id}@${template.version}`;
}
