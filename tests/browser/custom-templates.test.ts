/**
 * Custom templates in the built app, in real Chromium: a broken file shows its problems with their JSON paths and
 * changes nothing; a valid file is imported, offered in the picker marked "Custom", previewed, and its downloaded PDF
 * says "Custom template id@version" (pdftotext); a second version gets the "what changed" diff; "Export" gives the
 * file as imported; deleting is refused while a saved card uses it; a card whose template is gone says so; axe finds
 * no violations; no console error or CSP violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from '../../src/core/template/schema';
import { openApp, type OpenedApp } from '../helpers/browser';
import { squash, tool } from '../helpers/engine';
import { miniTemplate, sectionOf, variant } from '../helpers/fixtures';
import { tempDir } from '../helpers/run';

const files = tempDir('safety-card-custom-app-');

const clinic = variant(miniTemplate(), (copy) => {
  copy.id = 'mini-clinic';
  copy.title = 'Harbour clinic card';
  sectionOf(copy, 'avoid', 'items').items[0]!.text = 'Never with lithium';
});
const clinicText = `${JSON.stringify(clinic, null, 2)}\n`;
const reworded = variant(clinic, (copy) => {
  copy.version = '1.0.1';
  sectionOf(copy, 'avoid', 'items').items[0]!.text = 'Never combine with lithium';
});
const jsonFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

let opened: OpenedApp;
let page: Page;
let problems: string[];

beforeAll(async () => {
  opened = await openApp();
  ({ page, problems } = opened);
  await section().getByText('No custom templates on this device.').waitFor(); // the store has loaded
});

afterAll(async () => {
  await opened?.close();
  files.cleanup();
});

const section = () => page.getByRole('region', { name: 'Your own templates' });
const importInput = () => section().getByLabel('Import a template file…');
const picker = () => page.getByRole('group', { name: 'Card content' });
const previewText = async () => (await page.locator('.preview svg text').allTextContents()).join(' ');
const status = () => section().getByRole('status');

async function downloadPdf(name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
  const path = join(files.path, name);
  await download.saveAs(path);
  return tool('pdftotext', ['-enc', 'UTF-8', path, '-']);
}

describe('custom templates in the app', () => {
  it('lists the problems of a broken file with their JSON paths, and changes nothing', async () => {
    const broken = variant(clinic as Template, (copy) => {
      copy.version = '1.0';
      sectionOf(copy, 'avoid', 'items').items[1]!.refs = ['nowhere'];
    });
    await importInput().setInputFiles(jsonFile('broken.json', JSON.stringify(broken)));
    const alert = section().getByRole('alert');
    await expect.poll(() => alert.locator('p').textContent()).toBe('“broken.json” was not imported (2 problems); nothing was changed. Fix the file and import it again:');
    expect(await alert.locator('li').allTextContents()).toEqual([
      'version: expected a version MAJOR.MINOR.PATCH, like "1.0.0", found "1.0"',
      'sections[1].items[1].refs[0]: reference "nowhere" is not defined; add it to "references" or fix the id',
    ]);
    await importInput().setInputFiles(jsonFile('cut.json', '{\n  "id": "mini-clinic",\n'));
    await expect.poll(() => alert.locator('li').allTextContents()).toEqual([expect.stringMatching(/^\(root\): not valid JSON: .* at line 3 column 1$/)]);
    expect(await section().getByText('No custom templates on this device.').count()).toBe(1);
    expect(await picker().getByRole('combobox', { name: /^Template/ }).count()).toBe(0);
  });

  it('imports a file, offers it marked "Custom", and previews it with the custom footer', async () => {
    await importInput().setInputFiles(jsonFile('harbour.json', clinicText));
    await expect.poll(() => status().textContent()).toBe('Imported mini-clinic@1.0.0. Choose it under “Card content”.');
    expect(await section().getByRole('alert').count()).toBe(0);
    expect(await section().locator('.saved-list li .name').allTextContents()).toEqual(['Harbour clinic card Custom']);
    const choose = picker().getByRole('combobox', { name: /^Template/ });
    expect(await choose.locator('option').allTextContents()).toEqual(['MDMA therapy safety card', 'Harbour clinic card (Custom: mini-clinic)']);
    await choose.selectOption('mini-clinic');
    await expect.poll(previewText).toContain('Never with lithium');
    expect(await previewText()).toContain('Custom template mini-clinic@1.0.0');
    expect(await picker().locator('.custom-note').textContent()).toBe('Custom template, imported on this device: not Safety Card’s reviewed content. The card’s footer says so.');
    // The same file again: a no-op.
    await importInput().setInputFiles(jsonFile('again.json', JSON.stringify(clinic)));
    await expect.poll(() => status().textContent()).toBe('mini-clinic@1.0.0 is already imported, with the same content. Nothing was changed.');
  });

  it('makes a PDF whose footer says "Custom template mini-clinic@1.0.0"', async () => {
    const text = squash(await downloadPdf('custom.pdf'));
    expect(text).toContain(squash('Custom template mini-clinic@1.0.0'));
    expect(text).toContain(squash('Never with lithium'));
  });

  it('shows what changed between two custom versions, and exports a template as it was imported', async () => {
    await importInput().setInputFiles(jsonFile('harbour-1.0.1.json', JSON.stringify(reworded)));
    await expect.poll(() => status().textContent()).toBe('Imported mini-clinic@1.0.1. Choose it under “Card content”.');
    await expect.poll(() => picker().getByRole('status').locator('p').first().textContent()).toBe('A newer version of the content (1.0.1) is available.');
    await picker().getByText('What changed').click();
    expect(await picker().locator('.changes li').allTextContents()).toEqual(['Reworded: Never with lithium → Never combine with lithium']);

    const [download] = await Promise.all([page.waitForEvent('download'), section().getByRole('button', { name: 'Export the template mini-clinic@1.0.0' }).click()]);
    expect(download.suggestedFilename()).toBe('mini-clinic-1.0.0.json');
    const path = join(files.path, 'exported.json');
    await download.saveAs(path);
    expect(readFileSync(path, 'utf8')).toBe(clinicText);
  });

  it('has no accessibility violations with templates listed and problems shown (axe, WCAG 2.2 AA)', async () => {
    await importInput().setInputFiles(jsonFile('bad.json', '[]'));
    await section().getByRole('alert').waitFor();
    const results = await new AxeBuilder({ page: page as never }).include('.custom-templates').include('fieldset.group').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('refuses to delete a template a saved card uses; a card whose template is gone says so and is kept', async () => {
    page.once('dialog', (dialog) => void dialog.accept('Harbour card'));
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByRole('region', { name: 'Saved cards' }).locator('.saved-list .name', { hasText: /^Harbour card$/ }).waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await section().getByRole('button', { name: 'Delete the template mini-clinic@1.0.0' }).click();
    await expect.poll(() => status().textContent()).toMatch(/^1 saved card uses mini-clinic@1\.0\.0 \(“Harbour card”\), so it was not deleted\./);
    expect(await section().locator('.saved-list li').count()).toBe(2);

    // Move the (saved) card to 1.0.1 on screen only, then delete 1.0.1, which no saved card uses.
    await picker().getByRole('button', { name: 'Move this card to version 1.0.1' }).click();
    await expect.poll(previewText).toContain('Never combine with lithium');
    page.once('dialog', (dialog) => void dialog.accept());
    await section().getByRole('button', { name: 'Delete the template mini-clinic@1.0.1' }).click();
    await expect.poll(() => status().textContent()).toBe('Deleted the template mini-clinic@1.0.1.');
    const missing = page.locator('.missing-template');
    await expect.poll(() => missing.locator('p').textContent()).toMatch(/^This card uses the template mini-clinic@1\.0\.1, which is not on this device/);
    expect(await missing.getAttribute('role')).toBe('alert');

    // The saved card (1.0.0) opens as it was saved.
    await page.getByRole('region', { name: 'Saved cards' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(previewText).toContain('Never with lithium');
    expect(await missing.count()).toBe(0);
  });

  it('flags, in the list of saved cards, a card whose template is not on this device', async () => {
    const saved = page.getByRole('region', { name: 'Saved cards' });
    const [download] = await Promise.all([page.waitForEvent('download'), saved.getByRole('button', { name: 'Export all cards' }).click()]);
    const path = join(files.path, 'cards.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { cards: { spec: object }[]; templates?: unknown[] };
    const [card] = exported.cards;
    const elsewhere = { ...card, id: 'made-on-another-device', name: 'From elsewhere', spec: { ...card?.spec, template: { id: 'elsewhere-clinic', version: '2.0.0' } } };
    await saved.locator('input[type=file]').setInputFiles(jsonFile('elsewhere.json', JSON.stringify({ ...exported, cards: [elsewhere], templates: [] })));
    const item = saved.locator('.saved-list li', { hasText: 'From elsewhere' });
    await expect.poll(() => item.locator('.missing').textContent()).toBe('Its template elsewhere-clinic@2.0.0 is not on this device: import the template file under “Your own templates” to open it.');
    expect(await saved.locator('.saved-list li', { hasText: 'Harbour card' }).locator('.missing').count()).toBe(0);
  });

  it('had no console error and no CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
