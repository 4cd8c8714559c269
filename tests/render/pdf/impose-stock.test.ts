/**
 * A4 card stock (Avery C32011, Zweckform 32010) and many copies: the geometry against the published presets, the
 * back behind the front, and real sheets read back with pdfinfo, qpdf and pdftotext.
 *
 * The position tests use synthetic card PDFs (a big "FACE <i>" label centred on each face, a small "TOP" at its top
 * edge) so that pdftotext -bbox shows where each face went and which way is up; the rest use the real engine.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/core/compose';
import { WALLET_1, WALLET_2, FOLD_2 } from '../../../src/core/layout/formats';
import { OverflowError } from '../../../src/core/layout/layout';
import { ID1, type FormatGeometry } from '../../../src/core/layout/types';
import { STOCKS } from '../../../src/core/spec/defaults';
import { imposeSheets, SheetOptionsError, type SheetOptions } from '../../../src/render/pdf/impose';
import { StockOverflowError } from '../../../src/core/layout/spec-layout';
import { sheetLayout, STOCK_PRESETS, stockProblem, stockScale, stockScaleText, StockError, type StockPreset } from '../../../src/core/layout/sheet-layout';
import { render, save, specWith, stored, tool, wordBoxes } from '../../helpers/engine';
import { tempDir } from '../../helpers/run';

const dir = tempDir('safety-card-stock-');
afterAll(() => dir.cleanup());

const MM = 72 / 25.4;
const PRESETS = Object.values(STOCK_PRESETS);
const A4_PDFINFO = '595.276 x 841.89 pts (A4)';
const META: SheetOptions['metadata'] = { title: 'Stock test', subject: 'stock', keywords: ['stock'], language: 'en', creator: 'test', producer: 'test (pdf-lib)', date: '2026-11-29' };

/** The presets, written out from the packs (see sheet-layout.ts for why Zweckform's grid is centred). */
const PUBLISHED: Record<string, { leftMm: number; topMm: number; pitchXMm: number; pitchYMm: number }> = {
  'avery-c32011': { leftMm: 15, topMm: 13.5, pitchXMm: 95, pitchYMm: 54 },
  'zweckform-32010': { leftMm: 15.05, topMm: 13.5, pitchXMm: 94.9, pitchYMm: 54 },
};

async function labelledCard(format: FormatGeometry): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let face = 0; face < format.faceCount; face += 1) {
    const page = doc.addPage([ID1.widthPt, ID1.heightPt]);
    const label = `FACE ${face}`;
    page.drawText(label, { x: (ID1.widthPt - font.widthOfTextAtSize(label, 20)) / 2, y: ID1.heightPt / 2 - 7, size: 20, font });
    page.drawText('TOP', { x: (ID1.widthPt - font.widthOfTextAtSize('TOP', 8)) / 2, y: ID1.heightPt - 14, size: 8, font });
  }
  doc.setCreationDate(new Date(Date.UTC(2025, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2025, 0, 1)));
  return doc.save();
}

async function pdfinfo(path: string): Promise<{ pages: number; pageSize: string }> {
  const out = await tool('pdfinfo', [path]);
  return { pages: Number(/^Pages:\s+(\d+)$/m.exec(out)?.[1]), pageSize: /^Page size:\s+(.+)$/m.exec(out)?.[1]?.trim() ?? '' };
}

