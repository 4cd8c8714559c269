/** The Measurer: arithmetic, code points, caching, and what counts as missing. */
import { describe, expect, it } from 'vitest';
import { createMeasurer } from '../../src/fonts/measurer';
import { loadNodeMeasurer } from '../../src/fonts/node';
import type { FontMetrics } from '../../src/fonts/ttf';

/** A fake font: 1000 units per em; every letter 500 units, 'W' 1000, a space 250; nothing else. */
function fakeFont(calls: { count: number }): FontMetrics {
  return {
    unitsPerEm: 1000,
    ascentEm: 0.8,
    descentEm: 0.2,
    lineGapEm: 0,
    notdefAdvanceUnits: 600,
    advanceUnits(codePoint) {
      calls.count++;
      if (codePoint === 0x20) return 250;
      if (codePoint === 0x57) return 1000;
      if (codePoint === 0x1d400) return 700; // 𝐀, outside the BMP
      return /\p{L}/u.test(String.fromCodePoint(codePoint)) ? 500 : undefined;
    },
  };
}

describe('createMeasurer with a fake font', () => {
  const calls = { count: 0 };
  const measurer = createMeasurer({ regular: fakeFont(calls), bold: { ...fakeFont(calls), advanceUnits: () => 800 } });

  it('sums advances per code point and scales by sizePt / unitsPerEm', () => {
    expect(measurer.widthPt('', 'regular', 10)).toBe(0);
    expect(measurer.widthPt('ab', 'regular', 10)).toBe(10);
    expect(measurer.widthPt('a W', 'regular', 8)).toBeCloseTo(((500 + 250 + 1000) * 8) / 1000, 12);
    expect(measurer.widthPt('ab', 'bold', 10)).toBe(16);
  });

  it('counts a character outside the BMP once, not as two UTF-16 halves', () => {
    expect('𝐀'.length).toBe(2);
    expect(measurer.widthPt('𝐀', 'regular', 1)).toBe(0.7);
  });

  it('measures a character the font lacks as .notdef, and reports it', () => {
    expect(measurer.widthPt('a1', 'regular', 1)).toBe(1.1);
    expect(measurer.missingChars('a1b2a1', 'regular')).toEqual(['1', '2']);
  });

  it('caches per weight and text: a repeated call reads no advance', () => {
    measurer.widthPt('cache me', 'regular', 7);
    const before = calls.count;
    expect(measurer.widthPt('cache me', 'regular', 9)).toBeCloseTo(((7 * 500 + 250) * 9) / 1000, 12);
    expect(calls.count).toBe(before);
    expect(measurer.widthPt('cache me', 'bold', 9)).toBeCloseTo((8 * 800 * 9) / 1000, 12);
  });

  it('takes ascent and descent from the fonts, in em', () => {
    expect(measurer.ascentEm).toBe(0.8);
    expect(measurer.descentEm).toBe(0.2);
  });
});

describe('missingChars with DejaVu Sans', () => {
  for (const family of ['sans', 'sans-condensed'] as const) {
    const measurer = loadNodeMeasurer(family);
    for (const weight of ['regular', 'bold'] as const) {
      it(`${family} ${weight}: nothing missing in the card's own kind of text`, () => {
        const text = 'Never combine MDMA with MAOIs — “always” ≥ 2 h → 112 • ⚠ ✓ … € ½ Łódź Ωmega Жизнь Grüße São Tomé';
        expect(measurer.missingChars(text, weight)).toEqual([]);
      });

      it(`${family} ${weight}: CJK and emoji are missing, each once, in order`, () => {
        expect(measurer.missingChars('中文 😀 ok 中 😀 한 🙂', weight)).toEqual(['中', '文', '😀', '한', '🙂']);
      });

      it(`${family} ${weight}: colour emoji are missing even where DejaVu has a glyph; text symbols are not`, () => {
        expect(measurer.missingChars('😀⚡✅ ⚠✓❤☎', weight)).toEqual(['😀', '⚡', '✅']);
        expect(measurer.missingChars('⚠\ufe0f', weight)).toEqual(['\ufe0f']);
      });
    }
  }

  const measurer = loadNodeMeasurer('sans');
  it('reports control characters (tab, newline, CR, NUL, DEL, C1) but not the space', () => {
    expect(measurer.missingChars('a\tb\nc\rd\0e\u007ff\u0085 g', 'regular')).toEqual(['\t', '\n', '\r', '\0', '\u007f', '\u0085']);
  });

  it('reports format characters the PDF would draw differently: soft hyphen, zero-width and bidi marks, BOM', () => {
    expect(measurer.missingChars('ab\u00adc\u200bd\u200ce\u200df\u200eg\u202ah\u2060i\ufeffj\u2028k', 'regular')).toEqual(['\u00ad', '\u200b', '\u200c', '\u200d', '\u200e', '\u202a', '\u2060', '\ufeff', '\u2028']);
  });

  it('reports combining marks (NFC-normalize first) and lone surrogates', () => {
    expect(measurer.missingChars('e\u0301', 'regular')).toEqual(['\u0301']);
    expect(measurer.missingChars('e\u0301'.normalize('NFC'), 'regular')).toEqual([]);
    expect(measurer.missingChars('a\ud800b', 'regular')).toEqual(['\ud800']);
  });

  it('reports right-to-left and complex-shaped scripts the font has glyphs for (Hebrew, Arabic)', () => {
    expect(measurer.missingChars('abc שלום', 'regular')).toEqual(['ש', 'ל', 'ו', 'ם']);
    expect(measurer.missingChars('سلام', 'regular')).toEqual(['س', 'ل', 'ا', 'م']);
  });

  it('measures the other spaces as glyphs (no-break, thin, narrow no-break)', () => {
    expect(measurer.missingChars('10\u00a0mg 5\u2009% 3\u202fh', 'regular')).toEqual([]);
    expect(measurer.widthPt('\u00a0', 'regular', 10)).toBeCloseTo(measurer.widthPt(' ', 'regular', 10), 12);
  });

  it('gives DejaVu the widths its hmtx says', () => {
    expect(measurer.widthPt('A', 'regular', 2048)).toBe(1401);
    expect(measurer.widthPt(' ', 'regular', 10)).toBeCloseTo((651 * 10) / 2048, 12);
    expect(measurer.ascentEm).toBeCloseTo(1901 / 2048, 12);
    expect(measurer.descentEm).toBeCloseTo(483 / 2048, 12);
  });
});
