/**
 * fontkit-lite (our fontkit-compatible font engine for pdf-lib) against @pdf-lib/fontkit, which the cards were made
 * with before: the font facts pdf-lib reads, the glyphs it maps text to, the subset fonts it embeds, and real cards
 * made both ways from the same layout, read back with qpdf, pdffonts, pdftotext (text and word boxes) and rendered
 * by pdftoppm at 300 dpi: the same text, the same boxes and the same pixels.
 */
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CardSpec } from '../../../src/core/spec/schema';
import { subsetGlyphs, openSubsetSource } from '../../../src/fonts/pdf-subset';
import { renderCardPdf, type FontEngine } from '../../../src/render/pdf/card';
import { fontkitLite } from '../../../src/render/pdf/fontkit-lite';
import { CREATOR, fonts, render, save, specWith, tool } from '../../helpers/engine';
import { tempDir } from '../../helpers/run';

const dir = tempDir('safety-card-fontkit-lite-');
afterAll(() => dir.cleanup());

interface KitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
  path: { toSVG(): string };
}
interface KitFont {
  layout(text: string, features?: unknown): { glyphs: KitGlyph[] };
  glyphForCodePoint(codePoint: number): KitGlyph;
  getGlyph(id: number): KitGlyph;
  characterSet: number[];
  numGlyphs: number;
  [key: string]: unknown;
}

/**
 * The engine the cards were made with before fontkit-lite: @pdf-lib/fontkit, each font parsed once, and `layout`
 * replaced by the cmap lookup with fresh glyph records (what card.ts registered until fontkit-lite).
 */
const parsed = new WeakMap<Uint8Array, KitFont>();
const memoizedFontkit = {
  create(bytes: Uint8Array): KitFont {
    let font = parsed.get(bytes);
    if (font === undefined) {
      const made = fontkit.create(bytes) as unknown as KitFont;
      made.layout = (text: string) => ({
        glyphs: Array.from(text, (char) => {
          const codePoint = char.codePointAt(0) ?? 0;
          const glyph = made.glyphForCodePoint(codePoint);
          return { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoint], path: glyph.path };
        }),
      });
      font = made;
      parsed.set(bytes, font);
    }
    return font;
  },
} as unknown as FontEngine;

const cardFonts = [
  ['regular', fonts.regular],
  ['bold', fonts.bold],
] as const;

