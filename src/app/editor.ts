/** The card being edited: its spec, and its layout computed live from the same core the PDF uses. */
import { useMemo } from 'preact/hooks';
import { compose, SpecError, type CardDocument } from '../core/compose';
import { layoutCard, MissingGlyphsError, OverflowError, type UnplacedSection } from '../core/layout/layout';
import type { CardLayout } from '../core/layout/types';
import { defaultSpec, localIsoDate } from '../core/spec/defaults';
import type { CardSpec } from '../core/spec/schema';
import type { Template } from '../core/template/schema';
import type { CardFonts } from './engine/fonts';
import type { BundledTemplate } from './engine/templates';

export type LayoutResult =
  | { ok: true; layout: CardLayout; document: CardDocument }
  | { ok: false; kind: 'overflow'; message: string; unplaced: UnplacedSection[] }
  | { ok: false; kind: 'glyphs' | 'spec'; message: string };

/** Lays the spec out, turning the errors a user can cause into results the preview explains. */
export function layoutSpec(bundled: BundledTemplate, spec: CardSpec, fonts: CardFonts): LayoutResult {
  try {
    const document = compose(bundled.template, spec, { contentHash: bundled.sha256, custom: bundled.custom });
    return { ok: true, layout: layoutCard(document, fonts.measurer, { format: spec.format }), document };
  } catch (error) {
    if (error instanceof OverflowError) return { ok: false, kind: 'overflow', message: error.message, unplaced: error.unplaced };
    if (error instanceof MissingGlyphsError) return { ok: false, kind: 'glyphs', message: error.message };
    if (error instanceof SpecError) return { ok: false, kind: 'spec', message: error.message };
    throw error;
  }
}

/** The layout of the current spec, recomputed only when the spec, template or fonts change. */
export function useLayout(bundled: BundledTemplate | undefined, spec: CardSpec | undefined, fonts: CardFonts | undefined): LayoutResult | undefined {
  return useMemo(() => (bundled && spec && fonts ? layoutSpec(bundled, spec, fonts) : undefined), [bundled, spec, fonts]);
}

/** A new card: the template's defaults, today's date, and the device's region when the template has numbers for it. */
export function newCardSpec(template: Template, today: string, deviceRegion: string | undefined): CardSpec {
  const spec = defaultSpec(template, today);
  const regions = new Set(template.sections.flatMap((section) => (section.kind === 'contacts' ? section.contacts.flatMap((contact) => contact.regions) : [])));
  return deviceRegion !== undefined && regions.has(deviceRegion) ? { ...spec, region: deviceRegion } : spec;
}

/** Today's date on this device, YYYY-MM-DD. */
export function today(): string {
  return localIsoDate(new Date());
}

/** The region of the browser's language ("en-GB" → "GB"), if it names one. */
export function deviceRegion(): string | undefined {
  try {
    return new Intl.Locale(navigator.language).maximize().region;
  } catch {
    return undefined;
  }
}
