/**
 * Card stock and copies in the built app, in real Chromium: the "Card stock" choice for A4 with its help line, the
 * format and printer it implies, clear errors for copies out of range, and the downloaded PDF read back (exactly A4,
 * 10 cards a sheet, the scale note).
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../helpers/browser';
import { tool } from '../helpers/engine';
import { tempDir } from '../helpers/run';

const downloads = tempDir('safety-card-stock-downloads-');

let opened: OpenedApp;
let page: Page;
let errors: string[];

beforeAll(async () => {
  opened = await openApp();
  ({ page, problems: errors } = opened);
  await page.setViewportSize({ width: 1280, height: 1000 });
});

afterAll(async () => {
  await opened?.close();
  downloads.cleanup();
});

const stockSelect = () => page.getByRole('combobox', { name: 'Card stock' });
const copiesInput = () => page.getByRole('spinbutton', { name: 'Copies' });

describe('card stock in the app', () => {
  it('offers card stock only for A4, with one line of help that gives the cards per sheet and the scale', async () => {
    expect(await stockSelect().count()).toBe(0);
    await page.getByRole('combobox', { name: 'Paper' }).selectOption('a4');
    await stockSelect().waitFor();
    expect(await page.locator('#stock-hint').textContent()).toBe('Plain A4 paper: cut the cards out along the crop marks.');
    await stockSelect().selectOption('avery-c32011');
    expect(await page.locator('#stock-hint').textContent()).toBe('10 pre-cut 85 × 54 mm cards a sheet, so each card prints at 99.3 %. Wallet cards only, double-sided: the sheet says how to feed it for the back.');
    // The stock holds wallet cards printed double-sided: the form says so by what it offers.
    expect(await page.getByRole('combobox', { name: 'Card format' }).inputValue()).toBe('wallet');
    expect(await page.locator('option[value="fold-3"]').isDisabled()).toBe(true);
    expect(await page.locator('option[value="fold-over"]').isDisabled()).toBe(true);
    await page.getByRole('combobox', { name: 'Paper' }).selectOption('letter');
    expect(await stockSelect().count()).toBe(0);
    await page.getByRole('combobox', { name: 'Paper' }).selectOption('a4');
    expect(await stockSelect().inputValue()).toBe('plain');
  });

  it('says what is wrong with copies out of range, and keeps the last good number', async () => {
    await copiesInput().fill('12');
    for (const typed of ['0', '1001', '100000', '2.5', '']) {
      await copiesInput().fill(typed);
      await expect.poll(() => page.locator('#copies-error').textContent(), { timeout: 5000 }).toBe('Copies: type a whole number from 1 to 1000.');
      expect(await copiesInput().getAttribute('aria-invalid')).toBe('true');
    }
    const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await copiesInput().fill('12');
    expect(await page.locator('#copies-error').count()).toBe(0);
  });

  it('downloads 12 wallet cards on Avery C32011: two A4 sheets, front and back, the scale on the sheet', async () => {
    await page.getByRole('combobox', { name: 'Region for crisis numbers' }).selectOption('US');
    for (const section of [/^Emergency contact/, /^Taken today/, /^Use caution with/, /^Take precautions/, /^For the sitter/, /^About me/]) {
      const box = page.getByRole('checkbox', { name: section });
      if (await box.isChecked()) await box.uncheck();
    }
    await stockSelect().selectOption('avery-c32011');
    await expect.poll(() => page.locator('.preview').textContent()).toContain('Wallet card');
    await page.screenshot({ path: join(downloads.path, 'form.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const path = join(downloads.path, 'stock.pdf');
    await download.saveAs(path);
    const info = await tool('pdfinfo', [path]);
    expect(info).toMatch(/Pages:\s+4\n/);
    expect(info).toMatch(/Page size:\s+595\.276 x 841\.89 pts \(A4\)/);
    const text = await tool('pdftotext', [path, '-']);
    expect(text).toContain('Cards scaled to 99.3 % to fit Avery C32011 (85 × 54 mm).');
    expect(text.match(/MDMA therapy safety card/g)).toHaveLength(12);
    expect(errors).toEqual([]);
  });

  it('previews what the PDF would refuse as refused: too much for a wallet card on stock says to choose plain paper, with no larger format offered', async () => {
    for (const section of [/^Use caution with/, /^Take precautions/, /^For the sitter/, /^About me/]) await page.getByRole('checkbox', { name: section }).check();
    const problem = page.locator('.preview .problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/Avery C32011 card stock holds wallet cards only\. Does not fit: .*Choose plain paper/);
    expect(await problem.getByRole('button', { name: /automatic format/i }).count()).toBe(0);
    expect(await page.locator('.preview svg').count()).toBe(0);
    // On plain paper the card may grow: the way out is offered again, and taken it gives a folding card.
    await stockSelect().selectOption('plain');
    await problem.getByRole('button', { name: /automatic format/i }).click();
    await page.locator('.preview svg').first().waitFor();
    expect(await problem.count()).toBe(0);
  });
});
