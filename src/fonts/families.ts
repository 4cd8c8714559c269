/**
 * The font files the project uses, as data (no I/O here: src/fonts/node.ts reads them in Node, the app fetches them),
 * and the OpenType feature switches pdf-lib must embed them with. The card family's files are generated from the
 * package's at build time (`npm run build:fonts`).
 */

export type FontFamilyId = 'sans' | 'sans-condensed';

export interface FontFamilyFiles {
  /** The family's name, for people (menus, PDF metadata). */
  name: string;
  /** File names inside FONT_PACKAGE/FONT_PACKAGE_DIR: the full fonts as published. */
  regular: string;
  bold: string;
  /**
   * The card family only: file names inside GENERATED_FONT_DIR. `npm run build:fonts` (scripts/build-fonts.ts) cuts
   * the package files down to the characters a card accepts, without hinting (src/fonts/card-font.ts); the CLI and the
   * app use these, never the package files.
   */
  generated?: Readonly<{ regular: string; bold: string }>;
}

/** Where `npm run build:fonts` writes the card fonts, relative to the repository root (a build output, not in git). */
export const GENERATED_FONT_DIR = 'generated/fonts';

/** The npm package that ships the fonts, and the folder in it that holds the .ttf files. */
export const FONT_PACKAGE = 'dejavu-fonts-ttf';
export const FONT_PACKAGE_DIR = 'ttf';

export const FONT_FAMILIES: Readonly<Record<FontFamilyId, Readonly<FontFamilyFiles>>> = {
  sans: { name: 'DejaVu Sans', regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  'sans-condensed': {
    name: 'DejaVu Sans Condensed',
    regular: 'DejaVuSansCondensed.ttf',
    bold: 'DejaVuSansCondensed-Bold.ttf',
    generated: { regular: 'DejaVuSansCondensed-card.ttf', bold: 'DejaVuSansCondensed-Bold-card.ttf' },
  },
};

/** The module specifier of a package font file, e.g. "dejavu-fonts-ttf/ttf/DejaVuSans.ttf" (for import.meta.resolve or a bundler). */
export function fontFileSpecifier(family: FontFamilyId, weight: 'regular' | 'bold'): string {
  return `${FONT_PACKAGE}/${FONT_PACKAGE_DIR}/${FONT_FAMILIES[family][weight]}`;
}

/** The path of a generated font file relative to the repository root, e.g. "generated/fonts/DejaVuSansCondensed-card.ttf"; undefined for a family that has none. */
export function generatedFontPath(family: FontFamilyId, weight: 'regular' | 'bold'): string | undefined {
  const generated = FONT_FAMILIES[family].generated;
  return generated === undefined ? undefined : `${GENERATED_FONT_DIR}/${generated[weight]}`;
}

/**
 * Pass as `features` to pdf-lib's `embedFont(bytes, { subset: true, features: PDF_FONT_FEATURES })`.
 *
 * pdf-lib measures (`widthOfTextAtSize`) and draws (`encodeText`) through fontkit's `font.layout(text, features)`, then
 * uses only the resulting glyph ids and each glyph's own `hmtx` advance (it ignores the positions GPOS computes). So
 * the width the PDF draws equals the sum of cmap-glyph advances — what our Measurer computes — exactly when layout
 * substitutes no glyph. fontkit's default shaper plans these features and `setFeatureOverrides` removes each one set
 * to false here: every one of them, so that its plan is empty:
 * - glyph substitutions (GSUB), which change glyphs and so widths: `liga` (DejaVu's fi, fl, ffi, ffl ligatures; "ffi"
 *   is 0.15 pt narrower at 10 pt as a ligature), `clig`, `calt`, `rlig`, `rclt`, `ccmp` (composition, e.g. i +
 *   combining dot above → dotless i + dot), `locl` (language forms), `frac`/`numr`/`dnom` (fractions around U+2044),
 *   `rvrn` (variable fonts), and the directional `ltra`/`ltrm`/`rtla`/`rtlm`;
 * - positioning (GPOS and the old `kern` table) — `kern`, `mark`, `mkmk`, `curs` — which cannot change the width pdf-lib
 *   sums, but is work thrown away on every call, and `kern` off keeps fontkit from writing `kern: true` into this object.
 *
 * fontkit writes every feature left in its plan back into the object it is given; with all of them off it writes
 * nothing, so this shared constant stays as it is (tested). One glyph per character also keeps the PDF's text layer
 * plain ("office", not "o" + "ﬃ" + "ce") for copying and searching. Features the default shaper does not plan (`dlig`, `hlig`,
 * `salt`, `case`, …) are never applied unless asked for, so they need no switch.
 */
export const PDF_FONT_FEATURES: Readonly<Record<string, boolean>> = {
  // substitutions
  rvrn: false,
  ltra: false,
  ltrm: false,
  rtla: false,
  rtlm: false,
  frac: false,
  numr: false,
  dnom: false,
  ccmp: false,
  locl: false,
  rlig: false,
  calt: false,
  clig: false,
  liga: false,
  rclt: false,
  // positioning
  mark: false,
  mkmk: false,
  curs: false,
  kern: false,
};
