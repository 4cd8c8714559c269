/**
 * Imposition, read back with the real tools (pdfinfo, pdftotext, qpdf). The card PDFs are made here: one ID-1 page
 * per face, a big label "FACE <i> <ROLE>" centred on the face and a small "TOP" centred at its top edge, so that
 * pdftotext -bbox gives each face's centre and which way is up on the sheet.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLD_2, FOLD_3, WALLET_1, WALLET_2 } from '../../../src/core/layout/formats';
import type { FormatGeometry } from '../../../src/core/layout/types';
import { ID1 } from '../../../src/core/layout/types';
import type { PaperId, SheetMode, SheetOptions } from '../../../src/render/pdf/impose';
import { CardPdfError, MAX_COPIES, SheetOptionsError, imposeSheets } from '../../../src/render/pdf/impose';
import { MIN_MARGIN_MM, PAPERS, PRINTER_EDGE_MM, sheetLayout } from '../../../src/core/layout/sheet-layout';
import { tempDir } from '../../helpers/run';

const PT_PER_MM = 72 / 25.4;

function run(command: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

const FORMATS: [string, FormatGeometry][] = [
  ['wallet-1', WALLET_1],
  ['wallet-2', WALLET_2],
  ['fold-2', FOLD_2],
  ['fold-3', FOLD_3],
];
const PAPER_IDS: PaperId[] = ['a4', 'letter'];
const MODES: SheetMode[] = ['duplex', 'fold-over'];
const PDFINFO_SIZE: Record<PaperId, string> = { a4: '595.276 x 841.89 pts (A4)', letter: '612 x 792 pts (letter)' };

/** Cards per sheet, written out by hand: [duplex, fold-over]. */
const CARDS_PER_SHEET: Record<string, Record<PaperId, [number, number]>> = {
  'wallet-1': { a4: [10, 10], letter: [9, 9] },
  'wallet-2': { a4: [10, 4], letter: [9, 4] },
  'fold-2': { a4: [5, 2], letter: [4, 2] },
  'fold-3': { a4: [3, 1], letter: [3, 1] },
};

const META: SheetOptions['metadata'] = {
  title: 'Safety card — sheet',
  subject: 'MDMA safety card, printed sheet',
  keywords: ['safety card', 'MDMA'],
  language: 'en',
  creator: 'Safety Card tests',
  producer: 'Safety Card (pdf-lib)',
  date: '2025-03-14',
};

const options = (paper: PaperId, mode: SheetMode, copies: number, extra: Partial<SheetOptions> = {}): SheetOptions => ({ paper, mode, copies, metadata: META, ...extra });

function roleOf(format: FormatGeometry, face: number): string {
  if (face === 0) return 'FRONT';
  return format.outside.includes(face) ? 'OUTSIDE' : 'INSIDE';
}

const cards = new Map<FormatGeometry, Uint8Array>();
async function cardPdf(format: FormatGeometry): Promise<Uint8Array> {
  const cached = cards.get(format);
  if (cached !== undefined) return cached;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let face = 0; face < format.faceCount; face += 1) {
    const page = doc.addPage([ID1.widthPt, ID1.heightPt]);
    page.drawRectangle({ x: 2, y: 2, width: ID1.widthPt - 4, height: ID1.heightPt - 4, borderColor: rgb(0.1, 0.3, 0.7), borderWidth: 1 });
    const label = `FACE ${face} ${roleOf(format, face)}`;
    const size = 20;
    page.drawText(label, { x: (ID1.widthPt - font.widthOfTextAtSize(label, size)) / 2, y: ID1.heightPt / 2 - size * 0.35, size, font });
    page.drawText('TOP', { x: (ID1.widthPt - font.widthOfTextAtSize('TOP', 8)) / 2, y: ID1.heightPt - 14, size: 8, font });
  }
  doc.setCreationDate(new Date(Date.UTC(2025, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2025, 0, 1)));
  const bytes = await doc.save();
  cards.set(format, bytes);
  return bytes;
}

let dir: { path: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir('safety-card-impose-');
});
afterAll(() => dir.cleanup());

