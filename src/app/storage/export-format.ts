/**
 * Saved cards as data, with no IndexedDB: the record shape, names, the export file, and the rules that merge an
 * imported file into the saved cards without losing anything. card-store.ts does the storing; everything here is
 * pure and unit-tested (tests/app/storage/export-format.test.ts). The parts without zod are in records.ts (re-exported
 * here): card-store.ts loads this module only when there is something to read or check (see validators.ts).
 */
import { CURRENT_SPEC_VERSION, migrateSpec, type CardSpec } from '../../core/spec/schema';
import { canonicalJson } from '../../core/template/canonical';
import { en } from '../messages/en';
import { contentKey, importedName, nameProblem, sameContent, StorageError, type CardImportReport, type RejectedCard, type SavedCard, type SetAsideRecord } from './records';

export {
  byUpdatedDesc,
  copyName,
  importedName,
  NAME_MAX_CHARS,
  nameProblem,
  nameWithSuffix,
  sameContent,
  StorageError,
  validName,
  type CardImportReport,
  type ImportReport,
  type RejectedCard,
  type RejectedTemplate,
  type SavedCard,
  type SetAsideRecord,
  type StorageErrorCode,
} from './records';

const m = en.storage;

/**
 * The marker of an export file, and the export version this code writes (it reads every version up to it).
 * Version 1: `cards`. Version 2 adds `templates`: the custom templates the cards use, each the JSON of the file as
 * it was imported (checked again, like any template file, when the export is imported).
 */
export const EXPORT_FORMAT = 'safety-card/cards';
export const EXPORT_VERSION = 2;
/**
 * The largest import accepted, in bytes of UTF-8: 50 MB, so that the app's own export always comes back in — thousands
 * of cards, or dozens of a clinic's cards that each carry a logo of up to 1 MB (1.4 MB as base64).
 */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Ids are `crypto.randomUUID()` here; imported ones may be any text up to this length. */
export const ID_MAX_CHARS = 200;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isIsoTime = (value: unknown): value is string => typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** A type name for messages; never the value itself (it may be what the user typed). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** The result of reading a stored or imported record: the card, and whether its spec was migrated from an older version. */
export type ReadCard = { ok: true; card: SavedCard; migrated: boolean } | { ok: false; reason: string };

/**
 * Reads a stored or imported record as a SavedCard: checks each field, migrates the spec with `migrateSpec`.
 * Fields other than the five are ignored. The reason names every problem, never a value.
 */
export function readCard(value: unknown): ReadCard {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `not a saved card: expected an object, found ${describeType(value)}` };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const { id, name, createdAt, updatedAt } = record;
  if (typeof id !== 'string' || id.length === 0 || id.length > ID_MAX_CHARS) problems.push(`"id" must be text of 1 to ${ID_MAX_CHARS} characters, found ${describeType(id)}`);
  const badName = nameProblem(name);
  if (badName !== undefined) problems.push(`"name": ${badName}`);
  for (const [key, time] of [['createdAt', createdAt], ['updatedAt', updatedAt]] as const) {
    if (!isIsoTime(time)) problems.push(`"${key}" must be a date and time like 2026-01-31T09:30:00.000Z, found ${describeType(time)}`);
  }
  let spec: CardSpec | undefined;
  try {
    spec = migrateSpec(record.spec);
  } catch (error) {
    problems.push(`"spec": ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problems.length > 0 || spec === undefined) return { ok: false, reason: problems.join('; ') };
  const migrated = (record.spec as { specVersion?: unknown }).specVersion !== CURRENT_SPEC_VERSION;
  return { ok: true, card: { id: id as string, name: (name as string).trim(), createdAt: createdAt as string, updatedAt: updatedAt as string, spec }, migrated };
}

/** JSON with object keys sorted, so that equal data gives equal text whatever the key order (the templates' canonical form). */
export { canonicalJson };

const exportEntry = (card: SavedCard): SavedCard => ({ id: card.id, name: card.name, createdAt: card.createdAt, updatedAt: card.updatedAt, spec: card.spec });

/** The text of an export file of `cards`, with `templates`: the JSON data of the custom template files they use. */
export function buildExport(cards: readonly SavedCard[], exportedAt: Date, templates: readonly unknown[] = []): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, exportVersion: EXPORT_VERSION, exportedAt: exportedAt.toISOString(), cards: cards.map(exportEntry), templates }, null, 2)}\n`;
}

/**
 * An export file read: the valid cards with their position in the file, the others with the reason, and the custom
 * templates' JSON data as found (none in a version 1 file), to be checked like any template file.
 */
export interface ParsedExport {
  cards: { index: number; card: SavedCard }[];
  rejected: RejectedCard[];
  templates: unknown[];
}

/** The UTF-8 length of `text` in bytes, counting no further than `limit + 1`. */
function utf8BytesUpTo(text: string, limit: number): number {
  if (text.length > limit) return limit + 1; // every UTF-16 unit is at least one byte
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Reads the text of an export file. A file that is not an export at all (too large, not JSON, no format marker, a
 * newer export version, no list of cards) is refused as a whole with a StorageError; otherwise each card is read
 * on its own, and a bad card is listed in `rejected` without affecting the others.
 */
export function parseExport(text: string): ParsedExport {
  if (utf8BytesUpTo(text, IMPORT_MAX_BYTES) > IMPORT_MAX_BYTES) throw new StorageError('not-an-export', m.fileTooLarge(IMPORT_MAX_BYTES / 1024 / 1024));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new StorageError('not-an-export', m.notJson);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new StorageError('not-an-export', m.notExport(EXPORT_FORMAT));
  }
  const file = data as Record<string, unknown>;
  const version = file.exportVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StorageError('not-an-export', m.damagedExport(`"exportVersion" must be a whole number from 1 to ${EXPORT_VERSION}, found ${describeType(version)}`));
  }
  if (version > EXPORT_VERSION) throw new StorageError('newer-export', m.newerExport(version, EXPORT_VERSION));
  if (!Array.isArray(file.cards)) throw new StorageError('not-an-export', m.damagedExport(`"cards" must be a list, found ${describeType(file.cards)}`));
  // Version 1 had no templates; in version 2 they may be left out (a hand-made file), but not be something else.
  const templates = version < 2 || file.templates === undefined ? [] : file.templates;
  if (!Array.isArray(templates)) throw new StorageError('not-an-export', m.damagedExport(`"templates" must be a list, found ${describeType(templates)}`));
  const parsed: ParsedExport = { cards: [], rejected: [], templates };
  file.cards.forEach((entry: unknown, index) => {
    const read = readCard(entry);
    if (read.ok) {
      parsed.cards.push({ index, card: read.card });
      return;
    }
    const name = (entry as { name?: unknown } | null)?.name;
    const label = typeof name === 'string' && nameProblem(name) === undefined ? name.trim() : undefined;
    parsed.rejected.push({ index, ...(label === undefined ? {} : { name: label }), reason: read.reason });
  });
  return parsed;
}

