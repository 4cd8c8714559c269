/** Where the card font's gzip copies are served from (the app's own files, precached for offline use). */
import boldUrl from '../../../generated/fonts/DejaVuSansCondensed-Bold-card.ttf.gz?url';
import regularUrl from '../../../generated/fonts/DejaVuSansCondensed-card.ttf.gz?url';
import type { FontUrls } from '../../fonts/browser';

export const CARD_FONT_URLS: FontUrls = { regular: regularUrl, bold: boldUrl };
