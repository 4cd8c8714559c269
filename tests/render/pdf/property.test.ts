/**
 * Property: "nothing is dropped silently" (DESIGN.md, promise 1), over random specs of the real mdma-therapy template.
 *
 * Random non-empty section selections in any order, random values for its typed (non-write-in) fields — empty, one
 * character, exactly maxLength, a few characters over it, Latin / Latin-1 / Latin Extended-A / Greek / Cyrillic text,
 * long unbroken words, phone-like strings, and now and then a character the font lacks (CJK, emoji) — a random region,
 * 0–2 extra contacts, a format and discreet on or off. Every spec must end in exactly one of:
 * - a PDF in which every selected entry is printed (read back with the real pdftotext) and no item of an unselected
 *   section is, every word inside the 3 mm safe area of its ID-1 page, nothing under 7 pt;
 * - an OverflowError that names (in `unplaced` and in its message) only entries of selected sections, and some;
 * - a SpecError naming the over-long field, when a value is longer than its maxLength;
 * - a MissingGlyphsError naming the missing characters, when printed text has characters the font lacks.
 * Anything else — another exception, the wrong one of these, a missing entry — fails.
 *
 * Runtime, measured on 2 cores: render() takes ~20–120 ms a spec (refusals are quick, full fold-3 cards slow), the two
 * pdftotext runs on a PDF ~50 ms. All 500 runs go through render() and EVERY successful PDF (~40 % of runs) is read
 * back with pdftotext (text and -bbox): the test takes 22–31 s (plus ~3 s of start-up), under the ~60 s
 * budget, so there is no sampling. No fixed seed: fast-check prints the seed and path of a failure to replay it.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DISCREET_TITLE, servesRegion, SpecError } from '../../../src/core/compose';
import { MissingGlyphsError, OverflowError } from '../../../src/core/layout/layout';
import type { CardSpec, ExtraContact } from '../../../src/core/spec/schema';
import type { Field, Section } from '../../../src/core/template/schema';
import { render, save, specWith, squash, template, tool, wordBoxes } from '../../helpers/engine';
import { tempDir } from '../../helpers/run';

const dir = tempDir('safety-card-property-');
afterAll(() => dir.cleanup());

const RUNS = 500;
/** ID-1 in points, and the 3 mm safe area inside its trim. */
const PAGE = { widthPt: 242.646, heightPt: 153.014 };
const SAFE_PT = (3 * 72) / 25.4;
const EPSILON_PT = 0.01;

const REGIONS = ['any', 'US', 'CA', 'DE', 'GB', 'AU', 'FR'] as const;
const FORMATS = ['auto', 'wallet', 'fold-2', 'fold-3'] as const;

const sectionIds = template.sections.map((section) => section.id);
const fieldsOf = (section: Section): Field[] => (section.kind === 'fields' ? section.fields : []);
/** Typed fields, with the section they belong to. */
const typedFields = template.sections.flatMap((section) => fieldsOf(section).filter((field) => field.kind !== 'write-in').map((field) => ({ field, section })));

// ---------------------------------------------------------------------------------------------------------------
// Text generators. Every character in these pools is one the card's font covers (checked by the property itself:
// a MissingGlyphsError for one of them fails it); MISSING holds characters it lacks.

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index));
const letters = (chars: string[]) => chars.filter((char) => /\p{L}/u.test(char));
const POOLS = {
  latin: letters(range(0x41, 0x7a)),
  latin1: letters(range(0xc0, 0xff)),
  latinExtA: range(0x100, 0x17f),
  greek: letters(range(0x386, 0x3ce)),
  cyrillic: letters(range(0x400, 0x45f)),
};
const MIXED = [...POOLS.latin, ...POOLS.latin1, ...POOLS.latinExtA, ...POOLS.greek, ...POOLS.cyrillic, ...'0123456789.,-/()&\'’'];
/** Characters DejaVu Sans Condensed cannot print on the card (CJK; an emoji it lacks; one it has but only as an emoji). */
const MISSING = ['王', '中', '🙂', '😀'];
const SAMPLES = ['Zoë Łódź', 'Ada', 'Björk Guðmundsdóttir', 'François Œuvre-Ŀlobet', 'Ελένη Παπαδοπούλου', 'Ярослава Шевченко', 'Jürgen Groß', 'Dr. Ō. Ñúñez (GP)', 'Sertraline 50 mg, ibuprofen', 'Penicillin allergy; asthma'];

