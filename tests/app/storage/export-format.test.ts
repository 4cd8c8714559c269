/**
 * Saved cards as data (no IndexedDB): names, reading records, the export file, and the merge of an import.
 * The same rules run against real IndexedDB in tests/browser/storage.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defaultSpec, type CardSpec } from '../../../src/core/spec/schema';
import {
  buildExport,
  buildSetAsideExport,
  canonicalJson,
  copyName,
  EXPORT_FORMAT,
  importedName,
  IMPORT_MAX_BYTES,
  NAME_MAX_CHARS,
  parseExport,
  planImport,
  readCard,
  StorageError,
  toJsonSafe,
  validName,
  type CardImportReport,
  type SavedCard,
} from '../../../src/app/storage/export-format';
import { miniTemplate } from '../../helpers/fixtures';
import { makePng } from '../../helpers/images';

const spec: CardSpec = defaultSpec(miniTemplate(), '2026-11-29');
const otherSpec: CardSpec = { ...spec, region: 'US', fields: { name: 'Zoë' } };

function card(id: string, name: string, change: Partial<CardSpec> = {}): SavedCard {
  return { id, name, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-02T10:30:00.000Z', spec: { ...spec, ...change } };
}

/** Imports `text` into `saved`: the merged cards by id, and the report. */
function importInto(saved: SavedCard[], text: string): { cards: SavedCard[]; report: CardImportReport } {
  let next = 0;
  const { toAdd, report } = planImport(new Map(saved.map((c) => [c.id, c])), parseExport(text), () => `new-${++next}`);
  return { cards: [...saved, ...toAdd], report };
}

const exportOf = (cards: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: EXPORT_FORMAT, exportVersion: 1, exportedAt: '2026-11-29T12:00:00.000Z', cards, ...extra });

/** The StorageError thrown by `run`. */
function refusal(run: () => unknown): StorageError {
  try {
    run();
  } catch (error) {
    if (error instanceof StorageError) return error;
    throw error;
  }
  throw new Error('expected a StorageError');
}

describe('card names', () => {
  it('are trimmed and hold 1 to 80 characters (code points, so emoji count once)', () => {
    expect(validName('  For Sam  ')).toBe('For Sam');
    expect(validName('x'.repeat(NAME_MAX_CHARS))).toHaveLength(80);
    expect(validName('🙂'.repeat(80))).toBe('🙂'.repeat(80));
  });

  it('say what is wrong and how to fix it', () => {
    expect(refusal(() => validName('   '))).toMatchObject({ code: 'invalid-name', message: 'Give the card a name (1 to 80 characters).' });
    expect(refusal(() => validName('x'.repeat(95))).message).toBe('A card name can have at most 80 characters; this one has 95. Shorten it.');
    expect(refusal(() => validName('For\nSam')).message).toBe('A card name must fit on one line: remove line breaks and tabs.');
    expect(refusal(() => validName(3)).message).toBe('A card name must be text.');
  });

  it('of copies get a suffix, shortening the name to stay within 80 characters', () => {
    expect(copyName('For Sam')).toBe('For Sam (copy)');
    expect(importedName('For Sam')).toBe('For Sam (imported)');
    const long = copyName(`${'a'.repeat(70)} ${'b'.repeat(9)}`);
    expect([...long]).toHaveLength(80);
    expect(long).toBe(`${'a'.repeat(70)} ${'b'.repeat(2)} (copy)`);
    expect(copyName(`${'a'.repeat(72)} 🙂🙂🙂`)).toBe(`${'a'.repeat(72)} (copy)`);
  });
});

