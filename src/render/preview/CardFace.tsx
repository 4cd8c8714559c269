/**
 * One face of a CardLayout as an SVG, drawn from the same positions the PDF draws (src/render/pdf/card.ts): boxes,
 * then rules, then images (the clinic's logo, as a data: URL, which the app's CSP allows in img-src), then text runs, in PDF points with the origin at the top-left of the trim. It never measures: each run
 * is pinned to the width the layout measured (`textLength`), with kerning and ligatures off as in the PDF, so the
 * browser's line widths equal the layout's whatever it does with the glyphs.
 */
import { memo } from 'preact/compat';
import { inkHex } from '../../core/layout/ink';
import { PT_PER_MM, SAFE_MARGIN_PT, type CardLayout, type FaceLayout } from '../../core/layout/types';
import './preview.css';

/** ID-1's corner radius (ISO/IEC 7810: 3.18 mm), in points. Drawn on the outline only: PDF pages are square. */
export const CARD_CORNER_RADIUS_PT = 3.18 * PT_PER_MM;

/** The grey of the card's outline, and the light blue of the safe-area guide (drawn under the card's content). */
export const TRIM_STROKE = '#9aa5b1';
export const SAFE_AREA_STROKE = '#5aa9e6';

export interface CardFaceProps {
  layout: CardLayout;
  /** Which of layout.faces to draw. */
  faceIndex: number;
  /** The CSS family name the app declared (@font-face) for the card font; sans-serif is the fallback. */
  fontFamily: string;
  /** The accessible name of the image, e.g. "Front of the card". */
  title: string;
  /** Draw the 3 mm safe area as a dashed guide (the app's "show margins" toggle). */
  showSafeArea?: boolean;
}

const FONT_WEIGHT = { regular: 400, bold: 700 } as const;

function CardFaceSvg({ layout, faceIndex, fontFamily, title, showSafeArea = false }: CardFaceProps) {
  const face = layout.faces[faceIndex];
  if (face === undefined) throw new RangeError(`CardFace: faceIndex ${faceIndex} is not a face of this layout (it has ${layout.faces.length}): pass 0 to ${layout.faces.length - 1}`);
  const { widthPt, heightPt } = layout.face;
  // The outline is 1 screen pixel wide at any scale (non-scaling stroke), inset half a point so it is never cut off.
  const inset = 0.5;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="card-face"
      viewBox={`0 0 ${widthPt} ${heightPt}`}
      role="img"
      aria-label={title}
      font-family={cssFontFamily(fontFamily)}
      xml:space="preserve"
      data-face-index={faceIndex}
      data-face-role={face.role}
    >
      <rect class="card-face__trim" x={inset} y={inset} width={widthPt - 2 * inset} height={heightPt - 2 * inset} rx={CARD_CORNER_RADIUS_PT - inset} ry={CARD_CORNER_RADIUS_PT - inset} fill="#ffffff" stroke={TRIM_STROKE} stroke-width={1} vector-effect="non-scaling-stroke" />
      {showSafeArea && (
        <rect
          class="card-face__safe-area"
          x={SAFE_MARGIN_PT}
          y={SAFE_MARGIN_PT}
          width={widthPt - 2 * SAFE_MARGIN_PT}
          height={heightPt - 2 * SAFE_MARGIN_PT}
          fill="none"
          stroke={SAFE_AREA_STROKE}
          stroke-width={1}
          stroke-dasharray="4 3"
          vector-effect="non-scaling-stroke"
        />
      )}
      {face.boxes.map((box, index) => (
        <rect key={`b${index}`} x={box.xPt} y={box.yPt} width={box.widthPt} height={box.heightPt} fill={inkHex(box.fill)} />
      ))}
      {face.rules.map((rule, index) => (
        <line
          key={`r${index}`}
          x1={rule.x1Pt}
          y1={rule.y1Pt}
          x2={rule.x2Pt}
          y2={rule.y2Pt}
          stroke={inkHex(rule.color)}
          stroke-width={rule.widthPt}
          {...(rule.dash === 'dotted' ? { 'stroke-dasharray': '0.01 1.6', 'stroke-linecap': 'round' } : {})}
        />
      ))}
      {face.images.map((placement, index) => {
        const image = layout.images.find((candidate) => candidate.id === placement.imageId);
        return image === undefined ? null : (
          <image
            key={`i${index}`}
            class="card-face__image"
            href={`data:${image.mediaType};base64,${image.base64}`}
            x={placement.xPt}
            y={placement.yPt}
            width={placement.widthPt}
            height={placement.heightPt}
            preserveAspectRatio="none"
          />
        );
      })}
      {face.runs.map((run, index) => (
        <text key={`t${index}`} x={run.xPt} y={run.yPt} font-size={run.sizePt} font-weight={FONT_WEIGHT[run.weight]} fill={inkHex(run.color)} textLength={run.widthPt} lengthAdjust="spacingAndGlyphs">
          {run.text}
        </text>
      ))}
    </svg>
  );
}

/** `"Family", sans-serif`, with the name quoted as CSS needs. */
export function cssFontFamily(family: string): string {
  return `"${family.replace(/["\\]/g, '\\$&')}", sans-serif`;
}

const faceKeys = new WeakMap<FaceLayout, string>();

/** A key that is equal for faces that draw the same, computed once per face object. */
export function faceKey(face: FaceLayout): string {
  let key = faceKeys.get(face);
  if (key === undefined) {
    key = JSON.stringify(face);
    faceKeys.set(face, key);
  }
  return key;
}

/**
 * True when two CardFace props draw the same SVG: the same face (the same object, or one with the same content), size,
 * font, name and guide. A new layout for every keystroke then re-renders only the faces whose content changed.
 */
export function sameFaceProps(previous: CardFaceProps, next: CardFaceProps): boolean {
  if (previous.faceIndex !== next.faceIndex || previous.fontFamily !== next.fontFamily || previous.title !== next.title || Boolean(previous.showSafeArea) !== Boolean(next.showSafeArea)) return false;
  if (previous.layout === next.layout) return true;
  if (previous.layout.face.widthPt !== next.layout.face.widthPt || previous.layout.face.heightPt !== next.layout.face.heightPt) return false;
  const before = previous.layout.faces[previous.faceIndex];
  const after = next.layout.faces[next.faceIndex];
  if (before === undefined || after === undefined) return before === after;
  // The same placement may draw another image (a new logo of the same shape): compare the images the face draws.
  for (const placement of after.images) {
    const was = previous.layout.images.find((image) => image.id === placement.imageId);
    const now = next.layout.images.find((image) => image.id === placement.imageId);
    if (was?.base64 !== now?.base64 || was?.mediaType !== now?.mediaType) return false;
  }
  return before === after || faceKey(before) === faceKey(after);
}

/** One face of a card as an `<svg role="img">` that scales to its container's width at the ID-1 aspect ratio. */
export const CardFace = memo(CardFaceSvg, sameFaceProps);
