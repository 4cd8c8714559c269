/**
 * The preview's engine: the card font with its measurer, compose and layout. The editor is drawn without it; the app
 * loads this chunk once the editor has been painted, so a first visit on a slow phone shows the form first.
 */
import { SpecError } from '../../core/compose';
import { MissingGlyphsError, OverflowError } from '../../core/layout/layout';
import type { CardSpec } from '../../core/spec/schema';
import { composeAndLayout } from '../../render/pdf/spec-layout';
import type { LayoutResult } from '../editor';
import { loadCardFonts, type CardFonts } from './fonts';
import type { BundledTemplate } from './templates';

export interface PreviewEngine {
  fonts: CardFonts;
  /** Lays the spec out, turning the errors a user can cause into results the preview explains. */
  layoutSpec(bundled: BundledTemplate, spec: CardSpec): LayoutResult;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Loads the card font once, and returns the engine that lays cards out with it. `first`, when given, says what the
 * preview will show first: it is laid out before the engine is returned, and kept for the first `layoutSpec` call.
 */
export async function loadPreviewEngine(first?: () => { bundled: BundledTemplate; spec: CardSpec } | undefined): Promise<PreviewEngine> {
  const fonts = await loadCardFonts();
  let last: { bundled: BundledTemplate; spec: CardSpec; result: LayoutResult } | undefined;
  const engine: PreviewEngine = {
    fonts,
    layoutSpec(bundled, spec) {
      if (last !== undefined && last.bundled === bundled && last.spec === spec) return last.result;
      last = { bundled, spec, result: layoutSpec(bundled, spec, fonts) };
      return last.result;
    },
  };
  // Reading the font's metrics, the first layout (its code still cold: several times slower than the next) and
  // drawing the preview are each a long piece of work: each a task of its own, so the page can answer a tap between.
  await nextTask();
  const shown = first?.();
  if (shown !== undefined) engine.layoutSpec(shown.bundled, shown.spec);
  await nextTask();
  return engine;
}

function layoutSpec(bundled: BundledTemplate, spec: CardSpec, fonts: CardFonts): LayoutResult {
  try {
    // The same checks and format choice as the PDF's (makeCard), so the preview never shows a card the PDF refuses.
    const { document, layout } = composeAndLayout({ template: bundled.template, contentHash: bundled.sha256, custom: bundled.custom, spec, measurer: fonts.measurer });
    return { ok: true, layout, document };
  } catch (error) {
    if (error instanceof OverflowError) return { ok: false, kind: 'overflow', message: error.message, unplaced: error.unplaced };
    if (error instanceof MissingGlyphsError) return { ok: false, kind: 'glyphs', message: error.message };
    if (error instanceof SpecError) return { ok: false, kind: 'spec', message: error.message };
    throw error;
  }
}