let fileCounter = 0;
async function imposeToFile(format: FormatGeometry, sheetOptions: SheetOptions): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = await imposeSheets(await cardPdf(format), format, sheetOptions);
  fileCounter += 1;
  const path = join(dir.path, `${format.id}-${format.faceCount}-${sheetOptions.paper}-${sheetOptions.mode}-${sheetOptions.copies}-${fileCounter}.pdf`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

async function pdfinfo(path: string): Promise<{ pages: number; pageSize: string; raw: string }> {
  const { code, stdout, stderr } = await run('pdfinfo', [path]);
  expect(code, stderr).toBe(0);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1]);
  const pageSize = /^Page size:\s+(.+)$/m.exec(stdout)?.[1]?.trim() ?? '';
  return { pages, pageSize, raw: stdout };
}

async function pageTexts(path: string): Promise<string[]> {
  const { code, stdout, stderr } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  expect(code, stderr).toBe(0);
  return stdout.split('\f').slice(0, -1).map((text) => text.replace(/\s+/g, ' '));
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words per page from `pdftotext -bbox` (points, origin top-left, y down). */
async function pageWords(path: string): Promise<Word[][]> {
  const { code, stdout, stderr } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']);
  expect(code, stderr).toBe(0);
  const unescape = (text: string) => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: unescape(m[5] ?? ''),
      })),
    );
}

interface FaceSeen {
  face: number;
  cx: number;
  cy: number;
  /** Unit vector from the face's centre towards its top edge, on the page (y down). */
  up: { x: number; y: number };
}

/** The faces on one page: label centre and the direction of the face's top edge. */
function facesOn(words: Word[]): FaceSeen[] {
  const tops = words.filter((word) => word.text === 'TOP').map((word) => ({ x: (word.xMin + word.xMax) / 2, y: (word.yMin + word.yMax) / 2 }));
  const faces: FaceSeen[] = [];
  words.forEach((word, i) => {
    if (word.text !== 'FACE') return;
    const parts = [word, words[i + 1], words[i + 2]].filter((part): part is Word => part !== undefined);
    const cx = (Math.min(...parts.map((p) => p.xMin)) + Math.max(...parts.map((p) => p.xMax))) / 2;
    const cy = (Math.min(...parts.map((p) => p.yMin)) + Math.max(...parts.map((p) => p.yMax))) / 2;
    const top = tops.reduce((best, t) => (Math.hypot(t.x - cx, t.y - cy) < Math.hypot(best.x - cx, best.y - cy) ? t : best));
    const dx = top.x - cx;
    const dy = top.y - cy;
    const up = Math.abs(dx) > Math.abs(dy) ? { x: Math.sign(dx), y: 0 } : { x: 0, y: Math.sign(dy) };
    faces.push({ face: Number(words[i + 1]?.text), cx, cy, up });
  });
  return faces;
}

const faceOf = (faces: FaceSeen[], face: number): FaceSeen => {
  const found = faces.find((seen) => seen.face === face);
  if (found === undefined) throw new Error(`face ${face} not found among ${faces.map((f) => f.face).join(', ')}`);
  return found;
};

/** The sheet's own Form XObject (BBox = the page) as line segments, via qpdf's JSON with decoded streams. */
async function sheetSegments(path: string, paper: PaperId): Promise<{ x1: number; y1: number; x2: number; y2: number }[]> {
  const { code, stdout, stderr } = await run('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', path]);
  expect(code, stderr).toBe(0);
  const objects = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, { stream?: { dict: Record<string, unknown>; data?: string } }>] }).qpdf[1];
  const sheet = Object.values(objects).find((object) => {
    const bbox = object.stream?.dict['/BBox'];
    return object.stream?.dict['/Subtype'] === '/Form' && Array.isArray(bbox) && Math.abs(Number(bbox[2]) - PAPERS[paper].widthPt) < 0.01;
  });
  const content = Buffer.from(sheet?.stream?.data ?? '', 'base64').toString('latin1');
  const segments: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (const m of content.matchAll(/(-?[\d.]+) (-?[\d.]+) m\s+(-?[\d.]+) (-?[\d.]+) l/g)) {
    segments.push({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]) });
  }
  return segments;
}

/** The grid of cards in pdftotext's frame (points, y down). */
function gridPt(format: FormatGeometry, paper: PaperId, mode: SheetMode) {
  const { grid } = sheetLayout(format, paper, mode);
  return { left: grid.xMm * PT_PER_MM, top: grid.yMm * PT_PER_MM, right: (grid.xMm + grid.widthMm) * PT_PER_MM, bottom: (grid.yMm + grid.heightMm) * PT_PER_MM };
}

