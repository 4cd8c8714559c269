/**
 * The clinic form in the built app, in real Chromium: the profile typed and a PNG logo chosen appear in the preview
 * (an SVG <image> from a data: URL, allowed by the CSP) and in the downloaded PDF (pdftotext, pdfimages); a GIF and
 * a file over 1 MB are refused with the reason while the logo already there is kept; "Remove logo" removes it; axe
 * finds no violations; no CSP violation and no console error throughout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../helpers/browser';
import { tool } from '../helpers/engine';
import { makePng } from '../helpers/images';
import { tempDir } from '../helpers/run';

const files = tempDir('safety-card-clinic-app-');
const png = makePng(300, 100, { alpha: true });
const logoPath = join(files.path, 'harbour-logo.png');
const gifPath = join(files.path, 'logo.gif');
const bigPath = join(files.path, 'huge.png');
writeFileSync(logoPath, png);
writeFileSync(gifPath, Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00', 'latin1'));
const big = new Uint8Array(Math.round(1.5 * 1024 * 1024));
big.set(makePng(10, 10));
writeFileSync(bigPath, big);

let opened: OpenedApp;
let page: Page;
let problems: string[];

beforeAll(async () => {
  opened = await openApp();
  ({ page, problems } = opened);
});

afterAll(async () => {
  await opened?.close();
  files.cleanup();
});

const clinic = () => page.getByRole('group', { name: 'Clinic or guide (printed on every copy)' });
const previewImages = () => page.locator('.preview svg image');
const lastFaceText = async () => (await page.locator('.preview svg').last().locator('text').allTextContents()).join(' ');

describe('the clinic form', () => {
  it('keeps its fields behind a disclosure on a personal card, and opens it on request', async () => {
    const disclosure = clinic().locator('details');
    expect(await disclosure.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await clinic().getByLabel('Name of the clinic or guide').count()).toBe(0);
    await disclosure.locator('summary').click();
    await clinic().getByLabel('Name of the clinic or guide').waitFor();
  });

  it('prints the typed profile and the chosen logo in the preview', async () => {
    await clinic().getByLabel('Name of the clinic or guide').fill('Harbour Psychedelic Care');
    await clinic().getByLabel('Phone number').fill('+44 20 7946 0000');
    await clinic().getByLabel('Web address').fill('https://harbour-care.example/sitters');
    await clinic().getByLabel('Logo (PNG or JPEG, at most 1 MB)').setInputFiles(logoPath);
    await expect.poll(() => previewImages().count()).toBe(1);
    const href = await previewImages().first().getAttribute('href');
    expect(href).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    const text = await lastFaceText();
    for (const expected of ['Issued by', 'Harbour Psychedelic Care', '+44 20 7946 0000', 'harbour-care.example/sitters']) expect(text).toContain(expected);
    expect(await clinic().getByRole('img', { name: 'The logo printed on the card' }).getAttribute('src')).toBe(href);
    // The image really drew (decoded by the browser, not blocked by the CSP).
    expect(await clinic().getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
  });

  it('refuses a GIF and a file over 1 MB with the reason, keeping the logo', async () => {
    await clinic().getByLabel('Logo (PNG or JPEG, at most 1 MB)').setInputFiles(gifPath);
    await expect.poll(() => clinic().getByRole('alert').textContent()).toBe('“logo.gif” cannot be used: the logo is not a PNG or JPEG image (it starts with GIF89a…, it looks like a GIF image): save it as PNG or JPEG. The card keeps its previous logo.');
    expect(await previewImages().count()).toBe(1);
    await clinic().getByLabel('Logo (PNG or JPEG, at most 1 MB)').setInputFiles(bigPath);
    await expect.poll(() => clinic().getByRole('alert').textContent()).toMatch(/^“huge\.png” cannot be used: the logo is 1\.5 MB; at most 1 MB: make it smaller/);
    expect(await previewImages().first().getAttribute('href')).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
  });

  it('has no accessibility violations with the form filled and a refusal shown (axe, WCAG 2.2 AA), and says when the phone is not a number', async () => {
    await clinic().getByLabel('Phone number').fill('call us');
    expect(await clinic().getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true');
    expect(await clinic().locator('#clinic-phone-hint').textContent()).toBe('Use digits, spaces and + ( ) - . / only, like +44 20 7946 0000.');
    const results = await new AxeBuilder({ page: page as never }).include('fieldset.clinic').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await clinic().getByLabel('Phone number').fill('+44 20 7946 0000');
    expect(await clinic().getByLabel('Phone number').getAttribute('aria-invalid')).toBe('false');
  });

  it('downloads a PDF with the clinic and its logo', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const path = join(files.path, 'branded.pdf');
    await download.saveAs(path);
    const text = (await tool('pdftotext', ['-enc', 'UTF-8', path, '-'])).replace(/\s+/g, '');
    for (const expected of ['Issuedby', 'HarbourPsychedelicCare', '+442079460000', 'harbour-care.example/sitters']) expect(text).toContain(expected);
    const images = (await tool('pdfimages', ['-list', path])).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(images.map((line) => line.trim().split(/\s+/).slice(2, 5).join(' '))).toEqual(['image 300 100', 'smask 300 100']);
  });

  it('"Remove logo" takes it off the card', async () => {
    await clinic().getByRole('button', { name: 'Remove logo' }).click();
    await expect.poll(() => previewImages().count()).toBe(0);
    expect(await clinic().getByRole('img').count()).toBe(0);
    expect(await clinic().getByRole('alert').count()).toBe(0);
    expect(await lastFaceText()).toContain('Harbour Psychedelic Care');
  });

  it('had no console error and no CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
