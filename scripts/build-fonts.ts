// `npm run build:fonts` (`npm ci` runs it, through "prepare"): writes the card fonts, generated/fonts/*-card.ttf, from
// the DejaVu files of the dejavu-fonts-ttf package, and a gzip copy of each for the app (*-card.ttf.gz): only the characters a card accepts, no hinting, no layout tables
// (src/fonts/card-font.ts says which characters, src/fonts/ttf-subset.ts how). The output is byte-identical on every
// run and machine. Usage: tsx scripts/build-fonts.ts [--out DIR]   (default: generated/fonts in the repository)
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildCardFont } from '../src/fonts/card-font';
import { FONT_FAMILIES, GENERATED_FONT_DIR, type FontFamilyId } from '../src/fonts/families';
import { loadPackageFontBytes, repositoryRoot } from '../src/fonts/node';

const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true, allowPositionals: false });
const root = repositoryRoot();
const outDir = values.out === undefined ? join(root, GENERATED_FONT_DIR) : resolve(values.out);
mkdirSync(outDir, { recursive: true });

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

for (const family of Object.keys(FONT_FAMILIES) as FontFamilyId[]) {
  const files = FONT_FAMILIES[family];
  if (files.generated === undefined) continue;
  const sources = loadPackageFontBytes(family);
  for (const weight of ['regular', 'bold'] as const) {
    const bytes = buildCardFont(sources[weight]);
    const path = join(outDir, files.generated[weight]);
    // Write, then rename: a reader never sees half a font.
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
    // The app fetches the gzip copy (about 40 % smaller, on every host) and inflates it with DecompressionStream.
    // gzipSync writes no file name and a zero time, so this file is byte-identical on every run too.
    writeFileSync(`${path}.gz.tmp`, gzipSync(bytes, { level: 9 }));
    renameSync(`${path}.gz.tmp`, `${path}.gz`);
    const source = sources[weight];
    console.log(`${relative(process.cwd(), path) || path}: ${kB(bytes.length)} (gzip ${kB(gzipSync(bytes, { level: 9 }).length)}), from ${files[weight]} ${kB(source.length)} (gzip ${kB(gzipSync(source, { level: 9 }).length)})`);
  }
}
