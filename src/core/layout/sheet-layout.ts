/**
 * Where cards go on an A4 or US Letter sheet: pure geometry, no pdf-lib, so the app can show "10 cards per sheet"
 * without loading the PDF engine. `render/pdf/impose.ts` draws what this computes.
 *
 * Units are millimetres, origin at the top-left corner of the sheet, y downwards (like the CardLayout).
 *
 * The geometry, once, in words (each rule is tested):
 *
 * - A card is a strip of `format.panels` ID-1 faces side by side, the outside faces left to right as `format.outside`.
 *   The placed unit is that strip (duplex, or a card with no inside), or, in fold-over mode, the strip with its inside
 *   strip directly below it ("two rows"), so the unit is two faces high.
 * - Sheets are always portrait, never landscape pages. A unit is placed upright or, when more units fit that way
 *   (fold-3 strips are 256.8 mm wide, wider than either sheet; wallet cards on Letter fit 3 × 3 turned against
 *   2 × 4 upright), turned 90° counter-clockwise: the card's top edge towards the sheet's left edge. Keeping every
 *   page portrait means a viewer never auto-rotates a page and "flip on long edge" means the same thing for every
 *   sheet; the back is computed for the actual turn (see below), so turned cards are mirrored correctly too.
 * - Units abut (adjacent cards share cut lines, as on Avery C32011), with margins of at least 10 mm on every side for
 *   the crop marks, the ruler and the notes; the grid is centred on the sheet. Slots are numbered row by row, top to
 *   bottom, left to right, as seen on the front.
 * - Duplex back page: a long-edge flip puts the back page's point (x, y) behind the front's point (W − x, y).
 *   Turning a card over left to right (in the card's own frame) shows the inside, whose point (u, t) — measured in
 *   the inside view, as `format.inside` is given — lies behind the outside point (stripWidth − u, t). Composing the
 *   two gives every back face's position and turn: for an upright card in column c of n the back is in column
 *   n − 1 − c with the inside faces left to right as listed; for a turned card (top towards the sheet's left) the
 *   back is turned the other way (top towards the sheet's right), which is what reads upright once the cut card is
 *   turned over left to right.
 * - Fold-over (single-sided): the inside strip sits directly below the outside strip, turned 180°, so the two
 *   strips meet bottom edge to bottom edge at the fold line. The inside face listed first (`inside[0]`) is at the
 *   right end, upside down. Folding backwards along that line puts the inside point (u, t) behind the outside point
 *   (stripWidth − u, t) — exactly where the duplex back puts it — so the card reads the same either way: outside up,
 *   turn over left to right, the inside is upright and in order. The card's bottom edge is the fold.
 * - Card stock (`STOCK_PRESETS`): the grid is the preset's pre-cut cells, not computed. Each cell is 85 × 54 mm,
 *   a little narrower than ID-1 (85.60 × 53.98 mm), so a face is scaled uniformly by `stockScale` (≈ 99.3 %) and
 *   centred in its cell. Stock holds one wallet card per cell: no fold formats, no fold-over (`stockProblem`). The
 *   back page uses the same long-edge flip as plain paper, so each back lands behind its front's cell (the cells of
 *   both presets are symmetric about the sheet's vertical centre line, so column c's back is column n − 1 − c).
 */
import type { FormatGeometry, FormatId } from './types';
import { ID1, MM_PER_PT } from './types';
import type { Stock } from '../spec/defaults';

export type PaperId = 'a4' | 'letter';
export type SheetMode = 'duplex' | 'fold-over';

export interface PaperSize {
  id: PaperId;
  widthMm: number;
  heightMm: number;
  /** The exact page size written to the PDF. */
  widthPt: number;
  heightPt: number;
}