describe('fontkit-lite reads the card fonts as fontkit does', () => {
  for (const [weight, bytes] of cardFonts) {
    it(`${weight}: the facts pdf-lib writes into the font descriptor`, () => {
      const theirs = fontkit.create(bytes) as unknown as Record<string, unknown> & { 'OS/2': { sFamilyClass: number }; post: { isFixedPitch: number }; head: { macStyle: { italic: boolean } }; bbox: Record<string, number> };
      const mine = fontkitLite.create(bytes);
      for (const key of ['unitsPerEm', 'postscriptName', 'ascent', 'descent', 'capHeight', 'xHeight', 'italicAngle'] as const) expect(mine[key], key).toBe(theirs[key]);
      expect({ ...mine.bbox }).toEqual({ minX: theirs.bbox.minX, minY: theirs.bbox.minY, maxX: theirs.bbox.maxX, maxY: theirs.bbox.maxY });
      expect(mine['OS/2']?.sFamilyClass).toBe(theirs['OS/2'].sFamilyClass);
      expect(mine.post.isFixedPitch).toBe(theirs.post.isFixedPitch);
      expect(mine.head.macStyle.italic).toBe(theirs.head.macStyle.italic);
      expect(mine.cff).toBeFalsy();
      expect(mine.createSubset().cff).toBeFalsy();
      expect(fontkitLite.create(bytes)).toBe(mine);
    });

    it(`${weight}: every character maps to fontkit's glyph and advance, in fresh records`, () => {
      const theirs = fontkit.create(bytes) as unknown as KitFont;
      const mine = fontkitLite.create(bytes);
      // fontkit also lists the code points its cmap maps to .notdef (U+FFFF, the end of a format 4 subtable).
      expect(mine.characterSet).toEqual([...theirs.characterSet].filter((c) => theirs.glyphForCodePoint(c).id !== 0).sort((a, b) => a - b));
      for (const codePoint of [...theirs.characterSet, 0x0378, 0x10ffff]) {
        const [a, b] = [mine.glyphForCodePoint(codePoint), theirs.glyphForCodePoint(codePoint)];
        expect([a.id, a.advanceWidth, a.codePoints], `U+${codePoint.toString(16)}`).toEqual([b.id, b.advanceWidth, [codePoint]]);
      }
      const text = 'Ab é ⚠ — Ω';
      const glyphs = mine.layout(text).glyphs;
      expect(glyphs.map((g) => g.codePoints[0])).toEqual(Array.from(text, (c) => c.codePointAt(0)));
      expect(mine.layout(text).glyphs[0]).not.toBe(glyphs[0]);
    });

    it(`${weight}: a subset has the chosen glyphs in order, then the components, with the same outlines and advances`, async () => {
      const theirs = fontkit.create(bytes) as unknown as KitFont;
      const mine = fontkitLite.create(bytes);
      const subset = mine.createSubset();
      // Accented Latin and Greek capitals are composites of glyphs not listed themselves.
      const chosen = Array.from('Ϊ é Ώ ŁÅ a', (c) => mine.glyphForCodePoint(c.codePointAt(0) ?? 0));
      const ids = chosen.map((glyph) => subset.includeGlyph(glyph));
      expect(subset.includeGlyph(chosen[0]!.id)).toBe(ids[0]);
      const order = [0, ...new Set(chosen.map((g) => g.id))];
      expect(ids).toEqual(chosen.map((g) => order.indexOf(g.id)));

      const encoded = await new Promise<Uint8Array>((resolve, reject) => {
        const parts: Uint8Array[] = [];
        subset
          .encodeStream()
          .on('data', (part) => parts.push(part as Uint8Array))
          .on('end', () => resolve(Buffer.concat(parts)))
          .on('error', reject);
      });
      expect(Buffer.from(encoded).equals(Buffer.from(subsetGlyphs(openSubsetSource(bytes), order)))).toBe(true);

      // fontkit's own subset of the same glyphs, for comparison: same glyph count and order (components appended).
      const kitSubset = (theirs as unknown as { createSubset(): { includeGlyph(id: number): number; encodeStream(): { on(e: string, f: (x?: unknown) => void): unknown } } }).createSubset();
      for (const id of order) kitSubset.includeGlyph(id);
      const kitBytes = await new Promise<Uint8Array>((resolve) => {
        const parts: Uint8Array[] = [];
        const stream = kitSubset.encodeStream();
        stream.on('data', (part) => parts.push(part as Uint8Array));
        stream.on('end', () => resolve(Buffer.concat(parts)));
      });
      const [reread, kitReread] = [fontkit.create(Buffer.from(encoded)) as unknown as KitFont, fontkit.create(Buffer.from(kitBytes)) as unknown as KitFont];
      expect(reread.numGlyphs).toBe(kitReread.numGlyphs);
      expect(reread.numGlyphs).toBeGreaterThan(order.length);
      for (let id = 0; id < reread.numGlyphs; id++) {
        const [a, b] = [reread.getGlyph(id), kitReread.getGlyph(id)];
        expect(a.advanceWidth, `glyph ${id}`).toBe(b.advanceWidth);
        expect(a.path.toSVG(), `glyph ${id}`).toBe(b.path.toSVG());
      }
      for (const [index, id] of order.entries()) expect(reread.getGlyph(index).path.toSVG()).toBe(theirs.getGlyph(id).path.toSVG());
      expect(encoded.length).toBeLessThanOrEqual(kitBytes.length + 64);
    });
  }

  it('rejects glyph lists that do not start with .notdef or name a glyph twice or past the font', () => {
    const source = openSubsetSource(fonts.regular);
    expect(() => subsetGlyphs(source, [5])).toThrow(RangeError);
    expect(() => subsetGlyphs(source, [0, 5, 5])).toThrow(RangeError);
    expect(() => subsetGlyphs(source, [0, source.font.numGlyphs])).toThrow(RangeError);
  });
});