describe('reading a stored or imported record', () => {
  it('accepts a saved card and trims its name, ignoring fields it does not know', () => {
    expect(readCard({ ...card('a', '  Wallet  '), folder: 'x' })).toEqual({ ok: true, card: card('a', 'Wallet'), migrated: false });
  });

  it('names every problem, without quoting the values', () => {
    const read = readCard({ id: 'x', name: 3, spec: 'nope' });
    expect(read).toEqual({
      ok: false,
      reason:
        '"name": A card name must be text.; "createdAt" must be a date and time like 2026-01-31T09:30:00.000Z, found nothing; "updatedAt" must be a date and time like 2026-01-31T09:30:00.000Z, found nothing; "spec": not a card spec: expected a JSON object with a "specVersion"',
    });
    expect(readCard('secret text')).toEqual({ ok: false, reason: 'not a saved card: expected an object, found text' });
    expect(readCard({ ...card('', 'A'), createdAt: 'yesterday' })).toMatchObject({ reason: expect.stringMatching(/^"id" must be text of 1 to 200 characters, found text; "createdAt" must be a date/) });
    expect(readCard({ ...card('a', 'A'), spec: { ...spec, specVersion: 7 } })).toMatchObject({ reason: expect.stringContaining('"spec": this card was made by a newer Safety Card (spec version 7') });
  });
});

