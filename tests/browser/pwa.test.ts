/**
 * The built app in real Chromium: it loads, makes no request to any other origin, logs no error, is installable,
 * and after one visit works with the network off and the server stopped.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, launchBrowser, serveApp } from '../helpers/browser';

const OUT_DIR = '.tmp/browser-dist';

let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  await buildApp(OUT_DIR);
  app = await serveApp(OUT_DIR);
  browser = await launchBrowser();
  browser.context.on('request', (request) => requests.push(request.url()));
  page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the app, served as built', () => {
  it('shows the card content of the bundled template', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Safety Card');
    await page.getByRole('heading', { name: 'MDMA therapy safety card' }).waitFor();
    expect(await page.locator('.sections li').count()).toBe(11);
    expect(await page.title()).toBe('Safety Card');
  });

  it('takes control with its service worker and says it is ready offline', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Ready to work offline.' }).waitFor();
  });

  it('is installable (Chromium reports no installability errors)', async () => {
    const cdp: CDPSession = await browser.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get(new URL('manifest.webmanifest', app.url).href)).json() as { icons: { purpose?: string }[]; display: string };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  });

  it('works offline with the server stopped', async () => {
    await browser.context.setOffline(true);
    await app.close();
    await page.reload();
    await page.getByRole('heading', { name: 'MDMA therapy safety card' }).waitFor();
    expect(await page.locator('.sections li').count()).toBe(11);
    await browser.context.setOffline(false);
  });

  it('asked nothing of any other origin and logged no error', () => {
    const origin = new URL(app.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
