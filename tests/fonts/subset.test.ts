/**
 * The card fonts (generated/fonts/*-card.ttf, written by `npm run build:fonts`): well-formed TrueType that our reader,
 * fontkit and pdf-lib read; for every character a card accepts, the same advance and outline as the package font;
 * the dropped characters reported by missingChars; byte-identical builds; and their sizes.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCardFont, CARD_FONT_DROPPED_BLOCKS, CARD_FONT_FAMILY, cardFontCodePoints, cardFontNames, isDroppedFromCardFont } from '../../src/fonts/card-font';
import { FONT_FAMILIES, GENERATED_FONT_DIR, PDF_FONT_FEATURES } from '../../src/fonts/families';
import { isDrawableChar } from '../../src/fonts/measurer';
import { GeneratedFontMissingError, loadFontBytes, loadNodeMeasurer, loadPackageFontBytes } from '../../src/fonts/node';
import { openSfnt, parseTtfMetrics } from '../../src/fonts/ttf';
import { subsetTrueType } from '../../src/fonts/ttf-subset';
import { save, tool } from '../helpers/engine';
import { REPO_ROOT, tempDir } from '../helpers/run';

const WEIGHTS = ['regular', 'bold'] as const;
const generatedFiles = FONT_FAMILIES[CARD_FONT_FAMILY].generated as { regular: string; bold: string };
const cards = loadFontBytes(CARD_FONT_FAMILY);
const sources = loadPackageFontBytes(CARD_FONT_FAMILY);
const dir = tempDir('safety-card-fonts-');
afterAll(() => dir.cleanup());

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** The sfnt checksum, written independently of src/fonts/ttf-subset.ts. */
function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}

/** Runs scripts/build-fonts.ts as `npm run build:fonts` does, writing into `outDir`. */
function runBuildScript(outDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const loader = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', loader, join(REPO_ROOT, 'scripts/build-fonts.ts'), '--out', outDir], { env: { ...process.env, NODE_NO_WARNINGS: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }),
    );
  });
}

describe('the build', () => {
  it('writes the same bytes on every run, and generated/fonts holds those bytes (it is up to date)', async () => {
    const [first, second] = [join(dir.path, 'first'), join(dir.path, 'second')];
    for (const out of [first, second]) {
      const result = await runBuildScript(out);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/DejaVuSansCondensed-Bold-card\.ttf: [\d.]+ kB \(gzip [\d.]+ kB\)/);
    }
    for (const weight of WEIGHTS) {
      const bytes = readFileSync(join(first, generatedFiles[weight]));
      expect(bytes.equals(readFileSync(join(second, generatedFiles[weight])))).toBe(true);
      // If this fails after a change to src/fonts, run `npm run build:fonts`.
      expect(bytes.equals(Buffer.from(cards[weight])), `${GENERATED_FONT_DIR}/${generatedFiles[weight]} is stale`).toBe(true);
      expect(Buffer.from(buildCardFont(sources[weight])).equals(bytes)).toBe(true);
    }
  });

  it('says how to build the fonts when they are missing', () => {
    expect(() => loadFontBytes(CARD_FONT_FAMILY, dir.path)).toThrow(GeneratedFontMissingError);
    expect(() => loadFontBytes(CARD_FONT_FAMILY, dir.path)).toThrow(/the card font generated\/fonts\/DejaVuSansCondensed-card\.ttf is missing .*: run npm run build:fonts \(npm ci does it\)/);
    // 'sans' has no generated files: it still reads the package.
    expect(loadFontBytes('sans', dir.path).regular.byteLength).toBeGreaterThan(600_000);
  });

  it('refuses what the writer does not support, with a clear error', () => {
    expect(() => subsetTrueType(sources.regular, [0x1d538])).toThrow(/only code points U\+0000\.\.U\+FFFE/);
    expect(() => subsetTrueType(sources.regular, [0x4e2d])).toThrow(/U\+4E2D: the font has no glyph/);
  });

  it('writes a small subset too: short loca, only the code points asked for, same outlines and advances', () => {
    const codePoints = [...new Set(Array.from('Aé Ǻ Ω Ж ≥ ✓ ﬁ', (char) => char.codePointAt(0) as number))];
    const small = subsetTrueType(sources.regular, codePoints);
    const sfnt = openSfnt(small);
    expect(sfnt.view.getInt16(sfnt.table('head').offset + 50)).toBe(0); // indexToLocFormat: short
    expect(checksum(small)).toBe(0xb1b0afba);
    const mapped: number[] = [];
    for (let codePoint = 0; codePoint <= 0xffff; codePoint++) if (sfnt.glyphIdOf(codePoint) !== 0) mapped.push(codePoint);
    expect(mapped).toEqual([...codePoints].sort((a, b) => a - b));
    const [mine, original] = [fontkit.create(small), fontkit.create(sources.regular)];
    expect(mine.numGlyphs).toBeGreaterThan(codePoints.length); // + .notdef and the components of é and Ǻ
    expect(mine.numGlyphs).toBeLessThan(codePoints.length + 8);
    for (const codePoint of codePoints) {
      expect(mine.glyphForCodePoint(codePoint).path.toSVG(), hex(codePoint)).toBe(original.glyphForCodePoint(codePoint).path.toSVG());
      expect(mine.glyphForCodePoint(codePoint).advanceWidth, hex(codePoint)).toBe(original.glyphForCodePoint(codePoint).advanceWidth);
    }
  });

  it('reports the sizes', () => {
    const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    const rows = WEIGHTS.map((weight) => {
      const [source, card] = [sources[weight], cards[weight]];
      return `${generatedFiles[weight]}: ${kB(card.length)} (gzip ${kB(gzipSync(card).length)}), from ${kB(source.length)} (gzip ${kB(gzipSync(source).length)})`;
    });
    console.log(rows.join('\n'));
    for (const weight of WEIGHTS) expect(cards[weight].length).toBeLessThan(0.5 * sources[weight].length);
  });
});

