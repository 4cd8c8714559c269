/** The card being edited: its spec, and its layout computed live from the same core the PDF uses. */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { UnplacedSection } from '../core/layout/layout';
import type { CardLayout } from '../core/layout/types';
import { defaultSpec, localIsoDate, templateRegions } from '../core/spec/defaults';
import type { CardSpec } from '../core/spec/schema';
import type { Template } from '../core/template/schema';
import type { PreviewEngine } from './engine/preview-engine';
import type { BundledTemplate } from './engine/templates';

export type LayoutResult =
  | { ok: true; layout: CardLayout }
  | { ok: false; kind: 'overflow'; message: string; unplaced: UnplacedSection[] }
  | { ok: false; kind: 'glyphs' | 'spec'; message: string };

/**
 * The layout of the current spec, once the preview engine is loaded, laid out again (in the layout worker) when the
 * spec, template or engine change. Until the new layout arrives, a few milliseconds later, the last one stays.
 */
export function useLayout(bundled: BundledTemplate | undefined, spec: CardSpec | undefined, engine: PreviewEngine | undefined): LayoutResult | undefined {
  const [result, setResult] = useState<LayoutResult | undefined>(undefined);
  // A layout effect: the request leaves as soon as the change is rendered, not after the next paint.
  useLayoutEffect(() => {
    if (bundled === undefined || spec === undefined || engine === undefined) return;
    let current = true;
    engine.layoutSpec(bundled, spec).then(
      (laidOut) => current && setResult(laidOut),
      (error: unknown) => current && setResult({ ok: false, kind: 'spec', message: error instanceof Error ? error.message : String(error) }),
    );
    // An answer for a spec the user has typed past is dropped.
    return () => {
      current = false;
    };
  }, [bundled, spec, engine]);
  return result;
}

/** A new card: the template's defaults, today's date, and the device's region when the template has numbers for it. */
export function newCardSpec(template: Template, today: string, deviceRegion: string | undefined): CardSpec {
  const spec = defaultSpec(template, today);
  const regions = templateRegions(template);
  return deviceRegion !== undefined && regions.has(deviceRegion) ? { ...spec, region: deviceRegion } : spec;
}

/** Today's date on this device, YYYY-MM-DD. */
export function today(): string {
  return localIsoDate(new Date());
}

/** The region of the browser's language ("en-GB" → "GB"; "de" → "DE", its likely region), if there is one. */
export function deviceRegion(): string | undefined {
  try {
    // maximize() loads Intl's likely-subtags data (~10 ms the first time): only when the language names no region.
    const locale = new Intl.Locale(navigator.language);
    return locale.region ?? locale.maximize().region;
  } catch {
    return undefined;
  }
}
