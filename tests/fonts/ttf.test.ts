/** The hand-written TrueType reader against the real DejaVu files, fontkit's reading of them, and bad bytes. */
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILIES, type FontFamilyId } from '../../src/fonts/families';
import { loadFontBytes, loadPackageFontBytes } from '../../src/fonts/node';
import { FontFileError, parseTtfMetrics } from '../../src/fonts/ttf';

const cp = (char: string): number => char.codePointAt(0) as number;

describe('parseTtfMetrics on DejaVuSans.ttf', () => {
  const metrics = parseTtfMetrics(loadFontBytes('sans').regular);

  it('reads head and hhea', () => {
    expect(metrics.unitsPerEm).toBe(2048);
    expect(metrics.ascentEm).toBeCloseTo(1901 / 2048, 12);
    expect(metrics.descentEm).toBeCloseTo(483 / 2048, 12);
    expect(metrics.ascentEm).toBeGreaterThan(0.7);
    expect(metrics.descentEm).toBeGreaterThan(0.1);
    expect(metrics.ascentEm + metrics.descentEm).toBeLessThan(1.5);
  });

  it('has advances for the Latin, Greek, Cyrillic and symbol characters the cards use', () => {
    for (const char of ['A', ' ', 'é', 'Ł', 'Ω', 'Ж', '≥', '→', '•', '⚠', '✓']) {
      const advance = metrics.advanceUnits(cp(char));
      expect(advance, char).toBeTypeOf('number');
      expect(advance, char).toBeGreaterThan(0);
      expect(advance, char).toBeLessThan(3 * 2048);
    }
    expect(metrics.advanceUnits(cp(' '))).toBe(651);
    expect(metrics.advanceUnits(cp('A'))).toBe(1401);
  });

  it('has no glyph for CJK, most emoji, or an unassigned code point', () => {
    expect(metrics.advanceUnits(cp('中'))).toBeUndefined();
    expect(metrics.advanceUnits(cp('🙂'))).toBeUndefined();
    expect(metrics.advanceUnits(cp('🦄'))).toBeUndefined();
    // DejaVu does have monochrome glyphs for U+1F600..U+1F640: the Measurer reports them missing anyway (measurer.ts).
    expect(metrics.advanceUnits(cp('😀'))).toBe(2135);
    expect(metrics.advanceUnits(0x10ffff)).toBeUndefined();
    expect(metrics.advanceUnits(0x110000)).toBeUndefined();
  });
});

describe('parseTtfMetrics agrees with fontkit on every code point', () => {
  // The package files (what the card fonts are built from) and the card fonts themselves (generated/fonts).
  type Case = [name: string, bytes: () => Uint8Array, minPresent: number];
  const fonts: Case[] = (Object.keys(FONT_FAMILIES) as FontFamilyId[]).flatMap((family) =>
    (['regular', 'bold'] as const).flatMap((weight): Case[] => {
      const files = FONT_FAMILIES[family];
      const packageFont: Case = [files[weight], () => loadPackageFontBytes(family)[weight], 5000];
      return files.generated === undefined ? [packageFont] : [packageFont, [files.generated[weight], () => loadFontBytes(family)[weight], 3000]];
    }),
  );
  for (const [name, loadBytes, minPresent] of fonts) {
    it(`${name}: same glyph presence and advance for U+0000..U+10FFFF`, () => {
      const bytes = loadBytes();
      const ours = parseTtfMetrics(bytes);
      const theirs = fontkit.create(bytes);
      expect(ours.unitsPerEm).toBe(theirs.unitsPerEm);
      expect(ours.ascentEm * ours.unitsPerEm).toBe(theirs.ascent);
      expect(-ours.descentEm * ours.unitsPerEm).toBe(theirs.descent);
      expect(ours.notdefAdvanceUnits).toBe(theirs.getGlyph(0).advanceWidth);
      const differences: string[] = [];
      let present = 0;
      for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
        const glyph = theirs.glyphForCodePoint(codePoint);
        const expected = glyph.id === 0 ? undefined : glyph.advanceWidth;
        const actual = ours.advanceUnits(codePoint);
        if (actual !== undefined) present++;
        if (actual !== expected && differences.length < 10) differences.push(`U+${codePoint.toString(16)}: ${actual} ≠ ${expected}`);
      }
      expect(differences).toEqual([]);
      expect(present).toBeGreaterThan(minPresent);
    });
  }
});

describe('FontFileError on bad bytes', () => {
  const ttf = loadFontBytes('sans').regular;
  const withSignature = (signature: string): Uint8Array => {
    const bytes = new Uint8Array(64);
    bytes.set([...signature].map((char) => char.charCodeAt(0)));
    return bytes;
  };
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /too short/],
    ['garbage', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 0xff), /not a TrueType font/],
    ['text', new TextEncoder().encode('<!doctype html><title>404 Not Found</title>'), /not a TrueType font/],
    ['WOFF2', withSignature('wOF2'), /WOFF2 is not supported; use the \.ttf file/],
    ['WOFF', withSignature('wOFF'), /WOFF is not supported/],
    ['a collection', withSignature('ttcf'), /\.ttc\) is not supported/],
    ['a truncated .ttf', ttf.slice(0, 2000), /truncated TrueType font: the '\w+' table extends past the end/],
    ['a table directory past the end', ttf.slice(0, 40), /truncated TrueType font: the table directory/],
  ];
  for (const [what, bytes, message] of cases) {
    it(`throws a FontFileError on ${what}`, () => {
      let error: unknown;
      try {
        parseTtfMetrics(bytes);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(FontFileError);
      expect((error as FontFileError).name).toBe('FontFileError');
      expect((error as FontFileError).message).toMatch(message);
    });
  }

  it('throws on a corrupt head table', () => {
    const bytes = ttf.slice();
    const view = new DataView(bytes.buffer);
    const numTables = view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      if (String.fromCharCode(...bytes.subarray(12 + 16 * i, 16 + 16 * i)) === 'head') view.setUint32(view.getUint32(12 + 16 * i + 8) + 12, 0);
    }
    expect(() => parseTtfMetrics(bytes)).toThrow(/'head' table has a wrong magic number/);
  });

  it('reads a font that sits inside a larger buffer (byteOffset ≠ 0)', () => {
    const padded = new Uint8Array(ttf.byteLength + 3);
    padded.set(ttf, 3);
    expect(parseTtfMetrics(padded.subarray(3)).advanceUnits(cp('A'))).toBe(1401);
  });
});
