/**
 * Same input, same bytes, for card stock and batches: makeBatch in real Chromium (fonts fetched over HTTP, pdf-lib
 * in the page) gives the same PDF, byte for byte, as in Node; and the same row problems.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardSpec } from '../../src/core/spec/schema';
import { makeBatch, type BatchRow } from '../../src/render/pdf/make-batch';
import { CREATOR, fonts, measurer, specWith, stored, template } from '../helpers/engine';
import { openHarness } from '../helpers/browser';

let harness: Awaited<ReturnType<typeof openHarness>>;
let page: Page;

beforeAll(async () => {
  harness = await openHarness('batch');
  ({ page } = harness);
});

afterAll(async () => {
  await harness?.close();
});

const inBrowser = (spec: CardSpec, rows: BatchRow[]) => page.evaluate(([t, hash, s, r, creator]) => window.renderBatch(t, hash, s, r, creator), [template, stored.sha256, spec, rows, CREATOR] as const);
const inNode = (spec: CardSpec, rows: BatchRow[]) => makeBatch({ template, contentHash: stored.sha256, spec, rows, measurer, fonts, creator: CREATOR });
const people = (count: number): BatchRow[] => Array.from({ length: count }, (_, i) => ({ label: `line ${i + 2}`, fields: { 'emergency-contact-name': `Person ${i} Łódź`, 'emergency-contact-phone': `+44 7700 9${String(i).padStart(5, '0')}` } }));

describe('batches in Chromium', () => {
  const cases: [string, Partial<CardSpec>, number][] = [
    ['12 rows on Avery C32011, a back offset', { paper: 'a4', stock: 'avery-c32011', region: 'US', sections: ['crisis-contacts', 'emergency-contact', 'always-avoid'], backOffsetMm: { x: 0.4, y: -0.3 } }, 12],
    ['7 rows × 3 copies on Zweckform 32010', { paper: 'a4', stock: 'zweckform-32010', copies: 3, region: 'US', sections: ['crisis-contacts', 'emergency-contact', 'always-avoid'] }, 7],
    ['40 rows of the default card on Letter, fold-over', { paper: 'letter', printMode: 'fold-over' }, 40],
    ['3 rows on card paper', { region: 'DE', sections: ['crisis-contacts', 'emergency-contact', 'always-avoid'] }, 3],
  ];
  for (const [name, change, count] of cases) {
    it(`${name}: byte for byte as in Node`, async () => {
      const spec = specWith(change);
      const node = await inNode(spec, people(count));
      const browserResult = await inBrowser(spec, people(count));
      expect('base64' in browserResult, JSON.stringify(browserResult).slice(0, 300)).toBe(true);
      const bytes = Buffer.from((browserResult as { base64: string }).base64, 'base64');
      expect(bytes.length).toBe(node.bytes.length);
      expect(bytes.equals(Buffer.from(node.bytes))).toBe(true);
    });
  }

  it('reports the same row problems as Node', async () => {
    const rows: BatchRow[] = [...people(2), { label: 'line 4', fields: { 'emergency-contact-name': '王' } }];
    const spec = specWith({ paper: 'a4', region: 'US', sections: ['crisis-contacts', 'emergency-contact', 'always-avoid'] });
    const nodeError = await inNode(spec, rows).catch((error: unknown) => error as Error);
    expect(await inBrowser(spec, rows)).toEqual({ error: (nodeError as Error).message, name: 'BatchError' });
  });
});
