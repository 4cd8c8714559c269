/**
 * The scale ruler and the printing notes of a front sheet, fitted into the free margin areas of a SheetLayout.
 * Pure: text is measured by the function passed in (impose.ts passes Helvetica's widths). Millimetres, y down.
 */
import { MM_PER_PT } from '../../core/layout/types';
import type { Affine, MarginArea, SheetLayout, StockPreset } from '../../core/layout/sheet-layout';
import { stockScaleText } from '../../core/layout/sheet-layout';

/** The ruler's length: what a user measures to check the print scale. */
export const RULER_LENGTH_MM = 50;
export const RULER_LABEL = '50 mm';
/** The scale note, one sentence a line (a long sentence wraps). */
export const SCALE_NOTE = ["Print at 100 % / Actual size — not 'Fit to page'.", 'This ruler must measure 50 mm.'] as const;
/** Sheet text size, in points. */
export const NOTE_SIZE_PT = 7;

const LINE_MM = NOTE_SIZE_PT * 1.2 * MM_PER_PT;
/** Helvetica's ascender is 0.718 em: the first baseline sits this far below the top of a text block. */
const BASELINE_MM = NOTE_SIZE_PT * 0.75 * MM_PER_PT;
const ITEM_GAP_MM = 1;
/** Between items side by side. */
const SIDE_GAP_MM = 5;
/** The ruler block: a line at the top, ticks hanging from it, the label after its end. */
const RULER_TICK_MM = { mm: 1.2, five: 1.9, ten: 2.6 } as const;
const RULER_DEPTH_MM = 2.8;
const RULER_LABEL_GAP_MM = 1.2;

/** What a planned item draws, in the item's own frame (s along the text, d across, y down), mapped to the sheet. */
export type PlannedItem =
  | { kind: 'ruler'; frame: Affine; lengthMm: number; ticks: { sMm: number; lengthMm: number }[]; label: { text: string; sMm: number; baselineMm: number } }
  | { kind: 'text'; frame: Affine; lines: { text: string; baselineMm: number }[] };

export interface PlannedNotes {
  items: PlannedItem[];
  /** The area each item went to (ruler, note, instructions, and the back-offset tip on duplex sheets), for tests. */
  areas: MarginArea[];
}

/** Width of `text` in Helvetica at `sizePt`, in millimetres. */
export type WidthMm = (text: string, sizePt: number) => number;

/** How to print, cut and fold a sheet of this format, mode and stock, one sentence a line. */
export function modeInstructions(layout: Pick<SheetLayout, 'mode' | 'hasBackPage' | 'stockPreset'>, panels: number, hasInside: boolean): string[] {
  if (layout.stockPreset !== null) return stockInstructions(layout.stockPreset, layout.hasBackPage);
  if (layout.hasBackPage) {
    return ['Duplex: print both sides, flip on long edge.', panels > 1 ? 'Crease between the grey dashed ticks, cut on the crop marks, fold.' : 'Cut along the crop marks.'];
  }
  if (layout.mode === 'fold-over' && hasInside) {
    return [
      'Fold-over: print one side only.',
      'Crease between the grey dashed ticks, cut on the crop marks.',
      `Fold back on the middle crease and glue back to back${panels > 1 ? ', then fold the panels' : ''}.`,
    ];
  }
  return ['Print one side. Cut along the crop marks.'];
}

/** "Cards scaled to 99.3 % to fit Avery C32011 (85 × 54 mm)." */
export function stockScaleNote(preset: StockPreset): string {
  return `Cards scaled to ${stockScaleText(preset)} to fit ${preset.name} (${preset.cellWidthMm} × ${preset.cellHeightMm} mm).`;
}

/**
 * Card stock: how to print it, the scale, and, with a back page, how to feed the sheet again on a printer without
 * duplex. A long-edge flip is a turn left to right with the top edge still leading, which is what the back page's
 * mirrored columns expect.
 */
function stockInstructions(preset: StockPreset, hasBackPage: boolean): string[] {
  return [
    hasBackPage ? `Duplex: print both sides of the ${preset.name} sheet, flip on long edge.` : `Print one side of the ${preset.name} sheet.`,
    stockScaleNote(preset),
    ...(hasBackPage ? ['No duplex? Print page 1, turn the sheet over left to right (top edge first again), feed it back in, print page 2.'] : []),
    'Pre-cut cards: no cutting; break them out after printing.',
  ];
}

