/**
 * The card preview in real Chromium, set in the real card font (DejaVu Sans Condensed, declared with @font-face):
 * every <text> of every face is as wide as the layout measured it — by itself, without the textLength that pins it,
 * within 0.5 % — and lies inside the 3 mm safe area; the faces keep the ID-1 shape, one per row on a phone and two on
 * a desktop; a layout that changes one face re-renders only that face. Screenshots go to .tmp/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFE_MARGIN_PT } from '../../src/core/layout/layout';
import { ID1, type CardLayout } from '../../src/core/layout/types';
import type { CardSpec } from '../../src/core/spec/schema';
import { launchBrowser, serveHarness, waitForHarness } from '../helpers/browser';
import { render, specWith } from '../helpers/engine';
import { REPO_ROOT } from '../helpers/run';
import type { Edges, MeasuredText } from './harness/preview';

const SCREENSHOTS = join(REPO_ROOT, '.tmp');
/** Rounding in the browser's text layout and its bounding boxes, in points. */
const EPSILON_PT = 0.02;

let server: Awaited<ReturnType<typeof serveHarness>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await serveHarness('preview');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()} for ${response.url()}`));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url);
  await waitForHarness(page, problems);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function show(layout: CardLayout, showSafeArea = false) {
  const shown = await page.evaluate(([l, safe]) => window.showPreview(l, safe), [layout, showSafeArea] as const);
  expect(problems).toEqual([]);
  return shown;
}

const measure = (): Promise<MeasuredText[]> => page.evaluate(() => window.measureTexts());

describe('the preview in Chromium', () => {
  const specs: [string, Partial<CardSpec>][] = [
    ['the default card (fold-3)', {}],
    ['a named US card', { region: 'US', fields: { name: 'Zoë Łukasiewicz-Ångström', medications: 'Levothyroxine 50 µg\nVitamin D — “office” affiliation, fifty‐fifty', 'emergency-contact-name': 'Kofi Ἀθηνᾶ Жуков' } }],
    ['a wallet card', { sections: ['crisis-contacts', 'emergency-contact'], format: 'wallet' }],
    ['a 2-panel card', { sections: ['crisis-contacts', 'always-avoid', 'use-caution'], format: 'fold-2' }],
  ];
  for (const [name, change] of specs) {
    it(`draws ${name} as wide as the layout measured it, inside the safe area`, async () => {
      const { layout } = await render(specWith(change));
      const shown = await show(layout);
      // Both weights loaded: the text is in the card font, not a fallback.
      expect(shown.fonts.sort()).toEqual(['400 loaded', '700 loaded']);
      const measured = await measure();
      const runs = layout.faces.flatMap((face, faceIndex) => face.runs.map((run) => ({ ...run, faceIndex })));
      expect(measured.map((text) => [text.faceIndex, text.text])).toEqual(runs.map((run) => [run.faceIndex, run.text]));
      const safe: Edges = { left: SAFE_MARGIN_PT, top: SAFE_MARGIN_PT, right: ID1.widthPt - SAFE_MARGIN_PT, bottom: ID1.heightPt - SAFE_MARGIN_PT };
      const outside = (edges: Edges) => edges.left < safe.left - EPSILON_PT || edges.top < safe.top - EPSILON_PT || edges.right > safe.right + EPSILON_PT || edges.bottom > safe.bottom + EPSILON_PT;
      const edgesText = (edges: Edges) => `${edges.left.toFixed(3)}..${edges.right.toFixed(3)} × ${edges.top.toFixed(3)}..${edges.bottom.toFixed(3)}`;
      const wrong: string[] = [];
      for (const [index, run] of runs.entries()) {
        const text = measured[index] as MeasuredText;
        const where = `face ${run.faceIndex} "${run.text}"`;
        // The browser's own width for the text in the card font: what textLength corrects must be tiny.
        if (Math.abs(text.naturalWidth - run.widthPt) > 0.005 * run.widthPt) wrong.push(`${where}: the browser sets it ${text.naturalWidth} pt wide, the layout ${run.widthPt} pt`);
        // As drawn: exactly where and as wide as the layout says.
        if (Math.abs(text.drawnWidth - run.widthPt) > EPSILON_PT) wrong.push(`${where}: drawn ${text.drawnWidth} pt wide, not ${run.widthPt} pt`);
        if (Math.abs(text.box.left - run.xPt) > EPSILON_PT || Math.abs(text.box.right - (run.xPt + run.widthPt)) > EPSILON_PT) wrong.push(`${where}: drawn over ${edgesText(text.box)}, not from ${run.xPt} to ${run.xPt + run.widthPt}`);
        // getBBox agrees, up to Chromium's rounding of SVG text boxes out to whole user units (here points).
        if (Math.abs(text.bbox.left - text.box.left) > 1.01 || Math.abs(text.bbox.right - text.box.right) > 1.01) wrong.push(`${where}: getBBox ${edgesText(text.bbox)} is far from ${edgesText(text.box)}`);
        if (outside(text.box)) wrong.push(`${where}: its box ${edgesText(text.box)} leaves the safe area ${edgesText(safe)}`);
        if (outside(text.ink)) wrong.push(`${where}: its ink ${edgesText(text.ink)} leaves the safe area ${edgesText(safe)}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('keeps the ID-1 shape, one face a row on a phone and two on a desktop, and screenshots both', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { layout } = await render(specWith({ region: 'US', fields: { name: 'Zoë Łukasiewicz' } }));
    await show(layout);
    const cdp = await browser.context.newCDPSession(page);
    // A phone (390 CSS px at 2 device pixels each, as most phones draw at least) and a desktop window.
    for (const [width, deviceScaleFactor, mobile, perRow] of [[390, 2, true, 1], [1280, 1, false, 2]] as const) {
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height: 844, deviceScaleFactor, mobile });
      const boxes = await page.$$eval('svg.card-face', (svgs) => svgs.map((svg) => svg.getBoundingClientRect()).map(({ left, top, width: w, height: h }) => ({ left, top, width: w, height: h })));
      expect(boxes).toHaveLength(layout.faces.length);
      for (const box of boxes) expect(box.width / box.height).toBeCloseTo(ID1.widthPt / ID1.heightPt, 2);
      const rows = new Set(boxes.map((box) => Math.round(box.top)));
      expect(rows.size).toBe(Math.ceil(layout.faces.length / perRow));
      // Reading order: left to right, then down.
      for (let index = 1; index < boxes.length; index++) {
        const [before, after] = [boxes[index - 1], boxes[index]] as [DOMRect, DOMRect];
        expect(after.top > before.top + 1 || (Math.abs(after.top - before.top) <= 1 && after.left > before.left)).toBe(true);
      }
      // On a phone a face fills the width: 7 pt text at ≥ 1.4 CSS px a point.
      if (mobile) expect(boxes[0]?.width).toBeGreaterThan(340);
      // Through CDP: Playwright's own screenshot would put its viewport (and 1 device pixel a CSS pixel) back first.
      const heightPx = await page.evaluate(() => document.documentElement.scrollHeight);
      const shot = await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height: heightPx, scale: 1 } });
      writeFileSync(join(SCREENSHOTS, `preview-${width}.png`), Buffer.from(shot.data, 'base64'));
    }
    await show(layout, true);
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-1280-safe-area.png'), fullPage: true });
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('re-renders only the face whose runs changed', async () => {
    const { layout } = await render(specWith({}));
    await show(layout);
    // The same content in new objects, as the app gets it after a keystroke that changes nothing visible.
    expect((await show(structuredClone(layout))).textDiffs).toBe(0);
    const edited = structuredClone(layout);
    const face = edited.faces[3];
    const run = face?.runs[0];
    if (face === undefined || run === undefined) throw new Error('face 3 has no runs');
    run.text = run.text.slice(0, -1);
    run.widthPt -= 1;
    const shown = await show(edited);
    expect(shown.textDiffs).toBe(face.runs.length);
    const texts = await page.$$eval('svg.card-face[data-face-index="3"] text', (elements) => elements.map((element) => [element.textContent, Number(element.getAttribute('textLength'))]));
    expect(texts[0]).toEqual([run.text, run.widthPt]);
  });
});
