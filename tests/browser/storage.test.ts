/**
 * Saved cards in real IndexedDB, in Chromium: the card store the app uses (src/app/storage/card-store.ts) through a
 * harness page served by Vite's dev server. Each test uses its own database name; the profile lives for the file,
 * so a reload finds what was saved before it. The last test opens the built app: a first visit loads no zod.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CardList, CardStore, ImportReport, PersistenceResult, SavedCard, TemplateImportResult } from '../../src/app/storage/card-store';
import type { TemplateList } from '../../src/app/storage/card-store';
import { defaultSpec, type CardSpec } from '../../src/core/spec/schema';
import { launchBrowser, openApp, serveHarness } from '../helpers/browser';
import { miniTemplate, sectionOf, variant } from '../helpers/fixtures';
import { REPO_ROOT } from '../helpers/run';
import type { Outcome } from './harness/storage';

type Method = Exclude<keyof CardStore, 'dbName'>;

let server: Awaited<ReturnType<typeof serveHarness>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let harnessUrl: string;
let page: Page;
/** Everything the pages wrote to the console, and their uncaught errors. */
const consoleLines: string[] = [];
const pageErrors: string[] = [];
const failedRequests: string[] = [];

const spec: CardSpec = { ...defaultSpec(miniTemplate(), '2026-11-29'), fields: { name: 'Zoë Łukasiewicz', medications: 'Levothyroxine 50 µg' } };
const SECRET = 'Zoë Łukasiewicz';
let dbCount = 0;
const freshDb = () => `storage-test-${++dbCount}-${Date.now()}`;

async function openHarness(context: BrowserContext): Promise<Page> {
  const opened = await context.newPage();
  opened.on('pageerror', (error) => pageErrors.push(error.message));
  opened.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  opened.on('response', (response) => response.status() >= 400 && failedRequests.push(`${response.status()} ${new URL(response.url()).pathname}`));
  await opened.goto(harnessUrl);
  await opened.waitForSelector('body[data-ready="true"]', { timeout: 60_000 }).catch((error: unknown) => {
    throw new Error(`the harness did not start: ${pageErrors.join('; ') || String(error)}`);
  });
  return opened;
}

