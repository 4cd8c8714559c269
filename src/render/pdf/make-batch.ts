/**
 * A batch: one card spec, many rows of field values (a clinic's list of people), all cards in ONE PDF of sheets
 * (or, on card paper, one page per face per card). The CLI's `--merge` uses it; the app could too.
 *
 * The cards share the sheet grid, so they share one format: with `auto`, the largest any row needs (each row is
 * laid out again in it if it needed less); a fixed format that a row does not fit is that row's error. Every row's
 * problem (a value too long, characters the font lacks, too much text) is collected and reported with the row's
 * label; nothing is skipped and no PDF is made while any row has one.
 *
 * Speed: rendering and saving a PDF costs per face, so faces that print the same on many cards (a template's
 * fixed sections, all but the faces with the row's own values) are rendered once: all distinct faces go into one
 * card PDF, with one font subset, and the imposition draws each card from its pages. Same input, same bytes.
 */
import { compose, SpecError, type CardDocument } from '../../core/compose';
import { OverflowError } from '../../core/layout/layout';
import type { CardLayout, FaceLayout, FormatGeometry, FormatId } from '../../core/layout/types';
import type { CardSpec } from '../../core/spec/schema';
import { renderCardPdf } from './card';
import { imposeCards, MAX_CARDS, type CardPages } from './impose';
import { isPrintProblem, sheetOptions, type MakeCardInput } from './make-card';
import { checkPrintable, formatChoice, layoutForSpec } from '../../core/layout/spec-layout';
import { pageCount, sheetLayout } from '../../core/layout/sheet-layout';

/** One card of the batch: the field values it adds to (or replaces in) the spec's, and what names it in errors. */
export interface BatchRow {
  /** "line 4": how problems name this row. */
  label: string;
  /** Field values by field id; an empty value prints as a blank line to fill in by hand. */
  fields: Record<string, string>;
}

export interface MakeBatchInput extends MakeCardInput {
  /** What every card shares; `copies` is the number of copies of each row, printed one after the other. */
  spec: CardSpec;
  rows: readonly BatchRow[];
}

export interface MadeBatch {
  bytes: Uint8Array;
  /** The format every card was laid out in. */
  format: FormatGeometry;
  /** Each row's layout, in order. */
  layouts: CardLayout[];
  documents: CardDocument[];
  /** Cards printed: rows × copies. */
  cards: number;
  /** Faces rendered: the distinct faces among all the cards'. */
  distinctFaces: number;
  pageCount: number;
}

/** One row's problem. */
export interface RowProblem {
  label: string;
  message: string;
}

/** Rows that cannot be printed; `problems` names each with its label. Nothing was made. */
export class BatchError extends Error {
  override name = 'BatchError';
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((problem) => `${problem.label}: ${problem.message}`).join('\n'));
  }
}

/** A row's problem as a user reads it, or the error itself when it is a bug. */
function rowProblem(label: string, error: unknown): RowProblem {
  if (isPrintProblem(error)) return { label, message: error.message };
  throw error;
}

/**
 * Renders every row's card into one PDF. Throws SpecError for a spec that cannot be printed at all (paper, copies,
 * stock), BatchError listing every row that cannot be printed.
 */
export async function makeBatch(input: MakeBatchInput): Promise<MadeBatch> {
  const { spec, rows } = input;
  checkPrintable(spec);
  if (rows.length === 0) throw new SpecError('no rows: a batch needs at least one card');
  const cardCount = rows.length * spec.copies;
  if (spec.paper !== 'card' && cardCount > MAX_CARDS) {
    throw new SpecError(`${rows.length} rows × ${spec.copies} copies is ${cardCount} cards; one PDF takes at most ${MAX_CARDS}: ask for fewer copies, or split the rows`);
  }

  // Each row's problem, by row index: reported in the rows' order, whichever step found it.
  const problems = new Map<number, RowProblem>();
  const fail = () => new BatchError([...problems.entries()].sort(([a], [b]) => a - b).map(([, problem]) => problem));
  const specs = rows.map((row) => ({ ...spec, fields: { ...spec.fields, ...row.fields } }));
  const documents: (CardDocument | null)[] = specs.map((rowSpec, index) => {
    try {
      return compose(input.template, rowSpec, { contentHash: input.contentHash, custom: input.custom === true });
    } catch (error) {
      problems.set(index, rowProblem(rows[index]?.label ?? '', error));
      return null;
    }
  });

  // One format for all: each row is tried in the largest format so far; one that needs more raises it.
  const choice = formatChoice(spec);
  let shared: FormatId | null = choice === 'auto' ? null : choice;
  const layouts: (CardLayout | null)[] = documents.map((document, index) => {
    if (document === null) return null;
    const label = rows[index]?.label ?? '';
    try {
      if (shared !== null) {
        try {
          return layoutForSpec(document, input.measurer, spec, shared);
        } catch (error) {
          if (!(error instanceof OverflowError) || choice !== 'auto') throw error;
        }
      }
      const layout = layoutForSpec(document, input.measurer, spec, 'auto');
      shared = layout.format.id;
      return layout;
    } catch (error) {
      problems.set(index, rowProblem(label, error));
      return null;
    }
  });
  if (problems.size > 0) throw fail();
  const target = shared as FormatId | null;
  const final = layouts.map((layout, index) => {
    if (layout === null) throw new Error('internal: a row without a layout and without a problem');
    if (target === null || layout.format.id === target) return layout;
    try {
      return layoutForSpec(documents[index] as CardDocument, input.measurer, spec, target);
    } catch (error) {
      problems.set(index, rowProblem(rows[index]?.label ?? '', error));
      return layout;
    }
  });
  if (problems.size > 0) throw fail();
  // Wallet cards with one face and with two share a grid: the sheet is laid out for the larger.
  const format = final.reduce((largest, layout) => (layout.format.faceCount > largest.faceCount ? layout.format : largest), (final[0] as CardLayout).format);
  const first = final[0] as CardLayout;
  const made = { format, layouts: final, documents: documents as CardDocument[], cards: cardCount };

  if (spec.paper === 'card') {
    // A card printer prints every face of every card, in order: one page each.
    const faces = final.flatMap((layout) => layout.faces);
    const bytes = await renderCardPdf(combined(first, faces), input.fonts, { creator: input.creator });
    return { ...made, bytes, distinctFaces: faces.length, pageCount: faces.length };
  }

  const pageOf = new Map<string, number>();
  const faces: FaceLayout[] = [];
  const cardPages: CardPages[] = final.map((layout) =>
    layout.faces.map((face) => {
      const key = JSON.stringify(face);
      let page = pageOf.get(key);
      if (page === undefined) {
        page = faces.length;
        pageOf.set(key, page);
        faces.push(face);
      }
      return page;
    }),
  );
  const cardPdf = await renderCardPdf(combined(first, faces), input.fonts, { creator: input.creator });
  const cards = cardPages.flatMap((pages) => Array.from({ length: spec.copies }, () => pages));
  const bytes = await imposeCards(cardPdf, format, cards, sheetOptions(spec, first, input.creator));
  return { ...made, bytes, distinctFaces: faces.length, pageCount: pageCount(sheetLayout(format, spec.paper, spec.printMode, spec.stock), cards.length) };
}

/**
 * One layout holding the given faces, for `renderCardPdf` to draw as one page each with one font subset. The rest
 * (face size, metadata, the images the faces place) is the first row's: every row shares the spec's template, date
 * and clinic, so those are the same for all.
 */
function combined(first: CardLayout, faces: FaceLayout[]): CardLayout {
  return { ...first, faces };
}
