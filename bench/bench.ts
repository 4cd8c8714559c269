/**
 * `npm run bench`: how long cards take to make and how big they are, against the targets in bench/README.md.
 * Prints figures only: each is marked "ok" or "over" against its target; nothing fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compose } from '../src/core/compose';
import { layoutCard, OverflowError } from '../src/core/layout/layout';
import { defaultSpec, type CardSpec } from '../src/core/spec/schema';
import { findTemplate, loadTemplates } from '../src/cli/template-store';
import { APP_VERSION } from '../src/cli/version';
import { CARD_FONT_FAMILY, cardFontNames } from '../src/fonts/card-font';
import { loadFontBytes, loadNodeMeasurer } from '../src/fonts/node';
import { renderCardPdf } from '../src/render/pdf/card';
import { imposeSheets } from '../src/render/pdf/impose';
import { makeBatch } from '../src/render/pdf/make-batch';
import { makeCard, type MadeCard } from '../src/render/pdf/make-card';
import { kb, legend, mark, median, ms, notes, printTable, row } from './table';
import { encodeBase64 } from '../src/core/image';
import { makePng } from '../tests/helpers/images';
import { decodeShareFragment, encodeShareFragment } from '../src/core/share-link';
import { streamCodec } from '../src/app/share/codec';
import { makeQr, QR_DENSE_MODULES } from '../src/app/share/qr';
import { nodeShareCodec } from '../src/cli/share-link';

const WARM_UP_RUNS = 5;
const WARM_RUNS = 30;
const COLD_RUNS = 3;
const TARGET = { fitMedianMs: 15, cardKb: 20, sheetOverCardKb: 5, coldS: 1.5, copies100Ms: 100, merge500S: 5 };
/** Merge runs: each takes seconds, so fewer than the warm runs of a single card. */
const MERGE_WARM_UP_RUNS = 1;
const MERGE_RUNS = 3;
const MERGE_ROWS = 500;
/** The sections left out of "the largest card that fits": the two longest optional ones. */
const LEFT_OUT_OF_LARGEST = ['choosing-guide', 'afterwards'];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const stored = findTemplate(loadTemplates(), 'mdma-therapy');
const { template } = stored;
const measurer = loadNodeMeasurer(CARD_FONT_FAMILY);
const fonts = { ...loadFontBytes(CARD_FONT_FAMILY), ...cardFontNames() };
const creator = `Safety Card ${APP_VERSION}`;

const make = (spec: CardSpec): Promise<MadeCard> => makeCard({ template, contentHash: stored.sha256, spec, measurer, fonts, creator });
const specWith = (change: Partial<CardSpec> = {}): CardSpec => ({ ...defaultSpec(template), ...change });

// ---------------------------------------------------------------------------------------------------------------
// Figures and the table.


