/**
 * The built app in real Chromium, tried as a new user would: choose sections, type a name in two scripts, download
 * the PDF and read it; save the card; then offline with the server stopped, reload and print again; then a new
 * release, whose prompt reloads the app without losing the saved card. Throughout: every request goes to the app's
 * own origin, no console error, no Content-Security-Policy violation, and the app is installable.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_APP_DIR, buildApp, launchBrowser, serveApp } from '../helpers/browser';
import { tool } from '../helpers/engine';
import { tempDir } from '../helpers/run';

/** The release under test, built once for all browser tests (global setup); SECOND is the next release. */
const FIRST = BUILT_APP_DIR;
const SECOND = '.tmp/app-dist-2';
const downloads = tempDir('safety-card-downloads-');

let app: Awaited<ReturnType<typeof serveApp>>;
let port = 0;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const requests: string[] = [];
/** The requests of the page and its workers, not of the service worker (its precache). */
const pageRequests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await serveApp(FIRST);
  port = Number(new URL(app.url).port);
  browser = await launchBrowser();
  browser.context.on('request', (request) => {
    requests.push(request.url());
    if (request.serviceWorker() === null) pageRequests.push(request.url());
  });
  await browser.context.addInitScript(() => {
    const win = window as unknown as { cspViolations: string[] };
    win.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => win.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  page = await browser.context.newPage();
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  downloads.cleanup();
});

async function downloadPdf(name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
  const path = join(downloads.path, name);
  await download.saveAs(path);
  return path;
}

const flat = (text: string) => text.replace(/\s+/g, '');

