/** The font the cards are set in: chosen by printing both DejaVu cuts at 7 pt and looking (see the README). */
import { FONT_FAMILIES, type FontFamilyId } from './families';

export const CARD_FONT_FAMILY: FontFamilyId = 'sans-condensed';

/** PostScript-style names for the embedded subsets, e.g. "DejaVuSansCondensed-Bold". */
export function cardFontNames(family: FontFamilyId = CARD_FONT_FAMILY): { regularName: string; boldName: string } {
  const files = FONT_FAMILIES[family];
  return { regularName: files.regular.replace(/\.ttf$/, ''), boldName: files.bold.replace(/\.ttf$/, '') };
}
