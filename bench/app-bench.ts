/**
 * The app half of `npm run bench`: the built PWA's download sizes, and how it feels in Debian's Chromium, against the
 * targets in bench/README.md. Prints figures only: each is marked "ok" or "over" against its target; nothing fails.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_PATH, launchBrowser, serveApp } from '../tests/helpers/browser';
import { REPO_ROOT } from '../tests/helpers/run';
import { kb, legend, mark, median, ms, notes, printTable, row } from './table';

const TARGET = { eagerJsKb: 30, precacheMb: 1.5, warmClickMs: 150, offlineClickMs: 600, keystrokeMs: 16, lighthouse: 100 };
const WARM_CLICKS = 10;
const OFFLINE_RUNS = 3;
/** 30 characters, typed one at a time into the name field. */
const TYPED = 'Alexandra Zoë Kowalska-Nowakow';
const LIGHTHOUSE_RUNS = 5;
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const LIGHTHOUSE_BIN = join(REPO_ROOT, 'node_modules/.bin/lighthouse');
const CHROME_PATH = process.env.CHROME_PATH ?? CHROMIUM_PATH;
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';

// ---------------------------------------------------------------------------------------------------------------
// Figures and the table (the same style as bench/bench.ts).

/** Lines printed after the table: what Lighthouse flags. */
const findings: string[] = [];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

// ---------------------------------------------------------------------------------------------------------------
// The build, and what it costs to download.

/** The parts of a Rolldown output chunk read here. */
interface Chunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  moduleIds: string[];
  imports: string[];
  dynamicImports: string[];
}

async function buildInto(outDir: string): Promise<Map<string, Chunk>> {
  // As tests/helpers/browser.ts buildApp does, keeping the output to see which chunk imports which.
  const result = await build({ root: REPO_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const outputs = Array.isArray(result) ? result : 'output' in result ? [result] : [];
  const chunks = new Map<string, Chunk>();
  for (const output of outputs) for (const item of output.output as unknown as { type: string }[]) if (item.type === 'chunk') chunks.set((item as Chunk).fileName, item as Chunk);
  return chunks;
}

/** The npm packages a chunk bundles, by name. */
function packagesIn(chunk: Chunk): string[] {
  const names = new Set<string>();
  for (const id of chunk.moduleIds) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll('\\', '/'));
    if (match?.[1] !== undefined) names.add(match[1]);
  }
  return [...names].sort();
}

/** What a lazy chunk is, from the module it stands for and what it bundles. */
function describeChunk(chunk: Chunk): string {
  const facade = chunk.facadeModuleId === null ? 'shared code' : relative(REPO_ROOT, chunk.facadeModuleId).replaceAll('\\', '/');
  const kind = facade.startsWith('templates/')
    ? 'template'
    : facade.includes('storage/card-store')
      ? 'saved cards'
      : facade.includes('storage/validators')
        ? 'saved cards: reading and checking records (loaded only when there are some)'
        : facade.includes('render/pdf/')
        ? 'PDF engine'
        : facade.includes('workbox-window')
          ? 'service worker registration'
          : 'lazy chunk';
  const packages = packagesIn(chunk).filter((name) => !facade.includes(name));
  return `${kind}: ${facade}${packages.length > 0 ? `, with ${packages.join(', ')}` : ''}`;
}

