/** Node-only: reads the font files from the installed dejavu-fonts-ttf package (the browser fetches them instead). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Measurer } from '../core/layout/types';
import { fontFileSpecifier, type FontFamilyId } from './families';
import { createMeasurer } from './measurer';
import { parseTtfMetrics } from './ttf';

const require = createRequire(import.meta.url);

function readFont(family: FontFamilyId, weight: 'regular' | 'bold'): Uint8Array {
  const buffer = readFileSync(require.resolve(fontFileSpecifier(family, weight)));
  // A plain Uint8Array over the same memory, not a Buffer: the same type the browser gets.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The regular and bold .ttf bytes of a family. */
export function loadFontBytes(family: FontFamilyId): { regular: Uint8Array; bold: Uint8Array } {
  return { regular: readFont(family, 'regular'), bold: readFont(family, 'bold') };
}

/** The Measurer for a family, from the installed font files. */
export function loadNodeMeasurer(family: FontFamilyId): Measurer {
  const bytes = loadFontBytes(family);
  return createMeasurer({ regular: parseTtfMetrics(bytes.regular), bold: parseTtfMetrics(bytes.bold) });
}
