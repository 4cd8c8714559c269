/**
 * The Measurer the layout uses: advance widths straight from the font's `hmtx`, one glyph per code point, which is
 * exactly what pdf-lib measures and draws when the font is embedded with PDF_FONT_FEATURES (see families.ts).
 *
 * Which characters count as "missing" (missingChars) — a character is drawable only if all of these hold:
 * - the font's cmap maps it to a real glyph (not glyph 0, .notdef);
 * - it is not a control, format, surrogate, private-use or unassigned code point, nor a line/paragraph separator
 *   (\p{C}, \p{Zl}, \p{Zp}): a tab, a newline, a soft hyphen (U+00AD), zero-width spaces and joiners, bidi marks,
 *   the BOM. The layout passes single lines without them; reporting them lets a caller reject them. (fontkit would
 *   silently turn default-ignorables such as the soft hyphen into a space glyph, and DejaVu draws no glyph for a tab.)
 *   The plain space U+0020 and the other spaces (no-break U+00A0, thin U+2009, …) are ordinary glyphs and are measured;
 * - it is not a combining mark (\p{M}): with shaping off, a mark is not positioned over its base. Callers should
 *   NFC-normalize text first, so that "e" + U+0301 becomes "é";
 * - it is not shown as a colour emoji by default (\p{Emoji_Presentation}: 😀, ⚡, ✅). DejaVu has monochrome glyphs for a
 *   few of them (😀 but not 🙂), and a browser previews them with its colour emoji font: report them all, so the rule
 *   is simple and the preview matches the PDF. Text-style symbols such as ⚠ ✓ ❤ → are ordinary glyphs;
 * - its Unicode script is Latin, Greek, Cyrillic, Armenian, Georgian or Common (digits, punctuation, symbols). Other
 *   scripts either run right to left (Hebrew, Arabic: pdf-lib would reverse the whole line) or need a complex shaper
 *   (Arabic joining forms, Tifinagh, …) that this measurer does not reproduce.
 *
 * widthPt never throws: a character the font lacks is measured as the .notdef glyph pdf-lib would draw for it. Its
 * result only matches the PDF for text whose missingChars is empty, so check missingChars first.
 */
import type { FontWeight, Measurer } from '../core/layout/types';
import { parseTtfMetrics, type FontMetrics } from './ttf';

/** The fonts of one family, by weight. */
export interface FamilyMetrics {
  regular: FontMetrics;
  bold: FontMetrics;
}

/** Above this many cached strings per weight, the cache starts over (a long-running app measures as the user types). */
const MAX_CACHED_STRINGS = 50_000;

/** Characters that are never drawn as measured, whatever the font has: see the module comment. */
const NEVER_DRAWABLE = /[\p{C}\p{Zl}\p{Zp}\p{M}\p{Emoji_Presentation}]/u;
/** Scripts fontkit lays out left to right with its default shaper, one glyph per code point when features are off. */
const DRAWABLE_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Common}]/u;

/**
 * fontkit's LayoutEngine.isDefaultIgnorable (Unicode's Default_Ignorable_Code_Point minus the Hangul fillers): it
 * replaces these by a zero-advance space. Most are \p{Cf} or \p{M} already; this also covers the unassigned ones.
 */
function isDefaultIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0x00ad ||
    codePoint === 0x034f ||
    codePoint === 0x061c ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180e) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfff0 && codePoint <= 0xfff8) ||
    (codePoint >= 0x1bca0 && codePoint <= 0x1bca3) ||
    (codePoint >= 0x1d173 && codePoint <= 0x1d17a) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe0fff)
  );
}

/** True if `char` (one code point) is drawn by the PDF exactly as measured: see the module comment. */
export function isDrawableChar(char: string, font: FontMetrics): boolean {
  const codePoint = char.codePointAt(0);
  // Printable ASCII passes every rule but the font's own (no control, mark or emoji; Latin or Common script), and it
  // is most of any card: testing it first spares the Unicode property tests, which are slow while the code is cold.
  if (codePoint !== undefined && codePoint >= 0x20 && codePoint <= 0x7e) return font.advanceUnits(codePoint) !== undefined;
  if (codePoint === undefined || NEVER_DRAWABLE.test(char) || isDefaultIgnorable(codePoint) || !DRAWABLE_SCRIPT.test(char)) return false;
  return font.advanceUnits(codePoint) !== undefined;
}

/** A Measurer over the metrics of one family's regular and bold fonts. */
export function createMeasurer(fonts: FamilyMetrics): Measurer {
  // Width at 1 pt (= in em) per weight and text; scaled by sizePt on each call.
  const widthAt1PtCache: Record<FontWeight, Map<string, number>> = { regular: new Map(), bold: new Map() };
  // The characters missing from each text, per weight: the layout checks every text of the card on every change.
  const missingCache: Record<FontWeight, Map<string, readonly string[]>> = { regular: new Map(), bold: new Map() };

  const widthAt1Pt = (text: string, weight: FontWeight): number => {
    const cache = widthAt1PtCache[weight];
    const cached = cache.get(text);
    if (cached !== undefined) return cached;
    const font = fonts[weight];
    let units = 0;
    // for…of walks code points, so a character outside the BMP is one glyph, not two halves.
    for (const char of text) units += font.advanceUnits(char.codePointAt(0) as number) ?? font.notdefAdvanceUnits;
    const width = units / font.unitsPerEm;
    if (cache.size >= MAX_CACHED_STRINGS) cache.clear();
    cache.set(text, width);
    return width;
  };

  return {
    widthPt: (text, weight, sizePt) => widthAt1Pt(text, weight) * sizePt,
    missingChars(text, weight) {
      const cache = missingCache[weight];
      let missing = cache.get(text);
      if (missing === undefined) {
        const font = fonts[weight];
        const found = new Set<string>();
        for (const char of text) if (!found.has(char) && !isDrawableChar(char, font)) found.add(char);
        missing = [...found];
        if (cache.size >= MAX_CACHED_STRINGS) cache.clear();
        cache.set(text, missing);
      }
      return [...missing];
    },
    // The larger of the two weights, so that either fits in the line box.
    ascentEm: Math.max(fonts.regular.ascentEm, fonts.bold.ascentEm),
    descentEm: Math.max(fonts.regular.descentEm, fonts.bold.descentEm),
  };
}

/** The Measurer for a family's regular and bold font bytes (as loaded in Node or fetched in the browser). */
export function measurerFromBytes(bytes: { regular: Uint8Array; bold: Uint8Array }): Measurer {
  return createMeasurer({ regular: parseTtfMetrics(bytes.regular), bold: parseTtfMetrics(bytes.bold) });
}
