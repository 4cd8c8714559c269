/**
 * Browser-side loading of the card font: fetches the font files (precached by the service worker in the app). The app
 * fetches gzip copies of the .ttf files, inflated here with the platform's DecompressionStream.
 */

export { measurerFromBytes } from './measurer';

export interface FontUrls {
  regular: string;
  bold: string;
}

/** The regular and bold .ttf bytes, fetched from the app's own origin (gzip copies inflated). */
export async function fetchFontBytes(urls: FontUrls): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const [regular, bold] = await Promise.all([urls.regular, urls.bold].map(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load the card font (${url}: HTTP ${response.status}); reload the page while online once`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Still gzip (1f 8b) unless the server sent the file with Content-Encoding: gzip and the browser inflated it.
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  }));
  return { regular: regular as Uint8Array, bold: bold as Uint8Array };
}