/** A4 is defined in millimetres, US Letter in inches: each keeps its exact unit, the other is derived. */
export const PAPERS: Readonly<Record<PaperId, PaperSize>> = {
  a4: { id: 'a4', widthMm: 210, heightMm: 297, widthPt: (210 * 72) / 25.4, heightPt: (297 * 72) / 25.4 },
  letter: { id: 'letter', widthMm: 612 * MM_PER_PT, heightMm: 792 * MM_PER_PT, widthPt: 612, heightPt: 792 },
};

/** Pre-cut A4 card stock: a grid of `columns` × `rows` cells, each `cellWidthMm` × `cellHeightMm`. */
export interface StockPreset {
  id: Exclude<Stock, 'plain'>;
  /** As printed on the pack and the sheet notes, e.g. "Avery C32011". */
  name: string;
  paper: 'a4';
  columns: number;
  rows: number;
  cellWidthMm: number;
  cellHeightMm: number;
  /** The first cell's top-left corner, from the sheet's top-left corner. */
  leftMm: number;
  topMm: number;
  /** From one cell's left (top) edge to the next one's. */
  pitchXMm: number;
  pitchYMm: number;
}

/**
 * The card stocks, in millimetres. Both are A4 (210 × 297) with 10 cards of 85 × 54, 2 × 5.
 *
 * - Avery C32011, as published: left 15, top 13.5, column pitch 95, row pitch 54. It adds up: 15 + 95 + 85 + 15 = 210
 *   across, 13.5 + 5 × 54 + 13.5 = 297 down, a 10 mm gap between the columns, rows touching.
 * - Avery Zweckform 32010: published as "≈ 14.1 mm margins, pitch ≈ 94.9 × 54". Those cannot all hold: with that
 *   pitch the grid is 94.9 + 85 = 179.9 mm wide and 5 × 54 = 270 mm high, leaving 30.1 mm across and 27 mm down,
 *   not 4 × 14.1. We keep the pitch (it decides how far the cards drift from first to last, so it matters most) and
 *   centre the grid, as die-cut sheets are: left and right 15.05, top and bottom 13.5. Should a sheet's grid sit up to
 *   1 mm off that, the print moves by as much, which the card's 3 mm safe margin absorbs (and the back offset can
 *   correct for the back).
 */
export const STOCK_PRESETS: Readonly<Record<Exclude<Stock, 'plain'>, StockPreset>> = {
  'avery-c32011': { id: 'avery-c32011', name: 'Avery C32011', paper: 'a4', columns: 2, rows: 5, cellWidthMm: 85, cellHeightMm: 54, leftMm: 15, topMm: 13.5, pitchXMm: 95, pitchYMm: 54 },
  'zweckform-32010': {
    id: 'zweckform-32010',
    name: 'Zweckform 32010',
    paper: 'a4',
    columns: 2,
    rows: 5,
    cellWidthMm: 85,
    cellHeightMm: 54,
    leftMm: (210 - 94.9 - 85) / 2,
    topMm: (297 - 5 * 54) / 2,
    pitchXMm: 94.9,
    pitchYMm: 54,
  },
};

/** The uniform scale that fits an ID-1 face into a stock's cell (85 / 85.6 ≈ 0.993 for 85 × 54 mm cells). */
export function stockScale(preset: StockPreset): number {
  return Math.min(preset.cellWidthMm / ID1.widthMm, preset.cellHeightMm / ID1.heightMm);
}

/** "99.3 %": the scale as the sheet notes and the app print it. */
export function stockScaleText(preset: StockPreset): string {
  return `${(stockScale(preset) * 100).toFixed(1)} %`;
}

/** A spec asks for a card stock that cannot hold it (wrong paper, a folding card, fold-over). */
export class StockError extends Error {
  override name = 'StockError';
}

/**
 * Why a card cannot be printed on `stock`, as a sentence that says what to choose instead, or null when it can.
 * `format` is the format asked for (`auto` is fine: on stock it means wallet).
 */
