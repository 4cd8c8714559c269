/**
 * The CardLayout: plain, serializable data that both the PDF renderer and the SVG preview walk without measuring.
 * Units are PDF points (1/72 in). Coordinates are per face, origin at the top-left corner of the trim, y downwards;
 * a text run's y is its baseline.
 */

/** 1 mm in points. */
export const PT_PER_MM = 72 / 25.4;
/** 1 pt in millimetres. */
export const MM_PER_PT = 25.4 / 72;

/** Inset of all text and marks from the trim, in points: the 3 mm safe area. */
export const SAFE_MARGIN_PT = 3 * PT_PER_MM;

/** ISO/IEC 7810 ID-1, 85.60 × 53.98 mm, in points. */
export const ID1 = { widthMm: 85.6, heightMm: 53.98, widthPt: (85.6 * 72) / 25.4, heightPt: (53.98 * 72) / 25.4 } as const;

export type FontWeight = 'regular' | 'bold';

/** Measures text as the embedded font draws it: the width the layout uses is the width the PDF draws. */
export interface Measurer {
  /**
   * Advance width of `text` at `sizePt`, in points. Widths add up (no kerning, no ligatures):
   * widthPt(a + b) = widthPt(a) + widthPt(b), and the layout relies on it.
   */
  widthPt(text: string, weight: FontWeight, sizePt: number): number;
  /** The characters of `text` the font has no glyph for, each once, in order of appearance. */
  missingChars(text: string, weight: FontWeight): string[];
  /** Font metrics in em: ascent above the baseline and descent below it (positive). */
  readonly ascentEm: number;
  readonly descentEm: number;
}

export type InkColor = 'ink' | 'danger' | 'caution' | 'muted' | 'inverse';

export interface TextRun {
  xPt: number;
  /** Baseline, from the top of the face. */
  yPt: number;
  text: string;
  weight: FontWeight;
  sizePt: number;
  color: InkColor;
  /** The measured width, so renderers and tests can check it without measuring again. */
  widthPt: number;
  /** The entry (item, contact, field, section heading) this run belongs to, for tests and the preview. */
  source?: string;
}

/** A straight line: rules, write-in lines. */
export interface Rule {
  x1Pt: number;
  y1Pt: number;
  x2Pt: number;
  y2Pt: number;
  widthPt: number;
  color: InkColor;
  dash?: 'dotted';
}

/** A filled rectangle (e.g. a severity band behind a heading). */
export interface Box {
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
  fill: InkColor;
}

/** Where an image of the layout (`CardLayout.images`) is drawn, scaled to this box (its aspect ratio kept). */
export interface ImagePlacement {
  /** The `id` of one of `CardLayout.images`. */
  imageId: string;
  xPt: number;
  /** Top edge, from the top of the face. */
  yPt: number;
  widthPt: number;
  heightPt: number;
}

/** An image the card draws (the clinic's logo): its file's bytes as base64, checked by their bytes. */
export interface CardImage {
  id: string;
  mediaType: 'image/png' | 'image/jpeg';
  base64: string;
  /** Pixel size from the file's header. */
  widthPx: number;
  heightPx: number;
}

export type FaceRole = 'front' | 'inside' | 'back';

export interface FaceLayout {
  role: FaceRole;
  runs: TextRun[];
  rules: Rule[];
  boxes: Box[];
  images: ImagePlacement[];
}

export type FormatId = 'wallet' | 'fold-2' | 'fold-3';

/**
 * How a format's faces sit on paper. A format is a strip of `panels` ID-1 panels side by side, printed on both sides.
 * `outside` lists face indices left to right on the outside of the strip; `inside` lists them left to right as seen
 * after turning the strip over left to right (a long-edge flip). Folding brings faces[0] (the front) on top.
 */
export interface FormatGeometry {
  id: FormatId;
  panels: 1 | 2 | 3;
  faceCount: number;
  outside: number[];
  inside: number[];
}

export interface CardLayout {
  layoutVersion: 1;
  format: FormatGeometry;
  face: { widthPt: number; heightPt: number };
  /** Faces in reading order: the front first, the footer on the last. */
  faces: FaceLayout[];
  /** The images the faces place, each once (a renderer embeds each once however often it is drawn). */
  images: CardImage[];
  /** The body text size chosen, and the smallest size of any run, in points. */
  bodySizePt: number;
  minSizePt: number;
  /** For the PDF's metadata and footer. */
  meta: CardMeta;
}

export interface CardMeta {
  title: string;
  subject: string;
  keywords: string[];
  /** BCP 47 */
  language: string;
  /** "mdma-therapy@1.0.0" */
  templateKey: string;
  /** First characters of the template's content hash. */
  contentHash: string;
  /** The date printed on the card and used for the PDF's dates, YYYY-MM-DD. */
  date: string;
}
