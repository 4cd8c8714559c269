/**
 * The preview's layout, off the page's thread. This worker reads the metrics of the card font the page sends it, then
 * lays out each spec the page sends (compose, the format choice and the layout, as for the PDF) and answers with its
 * LayoutResult.
 * Laying a card out takes a few milliseconds as the user types, and 40 ms or more the first time (its code still
 * cold), four times that on a mid-range phone: here it never holds up drawing or typing.
 */
/// <reference lib="webworker" />
import type { Measurer } from '../../core/layout/types';
import { measurerFromBytes } from '../../fonts/browser';
import { layoutSpec } from './layout-spec';
import type { LayoutReply, LayoutRequest, LayoutStart } from './preview-engine';

declare const self: DedicatedWorkerGlobalScope;

/** Read from the font the page sends first (the page has fetched it for the preview and the PDF). */
let measurer: Measurer | undefined;
/** Templates by "id@version#sha256", each sent once by the page. */
const templates = new Map<string, NonNullable<LayoutRequest['template']>>();

self.onmessage = ({ data }: MessageEvent<LayoutStart | LayoutRequest>) => {
  if ('fonts' in data) {
    try {
      measurer = measurerFromBytes(data.fonts);
      self.postMessage({ ready: true } satisfies LayoutReply);
    } catch (error) {
      self.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) } satisfies LayoutReply);
    }
    return;
  }
  try {
    if (data.template !== undefined) templates.set(data.key, data.template);
    const entry = templates.get(data.key);
    if (entry === undefined) throw new Error(`layout worker: template ${data.key} was never sent`);
    if (measurer === undefined) throw new Error('layout worker: the font was never sent');
    self.postMessage({ id: data.id, result: layoutSpec(entry, data.spec, measurer) } satisfies LayoutReply);
  } catch (error) {
    self.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutReply);
  }
};
