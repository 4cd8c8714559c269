/**
 * A small TrueType subsetter: from a .ttf and a set of code points, it writes a smaller, valid .ttf with the same
 * outlines and advance widths for those code points, and no hinting or OpenType layout. Pure TypeScript over
 * Uint8Array and DataView (Node and the browser); the output depends only on the input bytes and the set of code
 * points, so it is byte-identical on every run and machine (no clock is read; head's dates are the source's).
 *
 * The tables it writes:
 * - `glyf`/`loca`: glyph 0 (.notdef), the glyphs the code points map to, and every glyph a kept composite glyph
 *   uses as a component (recursively), in their original order and renumbered 0…n−1. Component glyph ids inside
 *   composite glyphs are rewritten to the new ids; points, flags and component transforms are copied byte for byte.
 *   Hinting is removed: a simple glyph's instructions get length 0, a composite loses WE_HAVE_INSTRUCTIONS and its
 *   instructions. `loca` is short (offset / 2, glyphs padded to 2 bytes) when the glyph data fits in 128 kB, else
 *   long (glyphs padded to 4 bytes).
 * - `hmtx`: each kept glyph's advance and left side bearing; `hhea`: the source's, with numberOfHMetrics (a trailing
 *   run of equal advances is written once).
 * - `maxp` (1.0): numGlyphs and the point, contour and component maxima of the kept glyphs; every maximum about
 *   instructions is 0 (and maxZones 1), as there are none.
 * - `head`: the source's (dates, flags, unitsPerEm, bounding box…), with indexToLocFormat and checkSumAdjustment
 *   recomputed.
 * - `OS/2`: the source's, with usFirstCharIndex/usLastCharIndex of the kept code points and usMaxContext 0 (there is
 *   no layout table). The ulUnicodeRange/ulCodePageRange bits are left as they are.
 * - `name`: the source's, as is (it carries the copyright and licence, which must travel with the font).
 * - `post`: format 3 (no glyph names), with the source's italic angle, underline and fixed-pitch fields.
 * - `cmap`: one format 4 subtable (the BMP), listed as (0,3) Unicode BMP and (3,1) Windows Unicode BMP.
 * Every other table is left out: hinting (fpgm, prep, cvt, gasp, hdmx, LTSH, VDMX), layout (GSUB, GPOS, GDEF,
 * kern, MATH, JSTF, BASE) and the rest (FFTM, DSIG, …).
 *
 * The font-wide extents (head's bounding box, hhea's advanceWidthMax, side bearing minima and xMaxExtent) stay the
 * source's: they still bound every kept glyph, as in fontkit's own subsets, and a PDF embedding the font gets the
 * same /FontBBox as from the full font (poppler's anti-aliasing depends on it: with a recomputed, tighter box the
 * card renders a little differently; with the source's, pixel for pixel as before).
 *
 * Limits: TrueType outlines only (not CFF/OTTO), and code points in the BMP only (no format 12 `cmap`).
 */
import { FontFileError, hasTrueTypeOutlines, openSfnt, requireLength, type SfntFont } from './ttf';

// Composite glyph component flags (OpenType `glyf`).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;
// Simple glyph point flags.
const X_SHORT_VECTOR = 0x02;
const Y_SHORT_VECTOR = 0x04;
const REPEAT_FLAG = 0x08;
const X_IS_SAME_OR_POSITIVE = 0x10;
const Y_IS_SAME_OR_POSITIVE = 0x20;

/** Composite glyphs nest at most this deep (DejaVu: 4); deeper means a cycle or a broken font. */
const MAX_COMPONENT_DEPTH = 16;

/** The order tables are laid out in the file (OpenType's recommendation for TrueType fonts); the directory is sorted by tag. */
const TABLE_ORDER = ['head', 'hhea', 'maxp', 'OS/2', 'hmtx', 'cmap', 'loca', 'glyf', 'name', 'post'] as const;
type TableTag = (typeof TABLE_ORDER)[number];

/** One glyph of the source font, read and already stripped of its instructions. */
export interface Glyph {
  /** The glyph's data for the new font, unpadded; empty for a glyph without an outline (a space). */
  data: Uint8Array;
  /** Simple glyph: its points and contours (0 for a composite). */
  points: number;
  contours: number;
  /** Composite glyph: each component's source glyph id and the byte offset of that id in `data`. */
  components: { glyphId: number; at: number }[];
}