function eagerJavaScript(outDir: string, chunks: Map<string, Chunk>): void {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const fromHtml = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = tag.startsWith('<script') && /\btype="module"/.test(tag);
    const isModulePreload = tag.startsWith('<link') && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isModuleScript || isModulePreload) && url !== undefined) fromHtml.add(url.replace(/^\//, ''));
  }
  // Whatever those chunks import statically loads before any dynamic import: Vite lists it as modulepreload, and
  // should it not, it is counted anyway.
  const eager = new Set(fromHtml);
  const queue = [...fromHtml];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of chunks.get(file)?.imports ?? []) {
      if (eager.has(imported)) continue;
      eager.add(imported);
      queue.push(imported);
      notes.push(`${imported} is imported statically but not named in index.html: counted as eager.`);
    }
  }
  // The target is for code (pdf-lib, fontkit and full zod stay out); the template's content chunk, which the first
  // screen cannot do without, is shown apart: a first visit fetches it preloaded or not (preloading saves a round trip).
  const isContent = (file: string) => (chunks.get(file)?.facadeModuleId ?? '').replaceAll('\\', '/').includes('/templates/');
  const sum = (files: string[]) => files.reduce((total, file) => total + gzip(readFileSync(join(outDir, file))), 0);
  const code = [...eager].filter((file) => !isContent(file));
  const content = [...eager].filter(isContent);
  const parts = [...eager].map((file) => `${file} ${kb(gzip(readFileSync(join(outDir, file))))}${isContent(file) ? ' (template content)' : ''}`);
  legend.push(['eager JS', `what the first page load fetches before any dynamic import, gzip -9 each: ${parts.join(' + ')}`]);
  const codeBytes = sum(code);
  row('eager JS, gzip: code', kb(codeBytes), `≤ ${TARGET.eagerJsKb} kB`, mark(codeBytes / 1024, TARGET.eagerJsKb));
  if (content.length > 0) row('eager JS, gzip: template content (preloaded)', kb(sum(content)), '—', '');

  const workbox = [...chunks.values()].find((chunk) => chunk.moduleIds.some((id) => id.includes('workbox-window')));
  if (workbox !== undefined) {
    notes.push(
      eager.has(workbox.fileName)
        ? `workbox-window (${workbox.fileName}) is imported statically: it is in the eager figure.`
        : `workbox-window (${workbox.fileName}) is imported dynamically (by virtual:pwa-register): not eager; the first load fetches it once the first screen is drawn and the saved cards are read.`,
    );
  }
  const lazy = [...chunks.values()].filter((chunk) => !eager.has(chunk.fileName)).map((chunk) => ({ chunk, size: gzip(readFileSync(join(outDir, chunk.fileName))) }));
  lazy.sort((a, b) => b.size - a.size);
  for (const { chunk, size } of lazy) {
    row(`lazy JS, gzip: ${chunk.fileName}`, kb(size));
    legend.push([chunk.fileName, describeChunk(chunk)]);
  }
  // Workers are built on their own: their files are assets of the app's build, not chunks.
  const assets = join(outDir, 'assets');
  for (const file of readdirSync(assets).filter((name) => name.endsWith('.js') && !chunks.has(`assets/${name}`))) {
    row(`worker JS, gzip: assets/${file}`, kb(gzip(readFileSync(join(assets, file)))));
    if (file.startsWith('layout-worker')) legend.push([`assets/${file}`, "the preview's layout worker (src/app/engine/layout-worker.ts): font metrics, compose and layout"]);
  }
}

function precache(outDir: string): void {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const listed = [...sw.matchAll(/\{\s*url:\s*"([^"]+)"\s*,\s*revision:\s*(?:"[^"]*"|null)\s*\}/g)].map((match) => match[1] as string);
  const urls = [...new Set(listed)];
  if (listed.length !== urls.length) notes.push(`sw.js's precache manifest lists ${listed.length} entries for ${urls.length} files: ${listed.length - urls.length} listed twice (counted once).`);
  let raw = 0;
  let zipped = 0;
  const byKind = new Map<string, number>();
  for (const url of urls) {
    const path = join(outDir, url);
    if (!existsSync(path)) {
      notes.push(`precache entry ${url} is not in the build.`);
      continue;
    }
    const bytes = readFileSync(path);
    raw += bytes.length;
    zipped += gzip(bytes);
    const ext = /\.([a-z0-9]+)$/i.exec(url)?.[1] ?? 'other';
    byKind.set(ext, (byKind.get(ext) ?? 0) + bytes.length);
  }
  const kinds = [...byKind.entries()].sort((a, b) => b[1] - a[1]);
  legend.push(['precache', `the ${urls.length} files sw.js's precache manifest lists (sw.js and the workbox runtime it imports are not in it); raw by kind: ${kinds.map(([ext, bytes]) => `${ext} ${kb(bytes)}`).join(', ')}`]);
  row('precache, raw bytes', mb(raw), `≤ ${TARGET.precacheMb} MB`, mark(raw / 1024 / 1024, TARGET.precacheMb));
  row('precache, gzip -9 (for information)', mb(zipped));
}

