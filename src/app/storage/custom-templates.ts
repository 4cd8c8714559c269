/**
 * Custom templates on this device, as data: reading an imported file (the same parser and content hash as the bundled
 * templates: src/core/template), the record kept in the "templates" object store, and the rules of
 * src/core/template/custom.ts against the bundled published versions (templates/lock.json). card-store.ts does the
 * storing.
 */
import { templateContentText, templateKey } from '../../core/template/canonical';
import { decideCustomImport, formatTemplateProblem, type HashedTemplate } from '../../core/template/custom';
import type { Template } from '../../core/template/schema';
import { parseTemplateText, type TemplateProblem } from '../../core/template/validate';
import { BUNDLED_HASHES } from '../engine/templates';

export { BUNDLED_HASHES };

/** A record of the "templates" object store (keyPath "key"). `text` is the file as imported, exported as it is. */
export interface StoredTemplateRecord {
  /** "id@version" */
  key: string;
  text: string;
  /** SHA-256 (hex) of the template's canonical content, as for bundled templates. */
  sha256: string;
  /** ISO 8601 UTC. */
  importedAt: string;
}

/** A custom template ready to use: the record, and its template read from `text`. */
export interface CustomTemplate extends StoredTemplateRecord, HashedTemplate {
  template: Template;
}

/** A stored template that this version of the app cannot read (kept, and exportable): its key and the problems. */
export interface UnreadableTemplate {
  key: string;
  text: string;
  problems: string[];
}

/** The outcome of importing a template file: what happened, or the problems at their JSON paths (nothing changed). */
export type TemplateImportResult =
  | { ok: true; status: 'added' | 'already-bundled' | 'already-imported'; key: string }
  | { ok: false; key?: string; problems: TemplateProblem[] };

/** SHA-256 of the UTF-8 of `text`, in hex, with WebCrypto (the CLI uses node:crypto; both give the lock's hashes). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A template file read and hashed, or its problems (too big, not JSON, the schema, the rules across values). */
export async function readTemplateFile(text: string): Promise<{ ok: true; template: Template; sha256: string } | { ok: false; problems: TemplateProblem[] }> {
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return parsed;
  return { ok: true, template: parsed.template, sha256: await sha256Hex(templateContentText(parsed.template)) };
}

/** A stored record read back: the custom template, or why it cannot be used. */
export function readStoredTemplate(raw: unknown): { ok: true; entry: CustomTemplate } | { ok: false; unreadable: UnreadableTemplate } {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<StoredTemplateRecord>;
  const key = typeof record.key === 'string' ? record.key : '(unknown)';
  const text = typeof record.text === 'string' ? record.text : '';
  if (typeof record.sha256 !== 'string' || typeof record.importedAt !== 'string') {
    return { ok: false, unreadable: { key, text, problems: ['(root): the stored record is incomplete; import the template file again'] } };
  }
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return { ok: false, unreadable: { key, text, problems: parsed.problems.map(formatTemplateProblem) } };
  return { ok: true, entry: { key: templateKey(parsed.template), text, sha256: record.sha256, importedAt: record.importedAt, template: parsed.template } };
}

/**
 * Decides what to do with a read template given the stored ones (and, for an export, the ones added before it):
 * the record to add, or the result to report.
 */
export function planTemplateImport(
  read: { template: Template; sha256: string },
  text: string,
  stored: readonly HashedTemplate[],
  importedAt: string,
): { record?: StoredTemplateRecord; result: TemplateImportResult } {
  const key = templateKey(read.template);
  const decision = decideCustomImport(read, { bundled: BUNDLED_HASHES, custom: stored });
  switch (decision.kind) {
    case 'refused':
      return { result: { ok: false, key, problems: decision.problems } };
    case 'new':
      return { record: { key, text, sha256: read.sha256, importedAt }, result: { ok: true, status: 'added', key } };
    default:
      return { result: { ok: true, status: decision.kind, key } };
  }
}
