/**
 * A spec's layout as the PDF will print it, without the PDF engine (pure: the app's preview can use it and stay in
 * step with the PDF): the checks of paper, copies and stock; on card stock, `auto` means the wallet card, and a card
 * too big for it says to choose plain paper rather than a larger format.
 */
import { compose, SpecError, type CardDocument } from '../compose';
import { layoutCard, MIN_TEXT_SIZE_PT, OverflowError } from './layout';
import type { CardLayout, FormatId, Measurer } from './types';
import type { CardSpec } from '../spec/schema';
import type { Template } from '../template/schema';
import { STOCK_PRESETS, stockProblem } from './sheet-layout';

/** The format the layout may choose from: on card stock, `auto` means the wallet card (the only one a cell holds). */
export function formatChoice(spec: Pick<CardSpec, 'format' | 'stock'>): FormatId | 'auto' {
  return spec.stock !== 'plain' && spec.format === 'auto' ? 'wallet' : spec.format;
}

/** Lays a composed card out in the format the spec allows; on card stock an overflow says to choose plain paper. */
export function layoutForSpec(document: CardDocument, measurer: Measurer, spec: Pick<CardSpec, 'format' | 'stock'>, format: FormatId | 'auto' = formatChoice(spec)): CardLayout {
  try {
    return layoutCard(document, measurer, { format });
  } catch (error) {
    if (error instanceof OverflowError && spec.stock !== 'plain') throw new StockOverflowError(STOCK_PRESETS[spec.stock].name, error);
    throw error;
  }
}

/** A card that does not fit on a wallet card, printed on a card stock that holds nothing larger. */
export class StockOverflowError extends OverflowError {
  override name = 'StockOverflowError';
  constructor(
    readonly stockName: string,
    overflow: OverflowError,
  ) {
    super(overflow.format, overflow.largestTried, overflow.unplaced);
    const what = overflow.unplaced.map((section) => `"${section.title}" (${section.entryIds.join(', ')})`).join('; ');
    this.message =
      `Not everything fits on a wallet card, even at ${MIN_TEXT_SIZE_PT} pt, and ${stockName} card stock holds wallet cards only. ` +
      `Does not fit: ${what}. Choose plain paper (stock "plain") for a folding card, or fewer sections.`;
  }
}

/** The checks of paper, copies and stock that come before any layout. Throws SpecError. */
export function checkPrintable(spec: CardSpec): void {
  if (spec.paper === 'card' && spec.copies !== 1) {
    throw new SpecError(`copies apply to A4 and Letter sheets; card paper gives one card (a card printer prints copies itself): ask for paper a4 or letter, or 1 copy`);
  }
  const problem = stockProblem(spec.stock, spec.paper, spec.format, spec.printMode);
  if (problem !== null) throw new SpecError(problem);
}

/**
 * A spec composed and laid out as its PDF prints it: the checks of paper, copies and stock, compose, then the
 * format the spec allows. makeCard and the app's preview both call this, so they never disagree.
 */
export function composeAndLayout(input: { template: Template; contentHash: string; custom?: boolean; spec: CardSpec; measurer: Measurer }): { document: CardDocument; layout: CardLayout } {
  checkPrintable(input.spec);
  const document = compose(input.template, input.spec, { contentHash: input.contentHash, custom: input.custom === true });
  return { document, layout: layoutForSpec(document, input.measurer, input.spec) };
}