/**
 * Label centres from pdftotext sit about 1.2 pt along the text from the true centre (its Helvetica boxes end a little
 * wider than the advance widths pdf-lib centres with); mirroring doubles that. Partners are 153 pt or more from any
 * other face, so 3 pt (1 mm) still tells them apart; the exact geometry is tested on sheetLayout.
 */
const expectNear = (actual: number, expected: number) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThan(3);

const CARD_WORDS = /^(FACE|TOP|FRONT|OUTSIDE|INSIDE|\d)$/;

describe('sheetLayout: the grid', () => {
  for (const [name, format] of FORMATS) {
    for (const paper of PAPER_IDS) {
      for (const [m, mode] of MODES.entries()) {
        it(`${name} on ${paper}, ${mode}: ${CARDS_PER_SHEET[name]?.[paper][m]} cards, centred, margins ≥ ${MIN_MARGIN_MM} mm, marks outside the cards`, () => {
          const layout = sheetLayout(format, paper, mode);
          expect(layout.cardsPerSheet).toBe(CARDS_PER_SHEET[name]?.[paper][m]);
          expect(layout.slots).toHaveLength(layout.cardsPerSheet);
          const { topMm, rightMm, bottomMm, leftMm } = layout.margins;
          for (const margin of [topMm, rightMm, bottomMm, leftMm]) expect(margin).toBeGreaterThanOrEqual(MIN_MARGIN_MM);
          expect(topMm).toBeCloseTo(bottomMm, 9);
          expect(leftMm).toBeCloseTo(rightMm, 9);
          const { xMm, yMm, widthMm, heightMm } = layout.grid;
          const inside = (x: number, y: number) => x > xMm + 1e-6 && x < xMm + widthMm - 1e-6 && y > yMm + 1e-6 && y < yMm + heightMm - 1e-6;
          for (const mark of [...layout.cropMarks, ...layout.foldMarks]) {
            expect(inside(mark.x1Mm, mark.y1Mm) || inside(mark.x2Mm, mark.y2Mm)).toBe(false);
            for (const [x, y] of [[mark.x1Mm, mark.y1Mm], [mark.x2Mm, mark.y2Mm]] as const) {
              expect(x).toBeGreaterThan(0);
              expect(x).toBeLessThan(layout.paper.widthMm);
              expect(y).toBeGreaterThan(0);
              expect(y).toBeLessThan(layout.paper.heightMm);
            }
          }
          // Every face lies inside its slot, and no two faces on a side overlap.
          for (const side of ['front', 'back'] as const) {
            const boxes = layout.slots.flatMap((slot) =>
              slot[side].map((face) => {
                const bounds = side === 'front' ? slot : { ...slot, xMm: layout.paper.widthMm - slot.xMm - slot.widthMm };
                expect(face.xMm).toBeGreaterThanOrEqual(bounds.xMm - 1e-9);
                expect(face.yMm).toBeGreaterThanOrEqual(bounds.yMm - 1e-9);
                expect(face.xMm + face.widthMm).toBeLessThanOrEqual(bounds.xMm + bounds.widthMm + 1e-9);
                expect(face.yMm + face.heightMm).toBeLessThanOrEqual(bounds.yMm + bounds.heightMm + 1e-9);
                return face;
              }),
            );
            for (const [i, a] of boxes.entries()) {
              for (const b of boxes.slice(i + 1)) {
                const overlapX = Math.min(a.xMm + a.widthMm, b.xMm + b.widthMm) - Math.max(a.xMm, b.xMm);
                const overlapY = Math.min(a.yMm + a.heightMm, b.yMm + b.heightMm) - Math.max(a.yMm, b.yMm);
                expect(overlapX > 1e-6 && overlapY > 1e-6).toBe(false);
              }
            }
          }
        });
      }
    }
  }

  it('puts wallet cards 2 × 5 upright on A4 (as Avery C32011) and 3 × 3 turned on Letter: at least 8 a sheet', () => {
    const a4 = sheetLayout(WALLET_2, 'a4', 'duplex');
    expect([a4.columns, a4.rows, a4.rotated]).toEqual([2, 5, false]);
    expect(a4.margins.leftMm).toBeCloseTo(19.4, 6);
    expect(a4.margins.topMm).toBeCloseTo(13.55, 6);
    const letter = sheetLayout(WALLET_2, 'letter', 'duplex');
    expect([letter.columns, letter.rows, letter.rotated]).toEqual([3, 3, true]);
    for (const layout of [a4, letter]) expect(layout.cardsPerSheet).toBeGreaterThanOrEqual(8);
  });

  it('turns fold-3 strips (256.8 mm) to run down portrait sheets', () => {
    for (const paper of PAPER_IDS) {
      const layout = sheetLayout(FOLD_3, paper, 'duplex');
      expect(layout.rotated).toBe(true);
      expect(layout.unitWidthMm).toBeCloseTo(ID1.heightMm, 9);
      expect(layout.unitHeightMm).toBeCloseTo(3 * ID1.widthMm, 9);
      expect(layout.paper.heightMm).toBeGreaterThan(layout.paper.widthMm);
    }
  });

  it('mirrors duplex backs by column: column c of n on the front is column n − 1 − c on the back', () => {
    const layout = sheetLayout(WALLET_2, 'a4', 'duplex');
    for (const slot of layout.slots) {
      const [back] = slot.back;
      const column = Math.round((back!.xMm - layout.grid.xMm) / layout.unitWidthMm);
      expect(column).toBe(layout.columns - 1 - slot.column);
      expect(back!.yMm).toBeCloseTo(slot.yMm, 9);
    }
  });

  it('lays a fold-over card out as the outside strip over the inside strip turned 180°, inside[0] at the right', () => {
    const layout = sheetLayout(FOLD_2, 'a4', 'fold-over');
    const slot = layout.slots[0]!;
    const byFace = new Map(slot.front.map((face) => [face.face, face]));
    expect([byFace.get(3)?.xMm, byFace.get(0)?.xMm]).toEqual([slot.xMm, slot.xMm + ID1.widthMm]);
    expect(byFace.get(3)?.rotationDeg).toBe(0);
    expect(byFace.get(1)?.rotationDeg).toBe(180);
    expect(byFace.get(1)?.xMm).toBeCloseTo(slot.xMm + ID1.widthMm, 9);
    expect(byFace.get(2)?.xMm).toBeCloseTo(slot.xMm, 9);
    expect(byFace.get(1)?.yMm).toBeCloseTo(slot.yMm + ID1.heightMm, 9);
    expect(layout.foldLines.yMm).toContain(slot.yMm + ID1.heightMm);
  });
});

