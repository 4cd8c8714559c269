/** The font files as data, and reading them from the installed package in Node. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILIES, fontFileSpecifier, type FontFamilyId } from '../../src/fonts/families';
import { loadFontBytes, loadNodeMeasurer } from '../../src/fonts/node';

describe('font families and loading', () => {
  it('names the DejaVu files inside dejavu-fonts-ttf/ttf/', () => {
    expect(fontFileSpecifier('sans', 'regular')).toBe('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    expect(fontFileSpecifier('sans-condensed', 'bold')).toBe('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf');
    const require = createRequire(import.meta.url);
    for (const family of Object.keys(FONT_FAMILIES) as FontFamilyId[]) {
      for (const weight of ['regular', 'bold'] as const) expect(() => require.resolve(fontFileSpecifier(family, weight))).not.toThrow();
    }
  });

  it('loads plain Uint8Arrays of TrueType fonts', () => {
    for (const family of Object.keys(FONT_FAMILIES) as FontFamilyId[]) {
      const bytes = loadFontBytes(family);
      for (const font of [bytes.regular, bytes.bold]) {
        expect(font.constructor).toBe(Uint8Array);
        expect(font.byteLength).toBeGreaterThan(100_000);
        expect([...font.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
      }
      expect(bytes.regular).not.toEqual(bytes.bold);
    }
  });

  it('Condensed is narrower, bold is wider', () => {
    const text = 'Never combine MDMA with MAOIs, including ayahuasca';
    const sans = loadNodeMeasurer('sans');
    const condensed = loadNodeMeasurer('sans-condensed');
    expect(condensed.widthPt(text, 'regular', 7)).toBeLessThan(0.95 * sans.widthPt(text, 'regular', 7));
    expect(sans.widthPt(text, 'bold', 7)).toBeGreaterThan(sans.widthPt(text, 'regular', 7));
  });
});
