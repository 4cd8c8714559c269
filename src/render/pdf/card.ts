/**
 * CardLayout → PDF bytes: one page per face, each exactly ID-1. It only walks the layout; it never measures.
 * The same layout, fonts and version give byte-identical output (dates come from the layout, the subset tags from
 * the text), in Node and in the browser.
 */
import fontkit from '@pdf-lib/fontkit';
import { LineCapStyle, PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { INK } from '../../core/layout/ink';
import type { CardLayout, CardMeta, FontWeight, InkColor } from '../../core/layout/types';
import { PDF_FONT_FEATURES } from '../../fonts/families';

/** The TrueType bytes of the card's two weights (the same files the measurer was built from). */
export interface CardFontFiles {
  /** Font name without subset tag, e.g. "DejaVuSans". */
  regularName: string;
  boldName: string;
  regular: Uint8Array;
  bold: Uint8Array;
}

/** The card's colours (src/core/layout/ink.ts) as pdf-lib colours. */
export const INK_RGB: Readonly<Record<InkColor, RGB>> = Object.fromEntries(Object.entries(INK).map(([name, [r, g, b]]) => [name, rgb(r, g, b)])) as Record<InkColor, RGB>;

export interface RenderInfo {
  /** "Safety Card 0.1.0": who made the PDF. */
  creator: string;
}

/** Renders a card layout to a PDF, one ID-1 page per face. */
export async function renderCardPdf(layout: CardLayout, fonts: CardFontFiles, info: RenderInfo): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(memoizedFontkit);
  setMetadata(pdf, layout.meta, info.creator);

  const texts: Record<FontWeight, string> = { regular: '', bold: '' };
  for (const face of layout.faces) for (const run of face.runs) texts[run.weight] += run.text;
  const embedded: Record<FontWeight, PDFFont> = {
    regular: await pdf.embedFont(fonts.regular, { subset: true, features: { ...PDF_FONT_FEATURES }, customName: `${subsetTag(texts.regular)}+${fonts.regularName}` }),
    bold: await pdf.embedFont(fonts.bold, { subset: true, features: { ...PDF_FONT_FEATURES }, customName: `${subsetTag(`bold:${texts.bold}`)}+${fonts.boldName}` }),
  };

  for (const face of layout.faces) {
    const page = pdf.addPage([layout.face.widthPt, layout.face.heightPt]);
    drawFace(page, face, layout.face.heightPt, embedded);
  }
  return pdf.save({ useObjectStreams: true });
}

function drawFace(page: PDFPage, face: CardLayout['faces'][number], heightPt: number, fonts: Record<FontWeight, PDFFont>): void {
  for (const box of face.boxes) {
    page.drawRectangle({ x: box.xPt, y: heightPt - box.yPt - box.heightPt, width: box.widthPt, height: box.heightPt, color: INK_RGB[box.fill] });
  }
  for (const rule of face.rules) {
    page.drawLine({
      start: { x: rule.x1Pt, y: heightPt - rule.y1Pt },
      end: { x: rule.x2Pt, y: heightPt - rule.y2Pt },
      thickness: rule.widthPt,
      color: INK_RGB[rule.color],
      ...(rule.dash === 'dotted' ? { dashArray: [0.01, 1.6], lineCap: LineCapStyle.Round } : {}),
    });
  }
  // One font resource per weight and face: pdf-lib adds a resource each time a font is set, so set each once.
  for (const weight of ['regular', 'bold'] as const) {
    const runs = face.runs.filter((run) => run.weight === weight);
    if (runs.length === 0) continue;
    page.setFont(fonts[weight]);
    for (const run of runs) page.drawText(run.text, { x: run.xPt, y: heightPt - run.yPt, size: run.sizePt, color: INK_RGB[run.color] });
  }
}

function setMetadata(pdf: PDFDocument, meta: CardMeta, creator: string): void {
  const date = new Date(`${meta.date}T00:00:00Z`);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setSubject(meta.subject);
  pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.language);
  pdf.setCreator(creator);
  pdf.setProducer(`${creator} (pdf-lib)`);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
}

/** The part of a fontkit font that pdf-lib's subset embedder uses to turn text into glyphs. */
interface FontkitFont {
  layout(text: string, features?: unknown): { glyphs: GlyphRecord[] };
  glyphForCodePoint(codePoint: number): GlyphRecord;
}

/** What pdf-lib reads of a glyph: its id, its advance, and the text it stands for (for the ToUnicode map). */
interface GlyphRecord {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/**
 * fontkit as pdf-lib sees it (`registerFontkit`), with two speed-ups; the fonts it returns draw the same glyphs:
 * - it parses each font file once and keeps the parsed font for the same bytes (a parsed font is a read-only cache);
 * - pdf-lib turns each drawn string into glyphs with fontkit's full text shaping (`font.layout`), about 0.2 ms a
 *   call. With every feature off (PDF_FONT_FEATURES) shaping maps each code point to its cmap glyph, which the
 *   replacement `layout` does directly. That is what the Measurer measures (src/fonts/measurer.ts), and only text the
 *   layout has checked with `missingChars` (no control characters, combining marks or complex scripts) comes here.
 * The tests check every glyph's text (pdftotext) and position (pdftotext -bbox) against the layout.
 */
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();
const memoizedFontkit = {
  create(bytes: Uint8Array, postscriptName?: string): FontkitFont {
    let font = parsedFonts.get(bytes);
    if (font === undefined) {
      const parsed = fontkit.create(bytes, postscriptName) as unknown as FontkitFont;
      // Fresh glyph records, never fontkit's cached glyph objects: a cached glyph keeps the code points of its first
      // lookup, so a glyph shared by two characters would carry one card's text into the next card's ToUnicode map.
      parsed.layout = (text: string) => ({
        glyphs: Array.from(text, (char) => {
          const codePoint = char.codePointAt(0) ?? 0;
          const glyph = parsed.glyphForCodePoint(codePoint);
          return { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoint] };
        }),
      });
      font = parsed;
      parsedFonts.set(bytes, font);
    }
    return font;
  },
} as unknown as typeof fontkit;

/** Six capital letters from the text a subset holds, as PDF subset tags are: the same text gives the same tag. */
export function subsetTag(text: string): string {
  // FNV-1a over UTF-16 code units: small, stable, and enough to tell subsets apart.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let tag = '';
  for (let index = 0; index < 6; index++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + index * 7919;
  }
  return tag;
}
