/**
 * A small, dependency-free reader of the TrueType (sfnt) tables the layout needs: `head`, `hhea`, `maxp`, `hmtx` and
 * `cmap` (formats 4 and 12). It runs anywhere a Uint8Array and a DataView exist (Node and the browser). Its lower
 * layer, openSfnt (the table directory and the cmap lookup), is what the subsetter (ttf-subset.ts) reads fonts with.
 *
 * It mirrors what @pdf-lib/fontkit does with the same tables (the cmap subtable it prefers, the last-advance rule of
 * `hmtx`), so that an advance read here is the advance pdf-lib measures and draws. OS/2 is not read: pdf-lib takes the
 * ascent and descent it writes into the PDF from `hhea`, and so do we.
 */

/** Bad font bytes. The message says what is wrong and, where it can, what to use instead. */
export class FontFileError extends Error {
  override readonly name = 'FontFileError';
}

/** What the layout needs to know about one font file. Lengths in em are in units of the font size. */
export interface FontMetrics {
  /** Font design units per em (2048 for DejaVu). */
  readonly unitsPerEm: number;
  /** `hhea` ascender: the height above the baseline, in em. */
  readonly ascentEm: number;
  /** `hhea` descender: the depth below the baseline, in em, positive. */
  readonly descentEm: number;
  /** `hhea` line gap, in em. */
  readonly lineGapEm: number;
  /** The advance width of the glyph the cmap maps `codePoint` to, in font units; undefined if there is none (glyph 0, .notdef, counts as none). */
  advanceUnits(codePoint: number): number | undefined;
  /** The advance width of glyph 0 (.notdef), in font units: what a PDF draws for a character the font lacks. */
  readonly notdefAdvanceUnits: number;
}

const SFNT_TRUETYPE = 0x00010000;
const SFNT_TRUE = 0x74727565; // 'true' (old Apple TrueType)
const SFNT_OTTO = 0x4f54544f; // 'OTTO' (OpenType with CFF outlines: same metric tables)
const HEAD_MAGIC = 0x5f0f3cf5;

/** Signatures of files that are fonts, but not ones this reader (or pdf-lib's subsetter) should be given. */
const UNSUPPORTED_SIGNATURES: Record<number, string> = {
  0x774f4632: 'not a TrueType font (WOFF2 is not supported; use the .ttf file)', // 'wOF2'
  0x774f4646: 'not a TrueType font (WOFF is not supported; use the .ttf file)', // 'wOFF'
  0x74746366: 'a TrueType collection (.ttc) is not supported; use a single .ttf file', // 'ttcf'
};

/**
 * The cmap subtables (platform, encoding) in the order @pdf-lib/fontkit's CmapProcessor prefers them: the 32-bit
 * full-repertoire Unicode ones first. Choosing the same one keeps us consistent with what pdf-lib draws.
 */
const CMAP_PREFERENCE: readonly (readonly [number, number])[] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** Where one table lies in the file: a byte offset from the start of the font and a length in bytes. */
export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/**
 * A font file opened for reading: its table directory and the Unicode cmap lookup fontkit would use. The lower layer
 * of parseTtfMetrics, for code that reads further tables itself (the subsetter, src/fonts/ttf-subset.ts).
 */
export interface SfntFont {
  /** The whole font file. */
  readonly bytes: Uint8Array;
  /** A view over `bytes` (big-endian reads, as every sfnt number is). */
  readonly view: DataView;
  /** The sfnt version: 0x00010000 or 'true' for TrueType outlines, 'OTTO' for CFF outlines. */
  readonly signature: number;
  /** The tags of the font's tables, in the order of its table directory. */
  readonly tags: readonly string[];
  /** A table's place in the file; throws FontFileError if the font has no such table. */
  table(tag: string): TableRecord;
  /** `maxp` numGlyphs: glyph ids run from 0 to numGlyphs − 1. */
  readonly numGlyphs: number;
  /** The glyph id the preferred Unicode cmap subtable maps `codePoint` to; 0 (.notdef) when it maps it to none. */
  glyphIdOf(codePoint: number): number;
}

/** Signature of TrueType-outline fonts: 1.0 or the old Apple 'true'. */
export function hasTrueTypeOutlines(font: SfntFont): boolean {
  return font.signature === SFNT_TRUETYPE || font.signature === SFNT_TRUE;
}

/**
 * Opens a TrueType (.ttf) or OpenType (.otf) font: checks the signature, reads the table directory, `maxp` numGlyphs
 * and the Unicode cmap. Throws FontFileError on anything else.
 */
