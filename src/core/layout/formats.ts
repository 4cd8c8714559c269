/** The card formats, smallest first: how many ID-1 faces each has and where they sit on the folded strip. */
import type { FormatGeometry, FormatId } from './types';

/** A one-face wallet card (everything fits on the front). */
export const WALLET_1: FormatGeometry = { id: 'wallet', panels: 1, faceCount: 1, outside: [0], inside: [] };
/** A two-face wallet card: front and back. */
export const WALLET_2: FormatGeometry = { id: 'wallet', panels: 1, faceCount: 2, outside: [0], inside: [1] };
/** Two panels side by side, folded once like a book: reading order front, inside left, inside right, back. */
export const FOLD_2: FormatGeometry = { id: 'fold-2', panels: 2, faceCount: 4, outside: [3, 0], inside: [1, 2] };
/**
 * Three panels, folded like a leaflet (roll fold): reading order front, the flap seen on opening the front,
 * the three inside panels, the back.
 */
export const FOLD_3: FormatGeometry = { id: 'fold-3', panels: 3, faceCount: 6, outside: [1, 5, 0], inside: [2, 3, 4] };

/** Every geometry, smallest first: what `auto` tries in turn. */
export const GEOMETRIES: readonly FormatGeometry[] = [WALLET_1, WALLET_2, FOLD_2, FOLD_3];

export const FORMAT_IDS: readonly FormatId[] = ['wallet', 'fold-2', 'fold-3'];

/** The geometries a format choice allows, smallest first. */
export function geometriesFor(format: FormatId | 'auto'): FormatGeometry[] {
  return GEOMETRIES.filter((geometry) => format === 'auto' || geometry.id === format);
}