describe('export and import', () => {
  const saved = [card('a', 'Wallet'), card('b', 'For Sam', { region: 'GB' }), card('c', 'Clinic — Zoë Łukasiewicz', { copies: 10, paper: 'a4' })];

  it('round-trips: an export imported into an empty device gives the same cards', () => {
    const text = buildExport(saved, new Date('2026-11-29T12:00:00Z'));
    expect(JSON.parse(text)).toEqual({ format: 'safety-card/cards', exportVersion: 2, exportedAt: '2026-11-29T12:00:00.000Z', cards: saved, templates: [] });
    const { cards, report } = importInto([], text);
    expect(report).toEqual({ added: 3, skipped: 0, renamedCopies: 0, rejected: [] });
    expect(cards).toEqual(saved);
  });

  it('skips cards already saved with the same content, whatever the key order or times', () => {
    const reordered = saved.map((c) => ({ spec: Object.fromEntries(Object.entries(c.spec).reverse()), updatedAt: '2026-11-28T00:00:00.000Z', name: ` ${c.name}`, createdAt: c.createdAt, id: c.id }));
    const { cards, report } = importInto(saved, exportOf(reordered));
    expect(report).toEqual({ added: 0, skipped: 3, renamedCopies: 0, rejected: [] });
    expect(cards).toEqual(saved);
  });

  it('adds a card with a new id, and a conflicting one as an "(imported)" copy with a new id, overwriting nothing', () => {
    const incoming = [card('d', 'New one'), card('a', 'Wallet', { region: 'US' }), card('b', 'Renamed elsewhere', { region: 'GB' })];
    const { cards, report } = importInto(saved, exportOf(incoming));
    expect(report).toEqual({ added: 1, skipped: 0, renamedCopies: 2, rejected: [] });
    expect(cards.slice(0, 3)).toEqual(saved);
    expect(cards.slice(3)).toEqual([card('d', 'New one'), { ...card('new-1', 'Wallet (imported)'), spec: { ...spec, region: 'US' } }, { ...card('new-2', 'Renamed elsewhere (imported)'), spec: { ...spec, region: 'GB' } }]);
  });

  it('adds nothing when the same file is imported a second time', () => {
    const text = exportOf([card('d', 'New one'), card('a', 'Wallet', { region: 'US' })]);
    const first = importInto(saved, text);
    const second = importInto(first.cards, text);
    expect(second.report).toEqual({ added: 0, skipped: 2, renamedCopies: 0, rejected: [] });
    expect(second.cards).toEqual(first.cards);
  });

  it('treats repeated ids inside one file by the same rules', () => {
    const { cards, report } = importInto([], exportOf([card('a', 'One'), card('a', 'One'), card('a', 'Two')]));
    expect(report).toEqual({ added: 1, skipped: 1, renamedCopies: 1, rejected: [] });
    expect(cards.map((c) => [c.id, c.name])).toEqual([
      ['a', 'One'],
      ['new-1', 'Two (imported)'],
    ]);
  });

  it('copies a card whose id is held by an unreadable record', () => {
    const { toAdd, report } = planImport(new Map([['a', null]]), parseExport(exportOf([card('a', 'Wallet')])), () => 'fresh');
    expect(report.renamedCopies).toBe(1);
    expect(toAdd).toEqual([card('fresh', 'Wallet (imported)')]);
  });

  it('lists bad cards with their index, name and reason, and imports the good ones around them', () => {
    const text = exportOf([card('d', 'Good one'), { ...card('e', 'Bad spec'), spec: { ...spec, copies: 0 } }, 'text', card('f', 'Another good one'), { ...card('g', ''), spec: otherSpec }]);
    const { cards, report } = importInto(saved, text);
    expect(report).toEqual({
      added: 2,
      skipped: 0,
      renamedCopies: 0,
      rejected: [
        { index: 1, name: 'Bad spec', reason: '"spec": not a valid card spec: copies: at least 1' },
        { index: 2, reason: 'not a saved card: expected an object, found text' },
        { index: 4, reason: '"name": Give the card a name (1 to 80 characters).' },
      ],
    });
    expect(cards.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'f']);
  });

  it('refuses a file that is not an export at all, as a whole, saying what it is and what to choose instead', () => {
    const cases: [string, string, string][] = [
      ['not JSON', 'name,phone\nSam,+1 555', 'This file is not a Safety Card export: it is not JSON text. Choose the .json file exported from Safety Card.'],
      ['JSON without the marker', JSON.stringify({ cards: [card('a', 'A')] }), 'This file is not a Safety Card export (it has no "format": "safety-card/cards"). Choose the .json file exported from Safety Card.'],
      ['a list', JSON.stringify([card('a', 'A')]), 'This file is not a Safety Card export (it has no "format": "safety-card/cards"). Choose the .json file exported from Safety Card.'],
      ['another marker', JSON.stringify({ format: 'safety-card/templates', exportVersion: 1, cards: [] }), 'This file is not a Safety Card export (it has no "format": "safety-card/cards"). Choose the .json file exported from Safety Card.'],
      ['no export version', exportOf([], { exportVersion: '1' }), 'This export file is damaged: "exportVersion" must be a whole number from 1 to 2, found text. Export the cards again from the device that made it.'],
      ['cards not a list', exportOf([], { cards: { a: 1 } }), 'This export file is damaged: "cards" must be a list, found an object. Export the cards again from the device that made it.'],
    ];
    for (const [what, text, message] of cases) {
      expect(refusal(() => parseExport(text)), what).toMatchObject({ name: 'StorageError', code: 'not-an-export', message });
    }
  });

  it('refuses a file from a newer export version and says to update', () => {
    expect(refusal(() => parseExport(exportOf([card('a', 'A')], { exportVersion: 3 })))).toMatchObject({
      code: 'newer-export',
      message: 'This file was exported by a newer version of Safety Card (export version 3; this one reads version 2). Update the app by reloading the page, then import the file again.',
    });
  });

  it('reads the custom templates of a version 2 file, and none from a version 1 file (still imported as before)', () => {
    const template = { id: 'clinic-card', version: '1.0.0' };
    const v2 = buildExport(saved, new Date('2026-11-29T12:00:00Z'), [template]);
    expect(JSON.parse(v2)).toMatchObject({ exportVersion: 2, templates: [template] });
    expect(parseExport(v2)).toMatchObject({ cards: saved.map((c, index) => ({ index, card: c })), rejected: [], templates: [template] });
    // A version 1 file (before custom templates) reads as it always did; a "templates" key there is not looked at.
    const v1 = exportOf(saved, { templates: 'ignored' });
    expect(parseExport(v1)).toEqual({ cards: saved.map((c, index) => ({ index, card: c })), rejected: [], templates: [] });
    expect(importInto([], v1).cards).toEqual(saved);
    expect(refusal(() => parseExport(exportOf([], { exportVersion: 2, templates: { a: 1 } }))).message).toBe(
      'This export file is damaged: "templates" must be a list, found an object. Export the cards again from the device that made it.',
    );
  });

  it("takes back the app's own export of clinic cards that each carry a logo of almost 1 MB", () => {
    // xorshift32 noise: pixels deflate cannot shrink, so the PNG is as big as the pixels.
    let state = 2463534242;
    const noise = (): number => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) & 255;
    };
    const logo = makePng(560, 560, { pixel: () => [noise(), noise(), noise(), 255] });
    expect(logo.length).toBeGreaterThan(900_000);
    expect(logo.length).toBeLessThanOrEqual(1024 * 1024);
    const clinic = { name: 'Harbour Care', phone: '+44 20 7946 0000', url: 'harbour-care.example', logo: { mediaType: 'image/png' as const, base64: Buffer.from(logo).toString('base64') } };
    const cards = Array.from({ length: 6 }, (_, index) => card(`c${index}`, `Clinic card ${index}`, { clinic }));
    const text = buildExport(cards, new Date('2026-11-29T12:00:00Z'));
    expect(text.length).toBeGreaterThan(7 * 1024 * 1024);
    const parsed = parseExport(text);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.cards.map(({ card: read }) => read.spec.clinic.logo?.base64)).toEqual(cards.map(() => clinic.logo.base64));
  });

  it('refuses a file over 50 MB, counted in UTF-8 bytes, before parsing it', () => {
    const message = 'This file is larger than 50 MB, so it is not a Safety Card export. Choose the .json file exported from Safety Card.';
    expect(refusal(() => parseExport(`{"x":"${'a'.repeat(IMPORT_MAX_BYTES)}"}`)).message).toBe(message);
    // 17.5 million 3-byte characters: 52.5 MB in UTF-8 though only 17.5 million UTF-16 units (under the limit)
    expect(refusal(() => parseExport(`"${'€'.repeat(17_500_000)}"`)).message).toBe(message);
    const justUnder = exportOf([card('a', 'A', { fields: { notes: 'x'.repeat(2000) } })]);
    expect(justUnder.length).toBeLessThan(IMPORT_MAX_BYTES);
    expect(parseExport(justUnder).cards).toHaveLength(1);
  });
});