/** A hint for duplex sheets, placed wherever there is room. */
export const BACK_OFFSET_TIP = ['Back out of line with the front? Measure it and set a back offset.'] as const;

/**
 * Each sentence starts a line; a sentence too long for `lengthMm` breaks at spaces. `null` when a word alone is
 * longer than `lengthMm`.
 */
export function wrap(sentences: readonly string[], lengthMm: number, widthMm: WidthMm): string[] | null {
  const lines: string[] = [];
  for (const sentence of sentences) {
    const broken = wrapSentence(sentence, lengthMm, widthMm);
    if (broken === null) return null;
    lines.push(...broken);
  }
  return lines;
}

function wrapSentence(text: string, lengthMm: number, widthMm: WidthMm): string[] | null {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (widthMm(candidate, NOTE_SIZE_PT) <= lengthMm) {
      line = candidate;
    } else {
      if (line === '' || widthMm(word, NOTE_SIZE_PT) > lengthMm) return null;
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The map from an area's text frame (origin at the text's top-left, s along the text, d across) to the sheet. */
function areaFrame(area: MarginArea, sMm: number, dMm: number): Affine {
  if (area.side === 'top' || area.side === 'bottom') return [1, 0, 0, 1, area.xMm + sMm, area.yMm + dMm];
  // Turned 90° counter-clockwise: s runs up the sheet, d runs right.
  return [0, -1, 1, 0, area.xMm + dMm, area.yMm + area.heightMm - sMm];
}

/** Which end of an area's depth touches the trim: the block is pushed there. */
function trimAtStart(area: MarginArea): boolean {
  return area.side === 'bottom' || area.side === 'right';
}

type Draft = { kind: 'ruler'; lengthMm: number; depthMm: number } | { kind: 'text'; lines: string[]; lengthMm: number; depthMm: number };

/** Items side by side along an area, on one shelf; shelves stack across the area's depth. */
interface Shelf {
  depthMm: number;
  usedMm: number;
  items: { draft: Draft; sMm: number }[];
}

/**
 * Places the ruler, the scale note (next to the ruler when it fits), the instructions (one block, or sentence by
 * sentence when no area holds the block) and, on duplex sheets, the back-offset tip, each in the first margin area
 * with room for it: beside the items already there when it fits, else
 * below them. All in one margin if one holds them (bottom, top, left, right, in that order), so the note stays by
 * the ruler; else spread over the margins in that order. Throws when something does not fit anywhere, which the
 * tests rule out for every format, paper and mode.
 */
export function planSheetNotes(layout: SheetLayout, instructions: readonly string[], widthMm: WidthMm): PlannedNotes {
  for (const side of ['bottom', 'top', 'left', 'right'] as const) {
    const planned = planIn(layout.marginAreas.filter((area) => area.side === side), layout, instructions, widthMm);
    if (planned !== null) return planned;
  }
  const planned = planIn(layout.marginAreas, layout, instructions, widthMm);
  if (planned === null) throw new Error(`internal: the sheet notes do not fit in the margins of a ${layout.formatId} ${layout.paper.id} ${layout.mode} sheet`);
  return planned;
}

class NoRoom extends Error {}

function planIn(candidates: MarginArea[], layout: SheetLayout, instructions: readonly string[], widthMm: WidthMm): PlannedNotes | null {
  try {
    return planOrThrow(candidates, layout, instructions, widthMm);
  } catch (error) {
    if (error instanceof NoRoom) return null;
    throw error;
  }
}

function planOrThrow(candidates: MarginArea[], layout: SheetLayout, instructions: readonly string[], widthMm: WidthMm): PlannedNotes {
  const labelWidth = widthMm(RULER_LABEL, NOTE_SIZE_PT);
  const rulerLength = RULER_LENGTH_MM + RULER_LABEL_GAP_MM + labelWidth;
  const shelves = new Map<MarginArea, Shelf[]>();
  const stackDepth = (list: Shelf[]) => list.reduce((sum, shelf) => sum + shelf.depthMm, 0) + Math.max(0, list.length - 1) * ITEM_GAP_MM;

  /**
   * `make` gives the item laid out for an available length, or null when it cannot be. Beside other items, a
   * paragraph must keep one line per sentence: squeezing it into a narrow column would be hard to read.
   */
  const place = (make: (availableMm: number, beside: boolean) => Draft | null, first?: MarginArea): MarginArea => {
    const order = first === undefined ? candidates : [first, ...candidates.filter((area) => area !== first)];
    for (const area of order) {
      const list = shelves.get(area) ?? [];
      const last = list.at(-1);
      if (last !== undefined) {
        const available = area.lengthMm - last.usedMm - SIDE_GAP_MM;
        const draft = available > 0 ? make(available, true) : null;
        if (draft !== null && draft.lengthMm <= available && stackDepth(list) - last.depthMm + Math.max(last.depthMm, draft.depthMm) <= area.depthMm) {
          last.items.push({ draft, sMm: last.usedMm + SIDE_GAP_MM });
          last.usedMm += SIDE_GAP_MM + draft.lengthMm;
          last.depthMm = Math.max(last.depthMm, draft.depthMm);
          return area;
        }
      }
      const draft = make(area.lengthMm, false);
      if (draft !== null && draft.lengthMm <= area.lengthMm && stackDepth([...list, { depthMm: draft.depthMm, usedMm: 0, items: [] }]) <= area.depthMm) {
        shelves.set(area, [...list, { depthMm: draft.depthMm, usedMm: draft.lengthMm, items: [{ draft, sMm: 0 }] }]);
        return area;
      }
    }
    throw new NoRoom();
  };
  const paragraph = (sentences: readonly string[]) => (availableMm: number, beside: boolean): Draft | null => {
    const lines = wrap(sentences, availableMm, widthMm);
    if (lines === null || (beside && lines.length > sentences.length)) return null;
    return { kind: 'text', lines, lengthMm: Math.max(...lines.map((line) => widthMm(line, NOTE_SIZE_PT))), depthMm: lines.length * LINE_MM };
  };

  const rulerArea = place(() => ({ kind: 'ruler', lengthMm: rulerLength, depthMm: RULER_DEPTH_MM }));
  const areas = [rulerArea, place(paragraph(SCALE_NOTE), rulerArea)];
  try {
    areas.push(place(paragraph(instructions)));
  } catch (error) {
    if (!(error instanceof NoRoom)) throw error;
    // Narrow margins (card stock's 13.5 mm): no area holds the instructions as one block, so each sentence goes
    // wherever it fits, in order.
    for (const sentence of instructions) areas.push(place(paragraph([sentence])));
  }
  if (layout.hasBackPage) areas.push(place(paragraph(BACK_OFFSET_TIP)));

  const items: PlannedItem[] = [];
  for (const [area, list] of shelves) {
    // The stack is pushed against the trim side of the area.
    let d = trimAtStart(area) ? 0 : area.depthMm - stackDepth(list);
    for (const shelf of list) {
      for (const { draft, sMm } of shelf.items) {
        const frame = areaFrame(area, sMm, d);
        if (draft.kind === 'ruler') {
          const ticks = Array.from({ length: RULER_LENGTH_MM + 1 }, (_, mm) => ({
            sMm: mm,
            lengthMm: mm % 10 === 0 ? RULER_TICK_MM.ten : mm % 5 === 0 ? RULER_TICK_MM.five : RULER_TICK_MM.mm,
          }));
          items.push({
            kind: 'ruler',
            frame,
            lengthMm: RULER_LENGTH_MM,
            ticks,
            label: { text: RULER_LABEL, sMm: RULER_LENGTH_MM + RULER_LABEL_GAP_MM, baselineMm: RULER_TICK_MM.ten },
          });
        } else {
          items.push({ kind: 'text', frame, lines: draft.lines.map((text, i) => ({ text, baselineMm: BASELINE_MM + i * LINE_MM })) });
        }
      }
      d += shelf.depthMm + ITEM_GAP_MM;
    }
  }
  return { items, areas };
}
