/**
 * Share links in the built app, in real Chromium: make a link and its QR code (read back with jsQR from the page, the
 * SVG file and the PNG file), with personal details left out unless ticked; save a card; then offline, with the
 * server stopped, open the links: the setup is restored as a new card and the saved card is untouched; a tampered
 * link says so and changes nothing. Throughout: axe finds nothing, no request leaves the app's origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_APP_DIR, openApp, type OpenedApp } from '../helpers/browser';
import { tempDir } from '../helpers/run';

const downloads = tempDir('safety-card-share-');

let opened: OpenedApp;
let app: OpenedApp['app'];
let page: Page;
let requests: string[];
let problems: string[];
const links = { plain: '', personal: '' };

beforeAll(async () => {
  opened = await openApp({
    open: false,
    beforeOpen: ({ context, app: served }) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(served.url).origin }),
  });
  ({ app, page, requests, problems } = opened);
});

afterAll(async () => {
  await opened?.close();
  downloads.cleanup();
});

/** Reads a QR code from an image file's bytes: Chromium draws it on a canvas, jsQR reads the pixels. */
async function readQr(bytes: Buffer, mediaType: string): Promise<string | undefined> {
  const reader = await opened.context.newPage();
  try {
    const image = await reader.evaluate(
      async ({ base64, type }) => {
        const img = new Image();
        img.src = `data:${type};base64,${base64}`;
        await img.decode();
        const side = Math.min(img.naturalWidth || 400, 600);
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = side;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(img, 0, 0, side, side);
        const data = context.getImageData(0, 0, side, side).data;
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return { side, rgba: btoa(binary) };
      },
      { base64: bytes.toString('base64'), type: mediaType },
    );
    return jsQR(new Uint8ClampedArray(Buffer.from(image.rgba, 'base64')), image.side, image.side)?.data;
  } finally {
    await reader.close();
  }
}

async function saveDownload(button: string, name: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(downloads.path, name);
  await download.saveAs(path);
  expect(download.suggestedFilename()).toBe(name);
  return readFileSync(path);
}

async function linkShown(previous: string): Promise<string> {
  await expect.poll(() => page.locator('#share-link').inputValue().catch(() => ''), { timeout: 20_000 }).toMatch(/#s=1\./);
  await expect.poll(() => page.locator('#share-link').inputValue(), { timeout: 20_000 }).not.toBe(previous);
  return page.locator('#share-link').inputValue();
}

/** The paper choice: the one select with a US Letter option. */
const paperSelect = () => page.locator('select', { has: page.locator('option[value="letter"]') });

async function savedCardName(): Promise<string> {
  await page.getByRole('button', { name: 'Open' }).first().click();
  return page.locator('#field-name').inputValue();
}

/** The JavaScript the first page load runs: the built index.html's module scripts and preloads, and what they import statically. */
function eagerJavaScript(): string {
  const html = readFileSync(join(BUILT_APP_DIR, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] as string);
  const seen = new Set<string>();
  let code = '';
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(BUILT_APP_DIR, file), 'utf8');
    code += text;
    for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) pending.push(`assets/${match[1] as string}`);
  }
  return code;
}

