/**
 * Saved cards as data, without zod: the record shapes, StorageError, names, and the comparisons card-store.ts needs
 * before anything is read or checked (a first visit has nothing stored, so it never loads the schemas: see
 * validators.ts). export-format.ts re-exports all of it.
 */
import type { CardSpec } from '../../core/spec/schema';
import { canonicalJson } from '../../core/template/canonical';
import { en } from '../messages/en';

const m = en.storage;

/** Card names are trimmed and hold 1 to this many characters (Unicode code points). */
export const NAME_MAX_CHARS = 80;

/** A saved card: one record of the "cards" object store, and one entry of an export file. Times are ISO 8601 UTC. */
export interface SavedCard {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  spec: CardSpec;
}

/** A card of an import file that was not imported: its position in the file, its name if it has one, and why. */
export interface RejectedCard {
  index: number;
  name?: string;
  reason: string;
}

/**
 * What an import did. `added`: cards saved under their own id; `renamedCopies`: cards whose id was already taken by
 * a different card, saved as a copy with a new id and " (imported)" after the name; `skipped`: cards already saved
 * with the same name and spec. New cards in all: `added + renamedCopies`.
 */
export interface CardImportReport {
  added: number;
  skipped: number;
  renamedCopies: number;
  rejected: RejectedCard[];
}

/** What an import did to the cards (see CardImportReport) and to the custom templates the file carries. */
export interface ImportReport extends CardImportReport {
  /** Custom templates of the file stored on this device (ones already here, bundled or imported, are not counted). */
  templatesAdded: number;
  /** Custom templates of the file that were not stored, and why (the cards that use them are imported all the same). */
  templatesRejected: RejectedTemplate[];
}

/** A template of an import file that was not stored: its position in `templates`, its id@version if readable, and why. */
export interface RejectedTemplate {
  index: number;
  key?: string;
  reason: string;
}

/** A record of the "set-aside" object store, as `list()` reports it. `name` is the original's name when it has a readable one. */
export interface SetAsideRecord {
  key: number;
  name?: string;
  reason: string;
  setAsideAt: string;
  original: unknown;
}

export type StorageErrorCode =
  | 'unavailable'
  | 'newer-database'
  | 'quota'
  | 'failed'
  | 'not-found'
  | 'unreadable'
  | 'invalid-name'
  | 'invalid-spec'
  | 'not-an-export'
  | 'newer-export'
  | 'template-not-found'
  | 'template-in-use';

/** An error of saved-card storage; the message says what is wrong and how to fix it, and `code` lets the app branch. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What is wrong with a card name, or undefined when it is fine (after trimming). */
export function nameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return m.nameNotText;
  const trimmed = name.trim();
  const chars = [...trimmed].length;
  if (chars === 0) return m.nameEmpty(NAME_MAX_CHARS);
  if (chars > NAME_MAX_CHARS) return m.nameTooLong(NAME_MAX_CHARS, chars);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(trimmed)) return m.nameOneLine;
  return undefined;
}

/** The trimmed name, or a StorageError ('invalid-name') saying what is wrong with it. */
export function validName(name: unknown): string {
  const problem = nameProblem(name);
  if (problem !== undefined) throw new StorageError('invalid-name', problem);
  return (name as string).trim();
}

/** `name` with `suffix` after it, the name shortened if needed to stay within NAME_MAX_CHARS. */
export function nameWithSuffix(name: string, suffix: string): string {
  const room = NAME_MAX_CHARS - [...suffix].length;
  const base = [...name];
  return (base.length <= room ? name : base.slice(0, room).join('').trimEnd()) + suffix;
}

/** The name of a copy made by "duplicate". */
export const copyName = (name: string): string => nameWithSuffix(name, m.copySuffix);
/** The name of an imported card whose id was taken by a different card. */
export const importedName = (name: string): string => nameWithSuffix(name, m.importedSuffix);

/** What makes two cards the same content: the name and the spec (ids and times aside). */
export const contentKey = (card: Pick<SavedCard, 'name' | 'spec'>): string => canonicalJson([card.name, card.spec]);

/** Whether two cards have the same content: equal names and equal specs. */
export const sameContent = (a: Pick<SavedCard, 'name' | 'spec'>, b: Pick<SavedCard, 'name' | 'spec'>): boolean => contentKey(a) === contentKey(b);

/** Newest change first; equal times by name. The order `list()` returns. */
export function byUpdatedDesc(a: SavedCard, b: SavedCard): number {
  return Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.name.localeCompare(b.name);
}
