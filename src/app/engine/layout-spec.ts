/** A spec laid out for the preview, with the errors a user can cause turned into results the preview explains. */
import { SpecError } from '../../core/compose';
import { MissingGlyphsError, OverflowError } from '../../core/layout/layout';
import type { Measurer } from '../../core/layout/types';
import type { CardSpec } from '../../core/spec/schema';
import type { Template } from '../../core/template/schema';
import { composeAndLayout } from '../../core/layout/spec-layout';
import type { LayoutResult } from '../editor';

/** What the layout needs of a template entry (see TemplateEntry). */
export interface LayoutTemplate {
  template: Template;
  sha256: string;
  custom: boolean;
}

export function layoutSpec(entry: LayoutTemplate, spec: CardSpec, measurer: Measurer): LayoutResult {
  try {
    // The same checks and format choice as the PDF's (makeCard), so the preview never shows a card the PDF refuses.
    const { layout } = composeAndLayout({ template: entry.template, contentHash: entry.sha256, custom: entry.custom, spec, measurer });
    return { ok: true, layout };
  } catch (error) {
    if (error instanceof OverflowError) return { ok: false, kind: 'overflow', message: error.message, unplaced: error.unplaced };
    if (error instanceof MissingGlyphsError) return { ok: false, kind: 'glyphs', message: error.message };
    if (error instanceof SpecError) return { ok: false, kind: 'spec', message: error.message };
    throw error;
  }
}