for (const weight of WEIGHTS) {
  describe(`${generatedFiles[weight]}`, () => {
    const card = cards[weight];
    const source = sources[weight];
    const view = new DataView(card.buffer, card.byteOffset, card.byteLength);
    const sourceMetrics = parseTtfMetrics(source);
    const kept = cardFontCodePoints(sourceMetrics);
    const ours = openSfnt(card);
    const theirs = fontkit.create(card);
    const original = fontkit.create(source);
    const table = (tag: string) => {
      const record = ours.table(tag);
      return new DataView(card.buffer, card.byteOffset + record.offset, record.length);
    };

    it('has exactly the tables it should, sorted, 4-byte aligned, zero-padded, with the right checksums', () => {
      expect(view.getUint32(0)).toBe(0x00010000);
      expect(ours.tags).toEqual(['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']);
      const numTables = view.getUint16(4);
      expect([view.getUint16(6), view.getUint16(8), view.getUint16(10)]).toEqual([128, 3, 16 * numTables - 128]);
      const records = ours.tags.map((tag, index) => ({ tag, checksum: view.getUint32(12 + 16 * index + 4), ...ours.table(tag) })).sort((a, b) => a.offset - b.offset);
      let end = 12 + 16 * numTables;
      for (const record of records) {
        expect(record.offset % 4, record.tag).toBe(0);
        expect([...card.subarray(end, record.offset)].every((byte) => byte === 0), `padding before ${record.tag}`).toBe(true);
        const data = card.subarray(record.offset, record.offset + record.length);
        if (record.tag === 'head') {
          const withoutAdjustment = data.slice();
          withoutAdjustment.fill(0, 8, 12);
          expect(checksum(withoutAdjustment)).toBe(record.checksum);
        } else {
          expect(checksum(data), record.tag).toBe(record.checksum);
        }
        end = record.offset + record.length;
      }
      expect(card.length).toBe(Math.ceil(end / 4) * 4);
      expect(checksum(card)).toBe(0xb1b0afba); // head.checkSumAdjustment
    });

    it("keeps the source's head (dates included) but for indexToLocFormat and checkSumAdjustment; post is format 3", () => {
      const sourceHead = openSfnt(source).table('head');
      const head = new Uint8Array(card.buffer, card.byteOffset + ours.table('head').offset, 54).slice();
      const expected = source.slice(sourceHead.offset, sourceHead.offset + 54);
      head.fill(0, 8, 12);
      expected.fill(0, 8, 12);
      head.fill(0, 50, 52);
      expected.fill(0, 50, 52);
      expect(head).toEqual(expected);
      expect([table('post').byteLength, table('post').getUint32(0)]).toEqual([32, 0x00030000]);
      expect(theirs.italicAngle).toBe(original.italicAngle);
      expect(theirs.underlinePosition).toBe(original.underlinePosition);
    });

    it('has no hinting: no instructions in any glyph, and maxp says so', () => {
      const maxp = table('maxp');
      const numGlyphs = maxp.getUint16(4);
      expect(numGlyphs).toBe(theirs.numGlyphs);
      // maxZones 1; maxTwilightPoints, maxStorage, maxFunctionDefs, maxInstructionDefs, maxStackElements, maxSizeOfInstructions 0
      expect([14, 16, 18, 20, 22, 24, 26].map((at) => maxp.getUint16(at))).toEqual([1, 0, 0, 0, 0, 0, 0]);
      const longLoca = table('head').getInt16(50) === 1;
      const loca = table('loca');
      const glyf = table('glyf');
      const offset = (glyphId: number) => (longLoca ? loca.getUint32(4 * glyphId) : 2 * loca.getUint16(2 * glyphId));
      expect(loca.byteLength).toBe((numGlyphs + 1) * (longLoca ? 4 : 2));
      expect(offset(numGlyphs)).toBe(glyf.byteLength);
      let simple = 0;
      let composite = 0;
      for (let glyphId = 0; glyphId < numGlyphs; glyphId++) {
        const at = offset(glyphId);
        if (offset(glyphId + 1) === at) continue;
        const contours = glyf.getInt16(at);
        if (contours >= 0) {
          expect(glyf.getUint16(at + 10 + 2 * contours), `glyph ${glyphId} instructionLength`).toBe(0);
          simple++;
          continue;
        }
        composite++;
        let component = at + 10;
        let flags: number;
        do {
          flags = glyf.getUint16(component);
          expect(flags & 0x0100, `glyph ${glyphId} WE_HAVE_INSTRUCTIONS`).toBe(0);
          expect(glyf.getUint16(component + 2)).toBeLessThan(numGlyphs);
          component += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
        } while (flags & 0x0020);
      }
      expect(simple).toBeGreaterThan(1000);
      expect(composite).toBeGreaterThan(1000);
    });

    it('has one format 4 cmap, as (0,3) and (3,1), mapping exactly the kept code points', () => {
      const cmap = table('cmap');
      const records = Array.from({ length: cmap.getUint16(2) }, (_, index) => [cmap.getUint16(4 + 8 * index), cmap.getUint16(6 + 8 * index), cmap.getUint16(cmap.getUint32(8 + 8 * index))]);
      expect(records).toEqual([
        [0, 3, 4],
        [3, 1, 4],
      ]);
      const mapped: number[] = [];
      for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) if (ours.glyphIdOf(codePoint) !== 0) mapped.push(codePoint);
      expect(mapped).toEqual(kept);
      expect(kept.length).toBeGreaterThan(3000);
      const os2 = table('OS/2');
      expect([os2.getUint16(64), os2.getUint16(66)]).toEqual([kept[0], kept.at(-1)]);
    });

    it('keeps every character isDrawableChar accepts in the source, but the dropped blocks', () => {
      for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
        const accepted = isDrawableChar(String.fromCodePoint(codePoint), sourceMetrics);
        if (accepted !== (ours.glyphIdOf(codePoint) !== 0) && accepted !== isDroppedFromCardFont(codePoint)) expect.fail(`${hex(codePoint)}: accepted ${accepted}`);
      }
    });

    it('gives every kept character the advance and outline of the source, in our reader and in fontkit', () => {
      const metrics = parseTtfMetrics(card);
      expect([metrics.unitsPerEm, metrics.ascentEm, metrics.descentEm, metrics.lineGapEm, metrics.notdefAdvanceUnits]).toEqual([
        sourceMetrics.unitsPerEm,
        sourceMetrics.ascentEm,
        sourceMetrics.descentEm,
        sourceMetrics.lineGapEm,
        sourceMetrics.notdefAdvanceUnits,
      ]);
      // What pdf-lib writes into the PDF's font descriptor.
      for (const property of ['unitsPerEm', 'ascent', 'descent', 'lineGap', 'capHeight', 'xHeight', 'italicAngle', 'postscriptName', 'familyName'] as const) {
        expect(theirs[property], property).toEqual(original[property]);
      }
      expect(theirs.bbox).toEqual(original.bbox);
      expect(theirs.getGlyph(0).path.toSVG()).toBe(original.getGlyph(0).path.toSVG());

      const wrong: string[] = [];
      for (const codePoint of kept) {
        const [mine, theirsGlyph] = [theirs.glyphForCodePoint(codePoint), original.glyphForCodePoint(codePoint)];
        if (metrics.advanceUnits(codePoint) !== sourceMetrics.advanceUnits(codePoint)) wrong.push(`${hex(codePoint)} advance (ttf.ts)`);
        if (mine.advanceWidth !== theirsGlyph.advanceWidth) wrong.push(`${hex(codePoint)} advance (fontkit)`);
        if (mine.path.toSVG() !== theirsGlyph.path.toSVG()) wrong.push(`${hex(codePoint)} outline`);
        if (JSON.stringify(mine.bbox) !== JSON.stringify(theirsGlyph.bbox)) wrong.push(`${hex(codePoint)} bbox`);
      }
      expect(wrong).toEqual([]);
    });

    it('makes missingChars report the dropped characters, and only them', () => {
      const measurer = loadNodeMeasurer(CARD_FONT_FAMILY);
      const dropped: string[] = [];
      for (const block of CARD_FONT_DROPPED_BLOCKS) {
        for (let codePoint = block.first; codePoint <= block.last; codePoint++) if (isDrawableChar(String.fromCodePoint(codePoint), sourceMetrics)) dropped.push(String.fromCodePoint(codePoint));
      }
      expect(dropped.length).toBeGreaterThan(500);
      expect(measurer.missingChars(dropped.join(''), weight)).toEqual(dropped);
      // Box drawing, a block, Braille (not in DejaVu Sans Condensed at all), a hexagram, double-struck A, a domino tile.
      expect(measurer.missingChars('┌─┐ █ ⠿ ䷀ 𝔸 🀰', weight)).toEqual(['┌', '─', '┐', '█', '⠿', '䷀', '𝔸', '🀰']);
      expect(measurer.missingChars(String.fromCodePoint(...kept), weight)).toEqual([]);
    });
  });
}