/**
 * Merges the cards of an export into the saved ones without loss: `existing` maps every saved id to its card (or to
 * null when the record there could not be read). A new id is added; the same id with the same content is skipped; the
 * same id with other content is added as a copy with a fresh id from `newId` and " (imported)" after its name
 * (skipped instead when that copy is already saved, so importing a file twice adds nothing the second time).
 * Returns the cards to add, in file order, and the report.
 */
export function planImport(existing: ReadonlyMap<string, SavedCard | null>, parsed: ParsedExport, newId: () => string): { toAdd: SavedCard[]; report: CardImportReport } {
  const saved = new Map(existing);
  const contents = new Set([...existing.values()].flatMap((card) => (card === null ? [] : [contentKey(card)])));
  const report: CardImportReport = { added: 0, skipped: 0, renamedCopies: 0, rejected: [...parsed.rejected].sort((a, b) => a.index - b.index) };
  const toAdd: SavedCard[] = [];
  const add = (card: SavedCard) => {
    saved.set(card.id, card);
    contents.add(contentKey(card));
    toAdd.push(card);
  };
  for (const { card } of parsed.cards) {
    if (!saved.has(card.id)) {
      add(card);
      report.added++;
      continue;
    }
    const current = saved.get(card.id);
    const copy = { ...card, name: importedName(card.name) };
    if ((current !== null && current !== undefined && sameContent(current, card)) || contents.has(contentKey(copy))) {
      report.skipped++;
      continue;
    }
    let id = newId();
    while (saved.has(id)) id = newId();
    add({ ...copy, id });
    report.renamedCopies++;
  }
  return { toAdd, report };
}

/**
 * A copy of any value IndexedDB can hold that JSON can write: big integers as text, Maps and Sets as lists, binary
 * data as lists of bytes, files as a note of their size, a value met again inside itself as "[circular]".
 */
export function toJsonSafe(value: unknown, ancestors: object[] = []): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.includes(value)) return '[circular]';
  const inner = [...ancestors, value];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Map) return [...value.entries()].map((pair) => toJsonSafe(pair, inner));
  if (value instanceof Set || Array.isArray(value)) return [...value].map((item: unknown) => toJsonSafe(item, inner));
  if (ArrayBuffer.isView(value)) return [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
  if (value instanceof ArrayBuffer) return [...new Uint8Array(value)];
  if (typeof Blob !== 'undefined' && value instanceof Blob) return `[file of ${value.size} bytes]`;
  if (value instanceof RegExp) return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonSafe(item, inner)]));
}

/**
 * The text of an export of set-aside records, for the user to keep. It is an export file (same format marker) whose
 * `cards` are the originals as they were stored, so it can be imported again once the app can read them (after an
 * update, or after a fix by hand); `setAside` says, for each, why and when it was set aside.
 */
export function buildSetAsideExport(records: readonly SetAsideRecord[], exportedAt: Date): string {
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      exportVersion: EXPORT_VERSION,
      exportedAt: exportedAt.toISOString(),
      cards: records.map((record) => toJsonSafe(record.original) ?? null),
      setAside: records.map((record, index) => ({ index, reason: record.reason, setAsideAt: record.setAsideAt })),
    },
    null,
    2,
  )}\n`;
}
