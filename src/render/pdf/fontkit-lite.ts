/**
 * The part of @pdf-lib/fontkit that pdf-lib uses (`PDFDocument.registerFontkit`), over our own TrueType code
 * (src/fonts/ttf.ts, src/fonts/pdf-subset.ts) instead of fontkit's 1 MB bundle. What pdf-lib reads of a font
 * (pdf-lib 1.17.1: CustomFontEmbedder, CustomFontSubsetEmbedder, FontFlags, CMap):
 * - unitsPerEm, postscriptName, ascent, descent, capHeight, xHeight, italicAngle, bbox, cff (undefined: TrueType
 *   outlines only), 'OS/2'.sFamilyClass, post.isFixedPitch, head.macStyle.italic: read from the tables as fontkit reads
 *   them (hhea ascender/descender, OS/2 version ≥ 2 for cap and x height, post's 16.16 italic angle, head's box);
 * - layout(text) and glyphForCodePoint(codePoint): one glyph per code point, by the cmap only (the text has no
 *   shaping: see PDF_FONT_FEATURES and the Measurer), each a fresh { id, advanceWidth, codePoints } record;
 * - characterSet (only when embedding without subsetting): every code point the cmap maps to a glyph other than 0
 *   (fontkit also lists code points its format 4 cmap maps to glyph 0, such as U+FFFF);
 * - createSubset(): includeGlyph (glyph 0 first, ids in order of inclusion), cff, and encodeStream(), which emits
 *   the subset font (src/fonts/pdf-subset.ts) as one 'data' event then 'end', after the caller has attached its
 *   listeners.
 * Each font file is parsed once and kept for the same bytes (a parsed font is read-only).
 */
import { openSubsetSource, subsetGlyphs, type SubsetSource } from '../../fonts/pdf-subset';
import { FontFileError, readHorizontalMetrics, requireLength, type SfntFont } from '../../fonts/ttf';

/** What pdf-lib reads of a glyph: its id, its advance, and the text it stands for (for the ToUnicode map). */
export interface LiteGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

type Listener = (value?: unknown) => void;

/** The stream pdf-lib reads a subset from: on('data' | 'end' | 'error', listener), chainable. */
export interface LiteEncodeStream {
  on(event: 'data' | 'end' | 'error', listener: Listener): LiteEncodeStream;
}

export interface LiteSubset {
  /** Adds a glyph (or glyph id) and returns its id in the subset. */
  includeGlyph(glyph: number | { id: number }): number;
  readonly cff: undefined;
  encodeStream(): LiteEncodeStream;
}

export interface LiteFont {
  readonly unitsPerEm: number;
  readonly postscriptName: string | null;
  readonly ascent: number;
  readonly descent: number;
  /** Undefined, as in fontkit, when the font's OS/2 table predates version 2 (pdf-lib then uses the ascent and 0). */
  readonly capHeight: number | undefined;
  readonly xHeight: number | undefined;
  readonly italicAngle: number;
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  readonly cff: undefined;
  readonly 'OS/2': { readonly sFamilyClass: number } | undefined;
  readonly post: { readonly isFixedPitch: number };
  readonly head: { readonly macStyle: { readonly italic: boolean } };
  readonly characterSet: number[];
  glyphForCodePoint(codePoint: number): LiteGlyph;
  layout(text: string, features?: unknown): { glyphs: LiteGlyph[] };
  createSubset(): LiteSubset;
}

const parsedFonts = new WeakMap<Uint8Array, LiteFont>();