beforeAll(async () => {
  server = await serveHarness('storage');
  harnessUrl = server.url;
  browser = await launchBrowser();
  page = await openHarness(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function outcome(on: Page, dbName: string, method: Method, args: unknown[]): Promise<Outcome> {
  return on.evaluate(([name, m, a]) => window.storeCall(name, m, ...a), [dbName, method, args] as const);
}

/** Calls `method` of the store `dbName` in the page and returns its value; throws what the page threw. */
async function call<T>(dbName: string, method: Method, ...args: unknown[]): Promise<T> {
  const result = await outcome(page, dbName, method, args);
  if (!result.ok) throw new Error(`${method}: ${result.name} (${result.code}): ${result.message}`);
  return result.value as T;
}

/** The error `method` rejects with. */
async function failure(dbName: string, method: Method, ...args: unknown[]): Promise<Exclude<Outcome, { ok: true }>> {
  const result = await outcome(page, dbName, method, args);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('saved cards in IndexedDB (Chromium)', () => {
  it('creates, lists, renames, duplicates and removes cards, keeping their times', async () => {
    const db = freshDb();
    expect(await call<CardList>(db, 'list')).toEqual({ cards: [], setAside: [] });
    const wallet = await call<SavedCard>(db, 'create', '  Wallet  ', spec);
    expect(wallet).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), name: 'Wallet', createdAt: expect.stringMatching(ISO), spec });
    expect(wallet.updatedAt).toBe(wallet.createdAt);
    const sitter = await call<SavedCard>(db, 'create', 'For the sitter', { ...spec, region: 'US' });

    let { cards } = await call<CardList>(db, 'list');
    expect(cards.map((c) => c.name)).toEqual(['For the sitter', 'Wallet']); // newest change first

    await new Promise((resolve) => setTimeout(resolve, 5));
    const renamed = await call<SavedCard>(db, 'rename', wallet.id, 'My wallet');
    expect(renamed).toMatchObject({ id: wallet.id, name: 'My wallet', createdAt: wallet.createdAt, spec });
    expect(renamed.updatedAt > wallet.updatedAt).toBe(true);
    expect(await call<SavedCard>(db, 'update', wallet.id, { name: 'My wallet' })).toEqual(renamed); // no change, no new time
    const copies = await call<SavedCard>(db, 'update', sitter.id, { spec: { ...spec, copies: 4 } });
    expect(copies).toMatchObject({ name: 'For the sitter', spec: { copies: 4 } });

    const copy = await call<SavedCard>(db, 'duplicate', wallet.id);
    expect(copy).toMatchObject({ name: 'My wallet (copy)', spec });
    expect(copy.id).not.toBe(wallet.id);

    expect(await call<SavedCard>(db, 'remove', sitter.id)).toEqual(copies);
    ({ cards } = await call<CardList>(db, 'list'));
    expect(cards).toEqual([copy, renamed]);

    expect(await failure(db, 'remove', sitter.id)).toMatchObject({ name: 'StorageError', code: 'not-found', message: expect.stringMatching(/^This card is no longer saved/) });
    expect(await failure(db, 'rename', wallet.id, ' ')).toMatchObject({ code: 'invalid-name', message: 'Give the card a name (1 to 80 characters).' });
    expect(await failure(db, 'create', 'x'.repeat(81), spec)).toMatchObject({ code: 'invalid-name', message: 'A card name can have at most 80 characters; this one has 81. Shorten it.' });
    expect(await failure(db, 'create', 'Bad', { ...spec, copies: 0 })).toMatchObject({ code: 'invalid-spec', message: 'This card cannot be saved: not a valid card spec: copies: at least 1' });
    expect((await call<CardList>(db, 'list')).cards).toHaveLength(2);
  });

  it('keeps the cards across a reload of the page', async () => {
    const db = freshDb();
    const made = [await call<SavedCard>(db, 'create', 'One', spec), await call<SavedCard>(db, 'create', 'Two', { ...spec, paper: 'a4' })];
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const { cards } = await call<CardList>(db, 'list');
    expect(cards).toEqual([...made].reverse());
  });

  it('sets a corrupt record aside, reports it, keeps it exportable, and still lists the rest', async () => {
    const db = freshDb();
    const good = await call<SavedCard>(db, 'create', 'Good', spec);
    await page.evaluate((name) => window.rawPut(name, 'cards', { id: 'x', name: 3, spec: 'nope' }), db);
    const future = { id: 'y', name: 'From the future', createdAt: good.createdAt, updatedAt: good.updatedAt, spec: { specVersion: 9 } };
    await page.evaluate(([name, value]) => window.rawPut(name, 'cards', value), [db, future] as const);

    const { cards, setAside } = await call<CardList>(db, 'list');
    expect(cards).toEqual([good]);
    expect(setAside).toEqual([
      {
        key: 1,
        reason: expect.stringMatching(/^"name": A card name must be text\.; "createdAt" must be .*"spec": not a card spec: expected a JSON object/),
        setAsideAt: expect.stringMatching(ISO),
        original: { id: 'x', name: 3, spec: 'nope' },
      },
      { key: 2, name: 'From the future', reason: expect.stringContaining('"spec": this card was made by a newer Safety Card (spec version 9'), setAsideAt: expect.stringMatching(ISO), original: future },
    ]);
    // Moved, not copied and not lost: gone from "cards", whole in "set-aside", and reported again on the next list.
    expect(await page.evaluate((name) => window.rawGetAll(name, 'cards'), db)).toEqual([good]);
    expect(await page.evaluate((name) => window.rawGetAll(name, 'set-aside'), db)).toMatchObject([{ original: { id: 'x' } }, { original: future }]);
    expect((await call<CardList>(db, 'list')).setAside).toHaveLength(2);

    const exported = JSON.parse(await call<string>(db, 'exportSetAside')) as { cards: unknown[]; setAside: { reason: string }[] };
    expect(exported.cards).toEqual([{ id: 'x', name: 3, spec: 'nope' }, future]);
    expect(exported.setAside.map((s) => s.reason)).toEqual(setAside.map((s) => s.reason));

    await call(db, 'discardSetAside', 1);
    expect((await call<CardList>(db, 'list')).setAside.map((s) => s.key)).toEqual([2]);
  });

  it('restores everything from an export after erasing everything', async () => {
    const db = freshDb();
    await call<SavedCard>(db, 'create', 'Wallet', spec);
    await call<SavedCard>(db, 'create', 'Clinic handout', { ...spec, paper: 'a4', copies: 10, fields: {} });
    await call<SavedCard>(db, 'create', 'For the sitter 🙂', { ...spec, region: 'GB', extraContacts: [{ name: 'Guide Sam', phone: '+44 7700 900123' }] });
    await page.evaluate((name) => window.rawPut(name, 'cards', { id: 'x', name: 3, spec: 'nope' }), db);
    const before = await call<CardList>(db, 'list');
    expect(before.setAside).toHaveLength(1);
    const text = await call<string>(db, 'exportAll');
    expect(JSON.parse(text)).toEqual({ format: 'safety-card/cards', exportVersion: 2, exportedAt: expect.stringMatching(ISO), cards: before.cards, templates: [] });

    await call(db, 'eraseEverything');
    expect(await page.evaluate(() => window.databaseNames())).not.toContain(db);
    expect(await call<CardList>(db, 'list')).toEqual({ cards: [], setAside: [] });

    expect(await call<ImportReport>(db, 'importFile', text)).toEqual({ added: 3, skipped: 0, renamedCopies: 0, rejected: [], templatesAdded: 0, templatesRejected: [] });
    expect((await call<CardList>(db, 'list')).cards).toEqual(before.cards);
    expect(await call<ImportReport>(db, 'importFile', text)).toEqual({ added: 0, skipped: 3, renamedCopies: 0, rejected: [], templatesAdded: 0, templatesRejected: [] });

    const refused = await failure(db, 'importFile', 'this is not json');
    expect(refused).toMatchObject({ code: 'not-an-export', message: expect.stringMatching(/^This file is not a Safety Card export: it is not JSON text/) });
    expect((await call<CardList>(db, 'list')).cards).toEqual(before.cards);
  });

  it('erases while another tab has the cards open, and that tab goes on with an empty store', async () => {
    const db = freshDb();
    await call<SavedCard>(db, 'create', 'Wallet', spec);
    const other = await openHarness(browser.context);
    try {
      const seen = await outcome(other, db, 'list', []);
      expect(seen.ok && (seen.value as CardList).cards.map((c) => c.name)).toEqual(['Wallet']);
      await call(db, 'eraseEverything');
      expect(await outcome(other, db, 'list', [])).toEqual({ ok: true, value: { cards: [], setAside: [] } });
    } finally {
      await other.close();
    }
  });

  it('asks the browser to keep the cards (persistent storage)', async () => {
    expect(['granted', 'denied']).toContain(await call<PersistenceResult>(freshDb(), 'requestPersistence'));
  });

  it('says saved cards are not available where IndexedDB is blocked', async () => {
    const result = await page.evaluate((name) => window.openWhileBlocked(name, 'SecurityError'), freshDb());
    expect(result).toMatchObject({ ok: false, name: 'StorageError', code: 'unavailable', message: expect.stringMatching(/^Saved cards are not available in this browser mode/) });
  });

  it('upgrades a database of version 1 (before custom templates) keeping every card and set-aside record', async () => {
    const db = freshDb();
    const time = '2026-11-01T09:00:00.000Z';
    const wallet: SavedCard = { id: 'one', name: 'Wallet', createdAt: time, updatedAt: time, spec };
    const sitter: SavedCard = { id: 'two', name: 'For the sitter', createdAt: time, updatedAt: '2026-11-02T09:00:00.000Z', spec: { ...spec, region: 'US' } };
    const cards = [wallet, { ...sitter, folder: 'kept as it is' }];
    const aside = { original: { id: 'x', name: 3 }, reason: 'unreadable', setAsideAt: time };
    await page.evaluate(([name, c, a]) => window.createVersion1(name, c, a), [db, cards, [aside]] as [string, unknown[], unknown[]]);
    expect(await page.evaluate((name) => window.databaseShape(name), db)).toEqual({ version: 1, stores: ['cards', 'set-aside'] });

    const { cards: listed, setAside } = await call<CardList>(db, 'list');
    expect(await page.evaluate((name) => window.databaseShape(name), db)).toEqual({ version: 2, stores: ['cards', 'set-aside', 'templates'] });
    expect(listed).toEqual([sitter, wallet]);
    expect(setAside).toEqual([{ key: 1, reason: 'unreadable', setAsideAt: time, original: aside.original }]);
    expect(await page.evaluate((name) => window.rawGetAll(name, 'cards'), db)).toEqual(cards); // unknown fields kept too
    expect(await call<TemplateList>(db, 'listTemplates')).toEqual({ templates: [], unreadable: [] });
  });

  it('imports, lists, exports and deletes custom templates, carries them in the cards export, and restores them', async () => {
    const db = freshDb();
    const clinic = variant(miniTemplate(), (copy) => (copy.id = 'mini-clinic'));
    const clinicText = `${JSON.stringify(clinic, null, 2)}\n`;
    const clinicSpec: CardSpec = { ...defaultSpec(clinic, '2026-11-29'), fields: { name: SECRET } };

    const added = await call<TemplateImportResult>(db, 'importTemplate', clinicText);
    expect(added).toEqual({ ok: true, status: 'added', key: 'mini-clinic@1.0.0' });
    expect(await call<TemplateImportResult>(db, 'importTemplate', JSON.stringify(clinic))).toEqual({ ok: true, status: 'already-imported', key: 'mini-clinic@1.0.0' });
    const bundledText = readFileSync(join(REPO_ROOT, 'templates/mdma-therapy/1.0.0.json'), 'utf8');
    expect(await call<TemplateImportResult>(db, 'importTemplate', bundledText)).toEqual({ ok: true, status: 'already-bundled', key: 'mdma-therapy@1.0.0' });

    // Refused, and nothing changed: other content under the same id@version, and a broken file.
    const reworded = variant(clinic, (copy) => (sectionOf(copy, 'avoid', 'items').items[0]!.text = 'Reworded'));
    expect(await call<TemplateImportResult>(db, 'importTemplate', JSON.stringify(reworded))).toMatchObject({ ok: false, key: 'mini-clinic@1.0.0', problems: [{ path: 'version', message: expect.stringContaining('give it a new version (1.0.1 for wording') }] });
    expect(await call<TemplateImportResult>(db, 'importTemplate', '{ "id": "mini-clinic", ')).toMatchObject({ ok: false, problems: [{ path: '(root)', message: expect.stringMatching(/^not valid JSON: .* at line 1 column \d+$/) }] });
    expect(await call<TemplateImportResult>(db, 'importTemplate', JSON.stringify({ ...reworded, version: '1.0.1' }))).toEqual({ ok: true, status: 'added', key: 'mini-clinic@1.0.1' });

    const listed = await call<TemplateList>(db, 'listTemplates');
    expect(listed.templates.map((t) => [t.key, t.template.title, t.importedAt.slice(0, 10) === new Date().toISOString().slice(0, 10)])).toEqual([
      ['mini-clinic@1.0.1', clinic.title, true],
      ['mini-clinic@1.0.0', clinic.title, true],
    ]);
    expect(await call<string>(db, 'exportTemplate', 'mini-clinic@1.0.0')).toBe(clinicText); // the file as imported

    // Deleting is refused while a saved card uses the template; the card's name is in the message.
    // A byte-order mark is allowed in a template file (as templates:check allows it) and kept in the export as imported.
    const other = variant(clinic, (copy) => (copy.id = 'bom-clinic'));
    expect(await call<TemplateImportResult>(db, 'importTemplate', `\ufeff${JSON.stringify(other)}`)).toMatchObject({ ok: true, status: 'added' });
    expect(await call<string>(db, 'exportTemplate', 'bom-clinic@1.0.0')).toBe(`\ufeff${JSON.stringify(other)}`);
    await call<SavedCard>(db, 'create', 'BOM card', defaultSpec(other, '2026-11-29'));
    const card = await call<SavedCard>(db, 'create', 'Clinic card', clinicSpec);
    await call<SavedCard>(db, 'create', 'Wallet', spec);
    expect(await failure(db, 'removeTemplate', 'mini-clinic@1.0.0')).toMatchObject({ code: 'template-in-use', message: expect.stringMatching(/^1 saved card uses mini-clinic@1\.0\.0 \(“Clinic card”\), so it was not deleted\./) });
    await call(db, 'removeTemplate', 'mini-clinic@1.0.1'); // no card uses this one
    expect(await failure(db, 'removeTemplate', 'mini-clinic@1.0.1')).toMatchObject({ code: 'template-not-found' });

    // The cards export carries the templates the cards use (and only those), and brings them back after an erase.
    const text = await call<string>(db, 'exportAll');
    expect((JSON.parse(text) as { templates: unknown[] }).templates).toEqual(expect.arrayContaining([clinic, other]));
    expect((JSON.parse(text) as { templates: unknown[] }).templates).toHaveLength(2);
    await call(db, 'eraseEverything');
    expect(await call<ImportReport>(db, 'importFile', text)).toEqual({ added: 3, skipped: 0, renamedCopies: 0, rejected: [], templatesAdded: 2, templatesRejected: [] });
    expect((await call<TemplateList>(db, 'listTemplates')).templates.map((t) => t.key)).toEqual(['bom-clinic@1.0.0', 'mini-clinic@1.0.0']);
    expect((await call<CardList>(db, 'list')).cards.find((c) => c.id === card.id)).toEqual(card);
    // Again: nothing new. With a different template under the same id@version: the cards come in, the template does not.
    expect(await call<ImportReport>(db, 'importFile', text)).toMatchObject({ added: 0, skipped: 3, templatesAdded: 0, templatesRejected: [] });
    const conflicting = JSON.stringify({ ...JSON.parse(text), templates: [reworded] });
    expect(await call<ImportReport>(db, 'importFile', conflicting)).toMatchObject({ templatesAdded: 0, templatesRejected: [{ index: 0, key: 'mini-clinic@1.0.0', reason: expect.stringContaining('is already imported with other content') }] });
    expect(await call<string>(db, 'exportTemplate', 'mini-clinic@1.0.0')).toBe(`${JSON.stringify(clinic, null, 2)}\n`);
  });

  it('wrote nothing to the console, and no error escaped', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleLines.filter((line) => line.includes(SECRET))).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(consoleLines.filter((line) => line.startsWith('error:'))).toEqual([]);
  });
});

