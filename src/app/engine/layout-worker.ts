/**
 * The preview's layout, off the page's thread. This worker reads the card font's metrics once, then lays out each
 * spec the page sends (compose, the format choice and the layout, as for the PDF) and answers with its LayoutResult.
 * Laying a card out takes a few milliseconds as the user types, and 40 ms or more the first time (its code still
 * cold), four times that on a mid-range phone: here it never holds up drawing or typing.
 */
/// <reference lib="webworker" />
import { fetchFontBytes, measurerFromBytes } from '../../fonts/browser';
import { CARD_FONT_URLS } from './font-urls';
import { layoutSpec } from './layout-spec';
import type { LayoutReply, LayoutRequest } from './preview-engine';

declare const self: DedicatedWorkerGlobalScope;

const measurer = fetchFontBytes(CARD_FONT_URLS).then(measurerFromBytes);
/** Templates by "id@version#sha256", each sent once by the page. */
const templates = new Map<string, NonNullable<LayoutRequest['template']>>();

measurer.then(
  () => self.postMessage({ ready: true } satisfies LayoutReply),
  (error: unknown) => self.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) } satisfies LayoutReply),
);

self.onmessage = async ({ data }: MessageEvent<LayoutRequest>) => {
  try {
    if (data.template !== undefined) templates.set(data.key, data.template);
    const entry = templates.get(data.key);
    if (entry === undefined) throw new Error(`layout worker: template ${data.key} was never sent`);
    self.postMessage({ id: data.id, result: layoutSpec(entry, data.spec, await measurer) } satisfies LayoutReply);
  } catch (error) {
    self.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutReply);
  }
};
