/**
 * The share-link codec of the platform: deflate-raw with CompressionStream / DecompressionStream and UTF-8 with
 * TextEncoder / TextDecoder (Chromium, Firefox, Safari 16.4+, Node 20). Unpacking stops past a limit, so a small link
 * that unpacks to gigabytes (a zip bomb) is refused after the first few kilobytes.
 */
import { ShareLinkError, shareLinkErrors, type ShareCodec } from '../../core/share-link';

export const streamCodec: ShareCodec = {
  async compress(text) {
    const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },

  async decompress(bytes, maxBytes) {
    const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          void reader.cancel().catch(() => undefined);
          throw new ShareLinkError(shareLinkErrors.tooLarge);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof ShareLinkError) throw error;
      throw new ShareLinkError(shareLinkErrors.notDeflate);
    }
    const joined = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      joined.set(chunk, at);
      at += chunk.byteLength;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(joined);
    } catch {
      throw new ShareLinkError(shareLinkErrors.notJson);
    }
  },
};