/** Median and max of `WARM_RUNS` timed calls after `WARM_UP_RUNS` untimed ones, in ms. */
async function timeWarm(run: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  for (let index = 0; index < WARM_UP_RUNS; index++) await run();
  const times: number[] = [];
  for (let index = 0; index < WARM_RUNS; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return { median: median(times), max: Math.max(...times) };
}

/** One attempt at a card: the card, or the OverflowError it ends in. */
async function attempt(spec: CardSpec): Promise<MadeCard | OverflowError> {
  try {
    return await make(spec);
  } catch (error) {
    if (error instanceof OverflowError) return error;
    throw error;
  }
}

const describeCard = (made: MadeCard) => `${made.layout.format.id}, ${made.layout.faces.length} faces, body ${made.layout.bodySizePt} pt`;

// ---------------------------------------------------------------------------------------------------------------
// Warm figures, in this process.

async function defaultCard(): Promise<number> {
  const spec = specWith();
  const made = await make(spec);
  const time = await timeWarm(() => make(spec));
  const what = 'default card';
  legend.push([what, `the template's default sections, card paper: ${describeCard(made)}`]);
  row(`${what}: warm median`, ms(time.median), '', '');
  row(`${what}: warm max`, ms(time.max));
  row(`${what}: bytes`, kb(made.bytes.length), `≤ ${TARGET.cardKb} kB`, mark(made.bytes.length / 1024, TARGET.cardKb));
  return made.bytes.length;
}

async function largestCard(): Promise<void> {
  const sections = template.sections.map((section) => section.id).filter((id) => !LEFT_OUT_OF_LARGEST.includes(id));
  const dropped: string[] = [];
  let result = await attempt(specWith({ sections }));
  // Should it stop fitting, drop the last section the overflow names until it fits, and say which.
  while (result instanceof OverflowError && sections.length > 1) {
    const last = result.unplaced[result.unplaced.length - 1]?.sectionId ?? (sections[sections.length - 1] as string);
    sections.splice(sections.indexOf(last), 1);
    dropped.push(last);
    result = await attempt(specWith({ sections }));
  }
  if (result instanceof OverflowError) throw new Error(`no section of ${template.id} fits on its own: ${result.message}`);
  const made = result;
  const time = await timeWarm(() => make(specWith({ sections })));
  const what = 'largest card';
  legend.push([what, `all sections but ${[...LEFT_OUT_OF_LARGEST, ...dropped].join(', ')}, card paper: ${describeCard(made)}`]);
  if (dropped.length > 0) notes.push(`The largest card no longer fits with only ${LEFT_OUT_OF_LARGEST.join(' and ')} left out: also dropped ${dropped.join(', ')}.`);
  row(`${what}: warm median`, ms(time.median), `≤ ${TARGET.fitMedianMs} ms`, mark(time.median, TARGET.fitMedianMs));
  row(`${what}: warm max`, ms(time.max));
  row(`${what}: bytes`, kb(made.bytes.length), `≤ ${TARGET.cardKb} kB`, mark(made.bytes.length / 1024, TARGET.cardKb));
  // The part a live preview waits for (no PDF): for comparison with the whole, no target of its own.
  const spec = specWith({ sections });
  const layoutOnly = await timeWarm(async () => layoutCard(compose(template, spec, { contentHash: stored.sha256 }), measurer, { format: spec.format }));
  row(`${what}: compose + layoutCard only, warm median`, ms(layoutOnly.median));
}

async function allSections(): Promise<void> {
  const spec = specWith({ sections: template.sections.map((section) => section.id) });
  const result = await attempt(spec);
  const time = await timeWarm(() => attempt(spec));
  if (result instanceof OverflowError) {
    const what = 'all sections';
    legend.push([what, `all ${spec.sections.length} sections: ends in OverflowError today; the whole attempt (every format and size tried) is timed`]);
    row(`${what}: warm median`, ms(time.median), `≤ ${TARGET.fitMedianMs} ms`, mark(time.median, TARGET.fitMedianMs));
    row(`${what}: warm max`, ms(time.max));
    notes.push(`All sections: ${result.message}`);
    return;
  }
  const what = 'all sections';
  legend.push([what, `all ${spec.sections.length} sections, card paper: ${describeCard(result)}`]);
  row(`${what}: warm median`, ms(time.median), `≤ ${TARGET.fitMedianMs} ms`, mark(time.median, TARGET.fitMedianMs));
  row(`${what}: warm max`, ms(time.max));
  row(`${what}: bytes`, kb(result.bytes.length), `≤ ${TARGET.cardKb} kB`, mark(result.bytes.length / 1024, TARGET.cardKb));
}

async function sheet(cardBytes: number): Promise<void> {
  const spec = specWith({ paper: 'a4', copies: 10 });
  const made = await make(spec);
  const time = await timeWarm(() => make(spec));
  const what = 'A4 sheet';
  legend.push([what, `10 copies of the default card on A4, duplex: ${made.pageCount} pages`]);
  row(`${what}: warm median`, ms(time.median));
  row(`${what}: warm max`, ms(time.max));
  const limit = cardBytes + TARGET.sheetOverCardKb * 1024;
  row(`${what}: bytes`, kb(made.bytes.length), `≤ card + ${TARGET.sheetOverCardKb} kB = ${kb(limit)}`, mark(made.bytes.length, limit));
}

/** The default card with a clinic profile and a 300 × 100 px PNG logo (the PDF engine decodes its pixels each time). */
async function clinicCard(cardBytes: number): Promise<void> {
  const logo = makePng(300, 100, { alpha: true });
  const clinic = { name: 'Harbour Psychedelic Care', phone: '+44 20 7946 0000', url: 'harbour-care.example/sitters', logo: { mediaType: 'image/png' as const, base64: encodeBase64(logo) } };
  const spec = specWith({ clinic });
  const made = await make(spec);
  const time = await timeWarm(() => make(spec));
  const what = 'clinic card';
  legend.push([what, `the default card with a clinic's name, number, web address and a 300 × 100 px PNG logo (${kb(logo.length)}): ${describeCard(made)}`]);
  row(`${what}: warm median`, ms(time.median));
  row(`${what}: warm max`, ms(time.max));
  row(`${what}: bytes (default card + logo)`, `${kb(made.bytes.length)} (${kb(cardBytes)} + ${kb(made.bytes.length - cardBytes)})`);
  const hundred = await make(specWith({ clinic, paper: 'a4', copies: 100 }));
  legend.push(['clinic sheets', '100 copies of the clinic card on A4, duplex: the logo is stored once']);
  row('clinic sheets: bytes', kb(hundred.bytes.length));
}

async function hundredCopies(): Promise<void> {
  const spec = specWith({ paper: 'a4', copies: 100 });
  const made = await make(spec);
  const time = await timeWarm(() => make(spec));
  const what = '100 copies on A4';
  legend.push([what, `the default card, 100 copies on A4, duplex (makeCard: render + impose): ${describeCard(made)}, ${made.pageCount} pages`]);
  row(`${what}: warm median`, ms(time.median), `≤ ${TARGET.copies100Ms} ms`, mark(time.median, TARGET.copies100Ms));
  row(`${what}: warm max`, ms(time.max));
  row(`${what}: bytes`, kb(made.bytes.length));
}

/** A clinic's list: each row its own name and emergency contact, the rest of the card shared. */
async function merge(what: string, card: string, spec: CardSpec): Promise<void> {
  const rows = Array.from({ length: MERGE_ROWS }, (_, index) => ({
    label: `line ${index + 2}`,
    fields: { name: `Person ${index + 1}`, 'emergency-contact-name': `Contact ${index + 1}`, 'emergency-contact-phone': `+44 7700 9${String(index).padStart(5, '0')}` },
  }));
  const run = () => makeBatch({ template, contentHash: stored.sha256, spec, rows, measurer, fonts, creator });
  let made = await run();
  for (let index = 1; index < MERGE_WARM_UP_RUNS; index++) made = await run();
  const times: number[] = [];
  for (let index = 0; index < MERGE_RUNS; index++) {
    const start = performance.now();
    made = await run();
    times.push(performance.now() - start);
  }
  legend.push([what, `makeBatch: ${MERGE_ROWS} rows (name, emergency contact) of ${card}, duplex: ${made.format.id}, ${made.pageCount} pages, ${made.distinctFaces} distinct faces rendered of ${MERGE_ROWS * made.format.faceCount}; median of ${MERGE_RUNS} runs`]);
  const seconds = median(times) / 1000;
  row(`${what}: warm median`, `${seconds.toFixed(2)} s`, `≤ ${TARGET.merge500S} s`, mark(seconds, TARGET.merge500S));
  row(`${what}: warm max`, `${(Math.max(...times) / 1000).toFixed(2)} s`);
  row(`${what}: bytes`, kb(made.bytes.length));
}

/** Where the warm time of the default card goes: each stage through its exported function. */
async function breakdown(): Promise<void> {
  const spec = specWith();
  const sheetSpec = { paper: 'a4', copies: 10, mode: 'duplex', backOffsetMm: { xMm: 0, yMm: 0 } } as const;
  const stages = { compose: [] as number[], layout: [] as number[], renderCardPdf: [] as number[], impose: [] as number[] };
  for (let index = 0; index < WARM_UP_RUNS + WARM_RUNS; index++) {
    const t0 = performance.now();
    const document = compose(template, spec, { contentHash: stored.sha256 });
    const t1 = performance.now();
    const layout = layoutCard(document, measurer, { format: spec.format });
    const t2 = performance.now();
    const card = await renderCardPdf(layout, fonts, { creator });
    const t3 = performance.now();
    await imposeSheets(card, layout.format, { ...sheetSpec, metadata: { ...layout.meta, creator, producer: `${creator} (pdf-lib)` } });
    const t4 = performance.now();
    if (index < WARM_UP_RUNS) continue;
    stages.compose.push(t1 - t0);
    stages.layout.push(t2 - t1);
    stages.renderCardPdf.push(t3 - t2);
    stages.impose.push(t4 - t3);
  }
  const labels: Record<keyof typeof stages, string> = {
    compose: 'compose',
    layout: 'layoutCard',
    renderCardPdf: 'renderCardPdf',
    impose: 'imposeSheets (A4 sheet)',
  };
  for (const [stage, times] of Object.entries(stages) as [keyof typeof stages, number[]][]) {
    row(`default card, stage ${labels[stage]}: warm median (max)`, `${ms(median(times))} (${ms(Math.max(...times))})`);
  }
  const cardTotal = median(stages.compose) + median(stages.layout) + median(stages.renderCardPdf);
  row('default card, stages: compose + layoutCard + renderCardPdf medians', ms(cardTotal));
}

// ---------------------------------------------------------------------------------------------------------------
// Cold figures: a new process each time, wall clock.

function newestMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function cold(label: string, command: string, args: string[], out: string): void {
  const times: number[] = [];
  for (let index = 0; index < COLD_RUNS; index++) {
    rmSync(out, { force: true });
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0 || !existsSync(out)) {
      row(`cold ${label}: run ${index + 1}`, 'failed', `≤ ${TARGET.coldS} s`, 'over');
      notes.push(`cold ${label} failed (exit ${result.status}): ${(result.stderr || result.error?.message || '').trim()}`);
      return;
    }
    times.push(seconds);
  }
  row(`cold ${label}: runs`, times.map((seconds) => `${seconds.toFixed(2)} s`).join(', '));
  const middle = median(times);
  row(`cold ${label}: median`, `${middle.toFixed(2)} s`, `≤ ${TARGET.coldS} s`, mark(middle, TARGET.coldS));
}