/**
 * Writes a TrueType font holding only the glyphs of `codePoints` (see the module comment). Every code point must be
 * in the BMP and mapped to a glyph by the source's cmap; throws a RangeError otherwise, and a FontFileError when the
 * source is not a TrueType font it can read.
 */
export function subsetTrueType(bytes: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const font = openSfnt(bytes);
  if (!hasTrueTypeOutlines(font)) throw new FontFileError('cannot subset this font: it has CFF outlines (OTTO); only TrueType outlines (glyf) are supported');

  // Which source glyph each code point maps to.
  const mapping: [codePoint: number, glyphId: number][] = [];
  for (const codePoint of new Set(codePoints)) {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > 0xfffe) {
      throw new RangeError(`cannot keep U+${codePoint.toString(16).toUpperCase()}: only code points U+0000..U+FFFE (the BMP, a format 4 cmap) are supported`);
    }
    const glyphId = font.glyphIdOf(codePoint);
    if (glyphId === 0 || glyphId >= font.numGlyphs) throw new RangeError(`cannot keep U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}: the font has no glyph for it`);
    mapping.push([codePoint, glyphId]);
  }
  mapping.sort((a, b) => a[0] - b[0]);

  // The glyphs: .notdef, the mapped ones, and the closure over composite components.
  const locations = readLocations(font);
  const glyphs = new Map<number, Glyph>();
  const pending = [0, ...mapping.map(([, glyphId]) => glyphId)];
  for (let glyphId = pending.pop(); glyphId !== undefined; glyphId = pending.pop()) {
    if (glyphs.has(glyphId)) continue;
    const glyph = readGlyph(font, locations, glyphId);
    glyphs.set(glyphId, glyph);
    for (const component of glyph.components) pending.push(component.glyphId);
  }
  const oldIds = [...glyphs.keys()].sort((a, b) => a - b);
  const newId = new Map(oldIds.map((oldId, index) => [oldId, index]));
  const kept = oldIds.map((oldId) => glyphs.get(oldId) as Glyph);
  for (const glyph of kept) {
    const view = new DataView(glyph.data.buffer, glyph.data.byteOffset, glyph.data.byteLength);
    for (const component of glyph.components) view.setUint16(component.at, newId.get(component.glyphId) as number);
  }

  const metrics = readHorizontalMetrics(font, oldIds);
  const { glyf, loca, longOffsets } = buildGlyfAndLoca(kept);
  const tables: Record<TableTag, Uint8Array> = {
    head: buildHead(font, longOffsets),
    hhea: buildHhea(font, metrics),
    maxp: buildMaxp(kept, glyphs),
    'OS/2': buildOs2(font, mapping),
    hmtx: buildHmtx(metrics),
    cmap: buildCmap(mapping.map(([codePoint, glyphId]) => [codePoint, newId.get(glyphId) as number])),
    loca,
    glyf,
    name: copyTable(font, 'name'),
    post: buildPost(font),
  };
  return assembleFont(TABLE_ORDER.map((tag) => [tag, tables[tag]]));
}

// ---------------------------------------------------------------------------------------------------- reading

export function readLocations(font: SfntFont): Uint32Array {
  const { view } = font;
  const head = font.table('head');
  requireLength(head, 54, 'head');
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const loca = font.table('loca');
  const count = font.numGlyphs + 1;
  requireLength(loca, count * (longOffsets ? 4 : 2), 'loca');
  const glyfLength = font.table('glyf').length;
  const offsets = new Uint32Array(count);
  let previous = 0;
  for (let index = 0; index < count; index++) {
    const offset = longOffsets ? view.getUint32(loca.offset + 4 * index) : 2 * view.getUint16(loca.offset + 2 * index);
    if (offset > glyfLength || offset < previous) throw new FontFileError(`corrupt TrueType font: 'loca' entry ${index} points outside 'glyf' or backwards`);
    offsets[index] = offset;
    previous = offset;
  }
  return offsets;
}

