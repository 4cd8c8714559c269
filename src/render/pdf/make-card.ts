/**
 * The whole pipeline for one card spec: compose → layout → card PDF → (sheets). The CLI and the app both call this,
 * so the same spec gives the same bytes everywhere.
 */
import { compose, SpecError, type CardDocument } from '../../core/compose';
import { layoutCard } from '../../core/layout/layout';
import type { CardLayout, Measurer } from '../../core/layout/types';
import type { CardSpec } from '../../core/spec/schema';
import type { Template } from '../../core/template/schema';
import { renderCardPdf, type CardFontFiles } from './card';
import { imposeSheets, pageCount, sheetLayout } from './impose';

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

/** Renders a spec to PDF bytes. Throws SpecError, OverflowError or MissingGlyphsError for specs that cannot be printed. */
export async function makeCard(input: MakeCardInput): Promise<MadeCard> {
  const { spec } = input;
  if (spec.paper === 'card' && spec.copies !== 1) {
    throw new SpecError(`copies apply to A4 and Letter sheets; card paper gives one card (a card printer prints copies itself): ask for paper a4 or letter, or 1 copy`);
  }
  const document = compose(input.template, spec, { contentHash: input.contentHash, custom: input.custom === true });
  const layout = layoutCard(document, input.measurer, { format: spec.format });
  const card = await renderCardPdf(layout, input.fonts, { creator: input.creator });
  if (spec.paper === 'card') return { bytes: card, document, layout, pageCount: layout.faces.length };
  const bytes = await imposeSheets(card, layout.format, {
    paper: spec.paper,
    copies: spec.copies,
    mode: spec.printMode,
    backOffsetMm: { xMm: spec.backOffsetMm.x, yMm: spec.backOffsetMm.y },
    metadata: { ...layout.meta, creator: input.creator, producer: `${input.creator} (pdf-lib)` },
  });
  return { bytes, document, layout, pageCount: pageCount(sheetLayout(layout.format, spec.paper, spec.printMode), spec.copies) };
}