describe('the saved cards of the built app (Chromium)', () => {
  /** A string of zod's core (a type's name it registers) that no other built script holds: checked on both sides below. */
  const ZOD_MARKER = '$ZodType';

  /** The scripts the page loaded (not its workers, nor the service worker's precache), and those that hold zod. */
  async function scriptsLoaded(on: Page): Promise<{ scripts: string[]; withZod: string[] }> {
    const urls = await on.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    const scripts = [...new Set(urls.filter((url) => /\.js(\?|$)/.test(new URL(url).pathname)))];
    const texts = await Promise.all(scripts.map(async (url) => [url, await (await fetch(url)).text()] as const));
    return { scripts, withZod: texts.filter(([, text]) => text.includes(ZOD_MARKER)).map(([url]) => new URL(url).pathname) };
  }

  it('opens the store on a first visit without loading zod, and loads it once there is a card to read', async () => {
    const opened = await openApp();
    try {
      const { page } = opened;
      const saved = page.locator('section.saved');
      await saved.getByText(/^No saved cards yet\./).waitFor({ timeout: 30_000 }); // both stores read (and found empty)
      const first = await scriptsLoaded(page);
      expect(first.scripts.some((url) => /\/card-store-[\w-]+\.js$/.test(url))).toBe(true);
      expect(first.withZod).toEqual([]);

      page.once('dialog', (dialog) => void dialog.accept('Wallet'));
      await page.getByRole('button', { name: 'Save card' }).click();
      await saved.locator('.saved-list').getByText('Wallet').waitFor();
      await page.reload();
      await saved.locator('.saved-list').getByText('Wallet').waitFor({ timeout: 30_000 });
      // Reading a stored card loads the validators, and with them zod (which the marker finds).
      expect((await scriptsLoaded(page)).withZod).toEqual([expect.stringMatching(/^\/assets\/[\w-]+\.js$/)]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('still lists the saved cards, and says what happened, when the card content cannot load', async () => {
    const opened = await openApp({ open: false });
    try {
      const { page, context } = opened;
      // A card saved earlier, through the app's own store (the harness-free way: save, then break the content).
      await page.goto(opened.app.url);
      await page.locator('.preview svg').first().waitFor();
      page.once('dialog', (dialog) => void dialog.accept('Kept'));
      await page.getByRole('button', { name: 'Save card' }).click();
      await page.locator('.saved-list').getByText('Kept').waitFor();
      await context.route(/\/assets\/\d+\.\d+\.\d+-[\w-]+\.js$/, (route) => route.abort());
      await context.route(/\/sw\.js$/, (route) => route.abort());
      await context.serviceWorkers().at(0)?.evaluate(() => (self as unknown as ServiceWorkerGlobalScope).registration.unregister());
      await page.reload();
      await page.getByRole('alert').getByText(/The card content could not load\. Reload the page/).waitFor({ timeout: 20_000 });
      await page.locator('.saved-list').getByText('Kept').waitFor({ timeout: 20_000 });
    } finally {
      await opened.close();
    }
  });
});
