/**
 * The card font in the browser: fetched once from the app's own files (gzip copies, precached for offline use), measured for
 * the live layout, registered as a FontFace so the preview draws with the very glyphs the PDF embeds.
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
    return { bytes, names: cardFontNames(), measurer: measurerFromBytes(bytes) };
  })();
  return loading;
}
