/**
 * "What changed" between two versions of a template, by section and entry ids (items, contacts and fields),
 * and the smallest version bump the change calls for:
 * - major: an entry or section removed, or a section's severity changed (a changed safety meaning);
 * - minor: an entry or section added;
 * - patch: wording, details, order or anything else changed.
 * A reworded entry may still change its safety meaning; only its author can tell, so a rewording needs at least a
 * patch and the author may choose major.
 */
import { bumpCovers, type Bump } from '../semver';
import { canonicalJson, templateKey } from './canonical';
import type { Section, Severity, Template } from './schema';

export type EntryKind = 'item' | 'contact' | 'field';

/** One addressable thing on a card: an item, a contact or a field, with the words that represent it. */
export interface EntryRef {
  id: string;
  kind: EntryKind;
  sectionId: string;
  /** What the card prints for it (for a contact: name, number or address, regions; for a field: its label). */
  wording: string;
}

export interface SectionRef {
  id: string;
  title: string;
}

export interface TemplateDiff {
  /** "id@version" of each side. */
  from: string;
  to: string;
  sections: {
    added: SectionRef[];
    removed: SectionRef[];
    retitled: { id: string; from: string; to: string }[];
    /** Sections whose place among the sections both versions share changed. */
    moved: SectionRef[];
    severityChanged: { id: string; from: Severity; to: Severity }[];
    /** Other section settings that changed: summary, default selection, front priority, kind. */
    settingsChanged: { id: string; keys: string[] }[];
  };
  entries: {
    added: EntryRef[];
    removed: EntryRef[];
    /** Printed wording changed. */
    reworded: { id: string; kind: EntryKind; sectionId: string; from: string; to: string }[];
    /** Only what the app shows changed: detail, references, hints, limits, source or verified date. */
    detailChanged: { id: string; kind: EntryKind; sectionId: string; keys: string[] }[];
    /** Moved to another section, or reordered among the entries both versions share in a section. */
    moved: { id: string; kind: EntryKind; fromSection: string; toSection: string }[];
  };
  /** Template-level keys that changed: title, description, disclaimer, attribution, references, locale. */
  templateKeysChanged: string[];
  /** The smallest bump these changes need. */
  requiredBump: Bump;
}

interface EntryRecord extends EntryRef {
  /** Everything about the entry, canonical, for detecting non-printed changes. */
  body: Record<string, unknown>;
  /** Position among the entries of its section. */
  index: number;
}

/** Diffs two templates with the same id (any versions, either order). */
export function diffTemplates(from: Template, to: Template): TemplateDiff {
  const diff: TemplateDiff = {
    from: templateKey(from),
    to: templateKey(to),
    sections: { added: [], removed: [], retitled: [], moved: [], severityChanged: [], settingsChanged: [] },
    entries: { added: [], removed: [], reworded: [], detailChanged: [], moved: [] },
    templateKeysChanged: [],
    requiredBump: 'none',
  };

  const oldSections = new Map(from.sections.map((section) => [section.id, section]));
  const newSections = new Map(to.sections.map((section) => [section.id, section]));
  for (const section of from.sections) {
    if (!newSections.has(section.id)) diff.sections.removed.push({ id: section.id, title: section.title });
  }
  for (const section of to.sections) {
    const before = oldSections.get(section.id);
    if (before === undefined) {
      diff.sections.added.push({ id: section.id, title: section.title });
      continue;
    }
    if (before.title !== section.title) diff.sections.retitled.push({ id: section.id, from: before.title, to: section.title });
    if (before.severity !== section.severity) diff.sections.severityChanged.push({ id: section.id, from: before.severity, to: section.severity });
    const keys = (['summary', 'defaultSelected', 'frontPriority', 'kind'] as const).filter((key) => before[key] !== section[key]);
    if (before.kind === 'text' && section.kind === 'text' && (before.text !== section.text || canonicalJson(before.refs) !== canonicalJson(section.refs))) {
      keys.push('text' as never);
    }
    if (keys.length > 0) diff.sections.settingsChanged.push({ id: section.id, keys });
  }
  const sharedSectionIds = new Set(from.sections.filter((s) => newSections.has(s.id)).map((s) => s.id));
  for (const id of outOfOrder(
    from.sections.map((s) => s.id).filter((s) => sharedSectionIds.has(s)),
    to.sections.map((s) => s.id).filter((s) => sharedSectionIds.has(s)),
  )) {
    const section = newSections.get(id);
    if (section !== undefined) diff.sections.moved.push({ id, title: section.title });
  }

  const oldEntries = entriesOf(from);
  const newEntries = entriesOf(to);
  for (const entry of oldEntries.values()) {
    if (!newEntries.has(entry.id)) diff.entries.removed.push(toRef(entry));
  }
  for (const entry of newEntries.values()) {
    const before = oldEntries.get(entry.id);
    if (before === undefined) {
      diff.entries.added.push(toRef(entry));
      continue;
    }
    if (before.wording !== entry.wording) {
      diff.entries.reworded.push({ id: entry.id, kind: entry.kind, sectionId: entry.sectionId, from: before.wording, to: entry.wording });
    }
    const changedKeys = Object.keys({ ...before.body, ...entry.body })
      .filter((key) => !PRINTED_KEYS.has(key))
      .filter((key) => canonicalJson(before.body[key] ?? null) !== canonicalJson(entry.body[key] ?? null))
      .sort();
    if (changedKeys.length > 0) diff.entries.detailChanged.push({ id: entry.id, kind: entry.kind, sectionId: entry.sectionId, keys: changedKeys });
    if (before.sectionId !== entry.sectionId) {
      diff.entries.moved.push({ id: entry.id, kind: entry.kind, fromSection: before.sectionId, toSection: entry.sectionId });
    }
  }
  // Reordering within a section: among entries that stay in the same section, those off the longest common order.
  for (const section of to.sections) {
    const stayed = (list: Iterable<EntryRecord>) =>
      [...list]
        .filter((e) => e.sectionId === section.id && oldEntries.get(e.id)?.sectionId === section.id && newEntries.get(e.id)?.sectionId === section.id)
        .sort((a, b) => a.index - b.index)
        .map((e) => e.id);
    for (const id of outOfOrder(stayed(oldEntries.values()), stayed(newEntries.values()))) {
      diff.entries.moved.push({ id, kind: newEntries.get(id)?.kind ?? 'item', fromSection: section.id, toSection: section.id });
    }
  }

  for (const key of ['title', 'description', 'disclaimer', 'attribution', 'references', 'locale'] as const) {
    if (canonicalJson(from[key]) !== canonicalJson(to[key])) diff.templateKeysChanged.push(key);
  }

  diff.requiredBump = requiredBump(diff);
  return diff;
}