describe('set-aside records', () => {
  it('export as an import file of the originals, with the reasons, whatever IndexedDB held', () => {
    const circular: Record<string, unknown> = { id: 'c' };
    circular.self = circular;
    const records = [
      { key: 1, reason: 'r1', setAsideAt: '2026-11-29T12:00:00.000Z', original: { id: 'x', name: 3, spec: 'nope' } },
      { key: 2, reason: 'r2', setAsideAt: '2026-11-29T12:00:01.000Z', original: { id: 'y', big: 10n, when: new Date('2026-01-01T00:00:00Z'), bytes: new Uint8Array([1, 2]), tags: new Set(['a']) } },
      { key: 3, reason: 'r3', setAsideAt: '2026-11-29T12:00:02.000Z', original: circular },
    ];
    const text = buildSetAsideExport(records, new Date('2026-11-30T00:00:00Z'));
    expect(JSON.parse(text)).toEqual({
      format: 'safety-card/cards',
      exportVersion: 2,
      exportedAt: '2026-11-30T00:00:00.000Z',
      cards: [
        { id: 'x', name: 3, spec: 'nope' },
        { id: 'y', big: '10', when: '2026-01-01T00:00:00.000Z', bytes: [1, 2], tags: ['a'] },
        { id: 'c', self: '[circular]' },
      ],
      setAside: [
        { index: 0, reason: 'r1', setAsideAt: '2026-11-29T12:00:00.000Z' },
        { index: 1, reason: 'r2', setAsideAt: '2026-11-29T12:00:01.000Z' },
        { index: 2, reason: 'r3', setAsideAt: '2026-11-29T12:00:02.000Z' },
      ],
    });
    expect(parseExport(text).rejected.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('toJsonSafe leaves JSON data as it is', () => {
    expect(toJsonSafe(card('a', 'A'))).toEqual(card('a', 'A'));
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":2,"f":1}]},"b":1}');
  });
});
