/**
 * The whole pipeline for one card spec: compose → layout → card PDF → (sheets). The CLI and the app both call this,
 * so the same spec gives the same bytes everywhere.
 */
import { SpecError, type CardDocument } from '../../core/compose';
import { LogoError } from '../../core/image';
import { MissingGlyphsError, OverflowError } from '../../core/layout/layout';
import type { CardLayout, Measurer } from '../../core/layout/types';
import type { CardSpec } from '../../core/spec/schema';
import type { Template } from '../../core/template/schema';
import { renderCardPdf, type CardFontFiles } from './card';
import { cardDocumentInfo } from './document-info';
import { imposeSheets } from './impose';
import { pageCount, sheetLayout } from '../../core/layout/sheet-layout';
import { composeAndLayout } from '../../core/layout/spec-layout';

export interface MakeCardInput {
  template: Template;
  /** SHA-256 (hex) of the template's canonical content. */
  contentHash: string;
  spec: CardSpec;
  measurer: Measurer;
  fonts: CardFontFiles;
  /** "Safety Card 0.1.0" */
  creator: string;
  /** True for a template that is not one of the bundled published ones: the footer then says "Custom template". */
  custom?: boolean;
}

export interface MadeCard {
  bytes: Uint8Array;
  document: CardDocument;
  layout: CardLayout;
  /** Pages in `bytes`: faces for card paper, sheets for a4 and letter. */
  pageCount: number;
}

/**
 * Whether an error from makeCard or makeBatch is about the input — a spec that cannot be printed, text that does not
 * fit, characters the font lacks, a logo that cannot be drawn — whose message tells the user what to change, rather
 * than a bug. The CLI and the batch treat exactly these as the user's to fix.
 */
export function isPrintProblem(error: unknown): error is SpecError | OverflowError | MissingGlyphsError | LogoError {
  return error instanceof SpecError || error instanceof OverflowError || error instanceof MissingGlyphsError || error instanceof LogoError;
}

/** Renders a spec to PDF bytes. Throws one of isPrintProblem's errors for a spec that cannot be printed. */
export async function makeCard(input: MakeCardInput): Promise<MadeCard> {
  const { spec } = input;
  const { document, layout } = composeAndLayout(input);
  const card = await renderCardPdf(layout, input.fonts, { creator: input.creator });
  if (spec.paper === 'card') return { bytes: card, document, layout, pageCount: layout.faces.length };
  const bytes = await imposeSheets(card, layout.format, { ...sheetOptions(spec, layout, input.creator), copies: spec.copies });
  return { bytes, document, layout, pageCount: pageCount(sheetLayout(layout.format, spec.paper, spec.printMode, spec.stock), spec.copies) };
}

/** The sheet options of a spec (all but the copies). */
export function sheetOptions(spec: CardSpec, layout: CardLayout, creator: string) {
  if (spec.paper === 'card') throw new Error('internal: card paper has no sheets');
  return {
    paper: spec.paper,
    mode: spec.printMode,
    stock: spec.stock,
    backOffsetMm: { xMm: spec.backOffsetMm.x, yMm: spec.backOffsetMm.y },
    metadata: cardDocumentInfo(layout.meta, creator),
  };
}
