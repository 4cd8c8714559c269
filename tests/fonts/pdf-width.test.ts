/**
 * The key promise of src/fonts: the width the layout measures is the width pdf-lib measures and draws, when the font
 * is embedded with PDF_FONT_FEATURES.
 */
import fontkit from '@pdf-lib/fontkit';
import fc from 'fast-check';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Measurer } from '../../src/core/layout/types';
import { FONT_FAMILIES, PDF_FONT_FEATURES, type FontFamilyId } from '../../src/fonts/families';
import { createMeasurer, isDrawableChar } from '../../src/fonts/measurer';
import { loadFontBytes } from '../../src/fonts/node';
import { parseTtfMetrics, type FontMetrics } from '../../src/fonts/ttf';

const RUNS = 400;
const WEIGHTS = ['regular', 'bold'] as const;

/** Code points lo..hi as characters. */
const block = (lo: number, hi: number): string[] => Array.from({ length: hi - lo + 1 }, (_, i) => String.fromCodePoint(lo + i));

/** The character classes the cards use. */
const CANDIDATES = [
  ...block(0x20, 0x7e), // Basic Latin
  ...block(0xa0, 0xff), // Latin-1 Supplement
  ...block(0x100, 0x17f), // Latin Extended-A
  ...block(0x370, 0x3ff), // Greek
  ...block(0x400, 0x4ff), // Cyrillic
  ...'≥≤–—’“”•→⚠✓…€',
];
/** Sequences a shaping engine would ligate or rewrite, if features were on. */
const TRICKY = ['fi', 'fl', 'ff', 'ffi', 'ffl', 'office', 'fjord', '--', '---', '...', '1/2', '1⁄2', 'Th', 'ij', 'st', "'", '"', '<=', '->'];

const relativeDifference = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

async function embed(bytes: Uint8Array, features: Record<string, boolean> | undefined): Promise<PDFFont> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  return pdf.embedFont(bytes, { subset: true, features });
}

for (const family of Object.keys(FONT_FAMILIES) as FontFamilyId[]) {
  describe(`${FONT_FAMILIES[family].name}: measurer width = pdf-lib width`, () => {
    const bytes = loadFontBytes(family);
    const metrics: Record<(typeof WEIGHTS)[number], FontMetrics> = { regular: parseTtfMetrics(bytes.regular), bold: parseTtfMetrics(bytes.bold) };
    const measurer: Measurer = createMeasurer(metrics);
    const pdfFonts = {} as Record<(typeof WEIGHTS)[number], PDFFont>;
    beforeAll(async () => {
      for (const weight of WEIGHTS) pdfFonts[weight] = await embed(bytes[weight], PDF_FONT_FEATURES);
    });

    for (const weight of WEIGHTS) {
      const alphabet = CANDIDATES.filter((char) => isDrawableChar(char, metrics[weight]));

      it(`${weight}: the alphabet is the blocks minus the soft hyphen, combining marks and Coptic`, () => {
        const excluded = CANDIDATES.filter((char) => !alphabet.includes(char));
        // Among the characters the font has, only U+00AD (soft hyphen, a format character fontkit turns into a space),
        // the Cyrillic combining marks U+0483..U+0489 and the Coptic letters in the Greek block (U+03E2..U+03EF, not a
        // script the measurer vouches for) are left out; the rest are code points the font has no glyph for.
        for (const char of excluded) {
          const codePoint = char.codePointAt(0) as number;
          const reason =
            codePoint === 0xad ? 'soft hyphen' : /\p{M}/u.test(char) ? 'mark' : /\p{Script=Coptic}/u.test(char) ? 'coptic' : metrics[weight].advanceUnits(codePoint) === undefined ? 'no glyph' : 'other';
          expect(reason, `U+${codePoint.toString(16)}`).not.toBe('other');
        }
        expect(alphabet.length).toBeGreaterThan(500);
      });

      it(`${weight}: random strings, ${RUNS} runs, within 1e-9 relative`, () => {
        const piece = fc.oneof({ arbitrary: fc.constantFrom(...alphabet), weight: 4 }, { arbitrary: fc.constantFrom(...TRICKY), weight: 1 });
        const sizePt = fc.oneof(fc.constantFrom(7, 8, 9.5, 12, 24), fc.double({ min: 1, max: 72, noNaN: true }));
        fc.assert(
          fc.property(fc.array(piece, { maxLength: 40 }), sizePt, (pieces, size) => {
            const text = pieces.join('');
            expect(measurer.missingChars(text, weight)).toEqual([]);
            const measured = measurer.widthPt(text, weight, size);
            const drawn = pdfFonts[weight].widthOfTextAtSize(text, size);
            expect(relativeDifference(measured, drawn), JSON.stringify(text)).toBeLessThanOrEqual(1e-9);
          }),
          { numRuns: RUNS },
        );
      });

      it(`${weight}: every drawable character the font has, alone and all in one line`, () => {
        const all: string[] = [];
        for (let codePoint = 0; codePoint <= 0x2ffff; codePoint++) {
          if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
          const char = String.fromCodePoint(codePoint);
          if (isDrawableChar(char, metrics[weight])) all.push(char);
        }
        expect(all.length).toBeGreaterThan(3000);
        const wrong = all.filter((char) => relativeDifference(measurer.widthPt(char, weight, 10), pdfFonts[weight].widthOfTextAtSize(char, 10)) > 1e-9);
        expect(wrong).toEqual([]);
        const line = all.join('');
        expect(relativeDifference(measurer.widthPt(line, weight, 7), pdfFonts[weight].widthOfTextAtSize(line, 7))).toBeLessThanOrEqual(1e-9);
      });
    }
  });
}

describe('why PDF_FONT_FEATURES', () => {
  const bytes = loadFontBytes('sans').regular;
  const measurer = createMeasurer({ regular: parseTtfMetrics(bytes), bold: parseTtfMetrics(loadFontBytes('sans').bold) });

  it("with fontkit's default features, pdf-lib draws ligatures and the widths differ", async () => {
    const pdfFont = await embed(bytes, undefined);
    expect(relativeDifference(measurer.widthPt('office', 'regular', 10), pdfFont.widthOfTextAtSize('office', 10))).toBeGreaterThan(1e-3);
  });

  it('a soft hyphen is drawn as a space (so missingChars reports it)', async () => {
    const pdfFont = await embed(bytes, { ...PDF_FONT_FEATURES });
    expect(pdfFont.widthOfTextAtSize('a\u00adb', 10)).toBeCloseTo(pdfFont.widthOfTextAtSize('a b', 10), 12);
    expect(measurer.missingChars('a\u00adb', 'regular')).toEqual(['\u00ad']);
  });

  it('fontkit does not write into the features object it is given', async () => {
    const features = { ...PDF_FONT_FEATURES };
    const pdfFont = await embed(bytes, features);
    pdfFont.widthOfTextAtSize('office – 1⁄2 Жизнь Ωmega', 10);
    pdfFont.encodeText('office – 1⁄2 Жизнь Ωmega');
    expect(features).toEqual(PDF_FONT_FEATURES);
  });
});
