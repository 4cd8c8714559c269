/** The font files as data, and reading them in Node: the generated card fonts, and the others from the installed package. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_FONT_FAMILY } from '../../src/fonts/card-font';
import { FONT_FAMILIES, fontFileSpecifier, generatedFontPath, type FontFamilyId } from '../../src/fonts/families';
import { loadFontBytes, loadNodeMeasurer, loadPackageFontBytes, repositoryRoot } from '../../src/fonts/node';
import { REPO_ROOT } from '../helpers/run';

describe('font families and loading', () => {
  it('names the DejaVu files inside dejavu-fonts-ttf/ttf/', () => {
    expect(fontFileSpecifier('sans', 'regular')).toBe('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    expect(fontFileSpecifier('sans-condensed', 'bold')).toBe('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf');
    const require = createRequire(import.meta.url);
    for (const family of Object.keys(FONT_FAMILIES) as FontFamilyId[]) {
      for (const weight of ['regular', 'bold'] as const) expect(() => require.resolve(fontFileSpecifier(family, weight))).not.toThrow();
    }
  });

  it('reads the card family from generated/fonts in the repository, the others from the package', () => {
    expect(repositoryRoot()).toBe(REPO_ROOT);
    expect(generatedFontPath(CARD_FONT_FAMILY, 'regular')).toBe('generated/fonts/DejaVuSansCondensed-card.ttf');
    expect(generatedFontPath(CARD_FONT_FAMILY, 'bold')).toBe('generated/fonts/DejaVuSansCondensed-Bold-card.ttf');
    expect(generatedFontPath('sans', 'regular')).toBeUndefined();
    const card = loadFontBytes(CARD_FONT_FAMILY);
    for (const weight of ['regular', 'bold'] as const) {
      expect(Buffer.from(card[weight]).equals(readFileSync(join(REPO_ROOT, generatedFontPath(CARD_FONT_FAMILY, weight) as string)))).toBe(true);
      expect(card[weight].byteLength).toBeLessThan(loadPackageFontBytes(CARD_FONT_FAMILY)[weight].byteLength / 2);
    }
    const require = createRequire(import.meta.url);
    expect(Buffer.from(loadFontBytes('sans').bold).equals(readFileSync(require.resolve(fontFileSpecifier('sans', 'bold'))))).toBe(true);
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