const poolArb = fc.constantFrom(POOLS.latin, POOLS.latin1, POOLS.latinExtA, POOLS.greek, POOLS.cyrillic, MIXED);
/** Words from one script (or mixed), single characters joined by spaces now and then; `min`–`max` code points. */
const words = (min: number, max: number) => poolArb.chain((pool) => fc.string({ unit: fc.oneof({ weight: 7, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.constant(' ') }), minLength: min, maxLength: max }));
/** One word with no break opportunity, as long as `max`. */
const unbroken = (max: number) => poolArb.chain((pool) => fc.string({ unit: fc.constantFrom(...pool), minLength: Math.min(20, max), maxLength: max }));
const PHONE = /^\+?[0-9][0-9 ()./-]*$/;
const phoneLike = (max: number) =>
  fc.oneof(
    fc.constantFrom('+44 7700 900123', '+1 (555) 010-9999', '030/1234567', '+49 30 123 456 78', '0412.345.678'),
    fc.stringMatching(/^\+?[0-9][0-9 ()./-]{0,40}$/).map((text) => text.slice(0, max)),
  );
/** Text with a character the font lacks somewhere in it, within `max` code points. */
const withMissing = (max: number) =>
  fc.tuple(words(0, Math.max(0, max - 2)), fc.constantFrom(...MISSING), fc.nat()).map(([text, char, at]) => {
    const chars = [...text];
    chars.splice(at % (chars.length + 1), 0, char);
    return chars.join('');
  });

/** A value for a field of at most `maxLength` code points: or, now and then, a few over. */
const fieldValue = (maxLength: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.constantFrom(...MIXED, ' ') },
    { weight: 2, arbitrary: words(maxLength, maxLength) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).chain((over) => words(maxLength + over, maxLength + over)) },
    { weight: 3, arbitrary: fc.constantFrom(...SAMPLES).filter((text) => [...text].length <= maxLength) },
    { weight: 3, arbitrary: words(1, maxLength) },
    { weight: 2, arbitrary: unbroken(maxLength) },
    { weight: 2, arbitrary: phoneLike(maxLength) },
    { weight: 1, arbitrary: withMissing(maxLength) },
  );