export function stockProblem(stock: Stock, paper: PaperId | 'card', format: FormatId | 'auto', mode: SheetMode): string | null {
  if (stock === 'plain') return null;
  const preset = STOCK_PRESETS[stock];
  if (preset === undefined) return `unknown card stock "${String(stock)}": choose one of plain, ${Object.keys(STOCK_PRESETS).join(', ')}`;
  if (paper !== preset.paper) {
    return `${preset.name} card stock is A4, so it cannot be printed on ${paper === 'letter' ? 'US Letter' : 'card-printer'} paper: choose paper A4, or plain paper (stock "plain")`;
  }
  if (format !== 'auto' && format !== 'wallet') {
    return `${preset.name} card stock holds wallet cards only (${preset.cellWidthMm} × ${preset.cellHeightMm} mm each), and a ${format} card folds out to ${format === 'fold-2' ? 'two' : 'three'} cards' width: choose plain paper (stock "plain") for a folding card, or the wallet format with fewer sections`;
  }
  if (mode === 'fold-over') {
    return `${preset.name} card stock has one pre-cut card per cell, so the fold-over layout (the back printed below the front) does not fit: choose duplex (without a duplex printer, print the back page on the other side by hand, as the sheet explains), or plain paper (stock "plain")`;
  }
  return null;
}

/** The narrowest margin left around the grid of cards, for crop marks, the ruler and the notes. */
export const MIN_MARGIN_MM = 10;
/** Crop marks and fold ticks start this far outside the trim… */
export const MARK_OFFSET_MM = 1.5;
/** …and are this long. */
export const MARK_LENGTH_MM = 5;
/** Sheet text keeps this far from the paper's edge: most printers cannot print the outer 3–5 mm. */
export const PRINTER_EDGE_MM = 5;
/** A margin band narrower than this holds no text. */
const MIN_AREA_DEPTH_MM = 3;
/** Space between two margin areas, one beyond the other. */
const AREA_GAP_MM = 1;
/** Sheet text keeps this far from the trim… */
export const TEXT_OFFSET_MM = 2;
/** …and this far from a crop mark or fold tick. */
export const TEXT_MARK_CLEARANCE_MM = 2;

/**
 * A 2-D affine map in sheet millimetres (y down): X = a·x + c·y + e, Y = b·x + d·y + f.
 * For a face it maps the face's own frame (origin top-left of the face, y down, 85.6 × 53.98 mm) onto the sheet.
 */
export type Affine = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

/** Clockwise turn of a face as seen on the sheet: where its top edge points (0 up, 90 right, 180 down, 270 left). */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** One face drawn on one side of the sheet. */
export interface FacePlacement {
  /** Index of the face (page of the card PDF). */
  face: number;
  /** The face's trim box on this side of the sheet, as seen looking at that side. */
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  rotationDeg: QuarterTurn;
  /** The exact map from the face's frame to this side of the sheet (what the PDF draws). */
  transform: Affine;
}

/** One card's place on the sheet. */
export interface SheetSlot {
  /** 0-based, row by row. */
  index: number;
  row: number;
  column: number;
  /** The card's trim box (the unit: strip, or strip plus inside strip in fold-over) on the front. */
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  /** Faces on the front page (outside faces, plus the turned inside faces in fold-over). */
  front: FacePlacement[];
  /** Faces on the back page (duplex inside faces), before any back offset; empty without a back page. */
  back: FacePlacement[];
}

/** A straight mark on the front page: a crop mark (cut line) or a fold tick. */
export interface MarkSegment {
  x1Mm: number;
  y1Mm: number;
  x2Mm: number;
  y2Mm: number;
}

export type MarginSide = 'top' | 'bottom' | 'left' | 'right';

/**
 * A free area of a margin, clear of the cards, the marks and the unprintable edge, where sheet text may go.
 * Text in top and bottom areas reads left to right; in left and right areas it is turned 90° counter-clockwise
 * (reads bottom to top). `lengthMm` runs along the text, `depthMm` across it.
 */
