/**
 * The preview's engine: the card font (registered for the preview's SVG, and kept for the PDF) and the layout, which
 * runs in a worker (layout-worker.ts). The editor is drawn without it; the app loads this chunk once the editor has
 * been painted, so a first visit on a slow phone shows the form first.
 */
import type { CardSpec } from '../../core/spec/schema';
import type { LayoutResult } from '../editor';
import { en } from '../messages/en';
import { loadCardFonts, type CardFonts } from './fonts';
import type { LayoutTemplate } from './layout-spec';
import type { BundledTemplate } from './templates';

export interface PreviewEngine {
  fonts: CardFonts;
  /** Lays the spec out (in the worker), with the errors a user can cause as results the preview explains. */
  layoutSpec(bundled: BundledTemplate, spec: CardSpec): Promise<LayoutResult>;
}

/** The first message to the layout worker: the card font's .ttf bytes, which the page has already fetched. */
export interface LayoutStart {
  fonts: { regular: Uint8Array; bold: Uint8Array };
}

/** A message to the layout worker; the template goes with the first request for its key. */
export interface LayoutRequest {
  id: number;
  /** "id@version#sha256" */
  key: string;
  template?: LayoutTemplate;
  spec: CardSpec;
}

/** A message from the layout worker: whether its font loaded, or the answer to request `id`. */
export type LayoutReply = { ready: true } | { ready: false; error: string } | { id: number; result: LayoutResult } | { id: number; error: string };

/** Loads the card font and starts the layout worker with it; resolves when both are ready. */
export async function loadPreviewEngine(): Promise<PreviewEngine> {
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'layout' });
  const pending = new Map<number, { resolve: (result: LayoutResult) => void; reject: (error: Error) => void }>();
  const sent = new Set<string>();
  let nextId = 0;
  let failed: Error | undefined;
  let ready: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const workerReady = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));

  const fail = (error: Error) => {
    failed = error;
    ready?.reject(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.onerror = () => fail(new Error(en.previewFailed));
  worker.onmessage = ({ data }: MessageEvent<LayoutReply>) => {
    if ('ready' in data) {
      if (data.ready) ready?.resolve();
      else fail(new Error(data.error));
      return;
    }
    const request = pending.get(data.id);
    pending.delete(data.id);
    if ('result' in data) request?.resolve(data.result);
    else request?.reject(new Error(data.error));
  };

  // The worker starts loading its script while the page fetches the font (once, for the preview, the PDF and it).
  const fonts = await loadCardFonts();
  worker.postMessage({ fonts: fonts.bytes } satisfies LayoutStart);
  await workerReady;
  return {
    fonts,
    layoutSpec(bundled, spec) {
      if (failed !== undefined) return Promise.reject(failed);
      const id = nextId++;
      // By content too: a custom template deleted and imported again may come back with other content.
      const key = `${bundled.key}#${bundled.sha256}`;
      const request: LayoutRequest = { id, key, spec };
      if (!sent.has(key)) {
        request.template = { template: bundled.template, sha256: bundled.sha256, custom: bundled.custom };
        sent.add(key);
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(request);
      });
    },
  };
}