/** Reads one glyph and drops its instructions (see Glyph). */
export function readGlyph(font: SfntFont, locations: Uint32Array, glyphId: number): Glyph {
  const { view, bytes } = font;
  const start = font.table('glyf').offset + (locations[glyphId] as number);
  const end = font.table('glyf').offset + (locations[glyphId + 1] as number);
  if (end === start) return { data: new Uint8Array(0), points: 0, contours: 0, components: [] };
  const corrupt = (what: string) => new FontFileError(`corrupt TrueType font: glyph ${glyphId} ${what}`);
  if (end - start < 10) throw corrupt('is shorter than its header');
  const u16 = (at: number): number => {
    if (at + 2 > end) throw corrupt('extends past its end in loca');
    return view.getUint16(at);
  };
  const numberOfContours = view.getInt16(start);

  if (numberOfContours >= 0) {
    // Simple glyph: header, endPtsOfContours[n], instructionLength, instructions[], flags[], xCoordinates[], yCoordinates[].
    const instructionLengthAt = start + 10 + 2 * numberOfContours;
    const points = numberOfContours === 0 ? 0 : u16(instructionLengthAt - 2) + 1;
    const flagsAt = instructionLengthAt + 2 + u16(instructionLengthAt);
    let at = flagsAt;
    let xBytes = 0;
    let yBytes = 0;
    for (let point = 0; point < points; ) {
      if (at >= end) throw corrupt('has fewer flags than points');
      const flag = view.getUint8(at++);
      let times = 1;
      if (flag & REPEAT_FLAG) {
        if (at >= end) throw corrupt('has fewer flags than points');
        times += view.getUint8(at++);
      }
      xBytes += times * (flag & X_SHORT_VECTOR ? 1 : flag & X_IS_SAME_OR_POSITIVE ? 0 : 2);
      yBytes += times * (flag & Y_SHORT_VECTOR ? 1 : flag & Y_IS_SAME_OR_POSITIVE ? 0 : 2);
      point += times;
    }
    const outlineEnd = at + xBytes + yBytes;
    if (outlineEnd > end) throw corrupt('has coordinates past its end in loca');
    const head = instructionLengthAt - start; // header and endPtsOfContours
    const data = new Uint8Array(head + 2 + (outlineEnd - flagsAt));
    data.set(bytes.subarray(start, instructionLengthAt), 0); // instructionLength stays 0
    data.set(bytes.subarray(flagsAt, outlineEnd), head + 2);
    return { data, points, contours: numberOfContours, components: [] };
  }

  // Composite glyph: header, then components (flags, glyphIndex, arguments, transform) while MORE_COMPONENTS; then
  // instructions if WE_HAVE_INSTRUCTIONS, which are left out.
  const components: { glyphId: number; at: number }[] = [];
  let at = start + 10;
  let flags: number;
  do {
    flags = u16(at);
    components.push({ glyphId: u16(at + 2), at: at + 2 - start });
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    at += flags & WE_HAVE_A_SCALE ? 2 : flags & WE_HAVE_AN_X_AND_Y_SCALE ? 4 : flags & WE_HAVE_A_TWO_BY_TWO ? 8 : 0;
    if (at > end) throw corrupt('has a component past its end in loca');
  } while (flags & MORE_COMPONENTS);
  for (const component of components) {
    if (component.glyphId >= font.numGlyphs) throw corrupt(`uses glyph ${component.glyphId}, past numGlyphs`);
  }
  const data = bytes.slice(start, at);
  const dataView = new DataView(data.buffer);
  for (const component of components) dataView.setUint16(component.at - 2, dataView.getUint16(component.at - 2) & ~WE_HAVE_INSTRUCTIONS);
  return { data, points: 0, contours: 0, components };
}

export interface HorizontalMetric {
  advance: number;
  leftSideBearing: number;
}

