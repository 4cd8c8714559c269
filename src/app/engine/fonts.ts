/**
 * The card font on the page: fetched once from the app's own files (gzip copies, precached for offline use), registered
 * as a FontFace so the preview draws with the very glyphs the PDF embeds, and kept with its measurer for the PDF.
 * (The preview's layout measures in the layout worker, which is sent these bytes.)
 */
import boldUrl from '../../../generated/fonts/DejaVuSansCondensed-Bold-card.ttf.gz?url';
import regularUrl from '../../../generated/fonts/DejaVuSansCondensed-card.ttf.gz?url';
import type { Measurer } from '../../core/layout/types';
import { fetchFontBytes, measurerFromBytes } from '../../fonts/browser';
import { cardFontNames } from '../../fonts/card-font';
import { PREVIEW_FONT_FAMILY } from './font-family';


export interface CardFonts {
  bytes: { regular: Uint8Array; bold: Uint8Array };
  names: { regularName: string; boldName: string };
  measurer: Measurer;
}

let loading: Promise<CardFonts> | undefined;

/** Loads the card font once; later calls share the same promise. */
export function loadCardFonts(): Promise<CardFonts> {
  loading ??= (async () => {
    const bytes = await fetchFontBytes({ regular: regularUrl, bold: boldUrl });
    const faces = [new FontFace(PREVIEW_FONT_FAMILY, bytes.regular.slice().buffer, { weight: '400' }), new FontFace(PREVIEW_FONT_FAMILY, bytes.bold.slice().buffer, { weight: '700' })];
    for (const face of faces) document.fonts.add(await face.load());
    let measurer: Measurer | undefined;
    return {
      bytes,
      names: cardFontNames(),
      // Read from the font when the first PDF is made, not while the first screen is drawn.
      get measurer() {
        return (measurer ??= measurerFromBytes(bytes));
      },
    };
  })();
  return loading;
}