// ---------------------------------------------------------------------------------------------------------------
// In Chromium.

const downloadButton = (page: Page) => page.getByRole('button', { name: 'Download PDF' });

/** Waits until the app can make a PDF: templates and fonts loaded, the layout printable, no PDF being made. */
async function whenReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === 'Download PDF');
      return button !== undefined && !button.disabled;
    },
    undefined,
    { timeout: 60_000 },
  );
}

/** One trusted click on "Download PDF" (a mouse click at the button, no actionability waits), in ms to the download event. */
async function timeClick(page: Page): Promise<number> {
  await whenReady(page);
  const button = downloadButton(page);
  // Playwright's click waits until nothing covers the button (the "Ready to work offline" toast goes away by itself).
  const start = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  const elapsed = performance.now() - start;
  await download.delete();
  return elapsed;
}

const waitForServiceWorker = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

/** Types `TYPED` into #field-name one key at a time; per key, ms from the input event to the frame after the preview changed. */
/**
 * Run in the page before the app: times each request to the preview's layout worker (src/app/engine/preview-engine.ts
 * posts `{ id, … }` and the worker answers `{ id, result | error }`), from postMessage to the answer's arrival.
 */
function timeLayoutWorker(): void {
  const state = window as unknown as { benchLayouts: number[] };
  state.benchLayouts = [];
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const sentAt = new Map<number, number>();
      const post = this.postMessage.bind(this) as (message: unknown, transfer?: Transferable[]) => void;
      this.postMessage = (message: unknown, transfer?: unknown) => {
        const id = (message as { id?: unknown } | null)?.id;
        if (typeof id === 'number') sentAt.set(id, performance.now());
        post(message, transfer as Transferable[] | undefined);
      };
      this.addEventListener('message', (event: MessageEvent<{ id?: unknown }>) => {
        const id = event.data?.id;
        const from = typeof id === 'number' ? sentAt.get(id) : undefined;
        if (from === undefined) return;
        sentAt.delete(id as number);
        state.benchLayouts.push(performance.now() - from);
      });
    }
  };
}