/** Share links: their length and QR size (≤ 117 modules scans well from a poster), and the time to make and open one. */
async function shareLinks(): Promise<void> {
  const base = 'https://cards.example.org/';
  const personal = specWith({
    fields: { name: 'Zoë Ярослава', sitter: 'Sam Okafor', medications: 'sertraline 50 mg daily', 'emergency-contact-name': 'Ηλίας', 'emergency-contact-phone': '+30 690 000 0000' },
    extraContacts: [{ name: 'Guide Sam', phone: '+44 7700 900123' }],
    clinic: { name: 'Harbour Care', phone: '+44 20 7946 0000', url: 'harbour-care.example/sitters', logo: null },
  });
  const context = { today: '2026-11-29', findTemplate: () => template };
  for (const [what, spec, includePersonal] of [['share link, default setup', specWith(), false], ['share link, clinic + personal details', personal, true]] as const) {
    const link = `${base}#${await encodeShareFragment(spec, template, { includePersonal }, nodeShareCodec)}`;
    const modules = makeQr(link)?.size ?? Infinity;
    row(`${what}: characters, QR modules a side`, `${link.length}, ${modules}`, `QR ≤ ${QR_DENSE_MODULES}`, mark(modules, QR_DENSE_MODULES));
    for (const [codecName, codec] of [['zlib', nodeShareCodec], ['CompressionStream', streamCodec]] as const) {
      const time = await timeWarm(async () => decodeShareFragment(await encodeShareFragment(spec, template, { includePersonal }, codec), codec, context));
      row(`${what}: make + open (${codecName}), warm median`, ms(time.median));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

const cpuList = cpus();
console.log(`Safety Card bench — ${new Date().toISOString()}`);
console.log(`node ${process.version}, ${cpuList.length} CPU${cpuList.length === 1 ? '' : 's'} (${cpuList[0]?.model.trim() ?? 'unknown'}), ${process.platform}/${process.arch}`);
console.log(`warm figures: median and max of ${WARM_RUNS} runs after ${WARM_UP_RUNS} warm-up runs, in this process; cold: ${COLD_RUNS} new processes, wall clock`);
const bundle = join(ROOT, 'dist/cli/safety-card.mjs');
const bundleFresh = existsSync(bundle) && statSync(bundle).mtimeMs >= newestMs(join(ROOT, 'src'));
console.log(`CLI: ${bundleFresh ? 'runs the bundle dist/cli/safety-card.mjs' : 'bundle missing or older than src/: runs the sources through tsx (npm run build:cli builds it)'}\n`);

const tmp = mkdtempSync(join(tmpdir(), 'safety-card-bench-'));
try {
  const cardBytes = await defaultCard();
  await largestCard();
  await allSections();
  await sheet(cardBytes);
  await hundredCopies();
  await merge(`merge ${MERGE_ROWS} rows`, 'the default card on A4', specWith({ paper: 'a4' }));
  await merge(`merge ${MERGE_ROWS} rows, Avery`, 'a wallet card (crisis contacts, emergency contact, always avoid; US) on Avery C32011', specWith({ paper: 'a4', stock: 'avery-c32011', region: 'US', sections: ['crisis-contacts', 'emergency-contact', 'always-avoid'] }));
  await clinicCard(cardBytes);
  await shareLinks();
  await breakdown();
  legend.push(['cold node', '`node bin/safety-card.js --out <tmp>/cold.pdf`, a new process each run']);
  legend.push(['cold npm', '`npm run card -- --out <tmp>/cold-npm.pdf`, the same through npm']);
  cold('node', process.execPath, ['bin/safety-card.js', '--out', join(tmp, 'cold.pdf')], join(tmp, 'cold.pdf'));
  cold('npm', 'npm', ['run', 'card', '--', '--out', join(tmp, 'cold-npm.pdf')], join(tmp, 'cold-npm.pdf'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

printTable();
