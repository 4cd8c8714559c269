/**
 * Test harness page: makeCard on card stock and makeBatch (many rows, one PDF) in the browser, with the fonts
 * fetched as the app fetches them. tests/browser/batch.test.ts compares the bytes with Node's.
 */
import regularUrl from '../../../generated/fonts/DejaVuSansCondensed-card.ttf.gz?url';
import boldUrl from '../../../generated/fonts/DejaVuSansCondensed-Bold-card.ttf.gz?url';
import type { CardSpec } from '../../../src/core/spec/schema';
import type { Template } from '../../../src/core/template/schema';
import { cardFontNames } from '../../../src/fonts/card-font';
import { fetchFontBytes, measurerFromBytes } from '../../../src/fonts/browser';
import { makeBatch, type BatchRow } from '../../../src/render/pdf/make-batch';

declare global {
  interface Window {
    renderBatch: (template: Template, contentHash: string, spec: CardSpec, rows: BatchRow[], creator: string) => Promise<{ base64: string } | { error: string; name: string }>;
  }
}

const fontsReady = fetchFontBytes({ regular: regularUrl, bold: boldUrl });

window.renderBatch = async (template, contentHash, spec, rows, creator) => {
  const bytes = await fontsReady;
  try {
    const made = await makeBatch({ template, contentHash, spec, rows, measurer: measurerFromBytes(bytes), fonts: { ...bytes, ...cardFontNames() }, creator });
    let binary = '';
    for (const byte of made.bytes) binary += String.fromCharCode(byte);
    return { base64: btoa(binary) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), name: error instanceof Error ? error.name : 'unknown' };
  }
};
document.body.dataset.ready = 'true';
