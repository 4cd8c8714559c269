/**
 * The font the cards are set in: chosen by printing both DejaVu cuts at 7 pt and looking (see the README), and
 * which of its characters the card fonts keep.
 *
 * The card fonts (generated/fonts/*-card.ttf, written by `npm run build:fonts`) are the package's DejaVu Sans
 * Condensed files cut down to the characters a card accepts: every code point of the source cmap for which
 * `isDrawableChar` (measurer.ts) is true — Latin, Greek, Cyrillic, Armenian, Georgian and Common — except the
 * blocks in CARD_FONT_DROPPED_BLOCKS, plus .notdef and the components of composite glyphs; no hinting, no OpenType
 * layout tables (src/fonts/ttf-subset.ts). Smaller fonts make smaller and faster PDFs and a smaller offline precache.
 * The measurer is built from the same files, so a dropped character is reported by missingChars like any other
 * character the font lacks.
 */
import { FONT_FAMILIES, type FontFamilyId } from './families';
import { isDrawableChar } from './measurer';
import { parseTtfMetrics, type FontMetrics } from './ttf';
import { subsetTrueType } from './ttf-subset';

export const CARD_FONT_FAMILY: FontFamilyId = 'sans-condensed';

/** PostScript-style names for the embedded subsets, e.g. "DejaVuSansCondensed-Bold". */
export function cardFontNames(family: FontFamilyId = CARD_FONT_FAMILY): { regularName: string; boldName: string } {
  const files = FONT_FAMILIES[family];
  return { regularName: files.regular.replace(/\.ttf$/, ''), boldName: files.bold.replace(/\.ttf$/, '') };
}

/** A Unicode block (first..last code point, inclusive). */
export interface CodePointBlock {
  readonly name: string;
  readonly first: number;
  readonly last: number;
}

/**
 * Blocks of Common-script symbols that isDrawableChar accepts but a safety card will never need: the card fonts
 * leave them out (about 700 glyphs in DejaVu Sans Condensed). Everything outside the BMP goes too, which keeps the
 * fonts to one format 4 cmap.
 */
export const CARD_FONT_DROPPED_BLOCKS: readonly CodePointBlock[] = [
  { name: 'Box Drawing', first: 0x2500, last: 0x257f },
  { name: 'Block Elements', first: 0x2580, last: 0x259f },
  { name: 'Braille Patterns', first: 0x2800, last: 0x28ff },
  { name: 'Yijing Hexagram Symbols', first: 0x4dc0, last: 0x4dff },
  // In DejaVu: Tai Xuan Jing Symbols, Mathematical Alphanumeric Symbols (double-struck, sans-serif, …), Mahjong and
  // Domino Tiles, Playing Cards. (Its emoji are \p{Emoji_Presentation}, which the measurer rejects anyway.)
  { name: 'Supplementary planes (outside the BMP)', first: 0x10000, last: 0x10ffff },
];

/** True if `codePoint` lies in one of CARD_FONT_DROPPED_BLOCKS. */
export function isDroppedFromCardFont(codePoint: number): boolean {
  return CARD_FONT_DROPPED_BLOCKS.some((block) => codePoint >= block.first && codePoint <= block.last);
}

/** The code points a card font keeps from its source font (see the module comment), ascending. */
export function cardFontCodePoints(source: FontMetrics): number[] {
  const kept: number[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || isDroppedFromCardFont(codePoint)) continue;
    if (isDrawableChar(String.fromCodePoint(codePoint), source)) kept.push(codePoint);
  }
  return kept;
}

/** The card font made from a package font file's bytes: what `npm run build:fonts` writes. Deterministic. */
export function buildCardFont(source: Uint8Array): Uint8Array {
  return subsetTrueType(source, cardFontCodePoints(parseTtfMetrics(source)));
}
