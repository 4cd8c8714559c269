/**
 * Node-only: reads the font files (the browser fetches them instead). The card family comes from the generated card
 * fonts in generated/fonts/ (`npm run build:fonts`, which `npm ci` runs); a family without generated files, and the
 * sources of the generated ones, come from the installed dejavu-fonts-ttf package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurer } from '../core/layout/types';
import { fontFileSpecifier, generatedFontPath, type FontFamilyId } from './families';
import { measurerFromBytes } from './measurer';

const require = createRequire(import.meta.url);

type Weight = 'regular' | 'bold';

/** The generated card fonts are not there: the build step has not run. */
export class GeneratedFontMissingError extends Error {
  override readonly name = 'GeneratedFontMissingError';
}

/** A plain Uint8Array over the same memory, not a Buffer: the same type the browser gets. */
function plain(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The repository root: the nearest folder above this module that holds a package.json. The same from the sources
 * (src/fonts/) and from the bundled command (dist/cli/).
 */
export function repositoryRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new GeneratedFontMissingError(`cannot find the repository (no package.json above ${start})`);
  }
}

function readGenerated(root: string, relativePath: string): Uint8Array {
  const path = join(root, relativePath);
  try {
    return plain(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new GeneratedFontMissingError(`the card font ${relativePath} is missing (${path}): run npm run build:fonts (npm ci does it)`);
  }
}

function readPackageFont(family: FontFamilyId, weight: Weight): Uint8Array {
  return plain(readFileSync(require.resolve(fontFileSpecifier(family, weight))));
}

function readFont(family: FontFamilyId, weight: Weight, root: string | undefined): Uint8Array {
  const generated = generatedFontPath(family, weight);
  return generated === undefined ? readPackageFont(family, weight) : readGenerated(root ?? repositoryRoot(), generated);
}

/**
 * The regular and bold .ttf bytes a family is drawn with: for the card family, the generated card fonts under `root`
 * (the repository by default); throws GeneratedFontMissingError if they have not been built.
 */
export function loadFontBytes(family: FontFamilyId, root?: string): { regular: Uint8Array; bold: Uint8Array } {
  return { regular: readFont(family, 'regular', root), bold: readFont(family, 'bold', root) };
}

/** The family's full .ttf files as the package ships them: the sources of the generated card fonts. */
export function loadPackageFontBytes(family: FontFamilyId): { regular: Uint8Array; bold: Uint8Array } {
  return { regular: readPackageFont(family, 'regular'), bold: readPackageFont(family, 'bold') };
}

/** The Measurer for a family, from the same files loadFontBytes reads. */
export function loadNodeMeasurer(family: FontFamilyId): Measurer {
  return measurerFromBytes(loadFontBytes(family));
}