const fieldsArb = fc.record(Object.fromEntries(typedFields.map(({ field }) => [field.id, fieldValue(field.maxLength)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;

const extraContactArb: fc.Arbitrary<ExtraContact> = fc.record({
  name: fc.oneof({ weight: 6, arbitrary: fc.oneof(fc.constantFrom(...SAMPLES), words(1, 40)) }, { weight: 1, arbitrary: withMissing(40) }).map((name) => name.trim()).filter((name) => name !== '' && [...name].length <= 40),
  phone: phoneLike(30).map((phone) => phone.trim()).filter((phone) => PHONE.test(phone)),
});

const specArb: fc.Arbitrary<CardSpec> = fc
  .record({
    sections: fc.shuffledSubarray(sectionIds, { minLength: 1 }),
    fields: fieldsArb,
    region: fc.constantFrom(...REGIONS),
    extraContacts: fc.array(extraContactArb, { maxLength: 2 }),
    format: fc.constantFrom(...FORMATS),
    discreet: fc.boolean(),
  })
  .map((change) => specWith(change));

// ---------------------------------------------------------------------------------------------------------------
// What a spec must give.

const length = (text: string) => [...text].length;
/**
 * Text for comparing with pdftotext's output: squashed, and without "-". pdftotext joins a line that ends in "-" to
 * the next and drops the hyphen (its de-hyphenation: "0-" at the end of a line reads "0"; the PDF has "0-", as the
 * -bbox words show), and the layout may break a long word after a "-".
 */
const flat = (text: string) => squash(text).replace(/-/g, '');
const sectionOf = (id: string) => template.sections.find((section) => section.id === id) as Section;

/** Entry ids a section may print, for checking what an OverflowError names. */
function entryIdsOf(section: Section, spec: CardSpec): string[] {
  switch (section.kind) {
    case 'items':
      return section.items.map((item) => item.id);
    case 'text':
      return [section.id];
    case 'contacts':
      return [...section.contacts.filter((contact) => servesRegion(contact, spec.region)).map((contact) => contact.id), ...spec.extraContacts.map((_, index) => `extra-${index + 1}`)];
    case 'fields':
      return section.fields.map((field) => field.id);
  }
}

/** What the card must print, and the item texts of unselected sections it must not. */
function textsOf(spec: CardSpec): { printed: string[]; absent: string[] } {
  const printed = [`${template.id}@${template.version}`, spec.date, spec.discreet ? DISCREET_TITLE : template.title];
  const absent: string[] = [];
  for (const id of spec.sections) {
    const section = sectionOf(id);
    printed.push(section.title);
    switch (section.kind) {
      case 'items':
        printed.push(...section.items.map((item) => item.text));
        break;
      case 'text':
        printed.push(section.text);
        break;
      case 'contacts':
        for (const contact of section.contacts.filter((c) => servesRegion(c, spec.region))) {
          printed.push(contact.name, ...(contact.phone ? [contact.phone.display] : []), ...(contact.url ? [contact.url.replace(/^https:\/\//, '').replace(/\/$/, '')] : []), ...(contact.notes ? [contact.notes] : []));
        }
        for (const extra of spec.extraContacts) printed.push(extra.name, extra.phone);
        break;
      case 'fields':
        for (const field of section.fields) {
          const value = (spec.fields[field.id] ?? '').trim();
          printed.push(field.kind !== 'write-in' && value !== '' ? `${field.label}: ${value}` : `${field.label}:`);
        }
    }
  }
  for (const section of template.sections.filter((s) => !spec.sections.includes(s.id))) {
    if (section.kind === 'items') absent.push(...section.items.map((item) => item.text));
    if (section.kind === 'text') absent.push(section.text);
  }
  return { printed, absent: absent.filter((text) => !printed.some((p) => flat(p).includes(flat(text)))) };
}

/** Typed text that will be printed: field values of selected sections, extra contacts when their section is selected. */
function printedInput(spec: CardSpec): string[] {
  const values = typedFields.filter(({ section }) => spec.sections.includes(section.id)).map(({ field }) => (spec.fields[field.id] ?? '').trim());
  const contacts = spec.sections.includes('crisis-contacts') ? spec.extraContacts.map((extra) => extra.name) : [];
  return [...values, ...contacts].filter((text) => text !== '');
}

const outcomes = { pdf: 0, pdfRead: 0, overflow: new Map<string, number>(), overLong: 0, missingGlyphs: 0 };
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

async function checkSpec(spec: CardSpec): Promise<void> {
  const overLong = typedFields.filter(({ field }) => spec.fields[field.id] !== undefined && length(spec.fields[field.id] as string) > field.maxLength);
  const missing = new Set(printedInput(spec).flatMap((text) => [...text].filter((char) => MISSING.includes(char))));

  let made;
  try {
    made = await render(spec);
  } catch (error) {
    if (overLong.length > 0) {
      expect(error, 'an over-long value gives a SpecError').toBeInstanceOf(SpecError);
      const message = (error as Error).message;
      expect(
        overLong.some(({ field }) => message.includes(field.label) && message.includes(`"${field.id}"`)),
        `names an over-long field (${overLong.map(({ field }) => field.id).join(', ')}): ${message}`,
      ).toBe(true);
      outcomes.overLong += 1;
      return;
    }
    if (missing.size > 0) {
      expect(error, `characters the font lacks (${[...missing].join(' ')}) give a MissingGlyphsError`).toBeInstanceOf(MissingGlyphsError);
      const { chars, message } = error as MissingGlyphsError;
      expect(chars.length).toBeGreaterThan(0);
      for (const char of chars) {
        expect(missing.has(char), `${char} is one of the missing characters typed`).toBe(true);
        expect(message).toContain(char);
        expect(message).toContain(`U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
      }
      outcomes.missingGlyphs += 1;
      return;
    }
    expect(error, 'fits, or an OverflowError').toBeInstanceOf(OverflowError);
    const { unplaced, message } = error as OverflowError;
    expect(unplaced.length, 'an overflow names what does not fit').toBeGreaterThan(0);
    for (const group of unplaced) {
      expect(spec.sections, `unplaced section "${group.sectionId}" was selected`).toContain(group.sectionId);
      const section = sectionOf(group.sectionId);
      expect(group.title).toBe(section.title);
      expect(group.entryIds.length).toBeGreaterThan(0);
      const allowed = entryIdsOf(section, spec);
      for (const id of group.entryIds) {
        expect(allowed, `unplaced entry "${id}" belongs to "${group.sectionId}"`).toContain(id);
        expect(message).toContain(id);
      }
      expect(message).toContain(`"${section.title}"`);
    }
    count(outcomes.overflow, `${spec.format} → ${(error as OverflowError).largestTried.id}`);
    return;
  }

  expect(overLong.map(({ field }) => field.id), 'a value over maxLength is refused').toEqual([]);
  expect([...missing], 'characters the font lacks are refused').toEqual([]);
  outcomes.pdf += 1;
  const { layout, document } = made;
  expect(layout.minSizePt).toBeGreaterThanOrEqual(7);
  if (spec.format !== 'auto') expect(layout.format.id).toBe(spec.format);
  expect(layout.face.widthPt).toBeCloseTo(PAGE.widthPt, 3);
  expect(layout.face.heightPt).toBeCloseTo(PAGE.heightPt, 3);
  expect(made.pageCount).toBe(layout.faces.length);
  const unused = typedFields.filter(({ field, section }) => (spec.fields[field.id] ?? '').trim() !== '' && !spec.sections.includes(section.id)).map(({ field }) => field.id);
  expect([...document.unusedFields].sort(), 'values of unselected sections are reported as unused').toEqual(unused.sort());
  expect(document.unusedExtraContacts, 'extra contacts without a contacts section are reported').toBe(spec.sections.includes('crisis-contacts') ? 0 : spec.extraContacts.length);

  const path = save(dir.path, 'card.pdf', made.bytes);
  const [plain, words] = await Promise.all([tool('pdftotext', ['-enc', 'UTF-8', path, '-']), wordBoxes(path)]);
  outcomes.pdfRead += 1;
  const text = flat(plain);
  const { printed, absent } = textsOf(spec);
  for (const expected of printed) expect(text, `printed: ${expected}`).toContain(flat(expected));
  for (const unexpected of absent) expect(text, `not printed: ${unexpected}`).not.toContain(flat(unexpected));
  expect(Math.max(0, ...words.map((word) => word.page))).toBeLessThanOrEqual(layout.faces.length);
  for (const word of words) {
    const where = `"${word.word}" on page ${word.page}`;
    expect(word.xMin, where).toBeGreaterThanOrEqual(SAFE_PT - EPSILON_PT);
    expect(word.xMax, where).toBeLessThanOrEqual(PAGE.widthPt - SAFE_PT + EPSILON_PT);
    expect(word.yMin, where).toBeGreaterThanOrEqual(SAFE_PT - EPSILON_PT);
    expect(word.yMax, where).toBeLessThanOrEqual(PAGE.heightPt - SAFE_PT + EPSILON_PT);
  }
}

describe('random cards of the real template', () => {
  it(`print every selected entry inside the safe area, or say exactly why not (${RUNS} runs)`, { timeout: 600_000 }, async () => {
    await fc.assert(fc.asyncProperty(specArb, checkSpec), { numRuns: RUNS });
    const overflow = [...outcomes.overflow].map(([key, n]) => `${key}: ${n}`).join(', ');
    console.log(`property outcomes: ${outcomes.pdf} PDFs (${outcomes.pdfRead} read back with pdftotext); overflow ${[...outcomes.overflow.values()].reduce((a, b) => a + b, 0)} (${overflow}); SpecError (over-long) ${outcomes.overLong}; MissingGlyphsError ${outcomes.missingGlyphs}`);
  });
});
