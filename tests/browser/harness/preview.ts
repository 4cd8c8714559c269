/**
 * Test harness page: the card preview (src/render/preview) in the browser, set in the real card font, declared with
 * @font-face as the app declares it. tests/browser/preview.test.ts passes a layout made in Node to window.showPreview
 * and reads back what Chromium laid out with window.measureTexts.
 */
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf?url';
import { h, options, render } from 'preact';
import type { CardLayout } from '../../../src/core/layout/types';
import { CardPreview } from '../../../src/render/preview/CardPreview';
import './preview.css';

/** A family name no system font has, so the text can only be drawn in the web font (or visibly fall back). */
export const FAMILY = 'Safety Card Preview Test';

const fontFaces = document.createElement('style');
fontFaces.textContent = [
  `@font-face { font-family: "${FAMILY}"; src: url("${regularUrl}") format("truetype"); font-weight: 400; font-style: normal; }`,
  `@font-face { font-family: "${FAMILY}"; src: url("${boldUrl}") format("truetype"); font-weight: 700; font-style: normal; }`,
].join('\n');
document.head.append(fontFaces);

/** A box in the face's user units (points): left, top, right, bottom. */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MeasuredText {
  faceIndex: number;
  text: string;
  /** getComputedTextLength() without textLength: the width the browser gives the text in the font by itself. */
  naturalWidth: number;
  /** getComputedTextLength() as drawn, with textLength. */
  drawnWidth: number;
  /** getBBox() as drawn. Chromium lays SVG text out at the font size in user units and rounds its boxes out to whole units. */
  bbox: Edges;
  /**
   * The text's box as drawn: left and right from the first and last character's extent (getExtentOfChar, exact), top
   * and bottom from the baseline and the loaded font's ascent and descent (canvas metrics at 1000 px, where Chromium's
   * rounding to whole pixels is 1/1000 of the size).
   */
  box: Edges;
  /** The ink of the glyphs (canvas actualBoundingBox at 1000 px, scaled to the size and stretched as textLength does). */
  ink: Edges;
}

declare global {
  interface Window {
    showPreview: (layout: CardLayout, showSafeArea?: boolean) => Promise<{ fonts: string[]; textDiffs: number }>;
    measureTexts: () => MeasuredText[];
  }
}

/** How many <text> vnodes preact diffed in the last render: memoized faces that did not change diff none. */
let textDiffs = 0;
const previousDiffed = options.diffed;
options.diffed = (vnode) => {
  if (vnode.type === 'text') textDiffs += 1;
  previousDiffed?.(vnode);
};

const root = document.getElementById('root') as HTMLElement;
const labels = { face: (index: number, count: number, role: string) => (role === 'front' ? 'Front' : role === 'back' ? 'Back' : `Inside ${index}`) + ` (${index + 1} of ${count})` };

window.showPreview = async (layout, showSafeArea = false) => {
  textDiffs = 0;
  render(h(CardPreview, { layout, fontFamily: FAMILY, labels, summary: `${layout.format.id}, ${layout.faces.length} faces, text ${layout.bodySizePt} pt`, showSafeArea }), root);
  await document.fonts.ready;
  const fonts = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === FAMILY).map((face) => `${face.weight} ${face.status}`);
  return { fonts, textDiffs };
};

const canvas = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
const CANVAS_SIZE_PX = 1000;

window.measureTexts = () =>
  [...document.querySelectorAll<SVGSVGElement>('svg.card-face')].flatMap((svg) =>
    [...svg.querySelectorAll('text')].map((text): MeasuredText => {
      const textLength = text.getAttribute('textLength');
      text.removeAttribute('textLength');
      const naturalWidth = text.getComputedTextLength();
      if (textLength !== null) text.setAttribute('textLength', textLength);
      const drawnWidth = text.getComputedTextLength();
      const bbox = text.getBBox();
      const first = text.getExtentOfChar(0);
      const last = text.getExtentOfChar(text.getNumberOfChars() - 1);
      const sizePt = Number(text.getAttribute('font-size'));
      const baseline = Number(text.getAttribute('y'));
      canvas.font = `${text.getAttribute('font-weight') ?? '400'} ${CANVAS_SIZE_PX}px "${FAMILY}"`;
      canvas.fontKerning = 'none';
      const metrics = canvas.measureText(text.textContent ?? '');
      const scale = sizePt / CANVAS_SIZE_PX;
      const stretch = drawnWidth / (metrics.width * scale);
      return {
        faceIndex: Number(svg.dataset.faceIndex),
        text: text.textContent ?? '',
        naturalWidth,
        drawnWidth,
        bbox: { left: bbox.x, top: bbox.y, right: bbox.x + bbox.width, bottom: bbox.y + bbox.height },
        box: { left: first.x, top: baseline - metrics.fontBoundingBoxAscent * scale, right: last.x + last.width, bottom: baseline + metrics.fontBoundingBoxDescent * scale },
        ink: { left: first.x - metrics.actualBoundingBoxLeft * scale * stretch, top: baseline - metrics.actualBoundingBoxAscent * scale, right: first.x + metrics.actualBoundingBoxRight * scale * stretch, bottom: baseline + metrics.actualBoundingBoxDescent * scale },
      };
    }),
  );

document.body.dataset.ready = 'true';
