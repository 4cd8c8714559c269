// Bundles the command-line tool into one minified file, dist/cli/safety-card.mjs, so that it starts in about half
// a second (through tsx, loading the TypeScript sources and pdf-lib's many modules takes over 1.5 s). `npm ci` builds
// it (the "prepare" script); bin/safety-card.js falls back to the sources when the bundle is missing or stale.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/safety-card.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'safety-card.mjs' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
