/**
 * A TrueType subset for embedding in a PDF: the font program of a CIDFontType2 with /CIDToGIDMap /Identity, where
 * the PDF's character codes are the subset's glyph ids. The caller chooses the glyphs and their order (glyph 0 first);
 * the components of composite glyphs are appended after them, in the order they are first met, and the component ids
 * inside the composite glyphs' data are rewritten to the new ids. This is what @pdf-lib/fontkit's TTFSubset does for
 * pdf-lib, written with the TrueType code of ttf.ts and ttf-subset.ts. Pure TypeScript over Uint8Array and DataView.
 *
 * Tables: head, hhea, maxp, hmtx, loca, glyf (what a PDF's TrueType font program needs: ISO 32000 9.9) and post
 * format 3 (32 bytes; some readers look for it). No cmap (the PDF maps codes to glyphs itself), no name or OS/2 (the
 * font descriptor carries those facts), as in fontkit's subsets. head's and hhea's font-wide extents stay the source's
 * (see ttf-subset.ts on why). Instructions are dropped, as in ttf-subset.ts (the card fonts have none).
 */
import { FontFileError, hasTrueTypeOutlines, openSfnt, type SfntFont } from './ttf';
import { assembleFont, buildGlyfAndLoca, buildHead, buildHhea, buildHmtx, buildMaxp, buildPost, readGlyph, readHorizontalMetrics, readLocations, type Glyph } from './ttf-subset';

/** A font opened for subsetting: its tables and its glyph locations, read once. */
export interface SubsetSource {
  readonly font: SfntFont;
  readonly locations: Uint32Array;
}

/** Opens a TrueType-outline font for subsetGlyphs. Throws FontFileError for anything else (CFF fonts included). */
export function openSubsetSource(bytes: Uint8Array): SubsetSource {
  const font = openSfnt(bytes);
  if (!hasTrueTypeOutlines(font)) throw new FontFileError('cannot subset this font: it has CFF outlines (OTTO); only TrueType outlines (glyf) are supported');
  return { font, locations: readLocations(font) };
}

/**
 * Writes a TrueType font whose glyph i is source glyph `glyphIds[i]`, followed by the components the composite ones
 * need. `glyphIds` must start with 0 (.notdef) and hold each id once. Throws a RangeError for an id outside the font.
 */
export function subsetGlyphs(source: SubsetSource, glyphIds: readonly number[]): Uint8Array {
  const { font, locations } = source;
  if (glyphIds[0] !== 0) throw new RangeError('a subset starts with glyph 0 (.notdef)');
  const order = [...glyphIds];
  const newId = new Map<number, number>();
  order.forEach((glyphId, index) => {
    if (!Number.isInteger(glyphId) || glyphId < 0 || glyphId >= font.numGlyphs) throw new RangeError(`glyph ${glyphId} is not in the font (${font.numGlyphs} glyphs)`);
    if (newId.has(glyphId)) throw new RangeError(`glyph ${glyphId} is listed twice`);
    newId.set(glyphId, index);
  });

  const bySourceId = new Map<number, Glyph>();
  const kept: Glyph[] = [];
  // `order` grows while it is walked: components are appended when first met, as fontkit does.
  for (let index = 0; index < order.length; index++) {
    const glyphId = order[index] as number;
    const glyph = readGlyph(font, locations, glyphId);
    if (glyph.components.length > 0) {
      const view = new DataView(glyph.data.buffer, glyph.data.byteOffset, glyph.data.byteLength);
      for (const component of glyph.components) {
        let id = newId.get(component.glyphId);
        if (id === undefined) {
          id = order.length;
          order.push(component.glyphId);
          newId.set(component.glyphId, id);
        }
        view.setUint16(component.at, id);
      }
    }
    bySourceId.set(glyphId, glyph);
    kept.push(glyph);
  }

  const metrics = readHorizontalMetrics(font, order);
  const { glyf, loca, longOffsets } = buildGlyfAndLoca(kept);
  return assembleFont([
    ['head', buildHead(font, longOffsets)],
    ['hhea', buildHhea(font, metrics)],
    ['maxp', buildMaxp(kept, bySourceId)],
    ['hmtx', buildHmtx(metrics)],
    ['loca', loca],
    ['glyf', glyf],
    ['post', buildPost(font)],
  ]);
}
