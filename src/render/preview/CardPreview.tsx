/**
 * The live preview of a card: every face of a CardLayout in reading order, each with its caption, in a grid that
 * shows one face per row in a narrow space (a phone) and two per row in a wide one. The words come from the caller
 * (the app's messages module); the drawing from CardFace.
 */
import type { CardLayout, FaceRole } from '../../core/layout/types';
import { CardFace } from './CardFace';
import './preview.css';

export interface CardPreviewLabels {
  /** The caption of a face, e.g. (0, 6, 'front') → "Front", (1, 6, 'inside') → "Inside 1". Also the face's accessible name. */
  face: (index: number, count: number, role: FaceRole) => string;
}

export interface CardPreviewProps {
  layout: CardLayout;
  /** The CSS family name of the card font (see CardFace). */
  fontFamily: string;
  labels: CardPreviewLabels;
  /** A line about the card, e.g. "Folds to wallet size: 6 faces, body text 7.5 pt". Omitted when not given. */
  summary?: string;
  /** Draw each face's 3 mm safe area. */
  showSafeArea?: boolean;
  /**
   * How many faces to draw (default: all); the others get their caption and an empty frame of the same size, so a
   * caller can draw a card face by face, a task apart, without the page moving.
   */
  drawnFaces?: number;
}

export function CardPreview({ layout, fontFamily, labels, summary, showSafeArea = false, drawnFaces = Infinity }: CardPreviewProps) {
  const count = layout.faces.length;
  return (
    <div class="card-preview">
      {summary !== undefined && summary !== '' && <p class="card-preview__summary">{summary}</p>}
      <ol class="card-preview__faces">
        {layout.faces.map((face, index) => {
          const caption = labels.face(index, count, face.role);
          return (
            <li key={index} class="card-preview__item">
              <figure class="card-preview__figure">
                <figcaption class="card-preview__caption">{caption}</figcaption>
                {index < drawnFaces ? (
                  <CardFace layout={layout} faceIndex={index} fontFamily={fontFamily} title={caption} showSafeArea={showSafeArea} />
                ) : (
                  <svg class="card-face" viewBox={`0 0 ${layout.face.widthPt} ${layout.face.heightPt}`} role="img" aria-label={caption} aria-busy="true" data-face-index={index} />
                )}
              </figure>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