export function openSfnt(bytes: Uint8Array): SfntFont {
  if (!(bytes instanceof Uint8Array)) throw new FontFileError('font bytes must be a Uint8Array');
  if (bytes.byteLength < 12) throw new FontFileError(`not a TrueType font: ${bytes.byteLength} bytes is too short for a font file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  const signature = view.getUint32(0);
  const unsupported = UNSUPPORTED_SIGNATURES[signature];
  if (unsupported) throw new FontFileError(unsupported);
  if (signature !== SFNT_TRUETYPE && signature !== SFNT_TRUE && signature !== SFNT_OTTO) {
    throw new FontFileError('not a TrueType font (no sfnt signature at the start of the file; use the .ttf file)');
  }

  const tables = readTableDirectory(view);
  const table = (tag: string): TableRecord => {
    const record = tables.get(tag);
    if (!record) throw new FontFileError(`not a usable TrueType font: the '${tag}' table is missing`);
    return record;
  };

  // maxp: numGlyphs at 4.
  const maxp = table('maxp');
  requireLength(maxp, 6, 'maxp');
  const numGlyphs = view.getUint16(maxp.offset + 4);

  return {
    bytes,
    view,
    signature,
    tags: [...tables.keys()],
    table,
    numGlyphs,
    glyphIdOf: readCmap(view, table('cmap')),
  };
}

/** The font-wide horizontal metrics, in font units: what the measurer and the PDF font engine both read. */
export interface HorizontalMetrics {
  unitsPerEm: number;
  /** hhea's ascender (positive) and descender (negative), and line gap. */
  ascender: number;
  descender: number;
  lineGap: number;
  /** The advance width of a glyph id; glyphs past numberOfHMetrics share the last advance. */
  advanceOfGlyph(glyphId: number): number;
}

/** Reads head, hhea and hmtx, checking what would make the numbers wrong. Throws FontFileError. */
export function readHorizontalMetrics(font: SfntFont): HorizontalMetrics {
  const { view, table } = font;

  // head: unitsPerEm at offset 18, magic number at 12.
  const head = table('head');
  requireLength(head, 54, 'head');
  if (view.getUint32(head.offset + 12) !== HEAD_MAGIC) throw new FontFileError("corrupt TrueType font: the 'head' table has a wrong magic number");
  const unitsPerEm = view.getUint16(head.offset + 18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw new FontFileError(`corrupt TrueType font: unitsPerEm is ${unitsPerEm} (must be 16 to 16384)`);

  // hhea: ascender 4, descender 6, lineGap 8 (FWORD), numberOfHMetrics 34.
  const hhea = table('hhea');
  requireLength(hhea, 36, 'hhea');
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  if (numberOfHMetrics === 0) throw new FontFileError("corrupt TrueType font: 'hhea' says the font has no horizontal metrics");

  // hmtx: numberOfHMetrics × (advanceWidth u16, lsb i16).
  const hmtx = table('hmtx');
  requireLength(hmtx, 4 * numberOfHMetrics, 'hmtx');
  return {
    unitsPerEm,
    ascender: view.getInt16(hhea.offset + 4),
    descender: view.getInt16(hhea.offset + 6),
    lineGap: view.getInt16(hhea.offset + 8),
    advanceOfGlyph: (glyphId: number): number => view.getUint16(hmtx.offset + 4 * Math.min(glyphId, numberOfHMetrics - 1)),
  };
}

/** Reads the metrics of a TrueType (.ttf) or OpenType (.otf) font. Throws FontFileError on anything else. */
export function parseTtfMetrics(bytes: Uint8Array): FontMetrics {
  const font = openSfnt(bytes);
  const { numGlyphs } = font;
  const { unitsPerEm, ascender, descender, lineGap, advanceOfGlyph } = readHorizontalMetrics(font);
  const glyphOf = font.glyphIdOf;

  return {
    unitsPerEm,
    ascentEm: ascender / unitsPerEm,
    descentEm: Math.abs(descender) / unitsPerEm,
    lineGapEm: lineGap / unitsPerEm,
    notdefAdvanceUnits: advanceOfGlyph(0),
    advanceUnits(codePoint: number): number | undefined {
      const glyphId = glyphOf(codePoint);
      return glyphId === 0 || glyphId >= numGlyphs ? undefined : advanceOfGlyph(glyphId);
    },
  };
}

function readTableDirectory(view: DataView): Map<string, TableRecord> {
  const numTables = view.getUint16(4);
  if (12 + 16 * numTables > view.byteLength) throw new FontFileError('truncated TrueType font: the table directory extends past the end of the file');
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > view.byteLength) throw new FontFileError(`truncated TrueType font: the '${tag.trim()}' table extends past the end of the file`);
    tables.set(tag, { offset, length });
  }
  return tables;
}

/** Throws FontFileError if `table` is shorter than `minLength` bytes. */
export function requireLength(table: TableRecord, minLength: number, tag: string): void {
  if (table.length < minLength) throw new FontFileError(`corrupt TrueType font: the '${tag}' table is too short (${table.length} bytes, needs ${minLength})`);
}

/** Picks the cmap subtable fontkit would pick and returns a code point → glyph id lookup (0 when unmapped). */
function readCmap(view: DataView, cmap: TableRecord): (codePoint: number) => number {
  requireLength(cmap, 4, 'cmap');
  const count = view.getUint16(cmap.offset + 2);
  requireLength(cmap, 4 + 8 * count, 'cmap');
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = cmap.offset + 4 + 8 * i;
    subtables.push({ platform: view.getUint16(at), encoding: view.getUint16(at + 2), offset: cmap.offset + view.getUint32(at + 4) });
  }
  for (const [platform, encoding] of CMAP_PREFERENCE) {
    const chosen = subtables.find((s) => s.platform === platform && s.encoding === encoding);
    if (!chosen) continue;
    const end = cmap.offset + cmap.length;
    if (chosen.offset + 2 > end) throw new FontFileError("corrupt TrueType font: a 'cmap' subtable lies outside the table");
    const format = view.getUint16(chosen.offset);
    if (format === 4) return readCmapFormat4(view, chosen.offset, end);
    if (format === 12) return readCmapFormat12(view, chosen.offset, end);
    throw new FontFileError(`unsupported TrueType font: its Unicode 'cmap' subtable has format ${format} (only 4 and 12 are read)`);
  }
  throw new FontFileError("unsupported TrueType font: it has no Unicode 'cmap' subtable (symbol fonts are not supported)");
}

/** Format 4: segments of 16-bit code ranges (the BMP). */
function readCmapFormat4(view: DataView, at: number, tableEnd: number): (codePoint: number) => number {
  if (at + 14 > tableEnd) throw new FontFileError("corrupt TrueType font: truncated 'cmap' format 4 subtable");
  const segCount = view.getUint16(at + 6) / 2;
  const endCodes = at + 14;
  const startCodes = endCodes + 2 * segCount + 2; // after reservedPad
  const idDeltas = startCodes + 2 * segCount;
  const idRangeOffsets = idDeltas + 2 * segCount;
  if (idRangeOffsets + 2 * segCount > tableEnd) throw new FontFileError("corrupt TrueType font: truncated 'cmap' format 4 subtable");

  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    // Binary search for the first segment whose endCode ≥ codePoint.
    let low = 0;
    let high = segCount - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = view.getUint16(startCodes + 2 * mid);
      const end = view.getUint16(endCodes + 2 * mid);
      if (codePoint < start) high = mid - 1;
      else if (codePoint > end) low = mid + 1;
      else {
        const idDelta = view.getUint16(idDeltas + 2 * mid);
        const rangeOffsetAt = idRangeOffsets + 2 * mid;
        const idRangeOffset = view.getUint16(rangeOffsetAt);
        if (idRangeOffset === 0) return (codePoint + idDelta) & 0xffff;
        const glyphAt = rangeOffsetAt + idRangeOffset + 2 * (codePoint - start);
        if (glyphAt + 2 > tableEnd) return 0; // the subtable's own u16 length may overflow: bound by the table
        const glyphId = view.getUint16(glyphAt);
        return glyphId === 0 ? 0 : (glyphId + idDelta) & 0xffff;
      }
    }
    return 0;
  };
}

/** Format 12: sequential groups of 32-bit code ranges (all planes). */
function readCmapFormat12(view: DataView, at: number, tableEnd: number): (codePoint: number) => number {
  if (at + 16 > tableEnd) throw new FontFileError("corrupt TrueType font: truncated 'cmap' format 12 subtable");
  const numGroups = view.getUint32(at + 12);
  const groups = at + 16;
  if (groups + 12 * numGroups > tableEnd) throw new FontFileError("corrupt TrueType font: truncated 'cmap' format 12 subtable");

  return (codePoint) => {
    let low = 0;
    let high = numGroups - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const group = groups + 12 * mid;
      const start = view.getUint32(group);
      if (codePoint < start) high = mid - 1;
      else if (codePoint > view.getUint32(group + 4)) low = mid + 1;
      else return view.getUint32(group + 8) + (codePoint - start);
    }
    return 0;
  };
}
