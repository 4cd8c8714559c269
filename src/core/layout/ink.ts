/**
 * The card's colours, shared by the PDF renderer and the preview so they match. Text is pure black for contrast;
 * the severity colours are dark enough to read in grayscale, and severity is never shown by colour alone.
 */
import type { InkColor } from './types';

/** Red, green, blue from 0 to 1. */
export const INK: Readonly<Record<InkColor, readonly [number, number, number]>> = {
  ink: [0, 0, 0],
  danger: [0.69, 0.08, 0.06],
  caution: [0.5, 0.29, 0],
  muted: [0.3, 0.3, 0.3],
  inverse: [1, 1, 1],
};

/** "#b0140f" for a colour, for SVG and CSS. */
export function inkHex(color: InkColor): string {
  return `#${INK[color].map((channel) => Math.round(channel * 255).toString(16).padStart(2, '0')).join('')}`;
}
