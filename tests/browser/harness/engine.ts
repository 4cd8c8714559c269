/**
 * Test harness page: the real engine (compose → layout → PDF → sheets) in the browser, with the fonts fetched as the
 * app fetches them. tests/browser/engine.test.ts calls window.renderSpec and compares the bytes with Node's.
 */
import regularUrl from '../../../generated/fonts/DejaVuSansCondensed-card.ttf.gz?url';
import boldUrl from '../../../generated/fonts/DejaVuSansCondensed-Bold-card.ttf.gz?url';
import type { CardSpec } from '../../../src/core/spec/schema';
import type { Template } from '../../../src/core/template/schema';
import { cardFontNames } from '../../../src/fonts/card-font';
import { fetchFontBytes, measurerFromBytes } from '../../../src/fonts/browser';
import { makeCard } from '../../../src/render/pdf/make-card';

declare global {
  interface Window {
    renderSpec: (template: Template, contentHash: string, spec: CardSpec, creator: string) => Promise<{ base64: string; format: string } | { error: string; name: string }>;
  }
}

const fontsReady = fetchFontBytes({ regular: regularUrl, bold: boldUrl });

window.renderSpec = async (template, contentHash, spec, creator) => {
  const bytes = await fontsReady;
  try {
    const made = await makeCard({ template, contentHash, spec, measurer: measurerFromBytes(bytes), fonts: { ...bytes, ...cardFontNames() }, creator });
    let binary = '';
    for (const byte of made.bytes) binary += String.fromCharCode(byte);
    return { base64: btoa(binary), format: made.layout.format.id };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), name: error instanceof Error ? error.name : 'unknown' };
  }
};
document.body.dataset.ready = 'true';