export interface MarginArea {
  side: MarginSide;
  /**
   * `between-marks`: next to the trim, between two marks. `beyond-marks`: outside the marks, along the whole grid.
   * `unmarked`: a sheet without marks (card stock): the whole margin, along the whole grid.
   */
  kind: 'between-marks' | 'beyond-marks' | 'unmarked';
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  lengthMm: number;
  depthMm: number;
}

export interface SheetLayout {
  paper: PaperSize;
  mode: SheetMode;
  /** Plain paper (crop marks, cards abut) or a pre-cut card stock. */
  stock: Stock;
  /** The stock's preset, null on plain paper. */
  stockPreset: StockPreset | null;
  /** The uniform scale each face is drawn at: 1 on plain paper, `stockScale` on card stock. */
  scale: number;
  formatId: FormatGeometry['id'];
  /** True when the cards are turned 90° counter-clockwise on the sheet (card top towards the sheet's left). */
  rotated: boolean;
  columns: number;
  rows: number;
  cardsPerSheet: number;
  /** Pages per sheet: 2 with a back page (duplex with inside faces), else 1. */
  pagesPerSheet: 1 | 2;
  hasBackPage: boolean;
  /** One card's trim box as placed (after any turn); on card stock, the pre-cut cell. */
  unitWidthMm: number;
  unitHeightMm: number;
  grid: { xMm: number; yMm: number; widthMm: number; heightMm: number };
  margins: { topMm: number; rightMm: number; bottomMm: number; leftMm: number };
  slots: SheetSlot[];
  /** Positions of the cut lines (on card stock, the pre-cut edges): vertical at x, horizontal at y. */
  cutLines: { xMm: number[]; yMm: number[] };
  /** Positions of the fold lines (panel folds, and the fold-over fold), vertical at x, horizontal at y. */
  foldLines: { xMm: number[]; yMm: number[] };
  /** None on card stock: its cards are cut already, and a mark would only print on the sheet's waste frame. */
  cropMarks: MarkSegment[];
  foldMarks: MarkSegment[];
  /** Free margin areas for the ruler and notes, in order of preference (bottom, top, left, right). */
  marginAreas: MarginArea[];
}

const EPSILON_MM = 1e-9;

