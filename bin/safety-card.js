#!/usr/bin/env node
// The `safety-card` command. Runs the bundle (dist/cli/safety-card.mjs, built by `npm run build:cli`, which `npm ci`
// runs) when it is newer than every source file; otherwise the TypeScript sources through tsx, so a changed source
// is never run stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist/cli/safety-card.mjs');

function newestSourceMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSourceMs(join(root, 'src'))) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/safety-card.ts');
}