describe('a new user', () => {
  it('sees the default card in the preview', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Safety Card');
    await page.locator('.preview svg').first().waitFor();
    expect(await page.locator('.preview svg').count()).toBeGreaterThanOrEqual(2);
    // The page fetches the card font once, for the preview, the PDF and the layout worker (which is sent the bytes).
    for (const weight of ['DejaVuSansCondensed-card', 'DejaVuSansCondensed-Bold-card']) expect(pageRequests.filter((url) => url.includes(`/${weight}.ttf-`)), weight).toHaveLength(1);
  });

  it('shows what a section says, with the explanations, when its disclosure is opened', async () => {
    const details = page.locator('details.items-detail').first();
    expect(await details.locator('li').count()).toBe(0);
    await details.locator('summary').click();
    await details.locator('li').first().waitFor();
    expect(await details.locator('li').count()).toBe(Number(/\((\d+) items?\)/.exec((await details.locator('summary').textContent()) ?? '')?.[1]));
    expect(await details.locator('li p').count()).toBeGreaterThan(0);
    await details.locator('summary').click();
  });

  it('has no accessibility violations (axe, WCAG 2.2 AA), on a desktop and at 320 px', async () => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `at ${width} px`).toEqual([]);
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'no sideways scrolling at 320 px').toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('is usable at 200 % zoom: a 1280 px window zoomed shows 640 CSS px at twice the pixel density, with no sideways scrolling and no control cut off', async () => {
    const cdp = await browser.context.newCDPSession(page);
    // What the browser's zoom does: the CSS viewport halves and each CSS pixel takes two device pixels.
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 450, deviceScaleFactor: 2, mobile: false });
    try {
      await page.locator('.preview svg').first().waitFor();
      const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
      const layout = await page.evaluate(() => {
        const controls = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, a[href], label')].filter((element) => element.getClientRects().length > 0 && !element.classList.contains('skip')); // the skip link shows on focus (tested below)
        return {
          innerWidth: window.innerWidth,
          scrollWidth: document.documentElement.scrollWidth,
          count: controls.length,
          outside: controls.filter((element) => { const box = element.getBoundingClientRect(); return box.left < -0.5 || box.right > window.innerWidth + 0.5; }).map((element) => element.outerHTML.slice(0, 80)),
          clipped: controls.filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible' && element.tagName !== 'INPUT' && element.tagName !== 'SELECT').map((element) => element.outerHTML.slice(0, 80)),
        };
      });
      expect(layout.innerWidth).toBe(640);
      expect(layout.scrollWidth, 'no sideways scrolling at 200 %').toBeLessThanOrEqual(640);
      expect(layout.count).toBeGreaterThan(20);
      expect(layout.outside, 'controls outside the window').toEqual([]);
      expect(layout.clipped, 'controls whose text is cut off').toEqual([]);
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await cdp.detach();
    }
  });

  it('can be used with the keyboard alone: a skip link first, a visible focus on every control, Download by Enter', async () => {
    await page.reload();
    await page.locator('.preview svg').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the preview');
    const unseen: string[] = [];
    const visited: string[] = [];
    let reached = false;
    for (let step = 0; step < 120 && !reached; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (element === null || element === document.body) return { name: 'body', visible: true, outline: '' };
        // A date input's parts are focused inside it (:focus-within); a visually hidden file input shows focus on its label.
        const shown = element.matches('.visually-hidden') ? (element.closest('label') ?? element) : element;
        const style = getComputedStyle(shown);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { name: `${element.tagName.toLowerCase()}${element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : ''} ${element.textContent?.trim().slice(0, 30) ?? ''}${element.id ? `#${element.id}` : ''}`, visible, outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
      if (!focused.visible) unseen.push(`${focused.name} (${focused.outline})`);
      visited.push(focused.name);
      reached = focused.name.startsWith('button[type=button] Download PDF');
    }
    expect(reached, `Download PDF reached with Tab: ${visited.join(' | ')}`).toBe(true);
    expect(unseen, 'controls without a visible focus').toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^safety-card-mdma-therapy-1\.0\.0-card-\d{4}-\d{2}-\d{2}\.pdf$/);
  });

  it('chooses sections, types a name in two scripts, and gets exactly that in the PDF', async () => {
    await page.getByRole('checkbox', { name: /Use caution with/ }).uncheck();
    await page.getByRole('checkbox', { name: /^Dosing/ }).check();
    await page.locator('#field-name').fill('Zoë Ярослава');
    await expect.poll(() => page.locator('.preview').textContent()).toContain('Zoë Ярослава');
    const text = flat(await tool('pdftotext', ['-enc', 'UTF-8', await downloadPdf('chosen.pdf'), '-']));
    expect(text).toContain(flat('Name: Zoë Ярослава'));
    expect(text).toContain(flat('Standard dose: 100 mg under 60 kg (132 lb), 125 mg otherwise'));
    expect(text).not.toContain(flat('Past addiction to amphetamines or cocaine'));
    expect(text).toContain(flat('⚠ Always avoid — risk of death or lasting harm'));
  });

  it('keeps the preview (laid out in a worker) in step with fast typing: the last keystroke wins', async () => {
    const field = page.locator('#field-name');
    await field.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Kowalska-Nowak', { delay: 0 });
    await expect.poll(() => page.locator('.preview').textContent()).toContain('Zoë Ярослава Kowalska-Nowak');
    // No answer for an earlier keystroke arrives after the last one's.
    await page.waitForTimeout(300);
    expect(await page.locator('.preview').textContent()).toContain('Zoë Ярослава Kowalska-Nowak');
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /\/layout-worker-[\w-]+\.js$/.test(entry.name)).length)).toBe(1);
    await field.fill('Zoë Ярослава');
    await expect.poll(() => page.locator('.preview').textContent()).not.toContain('Kowalska');
  });

  it('saves the card on the device', async () => {
    page.once('dialog', (dialog) => void dialog.accept('Card for my sitter'));
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.locator('.saved-list').getByText('Card for my sitter').waitFor();
  });

  it('exports the saved cards to a JSON file that holds the card as saved', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all cards' }).click()]);
    expect(download.suggestedFilename()).toBe('safety-cards.json');
    const path = join(downloads.path, 'safety-cards.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { cards: { name: string; spec: { fields: Record<string, string> } }[] };
    expect(exported.cards.map((card) => [card.name, card.spec.fields.name])).toEqual([['Card for my sitter', 'Zoë Ярослава']]);
  });

  it('precaches every file of the build once (fonts, templates and the PDF engine included), and nothing else', () => {
    const built = (readdirSync(FIRST, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(FIRST.length + 1))
      // The service worker and its runtime are what does the caching; they are not in their own list.
      .filter((path) => path !== 'sw.js' && !/^workbox-[0-9a-f]+\.js$/.test(path))
      .sort();
    const precached = [...readFileSync(join(FIRST, 'sw.js'), 'utf8').matchAll(/"?url"?:\s*"([^"]+)",\s*"?revision"?:/g)].map((match) => match[1]).sort();
    expect(precached).toEqual(built);
    expect(built.filter((path) => /card\.ttf-[\w-]+\.gz$/.test(path))).toHaveLength(2);
    expect(built.some((path) => /^assets\/make-card-[\w-]+\.js$/.test(path))).toBe(true);
  });

  it('is installable and works offline after one visit', async () => {
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
    const cdp: CDPSession = await browser.context.newCDPSession(page);
    expect(((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }).installabilityErrors).toEqual([]);

    await browser.context.setOffline(true);
    await app.close();
    await page.reload();
    await page.locator('.saved-list').getByText('Card for my sitter').waitFor();
    await page.getByRole('button', { name: 'Open' }).first().click();
    await expect.poll(() => page.locator('#field-name').inputValue()).toBe('Zoë Ярослава');
    const text = flat(await tool('pdftotext', ['-enc', 'UTF-8', await downloadPdf('offline.pdf'), '-']));
    expect(text).toContain(flat('Name: Zoë Ярослава'));
    await browser.context.setOffline(false);
  });

  it('offers a new release, and reloading into it keeps the saved card', async () => {
    await buildApp(SECOND, '0.0.0-next');
    app = await serveApp(SECOND, port);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByText('A new version of Safety Card is ready').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.waitForLoadState('load');
    await page.locator('.saved-list').getByText('Card for my sitter').waitFor({ timeout: 30_000 });
    const sw = readFileSync(join(SECOND, 'sw.js'), 'utf8');
    expect(sw).not.toBe(readFileSync(join(FIRST, 'sw.js'), 'utf8'));
  });

  it('asked nothing of any other origin, logged no error and broke no security policy', async () => {
    const origin = new URL(app.url).origin;
    expect(requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
    expect(consoleErrors.filter((text) => !text.includes('net::ERR_INTERNET_DISCONNECTED')), consoleErrors.join('\n')).toEqual([]);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations).catch(() => ['(page was navigating)'])).toEqual([]);
  });
});