/** m ∘ n: apply n first, then m. */
export function compose(m: Affine, n: Affine): Affine {
  const [a, b, c, d, e, f] = m;
  const [a2, b2, c2, d2, e2, f2] = n;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

export function apply(m: Affine, x: number, y: number): { x: number; y: number } {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

const translate = (x: number, y: number): Affine => [1, 0, 0, 1, x, y];

const scaleBy = (factor: number): Affine => [factor, 0, 0, factor, 0, 0];

function placement(face: number, transform: Affine): FacePlacement {
  if (transform[0] * transform[3] - transform[1] * transform[2] <= 0) {
    throw new Error(`internal: face ${face} would be drawn mirrored`);
  }
  const corners = [apply(transform, 0, 0), apply(transform, ID1.widthMm, ID1.heightMm)];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  // Where the face's x axis points on the sheet gives its clockwise turn.
  const [a, b] = transform;
  const rotationDeg: QuarterTurn = a > 0.5 ? 0 : b > 0.5 ? 90 : a < -0.5 ? 180 : 270;
  return {
    face,
    xMm: Math.min(...xs),
    yMm: Math.min(...ys),
    widthMm: Math.max(...xs) - Math.min(...xs),
    heightMm: Math.max(...ys) - Math.min(...ys),
    rotationDeg,
    transform,
  };
}

/** Whether a card of this format prints a back page in this mode. */
export function hasBackPage(format: FormatGeometry, mode: SheetMode): boolean {
  return mode === 'duplex' && format.inside.length > 0;
}

/**
 * The grid of cards, the faces on each side, the marks and the free margin areas for one format, paper, mode and
 * stock. Throws StockError when the stock cannot hold the card (`stockProblem`).
 */
export function sheetLayout(format: FormatGeometry, paperId: PaperId, mode: SheetMode, stock: Stock = 'plain'): SheetLayout {
  if (stock !== 'plain') return stockSheetLayout(format, paperId, mode, stock);
  const paper = PAPERS[paperId];
  const faceW = ID1.widthMm;
  const faceH = ID1.heightMm;
  const withInside = format.inside.length > 0;
  const foldOver = mode === 'fold-over' && withInside;
  const back = hasBackPage(format, mode);
  const stripW = format.panels * faceW;
  const uprightW = stripW;
  const uprightH = foldOver ? 2 * faceH : faceH;

  const fit = (w: number, h: number) => {
    const columns = Math.floor((paper.widthMm - 2 * MIN_MARGIN_MM + EPSILON_MM) / w);
    const rows = Math.floor((paper.heightMm - 2 * MIN_MARGIN_MM + EPSILON_MM) / h);
    return { columns, rows, count: columns * rows };
  };
  const upright = fit(uprightW, uprightH);
  const turned = fit(uprightH, uprightW);
  const rotated = turned.count > upright.count;
  const { columns, rows, count } = rotated ? turned : upright;
  if (count === 0) throw new Error(`internal: a ${format.id} card does not fit on ${paperId}`);
  const unitW = rotated ? uprightH : uprightW;
  const unitH = rotated ? uprightW : uprightH;
  const grid = {
    xMm: (paper.widthMm - columns * unitW) / 2,
    yMm: (paper.heightMm - rows * unitH) / 2,
    widthMm: columns * unitW,
    heightMm: rows * unitH,
  };
  const gridRight = grid.xMm + grid.widthMm;
  const gridBottom = grid.yMm + grid.heightMm;

  // Faces in the unit's upright frame (origin top-left of the outside strip, y down).
  const outsideInUnit = format.outside.map((face, i) => ({ face, transform: translate(i * faceW, 0) }));
  // Fold-over: inside face j turned 180°, its cell at x ∈ [stripW − (j+1)·faceW, stripW − j·faceW], y ∈ [faceH, 2·faceH].
  const foldedInsideInUnit = foldOver ? format.inside.map((face, j) => ({ face, transform: [-1, 0, 0, -1, stripW - j * faceW, 2 * faceH] as Affine })) : [];
  // Duplex: inside face j in the inside view is at u = j·faceW + x; it lies behind the outside point (stripW − u, y).
  const backInsideInUnit = back ? format.inside.map((face, j) => ({ face, transform: [-1, 0, 0, 1, stripW - j * faceW, 0] as Affine })) : [];
  // Long-edge flip: the back page's (x, y) is behind the front's (W − x, y).
  const flip: Affine = [-1, 0, 0, 1, paper.widthMm, 0];

  const slots: SheetSlot[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const x0 = grid.xMm + column * unitW;
      const y0 = grid.yMm + row * unitH;
      // Upright: (u, v) → (x0 + u, y0 + v). Turned 90° counter-clockwise: (u, v) → (x0 + v, y0 + uprightW − u).
      const place: Affine = rotated ? [0, -1, 1, 0, x0, y0 + uprightW] : translate(x0, y0);
      slots.push({
        index: slots.length,
        row,
        column,
        xMm: x0,
        yMm: y0,
        widthMm: unitW,
        heightMm: unitH,
        front: [...outsideInUnit, ...foldedInsideInUnit].map(({ face, transform }) => placement(face, compose(place, transform))),
        back: backInsideInUnit.map(({ face, transform }) => placement(face, compose(flip, compose(place, transform)))),
      });
    }
  }

  const cutLines = {
    xMm: Array.from({ length: columns + 1 }, (_, k) => grid.xMm + k * unitW),
    yMm: Array.from({ length: rows + 1 }, (_, k) => grid.yMm + k * unitH),
  };
  // Fold lines in the unit's upright frame: panel folds at u = k·faceW (vertical), the fold-over fold at v = faceH.
  const panelFolds = Array.from({ length: format.panels - 1 }, (_, k) => (k + 1) * faceW);
  const foldLines = { xMm: [] as number[], yMm: [] as number[] };
  if (rotated) {
    // u runs up the sheet: a panel fold is horizontal at y0 + uprightW − u; the fold-over fold is vertical at x0 + faceH.
    for (let row = 0; row < rows; row += 1) for (const u of panelFolds) foldLines.yMm.push(grid.yMm + row * unitH + uprightW - u);
    if (foldOver) for (let column = 0; column < columns; column += 1) foldLines.xMm.push(grid.xMm + column * unitW + faceH);
  } else {
    for (let column = 0; column < columns; column += 1) for (const u of panelFolds) foldLines.xMm.push(grid.xMm + column * unitW + u);
    if (foldOver) for (let row = 0; row < rows; row += 1) foldLines.yMm.push(grid.yMm + row * unitH + faceH);
  }
  foldLines.xMm.sort((p, q) => p - q);
  foldLines.yMm.sort((p, q) => p - q);

  const near = MARK_OFFSET_MM;
  const far = MARK_OFFSET_MM + MARK_LENGTH_MM;
  const ticksAt = (xs: number[], ys: number[]): MarkSegment[] => [
    ...xs.flatMap((x) => [
      { x1Mm: x, y1Mm: grid.yMm - near, x2Mm: x, y2Mm: grid.yMm - far },
      { x1Mm: x, y1Mm: gridBottom + near, x2Mm: x, y2Mm: gridBottom + far },
    ]),
    ...ys.flatMap((y) => [
      { x1Mm: grid.xMm - near, y1Mm: y, x2Mm: grid.xMm - far, y2Mm: y },
      { x1Mm: gridRight + near, y1Mm: y, x2Mm: gridRight + far, y2Mm: y },
    ]),
  ];

  const margins = { topMm: grid.yMm, rightMm: paper.widthMm - gridRight, bottomMm: paper.heightMm - gridBottom, leftMm: grid.xMm };
  const marginAreas = freeMarginAreas(paper, grid, [...cutLines.xMm, ...foldLines.xMm], [...cutLines.yMm, ...foldLines.yMm]);

  return {
    paper,
    mode,
    stock: 'plain',
    stockPreset: null,
    scale: 1,
    formatId: format.id,
    rotated,
    columns,
    rows,
    cardsPerSheet: count,
    pagesPerSheet: back ? 2 : 1,
    hasBackPage: back,
    unitWidthMm: unitW,
    unitHeightMm: unitH,
    grid,
    margins,
    slots,
    cutLines,
    foldLines,
    cropMarks: ticksAt(cutLines.xMm, cutLines.yMm),
    foldMarks: ticksAt(foldLines.xMm, foldLines.yMm),
    marginAreas,
  };
}

/** A wallet card on a pre-cut stock: its cells, each face scaled and centred in its cell, no marks. */
function stockSheetLayout(format: FormatGeometry, paperId: PaperId, mode: SheetMode, stock: Exclude<Stock, 'plain'>): SheetLayout {
  const problem = stockProblem(stock, paperId, format.id, mode);
  if (problem !== null) throw new StockError(problem);
  const preset = STOCK_PRESETS[stock];
  const paper = PAPERS[preset.paper];
  const scale = stockScale(preset);
  const back = hasBackPage(format, mode);
  // The scaled face, centred in its cell.
  const insetX = (preset.cellWidthMm - ID1.widthMm * scale) / 2;
  const insetY = (preset.cellHeightMm - ID1.heightMm * scale) / 2;
  const flip: Affine = [-1, 0, 0, 1, paper.widthMm, 0];
  const backInsideInUnit: Affine = [-1, 0, 0, 1, ID1.widthMm, 0];

  const slots: SheetSlot[] = [];
  for (let row = 0; row < preset.rows; row += 1) {
    for (let column = 0; column < preset.columns; column += 1) {
      const x0 = preset.leftMm + column * preset.pitchXMm;
      const y0 = preset.topMm + row * preset.pitchYMm;
      const place = compose(translate(x0 + insetX, y0 + insetY), scaleBy(scale));
      slots.push({
        index: slots.length,
        row,
        column,
        xMm: x0,
        yMm: y0,
        widthMm: preset.cellWidthMm,
        heightMm: preset.cellHeightMm,
        front: format.outside.map((face) => placement(face, place)),
        back: back ? format.inside.map((face) => placement(face, compose(flip, compose(place, backInsideInUnit)))) : [],
      });
    }
  }
  const grid = {
    xMm: preset.leftMm,
    yMm: preset.topMm,
    widthMm: (preset.columns - 1) * preset.pitchXMm + preset.cellWidthMm,
    heightMm: (preset.rows - 1) * preset.pitchYMm + preset.cellHeightMm,
  };
  const edges = (first: number, pitch: number, size: number, count: number) =>
    [...new Set(Array.from({ length: count }, (_, k) => [first + k * pitch, first + k * pitch + size]).flat())].sort((p, q) => p - q);
  return {
    paper,
    mode,
    stock,
    stockPreset: preset,
    scale,
    formatId: format.id,
    rotated: false,
    columns: preset.columns,
    rows: preset.rows,
    cardsPerSheet: preset.columns * preset.rows,
    pagesPerSheet: back ? 2 : 1,
    hasBackPage: back,
    unitWidthMm: preset.cellWidthMm,
    unitHeightMm: preset.cellHeightMm,
    grid,
    margins: { topMm: grid.yMm, rightMm: paper.widthMm - grid.xMm - grid.widthMm, bottomMm: paper.heightMm - grid.yMm - grid.heightMm, leftMm: grid.xMm },
    slots,
    cutLines: { xMm: edges(preset.leftMm, preset.pitchXMm, preset.cellWidthMm, preset.columns), yMm: edges(preset.topMm, preset.pitchYMm, preset.cellHeightMm, preset.rows) },
    foldLines: { xMm: [], yMm: [] },
    // Pre-cut stock needs no crop marks: the cards are cut already, so a mark could only print on the waste frame
    // around them, where it would suggest cutting a card that must not be cut.
    cropMarks: [],
    foldMarks: [],
    marginAreas: freeMarginAreas(paper, grid, null, null),
  };
}

/**
 * The free parts of the four margins, in order of preference. Top and bottom span the grid's width; left and right
 * span its height (the corners are left alone). Next to the trim, marks stand at `markXs` (top, bottom) and `markYs`
 * (left, right), so the areas there lie between marks; beyond the marks, one area runs along the whole grid.
 * Without marks (`null`: card stock), each margin is one `unmarked` area along the whole grid.
 */
function freeMarginAreas(paper: PaperSize, grid: SheetLayout['grid'], markXs: number[] | null, markYs: number[] | null): MarginArea[] {
  const gridRight = grid.xMm + grid.widthMm;
  const gridBottom = grid.yMm + grid.heightMm;
  const beyond = MARK_OFFSET_MM + MARK_LENGTH_MM + TEXT_MARK_CLEARANCE_MM;
  const sortedXs = [...new Set(markXs ?? [])].sort((p, q) => p - q);
  const sortedYs = [...new Set(markYs ?? [])].sort((p, q) => p - q);
  const gaps = (positions: number[]) =>
    positions.slice(1).map((end, i) => ({ from: (positions[i] ?? 0) + TEXT_MARK_CLEARANCE_MM, to: end - TEXT_MARK_CLEARANCE_MM }));

  // One margin, as lengths along it and depths across it: depth 0 is TEXT_OFFSET_MM from the trim, `depth` is the
  // printable edge. Beyond the marks (when that band is deep enough for a line of text), one area runs along the
  // whole grid; the areas between the marks then stop where it starts, so no two areas overlap.
  const margin = (side: MarginSide, depth: number, marks: number[], gridFrom: number, gridLength: number) => {
    if (markXs === null || markYs === null) return [{ side, kind: 'unmarked' as const, from: gridFrom, length: gridLength, depthFrom: 0, depthTo: depth }];
    const beyondFrom = beyond - TEXT_OFFSET_MM;
    const hasBeyond = depth - beyondFrom >= MIN_AREA_DEPTH_MM;
    const result: { side: MarginSide; kind: MarginArea['kind']; from: number; length: number; depthFrom: number; depthTo: number }[] = [];
    if (hasBeyond) result.push({ side, kind: 'beyond-marks', from: gridFrom, length: gridLength, depthFrom: beyondFrom, depthTo: depth });
    const nearTo = hasBeyond ? beyondFrom - AREA_GAP_MM : depth;
    for (const gap of gaps(marks)) result.push({ side, kind: 'between-marks', from: gap.from, length: gap.to - gap.from, depthFrom: 0, depthTo: nearTo });
    return result;
  };
  const toArea = ({ side, kind, from, length, depthFrom, depthTo }: ReturnType<typeof margin>[number]): MarginArea => {
    const depthMm = depthTo - depthFrom;
    switch (side) {
      case 'bottom':
        return { side, kind, xMm: from, yMm: gridBottom + TEXT_OFFSET_MM + depthFrom, widthMm: length, heightMm: depthMm, lengthMm: length, depthMm };
      case 'top':
        return { side, kind, xMm: from, yMm: grid.yMm - TEXT_OFFSET_MM - depthTo, widthMm: length, heightMm: depthMm, lengthMm: length, depthMm };
      case 'left':
        return { side, kind, xMm: grid.xMm - TEXT_OFFSET_MM - depthTo, yMm: from, widthMm: depthMm, heightMm: length, lengthMm: length, depthMm };
      case 'right':
        return { side, kind, xMm: gridRight + TEXT_OFFSET_MM + depthFrom, yMm: from, widthMm: depthMm, heightMm: length, lengthMm: length, depthMm };
    }
  };
  const vertical = (side: 'left' | 'right', depth: number) => {
    const areas = margin(side, depth, sortedYs, grid.yMm, grid.heightMm);
    // Turned text reads bottom to top: the lowest gap between marks comes first.
    return [...areas.filter((area) => area.kind !== 'between-marks'), ...areas.filter((area) => area.kind === 'between-marks').reverse()];
  };

  const areas = [
    ...margin('bottom', paper.heightMm - gridBottom - TEXT_OFFSET_MM - PRINTER_EDGE_MM, sortedXs, grid.xMm, grid.widthMm),
    ...margin('top', grid.yMm - TEXT_OFFSET_MM - PRINTER_EDGE_MM, sortedXs, grid.xMm, grid.widthMm),
    ...vertical('left', grid.xMm - TEXT_OFFSET_MM - PRINTER_EDGE_MM),
    ...vertical('right', paper.widthMm - gridRight - TEXT_OFFSET_MM - PRINTER_EDGE_MM),
  ];
  return areas.filter((area) => area.length > 0 && area.depthTo - area.depthFrom > 0).map(toArea);
}

/** Sheets needed for `copies` cards. */
export function sheetCount(layout: SheetLayout, copies: number): number {
  return Math.ceil(copies / layout.cardsPerSheet);
}

/** Pages in the imposed PDF for `copies` cards. */
export function pageCount(layout: SheetLayout, copies: number): number {
  return sheetCount(layout, copies) * layout.pagesPerSheet;
}