describe('imposeSheets: pages, sizes and text, read back with pdfinfo, qpdf and pdftotext', () => {
  for (const [name, format] of FORMATS) {
    for (const paper of PAPER_IDS) {
      for (const [m, mode] of MODES.entries()) {
        const perSheet = CARDS_PER_SHEET[name]?.[paper][m] ?? 0;
        const pagesPerSheet = mode === 'duplex' && format.inside.length > 0 ? 2 : 1;

        it(`${name}, ${paper}, ${mode}: page size, page count for 1, 10, 11 and 100 copies, qpdf --check`, async () => {
          for (const copies of [1, 10, 11, 100]) {
            const { path } = await imposeToFile(format, options(paper, mode, copies));
            const info = await pdfinfo(path);
            expect(info.pageSize).toBe(PDFINFO_SIZE[paper]);
            expect(info.pages, `${copies} copies`).toBe(Math.ceil(copies / perSheet) * pagesPerSheet);
            const check = await run('qpdf', ['--check', path]);
            expect(check.code, check.stdout + check.stderr).toBe(0);
            expect(check.stdout).toContain('No syntax or stream encoding errors found');
            expect(check.stderr).toBe('');
          }
        });

        it(`${name}, ${paper}, ${mode}: every face label as often as the copies, the ruler note on every front page, no sheet text over a card`, async () => {
          const copies = 11;
          const { path } = await imposeToFile(format, options(paper, mode, copies));
          const pages = await pageTexts(path);
          const all = pages.join(' ');
          for (let face = 0; face < format.faceCount; face += 1) {
            expect(all.match(new RegExp(`FACE ${face} ${roleOf(format, face)}`, 'g')) ?? [], `face ${face}`).toHaveLength(copies);
          }
          pages.forEach((text, index) => {
            const isFront = index % pagesPerSheet === 0;
            expect(text.includes("Print at 100 % / Actual size — not 'Fit to page'."), `page ${index + 1}`).toBe(isFront);
            expect(text.includes('This ruler must measure 50 mm.'), `page ${index + 1}`).toBe(isFront);
            expect(text.includes('50 mm'), `page ${index + 1}`).toBe(isFront);
            if (isFront) expect(text).toMatch(pagesPerSheet === 2 ? /Duplex: print both sides, flip on long edge\./ : mode === 'fold-over' && format.inside.length > 0 ? /Fold-over: print one side only\./ : /Print one side\./);
            // Back pages carry only inside faces.
            if (!isFront) expect(text).not.toMatch(new RegExp(`FACE (${format.outside.join('|')}) `));
          });

          const grid = gridPt(format, paper, mode);
          const { widthPt, heightPt } = PAPERS[paper];
          const edgePt = (PRINTER_EDGE_MM - 0.5) * PT_PER_MM;
          for (const words of await pageWords(path)) {
            for (const word of words) {
              if (CARD_WORDS.test(word.text)) {
                expect(word.xMin).toBeGreaterThan(grid.left - 0.5);
                expect(word.xMax).toBeLessThan(grid.right + 0.5);
                expect(word.yMin).toBeGreaterThan(grid.top - 0.5);
                expect(word.yMax).toBeLessThan(grid.bottom + 0.5);
              } else {
                const overCards = word.xMax > grid.left && word.xMin < grid.right && word.yMax > grid.top && word.yMin < grid.bottom;
                expect(overCards, `sheet word "${word.text}" over the cards`).toBe(false);
                expect(Math.min(word.xMin, word.yMin, widthPt - word.xMax, heightPt - word.yMax), `"${word.text}" too near the edge`).toBeGreaterThan(edgePt);
              }
            }
          }
        });

        it(`${name}, ${paper}, ${mode}: crop marks and fold ticks only in the margins, a 50 mm ruler with 51 mm ticks`, async () => {
          const { path } = await imposeToFile(format, options(paper, mode, perSheet));
          const segments = await sheetSegments(path, paper);
          // In PDF space (y up): the grid's rectangle.
          const grid = gridPt(format, paper, mode);
          const { widthPt, heightPt } = PAPERS[paper];
          const rect = { left: grid.left, right: grid.right, bottom: heightPt - grid.bottom, top: heightPt - grid.top };
          const strictlyInside = (x: number, y: number) => x > rect.left + 0.01 && x < rect.right - 0.01 && y > rect.bottom + 0.01 && y < rect.top - 0.01;
          for (const s of segments) {
            expect(strictlyInside(s.x1, s.y1) || strictlyInside(s.x2, s.y2) || strictlyInside((s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2)).toBe(false);
            for (const [x, y] of [[s.x1, s.y1], [s.x2, s.y2]] as const) {
              expect(x).toBeGreaterThan(0);
              expect(x).toBeLessThan(widthPt);
              expect(y).toBeGreaterThan(0);
              expect(y).toBeLessThan(heightPt);
            }
          }
          const rulerPt = 50 * PT_PER_MM;
          const baseline = segments.find((s) => Math.abs(Math.hypot(s.x2 - s.x1, s.y2 - s.y1) - rulerPt) < 0.005);
          expect(baseline, 'a 50 mm line').toBeDefined();
          const ticks = segments.filter((s) => s !== baseline && Math.abs((s.x1 - baseline!.x1) * (baseline!.y2 - baseline!.y1) - (s.y1 - baseline!.y1) * (baseline!.x2 - baseline!.x1)) < 0.01);
          const along = ticks.map((s) => Math.hypot(s.x1 - baseline!.x1, s.y1 - baseline!.y1)).sort((p, q) => p - q);
          expect(along).toHaveLength(51);
          along.forEach((distance, mm) => expect(distance).toBeCloseTo(mm * PT_PER_MM, 2));
        });
      }
    }
  }
});

describe('imposeSheets: where the inside goes (the card is turned over left to right)', () => {
  for (const [name, format] of FORMATS.filter(([, f]) => f.inside.length > 0)) {
    for (const paper of PAPER_IDS) {
      it(`${name} on ${paper}, duplex: each inside face is printed behind its outside partner, upright once turned over`, async () => {
        const { path } = await imposeToFile(format, options(paper, 'duplex', 1));
        const [frontWords, backWords] = await pageWords(path);
        const front = facesOn(frontWords ?? []);
        const back = facesOn(backWords ?? []);
        const { widthPt } = PAPERS[paper];
        const layout = sheetLayout(format, paper, 'duplex');
        const up = layout.rotated ? { x: -1, y: 0 } : { x: 0, y: -1 };
        const right = { x: -up.y, y: up.x };
        // Outside faces: all with the strip's up, in `outside` order left to right.
        format.outside.forEach((face, i) => {
          expect(faceOf(front, face).up).toEqual(up);
          if (i > 0) {
            const previous = faceOf(front, format.outside[i - 1]!);
            const current = faceOf(front, face);
            expect((current.cx - previous.cx) * right.x + (current.cy - previous.cy) * right.y).toBeCloseTo(ID1.widthPt, 0);
          }
        });
        // Seen through the paper from the front, a back point (x, y) is at (W − x, y): inside[j] sits behind
        // outside[panels − 1 − j], and its up, mirrored, is the front's up (a left-to-right turn keeps up).
        format.inside.forEach((face, j) => {
          const seen = faceOf(back, face);
          const partner = faceOf(front, format.outside[format.panels - 1 - j]!);
          expectNear(widthPt - seen.cx, partner.cx);
          expectNear(seen.cy, partner.cy);
          expect({ x: -seen.up.x || 0, y: seen.up.y }).toEqual(partner.up);
        });
      });

      it(`${name} on ${paper}, fold-over: folded back on the middle line, each inside face lands behind its partner, upright once turned over`, async () => {
        const { path } = await imposeToFile(format, options(paper, 'fold-over', 1));
        const [words] = await pageWords(path);
        const faces = facesOn(words ?? []);
        const layout = sheetLayout(format, paper, 'fold-over');
        const slot = layout.slots[0]!;
        const { heightPt } = PAPERS[paper];
        expect((await pdfinfo(path)).pages).toBe(1);
        // The fold: horizontal at the middle of an upright card, vertical at the middle of a turned one.
        const reflect = layout.rotated
          ? (x: number, y: number) => ({ x: 2 * (slot.xMm + ID1.heightMm) * PT_PER_MM - x, y })
          : (x: number, y: number) => ({ x, y: 2 * (slot.yMm + ID1.heightMm) * PT_PER_MM - y });
        expect(heightPt).toBeGreaterThan(0);
        format.inside.forEach((face, j) => {
          const seen = faceOf(faces, face);
          const partner = faceOf(faces, format.outside[format.panels - 1 - j]!);
          const folded = reflect(seen.cx, seen.cy);
          expectNear(folded.x, partner.cx);
          expectNear(folded.y, partner.cy);
          const foldedUp = layout.rotated ? { x: -seen.up.x || 0, y: seen.up.y } : { x: seen.up.x, y: -seen.up.y || 0 };
          expect(foldedUp).toEqual(partner.up);
        });
      });
    }
  }

  it('puts the front of a lone card in the first column and its back in the last column (wallet-2, both papers)', async () => {
    for (const paper of PAPER_IDS) {
      const { path } = await imposeToFile(WALLET_2, options(paper, 'duplex', 1));
      const [frontWords, backWords] = await pageWords(path);
      const layout = sheetLayout(WALLET_2, paper, 'duplex');
      const column = (cx: number) => Math.floor((cx / PT_PER_MM - layout.grid.xMm) / layout.unitWidthMm);
      expect(column(faceOf(facesOn(frontWords ?? []), 0).cx)).toBe(0);
      expect(column(faceOf(facesOn(backWords ?? []), 1).cx)).toBe(layout.columns - 1);
    }
  });

  it('shifts the back page, and only the back page, by backOffsetMm (x right, y down, as seen on the back)', async () => {
    const plain = await imposeToFile(WALLET_2, options('a4', 'duplex', 1));
    const shifted = await imposeToFile(WALLET_2, options('a4', 'duplex', 1, { backOffsetMm: { xMm: 2, yMm: -1.5 } }));
    const [plainFront, plainBack] = (await pageWords(plain.path)).map(facesOn);
    const [shiftedFront, shiftedBack] = (await pageWords(shifted.path)).map(facesOn);
    expect(faceOf(shiftedFront!, 0).cx).toBeCloseTo(faceOf(plainFront!, 0).cx, 2);
    expect(faceOf(shiftedFront!, 0).cy).toBeCloseTo(faceOf(plainFront!, 0).cy, 2);
    expect(faceOf(shiftedBack!, 1).cx - faceOf(plainBack!, 1).cx).toBeCloseTo(2 * PT_PER_MM, 1);
    expect(faceOf(shiftedBack!, 1).cy - faceOf(plainBack!, 1).cy).toBeCloseTo(-1.5 * PT_PER_MM, 1);
  });
});

describe('imposeSheets: the file', () => {
  it('gives the same bytes for the same input', async () => {
    for (const [, format] of FORMATS) {
      const first = await imposeSheets(await cardPdf(format), format, options('letter', 'duplex', 23, { backOffsetMm: { xMm: 0.7, yMm: -0.3 } }));
      const second = await imposeSheets(await cardPdf(format), format, options('letter', 'duplex', 23, { backOffsetMm: { xMm: 0.7, yMm: -0.3 } }));
      expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    }
  });

  it('writes the metadata from the options, dated at 00:00:00 UTC', async () => {
    const { path, bytes } = await imposeToFile(FOLD_2, options('a4', 'fold-over', 3));
    const info = (await pdfinfo(path)).raw;
    expect(info).toMatch(/^Title:\s+Safety card — sheet$/m);
    expect(info).toMatch(/^Subject:\s+MDMA safety card, printed sheet$/m);
    expect(info).toMatch(/^Keywords:\s+safety card MDMA$/m);
    expect(info).toMatch(/^Creator:\s+Safety Card tests$/m);
    expect(info).toMatch(/^Producer:\s+Safety Card \(pdf-lib\)$/m);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-14T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2025-03-14T00:00:00.000Z');
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('en');
  });

  it('embeds each face once as a Form XObject and draws it by reference, however many copies', async () => {
    for (const [, format] of FORMATS) {
      for (const copies of [1, 100]) {
        const { path } = await imposeToFile(format, options('a4', 'duplex', copies));
        const { stdout } = await run('qpdf', ['--json', path]);
        const objects = Object.values((JSON.parse(stdout) as { qpdf: [unknown, Record<string, { stream?: { dict: Record<string, unknown> } }>] }).qpdf[1]);
        const forms = objects.filter((object) => object.stream?.dict['/Subtype'] === '/Form');
        // One per face, plus the sheet's marks, ruler and notes.
        expect(forms, `${format.id} × ${copies}`).toHaveLength(format.faceCount + 1);
      }
    }
  });

  it('stays small: a sheet of 10 adds a couple of kB over the card, each further sheet a few hundred bytes', async () => {
    const card = await cardPdf(WALLET_2);
    const sizes = new Map<number, number>();
    for (const copies of [10, 100, 1000]) sizes.set(copies, (await imposeSheets(card, WALLET_2, options('a4', 'duplex', copies))).length);
    const fold3Card = await cardPdf(FOLD_3);
    const fold3 = (await imposeSheets(fold3Card, FOLD_3, options('a4', 'duplex', 3))).length;
    const overTen = sizes.get(10)! - card.length;
    const perSheet = (sizes.get(100)! - sizes.get(10)!) / 9;
    console.log(
      `impose sizes: wallet-2 card ${card.length} B; A4 duplex 10 copies (1 sheet) ${sizes.get(10)} B (+${overTen}); ` +
        `100 copies ${sizes.get(100)} B; 1000 copies ${sizes.get(1000)} B; ${perSheet.toFixed(0)} B per further sheet (2 pages); ` +
        `fold-3 card ${fold3Card.length} B, A4 duplex sheet of 3 ${fold3} B (+${fold3 - fold3Card.length})`,
    );
    expect(overTen).toBeLessThan(2500);
    expect(perSheet).toBeLessThan(500);
    expect(fold3 - fold3Card.length).toBeLessThan(3500);
  });

  it(`handles ${MAX_COPIES} copies of a fold-3 card (1,000 pages; its speed is in npm run bench)`, async () => {
    const { path } = await imposeToFile(FOLD_3, options('letter', 'fold-over', MAX_COPIES));
    expect((await pdfinfo(path)).pages).toBe(1000);
  }, 60_000);
});

describe('imposeSheets: errors say what is wrong and what is allowed', () => {
  const expectOptionsError = async (sheetOptions: unknown, option: string, message: RegExp) => {
    const error: unknown = await imposeSheets(await cardPdf(WALLET_2), WALLET_2, sheetOptions as SheetOptions).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetOptionsError);
    expect((error as SheetOptionsError).name).toBe('SheetOptionsError');
    expect((error as SheetOptionsError).option).toBe(option);
    expect((error as Error).message).toMatch(message);
  };

  it('refuses copies outside 1..1000 or not whole', async () => {
    for (const copies of [0, -3, 1001, 2.5, Number.NaN]) {
      await expectOptionsError(options('a4', 'duplex', copies), 'copies', new RegExp(`^copies must be a whole number from 1 to 1000 \\(got ${String(copies).replace('.', '\\.')}\\)\\.$`));
    }
    await expectOptionsError({ ...options('a4', 'duplex', 1), copies: '10' }, 'copies', /from 1 to 1000 \(got "10"\)/);
  });

  it('refuses back offsets beyond ±10 mm', async () => {
    await expectOptionsError(options('a4', 'duplex', 1, { backOffsetMm: { xMm: 10.5, yMm: 0 } }), 'backOffsetMm.xMm', /^backOffsetMm\.xMm must be a number of millimetres from -10 to 10 \(got 10\.5\)\.$/);
    await expectOptionsError(options('a4', 'duplex', 1, { backOffsetMm: { xMm: 0, yMm: -11 } }), 'backOffsetMm.yMm', /from -10 to 10 \(got -11\)/);
    await expectOptionsError(options('a4', 'duplex', 1, { backOffsetMm: { xMm: 0, yMm: Number.POSITIVE_INFINITY } }), 'backOffsetMm.yMm', /from -10 to 10 \(got Infinity\)/);
  });

  it('refuses an unknown paper or mode, and bad metadata', async () => {
    await expectOptionsError({ ...options('a4', 'duplex', 1), paper: 'a5' }, 'paper', /^paper must be "a4" or "letter" \(got "a5"\)\.$/);
    await expectOptionsError({ ...options('a4', 'duplex', 1), mode: 'simplex' }, 'mode', /^mode must be "duplex" or "fold-over" \(got "simplex"\)\.$/);
    await expectOptionsError({ ...options('a4', 'duplex', 1), metadata: { ...META, date: '2025-02-30' } }, 'metadata.date', /YYYY-MM-DD.*\(got "2025-02-30"\)/);
    await expectOptionsError({ ...options('a4', 'duplex', 1), metadata: { ...META, date: '14.03.2025' } }, 'metadata.date', /YYYY-MM-DD/);
    await expectOptionsError({ ...options('a4', 'duplex', 1), metadata: { ...META, keywords: 'a, b' } }, 'metadata.keywords', /must be an array of strings \(got "a, b"\)/);
    await expectOptionsError({ ...options('a4', 'duplex', 1), metadata: { ...META, title: 7 } }, 'metadata.title', /must be a string \(got 7\)/);
  });

  it('refuses a card PDF that does not match the format', async () => {
    await expect(imposeSheets(await cardPdf(WALLET_2), FOLD_2, options('a4', 'duplex', 1))).rejects.toThrow(
      new CardPdfError('The card PDF has 2 page(s) but a fold-2 card with 4 face(s) needs one page per face.'),
    );
    const a6 = await PDFDocument.create();
    a6.addPage([297.64, 419.53]);
    await expect(imposeSheets(await a6.save(), WALLET_1, options('a4', 'duplex', 1))).rejects.toThrow(/Page 1 of the card PDF is 297\.640 × 419\.530 pt; every face must be ID-1, 242\.646 × 153\.014 pt/);
    await expect(imposeSheets(new TextEncoder().encode('not a pdf'), WALLET_1, options('a4', 'duplex', 1))).rejects.toBeInstanceOf(CardPdfError);
    await expect(imposeSheets(new Uint8Array(), WALLET_1, options('a4', 'duplex', 1))).rejects.toThrow(/empty/);
  });

  it('refuses an inconsistent format', async () => {
    const broken: FormatGeometry = { ...FOLD_2, inside: [1, 1] };
    const error: unknown = await imposeSheets(await cardPdf(FOLD_2), broken, options('a4', 'duplex', 1)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetOptionsError);
    expect((error as Error).message).toMatch(/each face 0\.\.3 once/);
  });
});