/** hmtx entries of the kept glyphs (glyphs past numberOfHMetrics share the last advance). */
export function readHorizontalMetrics(font: SfntFont, oldIds: readonly number[]): HorizontalMetric[] {
  const { view } = font;
  const hhea = font.table('hhea');
  requireLength(hhea, 36, 'hhea');
  const count = view.getUint16(hhea.offset + 34);
  if (count === 0 || count > font.numGlyphs) throw new FontFileError(`corrupt TrueType font: 'hhea' numberOfHMetrics is ${count} for ${font.numGlyphs} glyphs`);
  const hmtx = font.table('hmtx');
  requireLength(hmtx, 4 * count + 2 * (font.numGlyphs - count), 'hmtx');
  return oldIds.map((glyphId) => ({
    advance: view.getUint16(hmtx.offset + 4 * Math.min(glyphId, count - 1)),
    leftSideBearing: glyphId < count ? view.getInt16(hmtx.offset + 4 * glyphId + 2) : view.getInt16(hmtx.offset + 4 * count + 2 * (glyphId - count)),
  }));
}

function copyTable(font: SfntFont, tag: string): Uint8Array {
  const table = font.table(tag);
  return font.bytes.slice(table.offset, table.offset + table.length);
}

/** A copy of the first `length` bytes of a table, and a view over the copy. */
function copyHeadOf(font: SfntFont, tag: string, length: number): { data: Uint8Array; view: DataView } {
  const table = font.table(tag);
  requireLength(table, length, tag);
  const data = font.bytes.slice(table.offset, table.offset + length);
  return { data, view: new DataView(data.buffer) };
}

// ---------------------------------------------------------------------------------------------------- writing

export function buildGlyfAndLoca(glyphs: readonly Glyph[]): { glyf: Uint8Array; loca: Uint8Array; longOffsets: boolean } {
  const paddedTo = (length: number, alignment: number) => Math.ceil(length / alignment) * alignment;
  const shortTotal = glyphs.reduce((sum, glyph) => sum + paddedTo(glyph.data.length, 2), 0);
  const longOffsets = shortTotal > 2 * 0xffff;
  const alignment = longOffsets ? 4 : 2;
  const glyf = new Uint8Array(glyphs.reduce((sum, glyph) => sum + paddedTo(glyph.data.length, alignment), 0));
  const loca = new Uint8Array((glyphs.length + 1) * (longOffsets ? 4 : 2));
  const locaView = new DataView(loca.buffer);
  let offset = 0;
  glyphs.forEach((glyph, index) => {
    if (longOffsets) locaView.setUint32(4 * index, offset);
    else locaView.setUint16(2 * index, offset / 2);
    glyf.set(glyph.data, offset);
    offset += paddedTo(glyph.data.length, alignment);
  });
  if (longOffsets) locaView.setUint32(4 * glyphs.length, offset);
  else locaView.setUint16(2 * glyphs.length, offset / 2);
  return { glyf, loca, longOffsets };
}

export function buildHead(font: SfntFont, longOffsets: boolean): Uint8Array {
  const { data, view } = copyHeadOf(font, 'head', 54);
  view.setUint32(8, 0); // checkSumAdjustment: set by assembleFont
  view.setInt16(50, longOffsets ? 1 : 0); // indexToLocFormat
  return data;
}

export function buildHhea(font: SfntFont, metrics: readonly HorizontalMetric[]): Uint8Array {
  const { data, view } = copyHeadOf(font, 'hhea', 36);
  view.setUint16(34, hMetricsCount(metrics));
  return data;
}

/** numberOfHMetrics: glyphs after the last change of advance share it and store only their side bearing. */
function hMetricsCount(metrics: readonly HorizontalMetric[]): number {
  let count = metrics.length;
  while (count > 1 && metrics[count - 1]?.advance === metrics[count - 2]?.advance) count--;
  return count;
}

export function buildHmtx(metrics: readonly HorizontalMetric[]): Uint8Array {
  const count = hMetricsCount(metrics);
  const data = new Uint8Array(4 * count + 2 * (metrics.length - count));
  const view = new DataView(data.buffer);
  metrics.forEach((metric, index) => {
    if (index < count) {
      view.setUint16(4 * index, metric.advance);
      view.setInt16(4 * index + 2, metric.leftSideBearing);
    } else {
      view.setInt16(4 * count + 2 * (index - count), metric.leftSideBearing);
    }
  });
  return data;
}

