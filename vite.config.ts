/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { templateRegions } from './src/core/spec/defaults';
import type { Template } from './src/core/template/schema';

/** Where `npm start` serves the built app. */
export const PREVIEW_HOST = '127.0.0.1';
export const PREVIEW_PORT = 4173;

const APP_VERSION = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The Content-Security-Policy of the built app: nothing but the app's own files, no inline script, no eval.
 * Added at build time only (Vite's dev server injects inline styles). `blob:` lets the PDF open in the browser's
 * viewer and be downloaded; fonts come from the app's files and from the bytes it loaded (FontFace).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'safety-card-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * Fetches the bundled templates' chunks together with the app's script: the editor needs them to draw its first
 * screen, and found only when the script runs they would cost the first visit one more round trip.
 */
function preloadTemplates(): Plugin {
  return {
    name: 'safety-card-preload-templates',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        Object.values(context.bundle ?? {})
          .filter((output) => output.type === 'chunk' && output.facadeModuleId !== null && /\/templates\/[^/]+\/[^/]+\.json$/.test(output.facadeModuleId))
          .map((chunk) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${chunk.fileName}` }, injectTo: 'head' as const })),
    },
  };
}

const REGION_NAMES_ID = 'virtual:region-names';

/**
 * `virtual:region-names`: the regions the bundled templates have crisis numbers for, named in each template's language
 * and in its alphabetical order ({ en: [['AU', 'Australia'], ['AT', 'Austria'], …] }), worked out here with Node's
 * Intl (ICU). In the browser, Intl.DisplayNames and Intl.Collator each load their locale data the first time they are
 * used: 10–40 ms, four times that on a mid-range phone, in the task that draws the editor.
 * src/app/engine/region-names.ts falls back to them for custom templates.
 */
function regionNames(): Plugin {
  return {
    name: 'safety-card-region-names',
    resolveId: (source) => (source === REGION_NAMES_ID ? `\0${REGION_NAMES_ID}` : undefined),
    load(id) {
      if (id !== `\0${REGION_NAMES_ID}`) return undefined;
      const byLocale = new Map<string, Set<string>>();
      const root = new URL('./templates/', import.meta.url).pathname;
      for (const folder of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
        for (const file of readdirSync(join(root, folder.name)).filter((name) => name.endsWith('.json'))) {
          const path = join(root, folder.name, file);
          this.addWatchFile(path);
          const template = JSON.parse(readFileSync(path, 'utf8')) as Template;
          const codes = byLocale.get(template.locale) ?? new Set<string>();
          for (const code of templateRegions(template)) if (code !== 'any') codes.add(code);
          byLocale.set(template.locale, codes);
        }
      }
      const table = Object.fromEntries(
        [...byLocale].map(([locale, codes]) => {
          const display = new Intl.DisplayNames([locale], { type: 'region' });
          const collator = new Intl.Collator(locale);
          return [locale, [...codes].map((code) => [code, display.of(code) ?? code]).sort((a, b) => collator.compare(a[1]!, b[1]!))];
        }),
      );
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
  plugins: [
    preact(),
    contentSecurityPolicy(),
    preloadTemplates(),
    regionNames(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The icons are in public/ and so in globPatterns below: listed once.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Safety Card',
        short_name: 'Safety Card',
        description: 'Wallet-size safety cards for MDMA-assisted therapy: choose what goes on it, print it, keep it offline.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b4f6c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app can need offline, the lazily loaded chunks, templates and fonts included (the plugin
        // adds the web manifest itself). tests/browser/app.test.ts checks that every built file is listed once.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json,gz,txt}'],
        navigateFallback: '/index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  // The preview's layout worker (src/app/engine/layout-worker.ts) is an ES module worker, like the app.
  worker: { format: 'es' },
  preview: { host: PREVIEW_HOST, port: PREVIEW_PORT, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'], testTimeout: 30_000 } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/browser/global-setup.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