describe('sharing a setup', () => {
  it('keeps the QR library and the link codec out of the first download', () => {
    const eager = eagerJavaScript();
    expect(eager).toContain('Make a share link');
    expect(eager).not.toContain('lean-qr error');
    expect(eager).not.toContain('deflate-raw');
  });

  it('makes a link to the setup, without personal details unless ticked, that the Copy button copies', async () => {
    await page.goto(app.url);
    await page.locator('.preview svg').first().waitFor();
    await paperSelect().selectOption('a4');
    await page.getByLabel('Copies').fill('12');
    await page.locator('#field-name').fill('Zoë Ярослава');
    await page.getByRole('button', { name: 'Make a share link' }).click();
    links.plain = await linkShown('');
    expect(links.plain.startsWith(`${app.url}#s=1.`)).toBe(true);
    expect(page.url()).toBe(app.url);
    expect(await page.title()).not.toContain('Zoë');
    await page.getByText('Left out: personal details, extra contacts and the date').waitFor();

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(links.plain);

    await page.getByRole('checkbox', { name: /Include personal details/ }).check();
    await page.getByText('Anyone who gets the link or scans the code can read them').waitFor();
    links.personal = await linkShown(links.plain);
    expect(links.personal.length).toBeGreaterThan(links.plain.length);
  });

  it('shows a QR code of the link that reads back as the link, on the page and in the SVG and PNG files', async () => {
    const code = page.getByRole('img', { name: 'QR code of the link to this setup' });
    // Clear of the fixed "Ready to work offline" toast, which would cover part of it in the screenshot.
    await code.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    expect(await readQr(await code.screenshot(), 'image/png')).toBe(links.personal);
    const svg = await saveDownload('Download QR (SVG)', 'safety-card-setup-qr.svg');
    expect(svg.toString('utf8')).toMatch(/^<\?xml[^>]*\?><svg /);
    expect(await readQr(svg, 'image/svg+xml')).toBe(links.personal);
    const png = await saveDownload('Download QR (PNG)', 'safety-card-setup-qr.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await readQr(png, 'image/png')).toBe(links.personal);
  });

  it('has no accessibility violations with the panel open, on a desktop and at 320 px', async () => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('saves the card on the device', async () => {
    page.once('dialog', (dialog) => void dialog.accept('My own card'));
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.locator('.saved-list').getByText('My own card').waitFor();
  });
});

describe('opening a shared setup, offline', () => {
  it('restores the setup as a new card from a link opened in a new page, and leaves the saved card alone', async () => {
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
    await opened.context.setOffline(true);
    await app.close();

    await page.goto('about:blank');
    await page.goto(links.plain);
    await page.getByText('Loaded a shared setup as a new card.').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(page.url(), 'the fragment is gone from the address bar').toBe(app.url);
    expect(await page.locator('#field-name').inputValue()).toBe('');
    expect(await paperSelect().inputValue()).toBe('a4');
    expect(await page.getByLabel('Copies').inputValue()).toBe('12');
    await page.locator('.preview svg').first().waitFor();
    await expect.poll(() => page.locator('.saved-list li').count()).toBe(1);
    expect(await page.locator('.saved-list li.current').count(), 'the shared setup is not the saved card').toBe(0);
    expect(await savedCardName()).toBe('Zoë Ярослава');
  });

  it('restores personal details from a link that carries them, pasted into the open page', async () => {
    await page.evaluate((link) => {
      window.location.href = link;
    }, links.personal);
    await page.getByText('Loaded a shared setup as a new card, with the personal details it carried.').waitFor();
    expect(page.url()).toBe(app.url);
    expect(await page.locator('#field-name').inputValue()).toBe('Zoë Ярослава');
    expect(await page.locator('.saved-list li.current').count()).toBe(0);
  });

  it('says what is wrong with a tampered link and changes nothing', async () => {
    await page.getByLabel('Copies').fill('3');
    const at = links.plain.indexOf('#s=1.') + 20;
    const tampered = `${links.plain.slice(0, at)}${links.plain[at] === 'A' ? 'B' : 'A'}${links.plain.slice(at + 1)}`;
    await page.evaluate((link) => {
      window.location.href = link;
    }, tampered);
    const alert = page.getByRole('alert').filter({ hasText: 'This setup link could not be opened' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This setup link is damaged: part of it is missing or was changed');
    expect(page.url()).toBe(app.url);
    expect(await page.getByLabel('Copies').inputValue(), 'the card being edited is kept').toBe('3');
    expect(await page.locator('.saved-list li').count()).toBe(1);
    expect(await savedCardName()).toBe('Zoë Ярослава');
  });

  it('starts normally, saved cards untouched, from a garbage link', async () => {
    await page.goto('about:blank');
    await page.goto(`${app.url}#s=1.not-a-setup`);
    await page.getByRole('alert').filter({ hasText: 'This setup link could not be opened' }).waitFor({ timeout: 30_000 });
    await page.locator('.preview svg').first().waitFor();
    expect(page.url()).toBe(app.url);
    expect(await page.locator('.saved-list li').count()).toBe(1);
    expect(await savedCardName()).toBe('Zoë Ярослава');
    await opened.context.setOffline(false);
  });

  it('asked nothing of any other origin and logged no error or policy violation', () => {
    const origin = new URL(app.url).origin;
    expect(requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && url !== 'about:blank' && new URL(url).origin !== origin)).toEqual([]);
    expect(problems.filter((text) => !text.includes('net::ERR_INTERNET_DISCONNECTED')), problems.join('\n')).toEqual([]);
  });
});
