/**
 * CardLayout → PDF bytes: one page per face, each exactly ID-1. It only walks the layout; it never measures.
 * The same layout, fonts and version give byte-identical output (dates come from the layout, the subset tags from
 * the text), in Node and in the browser.
 */
import { LineCapStyle, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import { decodeBase64, LogoError } from '../../core/image';
import { INK } from '../../core/layout/ink';
import type { CardLayout, FontWeight, InkColor } from '../../core/layout/types';
import { PDF_FONT_FEATURES } from '../../fonts/families';
import { cardDocumentInfo, setDocumentInfo } from './document-info';
import { fontkitLite } from './fontkit-lite';

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

/** What pdf-lib is given to read and subset the fonts with (`registerFontkit`). */
export type FontEngine = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * Our own fontkit-compatible engine (src/render/pdf/fontkit-lite.ts): the card fonts are TrueType, and the card's text
 * is laid out without shaping, one cmap glyph per code point (PDF_FONT_FEATURES; what the Measurer measures, and
 * only text the layout has checked with `missingChars` comes here). The tests check every glyph's text (pdftotext),
 * position (pdftotext -bbox) and pixels against the same card made with @pdf-lib/fontkit.
 */
const CARD_FONT_ENGINE = fontkitLite as unknown as FontEngine;

/**
 * Renders a card layout to a PDF, one ID-1 page per face. `engine` is for the tests, which compare the output with
 * @pdf-lib/fontkit's.
 */
export async function renderCardPdf(layout: CardLayout, fonts: CardFontFiles, info: RenderInfo, engine: FontEngine = CARD_FONT_ENGINE): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(engine);
  setDocumentInfo(pdf, cardDocumentInfo(layout.meta, info.creator), true);

  const texts: Record<FontWeight, string> = { regular: '', bold: '' };
  for (const face of layout.faces) for (const run of face.runs) texts[run.weight] += run.text;
  const embedded: Record<FontWeight, PDFFont> = {
    regular: await pdf.embedFont(fonts.regular, { subset: true, features: { ...PDF_FONT_FEATURES }, customName: `${subsetTag(texts.regular)}+${fonts.regularName}` }),
    bold: await pdf.embedFont(fonts.bold, { subset: true, features: { ...PDF_FONT_FEATURES }, customName: `${subsetTag(`bold:${texts.bold}`)}+${fonts.boldName}` }),
  };

  // Each image once, however many faces draw it (and sheets reuse the whole card as Form XObjects).
  const images = new Map<string, PDFImage>();
  for (const image of layout.images) {
    if (!layout.faces.some((face) => face.images.some((placement) => placement.imageId === image.id))) continue;
    const bytes = decodeBase64(image.base64);
    try {
      images.set(image.id, image.mediaType === 'image/png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes));
    } catch (error) {
      throw new LogoError(`the logo's image data is damaged (${error instanceof Error ? error.message : String(error)}): save it again as PNG or JPEG`);
    }
  }

  for (const face of layout.faces) {
    const page = pdf.addPage([layout.face.widthPt, layout.face.heightPt]);
    drawFace(page, face, layout.face.heightPt, embedded, images);
  }
  return pdf.save({ useObjectStreams: true });
}

function drawFace(page: PDFPage, face: CardLayout['faces'][number], heightPt: number, fonts: Record<FontWeight, PDFFont>, images: ReadonlyMap<string, PDFImage>): void {
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
  for (const placement of face.images) {
    const image = images.get(placement.imageId);
    if (image === undefined) throw new Error(`renderCardPdf: the layout places image "${placement.imageId}" but does not hold it in layout.images`);
    page.drawImage(image, { x: placement.xPt, y: heightPt - placement.yPt - placement.heightPt, width: placement.widthPt, height: placement.heightPt });
  }
  // One font resource per weight and face: pdf-lib adds a resource each time a font is set, so set each once.
  for (const weight of ['regular', 'bold'] as const) {
    const runs = face.runs.filter((run) => run.weight === weight);
    if (runs.length === 0) continue;
    page.setFont(fonts[weight]);
    for (const run of runs) page.drawText(run.text, { x: run.xPt, y: heightPt - run.yPt, size: run.sizePt, color: INK_RGB[run.color] });
  }
}

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
