/**
 * makeBatch: many rows, one PDF. Read back with pdfinfo, pdftotext (-bbox) and qpdf: each row's card in its own
 * slot in row order, one shared format, the faces that print the same embedded once, the same bytes every run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/core/compose';
import { layoutCard } from '../../../src/core/layout/layout';
import { compose } from '../../../src/core/compose';
import type { CardSpec } from '../../../src/core/spec/schema';
import { BatchError, makeBatch, type BatchRow } from '../../../src/render/pdf/make-batch';
import { sheetLayout } from '../../../src/core/layout/sheet-layout';
import { fonts, measurer, save, specWith, stored, template, tool, wordBoxes } from '../../helpers/engine';
import { tempDir } from '../../helpers/run';

const dir = tempDir('safety-card-batch-');
afterAll(() => dir.cleanup());
const MM = 72 / 25.4;
const STAMP = new RegExp(`#${stored.sha256.slice(0, 8)}`, 'g');
const SMALL: Partial<CardSpec> = { region: 'US', sections: ['crisis-contacts', 'emergency-contact', 'always-avoid'] };

const batch = (change: Partial<CardSpec>, rows: BatchRow[]) => makeBatch({ template, contentHash: stored.sha256, spec: specWith(change), rows, measurer, fonts, creator: 'Safety Card test' });
const rowsOf = (names: string[]): BatchRow[] => names.map((name, i) => ({ label: `line ${i + 2}`, fields: { 'emergency-contact-name': name } }));

describe('makeBatch', () => {
  it('puts row i in slot i, in order over the sheets, each once; qpdf clean; same bytes twice', async () => {
    const names = Array.from({ length: 23 }, (_, i) => `Person${String(i).padStart(2, '0')}`);
    const made = await batch({ ...SMALL, paper: 'a4' }, rowsOf(names));
    const layout = sheetLayout(made.format, 'a4', 'duplex');
    expect(made.cards).toBe(23);
    expect(made.pageCount).toBe(Math.ceil(23 / layout.cardsPerSheet) * layout.pagesPerSheet);
    const path = save(dir.path, 'ordered.pdf', made.bytes);
    expect(await tool('pdfinfo', [path])).toMatch(new RegExp(`Pages:\\s+${made.pageCount}\\n`));
    expect(await tool('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors found');
    const words = await wordBoxes(path);
    names.forEach((name, i) => {
      const found = words.filter((word) => word.word === name);
      expect(found, name).toHaveLength(1);
      const sheet = Math.floor(i / layout.cardsPerSheet);
      const slot = layout.slots[i % layout.cardsPerSheet]!;
      const word = found[0]!;
      expect(word.page, name).toBe(sheet * layout.pagesPerSheet + 1);
      const x = (word.xMin + word.xMax) / 2 / MM;
      const y = (word.yMin + word.yMax) / 2 / MM;
      expect(x > slot.xMm && x < slot.xMm + slot.widthMm && y > slot.yMm && y < slot.yMm + slot.heightMm, `${name} in slot ${slot.index}`).toBe(true);
    });
    expect((await tool('pdftotext', [path, '-'])).match(STAMP)).toHaveLength(23);
    const again = await batch({ ...SMALL, paper: 'a4' }, rowsOf(names));
    expect(Buffer.from(again.bytes).equals(Buffer.from(made.bytes))).toBe(true);
  });

  it('renders a face that prints the same on every card once: distinct faces, and Form XObjects, are far fewer than faces', async () => {
    const made = await batch({ ...SMALL, paper: 'a4', copies: 2 }, rowsOf(['Ada', 'Grace', 'Hedy']));
    const faces = made.layouts.reduce((sum, layout) => sum + layout.faces.length, 0);
    // The back (always avoid) is the same for all three; each front has its own contact.
    expect(made.distinctFaces).toBe(faces - 2);
    const path = save(dir.path, 'distinct.pdf', made.bytes);
    const objects = Object.values((JSON.parse(await tool('qpdf', ['--json', path])) as { qpdf: [unknown, Record<string, { stream?: { dict: Record<string, unknown> } }>] }).qpdf[1]);
    expect(objects.filter((object) => object.stream?.dict['/Subtype'] === '/Form')).toHaveLength(made.distinctFaces + 1);
    expect((await tool('pdftotext', [path, '-'])).match(STAMP)).toHaveLength(6);
  });

  it('lays every card out in one format: the largest any row needs', async () => {
    const sections = ['always-avoid', 'about-me'];
    // Grace fills every field of "About me" to its limit with wide letters.
    const aboutMe = template.sections.find((section) => section.id === 'about-me');
    const full = Object.fromEntries((aboutMe?.kind === 'fields' ? aboutMe.fields : []).filter((field) => field.kind !== 'write-in').map((field) => [field.id, 'Wmw '.repeat(Math.floor(field.maxLength / 4))]));
    const rows: BatchRow[] = [
      { label: 'line 2', fields: { name: 'Ada' } },
      { label: 'line 3', fields: full },
      { label: 'line 4', fields: { name: 'Hedy' } },
    ];
    const alone = rows.map((row) => layoutCard(compose(template, specWith({ sections, fields: row.fields }), { contentHash: stored.sha256 }), measurer, { format: 'auto' }).format);
    // On their own the rows would not take the same format: the full details need a folding card.
    expect(alone.map((format) => format.id)).toEqual(['wallet', 'fold-2', 'wallet']);
    const made = await batch({ sections, paper: 'letter' }, rows);
    for (const layout of made.layouts) expect(layout.format.id).toBe('fold-2');
    expect(made.format.id).toBe('fold-2');
    const path = save(dir.path, 'shared-format.pdf', made.bytes);
    const text = await tool('pdftotext', [path, '-']);
    for (const name of ['Ada', 'Hedy']) expect(text).toContain(`Name: ${name}`);
    expect(text.match(STAMP)).toHaveLength(3);
  });

  it('mixes one-face and two-face wallet cards on one grid: a one-face card leaves its back blank', async () => {
    const rows: BatchRow[] = [
      { label: 'line 2', fields: { name: 'Ada', sitter: 'Bo', guide: 'Cy', medications: 'none', 'allergies-conditions': 'none' } },
      { label: 'line 3', fields: { name: 'Grace' } },
    ];
    for (const stock of ['plain', 'avery-c32011'] as const) {
      const made = await batch({ sections: ['about-me'], paper: 'a4', stock }, rows);
      expect(made.layouts.map((layout) => layout.faces.length)).toEqual([1, 2]);
      expect(made.format.faceCount).toBe(2);
      const path = save(dir.path, `mixed-${stock}.pdf`, made.bytes);
      expect(await tool('pdfinfo', [path])).toMatch(/Pages:\s+2\n/);
      // Ada's only face (with the footer) on the front page; Grace's footer on her back, on the back page.
      const front = await tool('pdftotext', ['-f', '1', '-l', '1', path, '-']);
      const back = await tool('pdftotext', ['-f', '2', '-l', '2', path, '-']);
      expect(front.match(STAMP)).toHaveLength(1);
      expect(back.match(STAMP)).toHaveLength(1);
      expect(front).toContain('Ada');
      expect(front).toContain('Grace');
    }
  });

  it('reports every row that cannot be printed, in row order, and makes nothing', async () => {
    const rows: BatchRow[] = [
      { label: 'line 2', fields: { 'emergency-contact-name': '王' } },
      { label: 'line 3', fields: { 'emergency-contact-name': 'Ada' } },
      { label: 'line 4', fields: { 'emergency-contact-name': 'x'.repeat(500) } },
    ];
    const error = await batch({ ...SMALL, paper: 'a4' }, rows).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).problems.map((problem) => problem.label)).toEqual(['line 2', 'line 4']);
    expect((error as Error).message).toMatch(/^line 2: .* has characters the card's font cannot print: 王 \(U\+738B\).*\nline 4: .*characters long; at most \d+ fit on the card$/s);
    await expect(batch({ ...SMALL, paper: 'a4' }, [])).rejects.toThrow(new SpecError('no rows: a batch needs at least one card'));
    await expect(batch({ ...SMALL, paper: 'a4', copies: 1000 }, rowsOf(['a', 'b', 'c', 'd', 'e', 'f']))).rejects.toThrow(/6 rows × 1000 copies is 6000 cards; one PDF takes at most 5000/);
  });

  it('500 rows of the default card on A4: every card once, the right page count (timed in the bench, not here)', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ label: `line ${i + 2}`, fields: { name: `Person ${i}`, 'emergency-contact-name': `Friend ${i}`, 'emergency-contact-phone': `+44 7700 9${String(i).padStart(5, '0')}` } }));
    const made = await batch({ paper: 'a4' }, rows);
    const layout = sheetLayout(made.format, 'a4', 'duplex');
    const path = save(dir.path, 'five-hundred.pdf', made.bytes);
    expect(await tool('pdfinfo', [path])).toMatch(new RegExp(`Pages:\\s+${Math.ceil(500 / layout.cardsPerSheet) * layout.pagesPerSheet}\\n`));
    const text = await tool('pdftotext', [path, '-']);
    expect(text.match(STAMP)).toHaveLength(500);
    expect(text).toContain('Person 499');
    console.log(`batch of 500: ${made.format.id}, ${made.distinctFaces} distinct faces of ${500 * made.format.faceCount}, ${made.pageCount} pages, ${(made.bytes.length / 1024).toFixed(0)} kB`);
  }, 60_000);
});