/** maxp 1.0 for glyphs without instructions. `bySourceId` resolves components (source glyph ids). */
export function buildMaxp(glyphs: readonly Glyph[], bySourceId: ReadonlyMap<number, Glyph>): Uint8Array {
  // Per composite: its points and contours summed over the simple glyphs it is made of, and its nesting depth
  // (1 when all its components are simple glyphs).
  const totals = new Map<Glyph, { points: number; contours: number; depth: number }>();
  const totalOf = (glyph: Glyph, depth: number): { points: number; contours: number; depth: number } => {
    if (glyph.components.length === 0) return { points: glyph.points, contours: glyph.contours, depth: 0 };
    if (depth > MAX_COMPONENT_DEPTH) throw new FontFileError(`corrupt TrueType font: composite glyphs nest deeper than ${MAX_COMPONENT_DEPTH} (a cycle?)`);
    const known = totals.get(glyph);
    if (known) return known;
    const total = { points: 0, contours: 0, depth: 1 };
    for (const component of glyph.components) {
      const part = totalOf(bySourceId.get(component.glyphId) as Glyph, depth + 1);
      total.points += part.points;
      total.contours += part.contours;
      total.depth = Math.max(total.depth, part.depth + 1);
    }
    totals.set(glyph, total);
    return total;
  };

  const data = new Uint8Array(32);
  const view = new DataView(data.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, glyphs.length);
  let maxPoints = 0;
  let maxContours = 0;
  let maxCompositePoints = 0;
  let maxCompositeContours = 0;
  let maxComponentElements = 0;
  let maxComponentDepth = 0;
  for (const glyph of glyphs) {
    if (glyph.components.length === 0) {
      maxPoints = Math.max(maxPoints, glyph.points);
      maxContours = Math.max(maxContours, glyph.contours);
    } else {
      const total = totalOf(glyph, 0);
      maxCompositePoints = Math.max(maxCompositePoints, total.points);
      maxCompositeContours = Math.max(maxCompositeContours, total.contours);
      maxComponentElements = Math.max(maxComponentElements, glyph.components.length);
      maxComponentDepth = Math.max(maxComponentDepth, total.depth);
    }
  }
  view.setUint16(6, maxPoints);
  view.setUint16(8, maxContours);
  view.setUint16(10, maxCompositePoints);
  view.setUint16(12, maxCompositeContours);
  view.setUint16(14, 1); // maxZones: no instructions use the twilight zone
  // 16..27: maxTwilightPoints, maxStorage, maxFunctionDefs, maxInstructionDefs, maxStackElements, maxSizeOfInstructions: 0
  view.setUint16(28, maxComponentElements);
  view.setUint16(30, maxComponentDepth);
  return data;
}

function buildOs2(font: SfntFont, mapping: readonly (readonly [number, number])[]): Uint8Array {
  const table = font.table('OS/2');
  requireLength(table, 68, 'OS/2');
  const data = font.bytes.slice(table.offset, table.offset + table.length);
  const view = new DataView(data.buffer);
  view.setUint16(64, mapping[0]?.[0] ?? 0); // usFirstCharIndex
  view.setUint16(66, mapping.at(-1)?.[0] ?? 0); // usLastCharIndex
  if (view.getUint16(0) >= 2 && data.length >= 96) view.setUint16(94, 0); // usMaxContext: no GSUB/GPOS
  return data;
}

/** post format 3: the 32-byte header only (italicAngle, underline position and thickness, isFixedPitch, memory hints). */
export function buildPost(font: SfntFont): Uint8Array {
  const { data, view } = copyHeadOf(font, 'post', 32);
  view.setUint32(0, 0x00030000);
  return data;
}

/**
 * cmap with one format 4 subtable, for (0,3) and (3,1): one segment per run of consecutive code points mapped to
 * consecutive glyph ids (an idDelta each; glyph ids follow code points in most fonts, so runs are long: DejaVu's
 * 3,434 code points make 159 segments), then the final 0xFFFF segment. idRangeOffset and glyphIdArray are not used.
 */
