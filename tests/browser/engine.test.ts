/**
 * Same input, same bytes: the engine in real Chromium (fonts fetched over HTTP, pdf-lib in the page) renders the
 * same PDF, byte for byte, as Node does, for cards and sheets; and its errors are the same.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardSpec } from '../../src/core/spec/schema';
import { encodeBase64 } from '../../src/core/image';
import { CREATOR, render, specWith, stored, template } from '../helpers/engine';
import { fixtureJpeg, makePng } from '../helpers/images';
import { openHarness } from '../helpers/browser';

let harness: Awaited<ReturnType<typeof openHarness>>;
let page: Page;

beforeAll(async () => {
  harness = await openHarness('engine');
  ({ page } = harness);
});

afterAll(async () => {
  await harness?.close();
});

async function inBrowser(spec: CardSpec) {
  return page.evaluate(([t, hash, s, creator]) => window.renderSpec(t, hash, s, creator), [template, stored.sha256, spec, CREATOR] as const);
}

describe('the engine in Chromium', () => {
  const specs: [string, Partial<CardSpec>][] = [
    ['the default card', {}],
    ['a named US card', { region: 'US', fields: { name: 'Zoë Łukasiewicz', medications: 'Levothyroxine 50 µg\nVitamin D' } }],
    ['an A4 duplex sheet of 10', { paper: 'a4', copies: 10 }],
    ['a Letter fold-over sheet', { paper: 'letter', copies: 4, printMode: 'fold-over', region: 'CA', sections: ['crisis-contacts', 'always-avoid'] }],
    ['a clinic card with a PNG logo', { region: 'GB', clinic: { name: 'Harbour Psychedelic Care', phone: '+44 20 7946 0000', url: 'https://harbour-care.example/sitters', logo: { mediaType: 'image/png', base64: encodeBase64(makePng(300, 100, { alpha: true })) } } }],
    ['an A4 sheet of 10 clinic cards with a JPEG logo', { paper: 'a4', copies: 10, clinic: { name: 'Harbour Care', phone: '+44 20 7946 0000', url: '', logo: { mediaType: 'image/jpeg', base64: encodeBase64(fixtureJpeg()) } } }],
  ];
  for (const [name, change] of specs) {
    it(`renders ${name} byte for byte as Node does`, async () => {
      const spec = specWith(change);
      const node = await render(spec);
      const browserResult = await inBrowser(spec);
      if ('error' in browserResult) throw new Error(`browser: ${browserResult.name}: ${browserResult.error}`);
      expect(browserResult.format).toBe(node.layout.format.id);
      const bytes = Buffer.from(browserResult.base64, 'base64');
      expect(bytes.length).toBe(node.bytes.length);
      expect(bytes.equals(Buffer.from(node.bytes))).toBe(true);
    });
  }

  it('reports the same overflow as Node', async () => {
    const spec = specWith({ sections: template.sections.map((s) => s.id) });
    const result = await inBrowser(spec);
    expect(result).toMatchObject({ name: 'OverflowError' });
    await expect(render(spec)).rejects.toThrow((result as { error: string }).error);
  });
});
