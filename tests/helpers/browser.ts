/** Building and serving the real app, and driving Debian's Chromium with playwright-core (no browser downloads). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, createServer, preview, type PreviewServer } from 'vite';
import { REPO_ROOT } from './run';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';

/** Where tests/browser/global-setup.ts builds the app once for every browser test file (relative to the repository). */
export const BUILT_APP_DIR = '.tmp/app-dist';

/** Builds the app into `outDir` (relative to the repository); `version` stands in for package.json's, to make a new release. */
export async function buildApp(outDir: string, version?: string): Promise<void> {
  await build({ root: REPO_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true }, ...(version === undefined ? {} : { define: { __APP_VERSION__: JSON.stringify(version) } }) });
}

/** Serves a built app on 127.0.0.1, on `port` or a free one. */
export async function serveApp(outDir: string, port = 0): Promise<{ url: string; server: PreviewServer; close: () => Promise<void> }> {
  const server = await preview({ root: REPO_ROOT, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: port !== 0 } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.httpServer.listening) return resolve();
      if ('closeAllConnections' in server.httpServer) server.httpServer.closeAllConnections();
      server.httpServer.close(() => resolve());
    });
  return { url, server, close };
}

/** A fresh Chromium profile with service workers allowed; removed on close. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'safety-card-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    serviceWorkers: 'allow',
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Serves the repository with Vite's dev server, for a test harness page under tests/browser/harness/ that imports
 * the sources directly; returns the page's address.
 */
export async function serveHarness(name: string): Promise<{ url: string; close: () => Promise<void> }> {
  const page = `tests/browser/harness/${name}.html`;
  const server = await createServer({ root: REPO_ROOT, logLevel: 'error', server: { host: '127.0.0.1', port: 0, hmr: false }, configFile: false, optimizeDeps: { entries: [page] } });
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') throw new Error('no dev server port');
  return { url: `http://127.0.0.1:${address.port}/${page}`, close: () => server.close() };
}

/** Waits until a harness page says it is ready (body[data-ready]); fails with the page's errors if it never does. */
export async function waitForHarness(page: Page, problems: readonly string[]): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 }).catch((error: unknown) => {
    throw new Error(`the harness did not start: ${problems.join('; ') || String(error)}`);
  });
}

export interface OpenedApp {
  app: Awaited<ReturnType<typeof serveApp>>;
  context: BrowserContext;
  page: Page;
  /** Every URL the browser asked for. */
  requests: string[];
  /** Every console error, uncaught page error and Content-Security-Policy violation. */
  problems: string[];
  close: () => Promise<void>;
}

/**
 * The app built once (BUILT_APP_DIR), served on a port of its own (so with storage of its own) in a fresh Chromium
 * profile that records every request and every problem. With `open` (the default) the page is at the app, 1280 × 900,
 * with its preview drawn; `beforeOpen` runs first (e.g. to grant permissions for the origin).
 */
export async function openApp(options: { open?: boolean; beforeOpen?: (opened: OpenedApp) => Promise<void> } = {}): Promise<OpenedApp> {
  const app = await serveApp(BUILT_APP_DIR);
  const browser = await launchBrowser();
  const requests: string[] = [];
  const problems: string[] = [];
  browser.context.on('request', (request) => requests.push(request.url()));
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await browser.context.newPage();
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  const opened: OpenedApp = {
    app,
    context: browser.context,
    page,
    requests,
    problems,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
  await options.beforeOpen?.(opened);
  if (options.open !== false) {
    await page.goto(app.url);
    await page.locator('.preview svg').first().waitFor();
  }
  return opened;
}

/** A harness page (tests/browser/harness/NAME.html) in a fresh Chromium profile, started and ready; fails with the page's errors if it does not start. */
export async function openHarness(name: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const server = await serveHarness(name);
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(server.url);
  await waitForHarness(page, problems);
  return {
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