/** Drop-in for `fontkit` in `pdf.registerFontkit(...)`, for TrueType fonts laid out without shaping. */
export const fontkitLite = {
  create(bytes: Uint8Array): LiteFont {
    let font = parsedFonts.get(bytes);
    if (font === undefined) {
      font = parseFont(bytes);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

function parseFont(bytes: Uint8Array): LiteFont {
  const source = openSubsetSource(bytes);
  const { font } = source;
  const { view, table } = font;

  const { unitsPerEm, ascender: ascent, descender: descent, advanceOfGlyph: advanceOf } = readHorizontalMetrics(font);
  const head = table('head');
  const post = table('post');
  requireLength(post, 32, 'post');
  const os2 = font.tags.includes('OS/2') ? table('OS/2') : undefined;
  if (os2 !== undefined) requireLength(os2, 68, 'OS/2');

  // OS/2 version ≥ 2 has sxHeight (86) and sCapHeight (88). As fontkit: without OS/2, the ascent and 0; with an
  // older OS/2, undefined (pdf-lib writes `capHeight || ascent` and `xHeight || 0`).
  const heightAt = (offset: number, fallback: number): number | undefined => {
    if (os2 === undefined) return fallback;
    return view.getUint16(os2.offset) >= 2 && os2.length >= 96 ? view.getInt16(os2.offset + offset) : undefined;
  };

  const glyphForCodePoint = (codePoint: number): LiteGlyph => {
    const glyphId = font.glyphIdOf(codePoint);
    const id = glyphId < font.numGlyphs ? glyphId : 0;
    return { id, advanceWidth: advanceOf(id), codePoints: [codePoint] };
  };
  let characterSet: number[] | undefined;

  return {
    unitsPerEm,
    postscriptName: readPostscriptName(font),
    ascent,
    descent,
    capHeight: heightAt(88, ascent),
    xHeight: heightAt(86, 0),
    italicAngle: view.getInt32(post.offset + 4) / 65536,
    bbox: Object.freeze({
      minX: view.getInt16(head.offset + 36),
      minY: view.getInt16(head.offset + 38),
      maxX: view.getInt16(head.offset + 40),
      maxY: view.getInt16(head.offset + 42),
    }),
    cff: undefined,
    'OS/2': os2 === undefined ? undefined : { sFamilyClass: view.getInt16(os2.offset + 30) },
    post: { isFixedPitch: view.getUint32(post.offset + 12) },
    head: { macStyle: { italic: (view.getUint16(head.offset + 44) & 0x2) !== 0 } },
    get characterSet(): number[] {
      characterSet ??= mappedCodePoints(font);
      return characterSet;
    },
    glyphForCodePoint,
    // Fresh records on every call: pdf-lib keeps the glyphs it is given (for the ToUnicode map of this PDF only).
    layout: (text: string) => ({ glyphs: Array.from(text, (char) => glyphForCodePoint(char.codePointAt(0) ?? 0)) }),
    createSubset: () => createSubset(source),
  };
}

function createSubset(source: SubsetSource): LiteSubset {
  const glyphIds: number[] = [];
  const subsetIds = new Map<number, number>();
  const includeGlyph = (glyph: number | { id: number }): number => {
    const glyphId = typeof glyph === 'number' ? glyph : glyph.id;
    let id = subsetIds.get(glyphId);
    if (id === undefined) {
      id = glyphIds.length;
      glyphIds.push(glyphId);
      subsetIds.set(glyphId, id);
    }
    return id;
  };
  includeGlyph(0);
  return {
    includeGlyph,
    cff: undefined,
    encodeStream(): LiteEncodeStream {
      const listeners: Record<string, Listener[]> = { data: [], end: [], error: [] };
      const stream: LiteEncodeStream = {
        on(event, listener) {
          listeners[event]?.push(listener);
          return stream;
        },
      };
      // After the caller has attached its listeners (they are attached in the same turn, as with fontkit's stream).
      void Promise.resolve().then(() => {
        let bytes: Uint8Array;
        try {
          bytes = subsetGlyphs(source, glyphIds);
        } catch (error) {
          for (const listener of listeners.error ?? []) listener(error);
          return;
        }
        for (const listener of listeners.data ?? []) listener(bytes);
        for (const listener of listeners.end ?? []) listener();
      });
      return stream;
    },
  };
}

/** name ID 6 (the PostScript name) of the first record that has one, as fontkit's postscriptName; null if none. */
function readPostscriptName(font: SfntFont): string | null {
  if (!font.tags.includes('name')) return null;
  const { view } = font;
  const name = font.table('name');
  requireLength(name, 6, 'name');
  const count = view.getUint16(name.offset + 2);
  const strings = name.offset + view.getUint16(name.offset + 4);
  requireLength(name, 6 + 12 * count, 'name');
  for (let index = 0; index < count; index++) {
    const at = name.offset + 6 + 12 * index;
    if (view.getUint16(at + 6) !== 6) continue;
    const platform = view.getUint16(at);
    const length = view.getUint16(at + 8);
    const start = strings + view.getUint16(at + 10);
    if (start + length > name.offset + name.length) throw new FontFileError("corrupt TrueType font: a 'name' string lies outside the table");
    let text = '';
    if (platform === 0 || platform === 3) {
      for (let i = 0; i + 1 < length; i += 2) text += String.fromCharCode(view.getUint16(start + i));
    } else {
      for (let i = 0; i < length; i++) text += String.fromCharCode(view.getUint8(start + i));
    }
    return text;
  }
  return null;
}

/** Every code point the cmap maps to a glyph other than 0, ascending (only pdf-lib's non-subset embedding asks). */
function mappedCodePoints(font: SfntFont): number[] {
  const codePoints: number[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    const glyphId = font.glyphIdOf(codePoint);
    if (glyphId !== 0 && glyphId < font.numGlyphs) codePoints.push(codePoint);
  }
  return codePoints;
}