/** The smallest bump a diff calls for. */
function requiredBump(diff: TemplateDiff): Bump {
  const { sections, entries } = diff;
  if (sections.removed.length > 0 || entries.removed.length > 0 || sections.severityChanged.length > 0) return 'major';
  if (sections.added.length > 0 || entries.added.length > 0) return 'minor';
  const anythingElse =
    sections.retitled.length + sections.moved.length + sections.settingsChanged.length + entries.reworded.length + entries.detailChanged.length + entries.moved.length + diff.templateKeysChanged.length;
  return anythingElse > 0 ? 'patch' : 'none';
}

/** Whether publishing `diff.to` with a `bump` over `diff.from` is allowed by the diff. */
export function bumpIsEnough(diff: TemplateDiff, bump: Bump): boolean {
  return bumpCovers(bump, diff.requiredBump);
}

/** Keys that make up an entry's printed wording; changes to the others are "detail" changes. */
const PRINTED_KEYS = new Set(['id', 'text', 'name', 'phone', 'url', 'regions', 'notes', 'label', 'kind', 'lines']);

function entriesOf(template: Template): Map<string, EntryRecord> {
  const entries = new Map<string, EntryRecord>();
  for (const section of template.sections) {
    for (const entry of sectionEntries(section)) entries.set(entry.id, entry);
  }
  return entries;
}

function sectionEntries(section: Section): EntryRecord[] {
  switch (section.kind) {
    case 'items':
      return section.items.map((item, index) => ({ id: item.id, kind: 'item', sectionId: section.id, wording: item.text, body: { ...item }, index }));
    case 'contacts':
      return section.contacts.map((contact, index) => ({
        id: contact.id,
        kind: 'contact',
        sectionId: section.id,
        wording: [contact.name, contact.phone?.display, contact.url, contact.notes, `(${contact.regions.join(', ')})`].filter((part) => part !== undefined).join(' · '),
        body: { ...contact },
        index,
      }));
    case 'fields':
      return section.fields.map((field, index) => ({
        id: field.id,
        kind: 'field',
        sectionId: section.id,
        wording: field.kind === 'write-in' ? `${field.label} (write-in, ${field.lines ?? 1} line${(field.lines ?? 1) > 1 ? 's' : ''})` : `${field.label} (${field.kind})`,
        body: { ...field },
        index,
      }));
    case 'text':
      return [];
  }
}

function toRef(entry: EntryRecord): EntryRef {
  return { id: entry.id, kind: entry.kind, sectionId: entry.sectionId, wording: entry.wording };
}

/** Ids of `after` that are not on a longest common subsequence of `before` and `after` (both hold the same ids). */
function outOfOrder(before: readonly string[], after: readonly string[]): string[] {
  const n = before.length;
  const m = after.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] = before[i] === after[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      kept.add(before[i] as string);
      i++;
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return after.filter((id) => !kept.has(id));
}