async function keystrokes(page: Page): Promise<{ times: number[]; layouts: number[]; missed: number; unchanged: number }> {
  const field = page.locator('#field-name');
  await field.fill('');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(() => {
    const state = window as unknown as { benchKeystrokes: number[]; benchLayouts: number[] };
    state.benchKeystrokes = [];
    state.benchLayouts = [];
    const preview = document.querySelector('.preview');
    if (preview === null) throw new Error('no .preview');
    let inputAt: number | undefined;
    // On window in the capture phase: before the app's own listener (and the render it schedules) runs.
    window.addEventListener('input', (event) => (event.target as Element | null)?.id === 'field-name' && (inputAt = event.timeStamp), { capture: true });
    new MutationObserver(() => {
      if (inputAt === undefined) return;
      const from = inputAt;
      inputAt = undefined;
      requestAnimationFrame(() => state.benchKeystrokes.push(performance.now() - from));
    }).observe(preview, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await field.focus();
  let expected = 0;
  let missed = 0;
  let unchanged = 0;
  const characters = [...TYPED];
  for (const [index, character] of characters.entries()) {
    await page.keyboard.type(character);
    // A space at the end of the name is trimmed (compose): the card, and so the preview, stays the same.
    if (characters.slice(0, index + 1).join('').trim() === characters.slice(0, index).join('').trim()) {
      unchanged++;
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      continue;
    }
    expected++;
    try {
      await page.waitForFunction((count) => (window as unknown as { benchKeystrokes: number[] }).benchKeystrokes.length >= count, expected - missed, { timeout: 5_000 });
    } catch {
      missed++;
    }
  }
  const { times, layouts } = await page.evaluate(() => {
    const state = window as unknown as { benchKeystrokes: number[]; benchLayouts: number[] };
    return { times: state.benchKeystrokes, layouts: state.benchLayouts };
  });
  return { times, layouts, missed, unchanged };
}

/** One session online: wait for the service worker, type into the name field, then click-to-PDF cold and warm. */
async function onlineSession(outDir: string): Promise<string> {
  const app = await serveApp(outDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(timeLayoutWorker);
    await page.goto(app.url);
    await whenReady(page);
    // Measured once the worker has precached everything and taken control, so its downloads do not compete.
    await waitForServiceWorker(page);
    const userAgent = await page.evaluate(() => navigator.userAgent);

    const typed = await keystrokes(page);
    legend.push(['re-layout', `${TYPED.length} characters typed one at a time into #field-name: each layout request to the preview's layout worker, from postMessage to the answer on the page (the layout runs off the page's thread)`]);
    legend.push(['keystroke to screen', "the same keystrokes: from the input event to the animation frame after the preview's DOM changed (the preview follows the typed text a frame later, as the layout is done in the worker)"]);
    if (typed.layouts.length > 0) {
      row('preview re-layout per keystroke: median', ms(median(typed.layouts)), `≤ ${TARGET.keystrokeMs} ms`, mark(median(typed.layouts), TARGET.keystrokeMs));
      row('preview re-layout per keystroke: max', ms(Math.max(...typed.layouts)));
    } else notes.push('no request to the layout worker was seen while typing: the re-layout figures are missing.');
    if (typed.times.length > 0) {
      row('keystroke to preview on screen: median', ms(median(typed.times)));
      row('keystroke to preview on screen: max', ms(Math.max(...typed.times)));
    }
    if (typed.unchanged > 0) notes.push(`${typed.unchanged} of ${TYPED.length} keystrokes are spaces at the end of the name, which leave the preview as it is (the name is trimmed): the keystroke figures are the other ${TYPED.length - typed.unchanged}.`);
    if (typed.missed > 0) notes.push(`${typed.missed} of ${TYPED.length} keystrokes changed nothing in the preview within 5 s (left out of the keystroke figures).`);

    legend.push(['click-to-PDF', 'a mouse click on "Download PDF" to the download event, timed in Node (includes the DevTools protocol round trip)']);
    const first = await timeClick(page);
    row('click-to-PDF, first of the session (online)', ms(first));
    const warm: number[] = [];
    for (let index = 0; index < WARM_CLICKS; index++) {
      // A person's clicks are not back to back; Chromium drops a download that starts within moments of the last one
      // as an unwanted "multiple download" (seen here), so the bench pauses between clicks, outside the timing.
      await page.waitForTimeout(1000);
      warm.push(await timeClick(page));
    }
    row(`click-to-PDF warm: median of ${WARM_CLICKS}`, ms(median(warm)), `≤ ${TARGET.warmClickMs} ms`, mark(median(warm), TARGET.warmClickMs));
    row(`click-to-PDF warm: max of ${WARM_CLICKS}`, ms(Math.max(...warm)));
    return userAgent;
  } finally {
    await browser.close();
    await app.close();
  }
}

/** A fresh profile: one visit online, then offline with the server stopped, reload, and time the first click. */
async function offlineRun(outDir: string): Promise<{ ms: number; engineFromWorker: boolean }> {
  const app = await serveApp(outDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await whenReady(page);
    await waitForServiceWorker(page);
    await browser.context.setOffline(true);
    await app.close();
    await page.reload();
    await whenReady(page);
    let engineFromWorker = false;
    page.on('response', (response) => {
      if (/\/assets\/make-card-[^/]*\.js$/.test(response.url()) && response.fromServiceWorker()) engineFromWorker = true;
    });
    const time = await timeClick(page);
    return { ms: time, engineFromWorker };
  } finally {
    await browser.close();
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lighthouse (mobile, its defaults), through its CLI, against the served build.

interface LighthouseReport {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  environment: { benchmarkIndex: number };
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number; group?: string }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; details?: unknown }>;
}

function runLighthouse(url: string, outPath: string): Promise<void> {
  const args = [url, '--quiet', '--output=json', `--output-path=${outPath}`, `--only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}`, `--chrome-flags=${CHROME_FLAGS}`];
  return new Promise((resolve, reject) => {
    execFile(LIGHTHOUSE_BIN, args, { cwd: REPO_ROOT, env: { ...process.env, CHROME_PATH }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error !== null) reject(new Error(`${message(error)} ${stderr.trim().split('\n').slice(-3).join(' ')}`.trim()));
      else resolve();
    });
  });
}

/** Up to `limit` elements an audit's details name, as "selector: snippet". */
function elementsIn(details: unknown, limit = 3): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (found.length >= limit || value === null || typeof value !== 'object') return;
    const node = value as { type?: unknown; selector?: unknown; snippet?: unknown };
    if (node.type === 'node' && typeof node.snippet === 'string') {
      const text = `${typeof node.selector === 'string' ? `${node.selector}: ` : ''}${node.snippet}`;
      if (!found.includes(text)) found.push(text.length > 160 ? `${text.slice(0, 157)}...` : text);
      return;
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(details);
  return found;
}

/** Audits a category counts that score below 1, and for performance the diagnostics it shows as failing. */
function flagged(report: LighthouseReport): string[] {
  const lines: string[] = [];
  for (const [id, category] of Object.entries(report.categories)) {
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (audit === undefined || audit.score === null || audit.score >= 1) continue;
      if (['notApplicable', 'manual', 'informative', 'error'].includes(audit.scoreDisplayMode)) continue;
      const counted = ref.weight > 0;
      // Weightless audits only where Lighthouse shows them (diagnostics), not the hidden insights duplicating them.
      if (!counted && (ref.group === 'hidden' || ref.group === undefined)) continue;
      const shown = `${id}: ${ref.id} score ${Math.round(audit.score * 100)}${audit.displayValue ? ` (${audit.displayValue})` : ''}${counted ? '' : ' [diagnostic, no weight]'} — ${audit.title}`;
      lines.push(shown, ...elementsIn(audit.details).map((element) => `    at ${element}`));
    }
  }
  return lines;
}

async function lighthouse(outDir: string, tmp: string): Promise<void> {
  legend.push(['Lighthouse', `${LIGHTHOUSE_RUNS} runs, mobile (its default: simulated slow 4G and 4x CPU), fresh profile each; the run with the median performance score is shown`]);
  if (!existsSync(LIGHTHOUSE_BIN)) {
    row('Lighthouse', 'not measured (lighthouse is not installed: npm ci)');
    return;
  }
  if (!existsSync(CHROME_PATH)) {
    row('Lighthouse', `not measured (no Chromium at ${CHROME_PATH})`);
    return;
  }
  const app = await serveApp(outDir);
  const reports: LighthouseReport[] = [];
  try {
    for (let index = 0; index < LIGHTHOUSE_RUNS; index++) {
      const path = join(tmp, `lighthouse-${index}.json`);
      await runLighthouse(app.url, path);
      const report = JSON.parse(readFileSync(path, 'utf8')) as LighthouseReport;
      if (report.runtimeError !== undefined) throw new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`);
      reports.push(report);
    }
  } catch (error) {
    row('Lighthouse', `not measured (${message(error)})`);
    return;
  } finally {
    await app.close();
  }
  const score = (report: LighthouseReport, id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const byPerformance = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const shown = byPerformance[Math.floor(byPerformance.length / 2)] as LighthouseReport;
  for (const id of LIGHTHOUSE_CATEGORIES) {
    const value = score(shown, id);
    const all = id === 'performance' ? ` (runs: ${reports.map((report) => score(report, id)).join(', ')})` : '';
    row(`Lighthouse ${id}`, `${value}${all}`, `= ${TARGET.lighthouse}`, mark(TARGET.lighthouse, value));
  }
  for (const metric of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    const audit = shown.audits[metric];
    if (audit !== undefined) row(`Lighthouse metric ${metric}`, `${audit.displayValue ?? '—'} (score ${Math.round((audit.score ?? 0) * 100)})`);
  }
  findings.push(`Lighthouse ${shown.lighthouseVersion}, benchmarkIndex ${Math.round(shown.environment.benchmarkIndex)} (this machine's speed as Lighthouse rates it)`);
  for (const warning of shown.runWarnings) findings.push(`warning: ${warning}`);
  const lines = flagged(shown);
  findings.push(...(lines.length > 0 ? lines : ['nothing below 100']));
  if (lines.some((line) => line.includes('uses-text-compression'))) findings.push('(uses-text-compression: vite preview serves files uncompressed; a host that gzips them would not be flagged)');
}

// ---------------------------------------------------------------------------------------------------------------

const cpuList = cpus();
console.log(`\nSafety Card app bench — ${new Date().toISOString()}`);
console.log(`node ${process.version}, ${cpuList.length} CPU${cpuList.length === 1 ? '' : 's'} (${cpuList[0]?.model.trim() ?? 'unknown'}), ${process.platform}/${process.arch}`);

const tmp = mkdtempSync(join(tmpdir(), 'safety-card-app-bench-'));
const outDir = join(tmp, 'dist');
try {
  const started = performance.now();
  const chunks = await buildInto(outDir);
  console.log(`built the app into a temporary folder in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  eagerJavaScript(outDir, chunks);
  precache(outDir);

  if (existsSync(CHROMIUM_PATH)) {
    try {
      const userAgent = await onlineSession(outDir);
      console.log(`browser: ${/HeadlessChrome\/[\d.]+|Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent} at ${CHROMIUM_PATH}`);
    } catch (error) {
      row('browser figures', `not measured (${message(error)})`);
    }
    legend.push(['offline', `${OFFLINE_RUNS} fresh profiles: one visit online, wait for the service worker, go offline, stop the server, reload, time the first click-to-PDF (the PDF engine loads from the worker's cache)`]);
    const offline: number[] = [];
    for (let index = 0; index < OFFLINE_RUNS; index++) {
      try {
        const run = await offlineRun(outDir);
        offline.push(run.ms);
        if (!run.engineFromWorker) notes.push(`offline run ${index + 1}: the PDF engine chunk was not seen coming from the service worker.`);
      } catch (error) {
        notes.push(`offline run ${index + 1} failed: ${message(error)}`);
      }
    }
    if (offline.length > 0) {
      row('click-to-PDF, first offline: runs', offline.map(ms).join(', '));
      row('click-to-PDF, first offline: median', ms(median(offline)), `≤ ${TARGET.offlineClickMs} ms`, mark(median(offline), TARGET.offlineClickMs));
    }
  } else {
    row('browser figures', `not measured (no Chromium at ${CHROMIUM_PATH})`);
  }

  await lighthouse(outDir, tmp);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log('');
printTable();
if (findings.length > 0) console.log(`\nLighthouse findings (below 100):\n${findings.map((finding) => `  ${finding}`).join('\n')}`);