/** A PPM (P6) file's pixels and size. */
function readPpm(path: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(path);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (header === null) throw new Error(`${path}: not a P6 PPM`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

const cases: [string, Partial<CardSpec>][] = [
  ['the default card', {}],
  ['a US card with a name in Latin Extended', { region: 'US', fields: { name: 'Zoë Łukasiewicz-Ødegård', 'emergency-contact-name': 'Ярослава', 'emergency-contact-phone': '+44 7700 900123' } }],
  ['a small wallet card', { region: 'US', sections: ['crisis-contacts', 'always-avoid'] }],
  ['a two-panel card', { region: 'DE', sections: ['crisis-contacts', 'emergency-contact', 'taken-today', 'always-avoid', 'take-precaution'] }],
  ['a discreet card', { region: 'GB', discreet: true }],
  ['accented Greek capitals (composite glyphs)', { sections: ['about-me'], fields: { name: 'Ϊ Ά Έ Ώ Ύ Ι Α Ε Ω Υ' } }],
];

describe('cards made with fontkit-lite read and render as the same cards made with fontkit', () => {
  for (const [name, change] of cases) {
    it(`${name}: clean, embedded subset fonts, the same text, word boxes and 300 dpi pixels`, async () => {
      const { layout } = await render(specWith(change));
      const slug = name.replace(/\W+/g, '-');
      const lite = save(dir.path, `${slug}-lite.pdf`, await renderCardPdf(layout, fonts, { creator: CREATOR }));
      const kit = save(dir.path, `${slug}-fontkit.pdf`, await renderCardPdf(layout, fonts, { creator: CREATOR }, memoizedFontkit));

      expect(await tool('qpdf', ['--check', lite])).toMatch(/No syntax or stream encoding errors found/);
      const fontLines = (await tool('pdffonts', [lite])).split('\n').slice(2).filter((line) => line.trim() !== '');
      expect(fontLines).toHaveLength(2);
      for (const line of fontLines) expect(line).toMatch(/^[A-Z]{6}\+DejaVuSansCondensed(-Bold)?\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      expect(await tool('pdffonts', [lite])).toBe(await tool('pdffonts', [kit]));

      expect(await tool('pdftotext', ['-enc', 'UTF-8', lite, '-'])).toBe(await tool('pdftotext', ['-enc', 'UTF-8', kit, '-']));
      expect(await tool('pdftotext', ['-enc', 'UTF-8', '-raw', lite, '-'])).toBe(await tool('pdftotext', ['-enc', 'UTF-8', '-raw', kit, '-']));
      const boxes = async (path: string) => (await tool('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'])).replace(/<title>.*<\/title>/, '');
      expect(await boxes(lite)).toBe(await boxes(kit));

      await tool('pdftoppm', ['-r', '300', lite, `${lite}-page`]);
      await tool('pdftoppm', ['-r', '300', kit, `${kit}-page`]);
      let differing = 0;
      let ink = 0;
      for (let page = 1; page <= layout.faces.length; page++) {
        const [a, b] = [readPpm(`${lite}-page-${page}.ppm`), readPpm(`${kit}-page-${page}.ppm`)];
        expect([a.width, a.height]).toEqual([b.width, b.height]);
        for (let at = 0; at < a.pixels.length; at += 3) {
          if (a.pixels[at] !== 255 || a.pixels[at + 1] !== 255 || a.pixels[at + 2] !== 255) ink++;
          if (a.pixels[at] !== b.pixels[at] || a.pixels[at + 1] !== b.pixels[at + 1] || a.pixels[at + 2] !== b.pixels[at + 2]) differing++;
        }
      }
      expect(ink, 'pixels that are not white').toBeGreaterThan(10_000);
      expect(differing, 'pixels that differ at 300 dpi').toBe(0);
    });
  }
});