function buildCmap(mapping: readonly (readonly [number, number])[]): Uint8Array {
  const segments: { start: number; end: number; idDelta: number }[] = [];
  for (const [codePoint, glyphId] of mapping) {
    const last = segments.at(-1);
    if (last && last.end === codePoint - 1 && last.idDelta === glyphId - codePoint) last.end = codePoint;
    else segments.push({ start: codePoint, end: codePoint, idDelta: glyphId - codePoint });
  }
  segments.push({ start: 0xffff, end: 0xffff, idDelta: 1 }); // maps 0xFFFF to glyph 0, as the format requires

  const segCount = segments.length;
  const subtableLength = 16 + 8 * segCount;
  if (subtableLength > 0xffff) throw new RangeError(`too many code point ranges for one format 4 cmap subtable (${segCount})`);
  const data = new Uint8Array(4 + 2 * 8 + subtableLength);
  const view = new DataView(data.buffer);
  view.setUint16(2, 2); // version 0, 2 encoding records (sorted by platform, then encoding), both to the one subtable
  view.setUint16(4, 0); // platform 0 Unicode
  view.setUint16(6, 3); // encoding 3 BMP
  view.setUint32(8, 20);
  view.setUint16(12, 3); // platform 3 Windows
  view.setUint16(14, 1); // encoding 1 Unicode BMP
  view.setUint32(16, 20);

  const at = 20;
  const { searchRange, entrySelector } = binarySearchFields(segCount, 2);
  view.setUint16(at, 4);
  view.setUint16(at + 2, subtableLength);
  view.setUint16(at + 4, 0); // language
  view.setUint16(at + 6, 2 * segCount);
  view.setUint16(at + 8, searchRange);
  view.setUint16(at + 10, entrySelector);
  view.setUint16(at + 12, 2 * segCount - searchRange);
  const endCodes = at + 14;
  const startCodes = endCodes + 2 * segCount + 2; // after reservedPad (0)
  const idDeltas = startCodes + 2 * segCount;
  // idRangeOffsets (after idDeltas) stay 0.
  segments.forEach((segment, index) => {
    view.setUint16(endCodes + 2 * index, segment.end);
    view.setUint16(startCodes + 2 * index, segment.start);
    view.setUint16(idDeltas + 2 * index, segment.idDelta & 0xffff);
  });
  return data;
}

/** searchRange and entrySelector of a binary search header: the largest power of 2 ≤ count, times unitSize. */
function binarySearchFields(count: number, unitSize: number): { searchRange: number; entrySelector: number } {
  const entrySelector = Math.floor(Math.log2(count));
  return { searchRange: unitSize * 2 ** entrySelector, entrySelector };
}

/** The sfnt checksum: the sum of the table's big-endian uint32s, zero-padded to 4 bytes, modulo 2^32. */
function tableChecksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length - (data.length % 4);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 0; at < whole; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let at = whole; at < whole + 4; at++) last = (last << 8) | (at < data.length ? (data[at] as number) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * The font file: offset table, table directory (sorted by tag), the tables 4-byte aligned in the order given, and
 * head.checkSumAdjustment. `tables` must include 'head'.
 */
export function assembleFont(tables: readonly (readonly [tag: string, data: Uint8Array])[]): Uint8Array {
  const count = tables.length;
  const directorySize = 12 + 16 * count;
  const offsets = new Map<string, number>();
  let size = directorySize;
  for (const [tag, data] of tables) {
    offsets.set(tag, size);
    size += Math.ceil(data.length / 4) * 4;
  }
  const font = new Uint8Array(size);
  const view = new DataView(font.buffer);
  const { searchRange, entrySelector } = binarySearchFields(count, 16);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, 16 * count - searchRange);
  const byTag = [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); // byte order of the ASCII tags
  byTag.forEach(([tag, data], index) => {
    const at = 12 + 16 * index;
    for (let i = 0; i < 4; i++) view.setUint8(at + i, tag.charCodeAt(i));
    view.setUint32(at + 4, tableChecksum(data));
    view.setUint32(at + 8, offsets.get(tag) as number);
    view.setUint32(at + 12, data.length);
  });
  for (const [tag, data] of tables) font.set(data, offsets.get(tag) as number);
  // head.checkSumAdjustment = 0xB1B0AFBA − the checksum of the whole font (computed with the field at 0).
  const head = offsets.get('head');
  if (head === undefined) throw new Error("assembleFont: a font needs a 'head' table");
  view.setUint32(head + 8, (0xb1b0afba - tableChecksum(font)) >>> 0);
  return font;
}