async function qpdfCheck(path: string): Promise<void> {
  expect(await tool('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors found');
}

describe('card stock geometry (sheetLayout)', () => {
  for (const preset of PRESETS) {
    it(`${preset.name}: 2 × 5 cells where the preset says, to 0.01 mm, and the numbers add up to 210 × 297`, () => {
      const published = PUBLISHED[preset.id]!;
      expect(preset.leftMm).toBeCloseTo(published.leftMm, 2);
      expect(preset.topMm).toBeCloseTo(published.topMm, 2);
      const layout = sheetLayout(WALLET_2, 'a4', 'duplex', preset.id);
      expect([layout.columns, layout.rows, layout.cardsPerSheet, layout.rotated]).toEqual([2, 5, 10, false]);
      expect(layout.paper.widthPt).toBeCloseTo(595.276, 3);
      for (const slot of layout.slots) {
        expect(slot.xMm).toBeCloseTo(published.leftMm + slot.column * published.pitchXMm, 2);
        expect(slot.yMm).toBeCloseTo(published.topMm + slot.row * published.pitchYMm, 2);
        expect([slot.widthMm, slot.heightMm]).toEqual([85, 54]);
      }
      const { leftMm, rightMm, topMm, bottomMm } = layout.margins;
      expect(leftMm + published.pitchXMm + 85 + rightMm).toBeCloseTo(210, 9);
      expect(topMm + 4 * published.pitchYMm + 54 + bottomMm).toBeCloseTo(297, 9);
      // Both presets are symmetric, which is what puts each back in a cell.
      expect(leftMm).toBeCloseTo(rightMm, 9);
      expect(topMm).toBeCloseTo(bottomMm, 9);
    });

    it(`${preset.name}: each ID-1 face is scaled uniformly by 85 / 85.6 (99.3 %) and centred in its cell`, () => {
      expect(stockScale(preset)).toBeCloseTo(85 / 85.6, 12);
      expect(stockScaleText(preset)).toBe('99.3 %');
      const layout = sheetLayout(WALLET_2, 'a4', 'duplex', preset.id);
      expect(layout.scale).toBeCloseTo(85 / 85.6, 12);
      for (const slot of layout.slots) {
        const [front] = slot.front;
        expect(front!.widthMm).toBeCloseTo(85, 9);
        expect(front!.heightMm).toBeCloseTo((53.98 * 85) / 85.6, 9);
        expect(front!.widthMm / ID1.widthMm).toBeCloseTo(front!.heightMm / ID1.heightMm, 12);
        expect(front!.xMm - slot.xMm).toBeCloseTo(slot.xMm + slot.widthMm - (front!.xMm + front!.widthMm), 9);
        expect(front!.yMm - slot.yMm).toBeCloseTo(slot.yMm + slot.heightMm - (front!.yMm + front!.heightMm), 9);
        expect(front!.rotationDeg).toBe(0);
      }
    });

    it(`${preset.name}: each back lies behind its front (long-edge flip: column c → n − 1 − c, same row), before any offset`, () => {
      const layout = sheetLayout(WALLET_2, 'a4', 'duplex', preset.id);
      for (const slot of layout.slots) {
        const [front] = slot.front;
        const [back] = slot.back;
        // Seen through the sheet, the back's x is mirrored about the sheet's centre line.
        expect(210 - (back!.xMm + back!.widthMm)).toBeCloseTo(front!.xMm, 9);
        expect(back!.yMm).toBeCloseTo(front!.yMm, 9);
        expect(back!.widthMm).toBeCloseTo(front!.widthMm, 9);
        expect(back!.heightMm).toBeCloseTo(front!.heightMm, 9);
        // …which on the back page is the mirrored column's cell.
        const mirrored = layout.slots.find((other) => other.row === slot.row && other.column === layout.columns - 1 - slot.column)!;
        expect(back!.xMm).toBeCloseTo(mirrored.front[0]!.xMm, 9);
        expect(back!.rotationDeg).toBe(0);
      }
    });

    it(`${preset.name}: no crop marks or fold ticks (the cards are cut already), margins free for the notes`, () => {
      for (const format of [WALLET_1, WALLET_2]) {
        const layout = sheetLayout(format, 'a4', 'duplex', preset.id);
        expect(layout.cropMarks).toEqual([]);
        expect(layout.foldMarks).toEqual([]);
        expect(layout.hasBackPage).toBe(format.faceCount === 2);
        expect(layout.marginAreas.length).toBeGreaterThanOrEqual(4);
        for (const area of layout.marginAreas) expect(area.kind).toBe('unmarked');
      }
    });
  }

  it('refuses what a stock cannot hold, saying what to choose instead', () => {
    for (const preset of PRESETS) {
      expect(stockProblem(preset.id, 'letter', 'auto', 'duplex')).toMatch(new RegExp(`^${preset.name} card stock is A4, so it cannot be printed on US Letter paper: choose paper A4, or plain paper`));
      expect(stockProblem(preset.id, 'card', 'auto', 'duplex')).toMatch(/is A4, so it cannot be printed on card-printer paper/);
      expect(stockProblem(preset.id, 'a4', 'fold-2', 'duplex')).toMatch(/holds wallet cards only \(85 × 54 mm each\), and a fold-2 card folds out to two cards' width: choose plain paper/);
      expect(stockProblem(preset.id, 'a4', 'fold-3', 'duplex')).toMatch(/a fold-3 card folds out to three cards' width/);
      expect(stockProblem(preset.id, 'a4', 'auto', 'fold-over')).toMatch(/fold-over layout \(the back printed below the front\) does not fit: choose duplex/);
      expect(stockProblem(preset.id, 'a4', 'wallet', 'duplex')).toBeNull();
      expect(stockProblem(preset.id, 'a4', 'auto', 'duplex')).toBeNull();
      expect(() => sheetLayout(FOLD_2, 'a4', 'duplex', preset.id)).toThrow(StockError);
      expect(() => sheetLayout(WALLET_2, 'letter', 'duplex', preset.id)).toThrow(StockError);
      expect(() => sheetLayout(WALLET_2, 'a4', 'fold-over', preset.id)).toThrow(StockError);
    }
    expect(stockProblem('plain', 'letter', 'fold-3', 'fold-over')).toBeNull();
    expect(STOCKS).toEqual(['plain', ...PRESETS.map((preset: StockPreset) => preset.id)]);
  });
});

describe('card stock sheets, read back', () => {
  for (const preset of PRESETS) {
    it(`${preset.name}: fronts in their cells, backs behind them, upright; exactly A4; qpdf clean; the notes say the scale`, async () => {
      const bytes = await imposeSheets(await labelledCard(WALLET_2), WALLET_2, { paper: 'a4', mode: 'duplex', copies: 3, stock: preset.id, metadata: META });
      const path = save(dir.path, `labelled-${preset.id}.pdf`, bytes);
      expect(await pdfinfo(path)).toEqual({ pages: 2, pageSize: A4_PDFINFO });
      await qpdfCheck(path);
      const words = await wordBoxes(path);
      const layout = sheetLayout(WALLET_2, 'a4', 'duplex', preset.id);
      const centre = (page: number, face: number) => {
        const found = words.filter((word, i) => word.page === page && word.word === 'FACE' && words[i + 1]?.word === String(face));
        return found.map((word, i) => {
          const number = words[words.indexOf(word) + 1]!;
          return { index: i, x: (word.xMin + number.xMax) / 2 / MM, y: (word.yMin + number.yMax) / 2 / MM, top: words.find((w) => w.page === page && w.word === 'TOP' && Math.abs((w.xMin + w.xMax) / 2 / MM - (word.xMin + number.xMax) / 2 / MM) < 5 && w.yMin / MM < word.yMin / MM && word.yMin / MM - w.yMin / MM < 25) };
        });
      };
      const fronts = centre(1, 0);
      const backs = centre(2, 1);
      expect(fronts).toHaveLength(3);
      expect(backs).toHaveLength(3);
      layout.slots.slice(0, 3).forEach((slot, i) => {
        // The front label's centre is the cell's centre (pdftotext's boxes are within ~1 mm of the advance widths).
        expect(Math.abs(fronts[i]!.x - (slot.xMm + slot.widthMm / 2))).toBeLessThan(1);
        expect(Math.abs(fronts[i]!.y - (slot.yMm + slot.heightMm / 2))).toBeLessThan(1.5);
        expect(fronts[i]!.top, 'front upright').toBeDefined();
      });
      for (const back of backs) {
        // Seen through the sheet from the front, each back centre is a front's centre.
        const behind = fronts.find((front) => Math.abs(210 - back.x - front.x) < 1 && Math.abs(back.y - front.y) < 1);
        expect(behind, `back at ${back.x.toFixed(1)}, ${back.y.toFixed(1)}`).toBeDefined();
        expect(back.top, 'back upright').toBeDefined();
      }
      const text = (await tool('pdftotext', ['-layout', path, '-'])).replace(/\s+/g, ' ');
      expect(text).toContain(`Cards scaled to 99.3 % to fit ${preset.name} (85 × 54 mm).`);
      expect(text).toContain("Print at 100 % / Actual size — not 'Fit to page'.");
      expect(text).toContain('This ruler must measure 50 mm.');
      expect(text).toContain(`Duplex: print both sides of the ${preset.name} sheet, flip on long edge.`);
      expect(text).toContain('No duplex? Print page 1, turn the sheet over left to right (top edge first again), feed it back in, print page 2.');
      expect(text).not.toMatch(/crop marks/);
    });
  }

  it('one-face cards on stock: front pages only, and the notes say to print one side', async () => {
    for (const preset of PRESETS) {
      const bytes = await imposeSheets(await labelledCard(WALLET_1), WALLET_1, { paper: 'a4', mode: 'duplex', copies: 15, stock: preset.id, metadata: META });
      const path = save(dir.path, `one-face-${preset.id}.pdf`, bytes);
      expect(await pdfinfo(path)).toEqual({ pages: 2, pageSize: A4_PDFINFO });
      const text = (await tool('pdftotext', [path, '-'])).replace(/\s+/g, ' ');
      expect(text.match(/FACE 0/g)).toHaveLength(15);
      expect(text).toContain(`Print one side of the ${preset.name} sheet.`);
      expect(text).toContain(`Cards scaled to 99.3 % to fit ${preset.name} (85 × 54 mm).`);
      expect(text).not.toContain('No duplex?');
    }
  });

  it('the real card on Avery C32011: 25 copies → 3 sheets (6 pages), exactly A4, every copy once, no sheet text over a cell', async () => {
    const made = await render(specWith({ paper: 'a4', stock: 'avery-c32011', copies: 25, region: 'US', sections: ['crisis-contacts', 'always-avoid'], fields: {} }));
    expect(made.layout.format.id).toBe('wallet');
    expect(made.pageCount).toBe(6);
    const path = save(dir.path, 'real-avery.pdf', made.bytes);
    expect(await pdfinfo(path)).toEqual({ pages: 6, pageSize: A4_PDFINFO });
    await qpdfCheck(path);
    const text = await tool('pdftotext', [path, '-']);
    expect(text.match(new RegExp(`#${stored.sha256.slice(0, 8)}`, 'g'))).toHaveLength(25);
    const layout = sheetLayout(made.layout.format, 'a4', 'duplex', 'avery-c32011');
    const inCell = (x: number, y: number) => layout.slots.some((slot) => x >= slot.xMm * MM && x <= (slot.xMm + slot.widthMm) * MM && y >= slot.yMm * MM && y <= (slot.yMm + slot.heightMm) * MM);
    const margin = [];
    for (const word of (await wordBoxes(path)).filter((w) => w.page % 2 === 1)) {
      const corners = [inCell(word.xMin, word.yMin), inCell(word.xMax, word.yMax), inCell(word.xMin, word.yMax), inCell(word.xMax, word.yMin)];
      // Each word is a card's (wholly inside a cell) or the sheet's (wholly outside every cell), never across an edge.
      expect(corners.every(Boolean) || !corners.some(Boolean), `"${word.word}" on page ${word.page} at ${word.xMin.toFixed(1)}, ${word.yMin.toFixed(1)} pt`).toBe(true);
      if (!corners.some(Boolean)) margin.push(word.word);
    }
    expect(margin).toContain('Pre-cut');
  });

  it('the real card on stock: auto means wallet; a card that needs more says to choose plain paper', async () => {
    const error = await render(specWith({ paper: 'a4', stock: 'zweckform-32010' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StockOverflowError);
    expect(error).toBeInstanceOf(OverflowError);
    expect((error as Error).name).toBe('StockOverflowError');
    expect((error as Error).message).toMatch(/^Not everything fits on a wallet card, even at 7 pt, and Zweckform 32010 card stock holds wallet cards only\. Does not fit: ".+\. Choose plain paper \(stock "plain"\) for a folding card, or fewer sections\.$/);
    for (const [change, message] of [
      [{ paper: 'letter', stock: 'avery-c32011' }, /Avery C32011 card stock is A4, so it cannot be printed on US Letter paper/],
      [{ paper: 'card', stock: 'avery-c32011' }, /cannot be printed on card-printer paper/],
      [{ paper: 'a4', stock: 'avery-c32011', format: 'fold-3' }, /holds wallet cards only/],
      [{ paper: 'a4', stock: 'avery-c32011', printMode: 'fold-over' }, /fold-over layout .* does not fit: choose duplex/],
    ] as const) {
      const refused = await render(specWith(change)).catch((caught: unknown) => caught);
      expect(refused, JSON.stringify(change)).toBeInstanceOf(SpecError);
      expect((refused as Error).message).toMatch(message);
    }
  });

  it('imposeSheets refuses a stock that cannot hold the card, naming the option', async () => {
    const error = await imposeSheets(await labelledCard(FOLD_2), FOLD_2, { paper: 'a4', mode: 'duplex', copies: 1, stock: 'avery-c32011', metadata: META }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetOptionsError);
    expect((error as SheetOptionsError).option).toBe('stock');
    expect((error as Error).message).toMatch(/^Avery C32011 card stock holds wallet cards only/);
    const unknown = await imposeSheets(await labelledCard(WALLET_2), WALLET_2, { paper: 'a4', mode: 'duplex', copies: 1, stock: 'avery-9999' as never, metadata: META }).catch((caught: unknown) => caught);
    expect((unknown as Error).message).toBe('stock must be one of "plain", "avery-c32011", "zweckform-32010" (got "avery-9999").');
  });
});

describe('many copies, read back', () => {
  it('100 copies of the default card on plain A4: the right number of sheets (pdfinfo) and the card 100 times (pdftotext)', async () => {
    const made = await render(specWith({ paper: 'a4', copies: 100 }));
    const layout = sheetLayout(made.layout.format, 'a4', 'duplex');
    const sheets = Math.ceil(100 / layout.cardsPerSheet);
    expect(made.pageCount).toBe(sheets * layout.pagesPerSheet);
    const path = save(dir.path, 'hundred.pdf', made.bytes);
    expect(await pdfinfo(path)).toEqual({ pages: sheets * layout.pagesPerSheet, pageSize: A4_PDFINFO });
    await qpdfCheck(path);
    const text = await tool('pdftotext', [path, '-']);
    // The footer stamp (template, date, content hash) is printed once per card, and the title once per front.
    expect(text.match(new RegExp(`#${stored.sha256.slice(0, 8)}`, 'g'))).toHaveLength(100);
    expect(text.match(/MDMA therapy safety card/g)).toHaveLength(100);
  });

  it('100 copies on Avery C32011: 10 sheets of 10, the card 100 times', async () => {
    const made = await render(specWith({ paper: 'a4', stock: 'avery-c32011', copies: 100, region: 'US', sections: ['crisis-contacts', 'always-avoid'] }));
    const path = save(dir.path, 'hundred-avery.pdf', made.bytes);
    expect(await pdfinfo(path)).toEqual({ pages: 20, pageSize: A4_PDFINFO });
    const text = await tool('pdftotext', [path, '-']);
    expect(text.match(new RegExp(`#${stored.sha256.slice(0, 8)}`, 'g'))).toHaveLength(100);
  });

  it('gives the same bytes every time on stock', async () => {
    const spec = specWith({ paper: 'a4', stock: 'zweckform-32010', copies: 13, region: 'US', sections: ['crisis-contacts', 'always-avoid'], backOffsetMm: { x: 0.5, y: -0.4 } });
    const [first, second] = [await render(spec), await render(spec)];
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });
});