describe('pdf-lib embeds the card fonts', () => {
  // Latin with composite (and nested composite) glyphs, Greek, Cyrillic, Armenian, Georgian, the card's symbols.
  const text = 'Ǻǻ Łódź Ærøskøbing Grüße ĳ Ωμέγα Жизнь Բարև გამარჯობა ≥ ≤ – ’ • → ⚠ ✓ € ½ №';

  it('subset-embedded: qpdf finds no error, pdffonts lists both fonts embedded, pdftotext reads the text back', async () => {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const names = cardFontNames();
    const regular = await pdf.embedFont(cards.regular, { subset: true, features: { ...PDF_FONT_FEATURES }, customName: `AAAAAA+${names.regularName}` });
    const bold = await pdf.embedFont(cards.bold, { subset: true, features: { ...PDF_FONT_FEATURES }, customName: `BBBBBB+${names.boldName}` });
    const page = pdf.addPage([600, 120]);
    page.drawText(text, { x: 10, y: 80, size: 14, font: regular });
    page.drawText(text, { x: 10, y: 40, size: 14, font: bold });
    const path = save(dir.path, 'embedded.pdf', await pdf.save());

    expect(await tool('qpdf', ['--check', path])).toMatch(/No syntax or stream encoding errors found/);
    const fonts = (await tool('pdffonts', [path])).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts).toHaveLength(2);
    expect(fonts[0]).toMatch(/^AAAAAA\+DejaVuSansCondensed\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts[1]).toMatch(/^BBBBBB\+DejaVuSansCondensed-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const extracted = (await tool('pdftotext', [path, '-'])).replace(/\s+/g, ' ').trim();
    expect(extracted).toBe(`${text} ${text}`);
  });

  it('the embedded subset is smaller than the same subset of the package font (no hinting tables)', async () => {
    const sizes: number[] = [];
    for (const bytes of [sources.regular, cards.regular]) {
      const pdf = await PDFDocument.create({ updateMetadata: false });
      pdf.registerFontkit(fontkit);
      const font = await pdf.embedFont(bytes, { subset: true, features: { ...PDF_FONT_FEATURES }, customName: 'AAAAAA+DejaVuSansCondensed' });
      pdf.addPage([600, 60]).drawText(text, { x: 10, y: 20, size: 14, font });
      sizes.push((await pdf.save({ useObjectStreams: true })).length);
    }
    expect(sizes[1]).toBeLessThan((sizes[0] as number) - 1000);
  });
});
