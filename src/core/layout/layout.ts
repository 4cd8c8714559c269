/**
 * layout: a CardDocument → a CardLayout, by arithmetic over the widths a Measurer gives. It chooses the type size and
 * the smallest format in which everything fits at ≥ 7 pt, or throws an OverflowError naming what does not fit.
 *
 * The type scale is made for reading under stress: body 7–8.5 pt with lines at least 3 mm apart (≥ 1.22 × size),
 * emergency numbers and the danger heading at ≥ 9 pt bold, severity shown by a marker and a band or rule as well
 * as by colour, and a safe margin of 3.5 mm inside the trim.
 */
import { ISSUED_BY, type CardDocument, type DocClinic, type DocEntry, type DocSection } from '../compose';
import { flowSegments, type FlowLine, type Segment } from './flow';
import { geometriesFor } from './formats';
import { ID1, PT_PER_MM, SAFE_MARGIN_PT, type Box, type CardLayout, type FaceLayout, type FontWeight, type FormatGeometry, type FormatId, type ImagePlacement, type InkColor, type Measurer, type Rule, type TextRun } from './types';

/** The 3 mm safe area (defined with the other units, so the preview can draw it without the layout). */
export { SAFE_MARGIN_PT } from './types';

/** The smallest size any text is set in. */
export const MIN_TEXT_SIZE_PT = 7;
/** Body sizes tried, largest first. */
export const BODY_SIZES_PT = [8.5, 8.25, 8, 7.75, 7.5, 7.25, 7] as const;
/** Emergency numbers and the danger heading are set at least this large. */
export const EMERGENCY_SIZE_PT = 9;

const LINE_HEIGHT_EM = 1.22;
const MIN_LINE_PITCH_PT = 3 * PT_PER_MM;
/** Height of a line to write on by hand. */
const WRITE_IN_PITCH_PT = 5 * PT_PER_MM;
const DANGER_MARKER = '⚠';
const CAUTION_MARKER = '▲';
const BULLET = '•';

/** The box a clinic's logo is scaled to fit (aspect ratio kept), and the space between it and the clinic's text. */
export const CLINIC_LOGO_MAX_WIDTH_PT = 22 * PT_PER_MM;
export const CLINIC_LOGO_MAX_HEIGHT_PT = 8 * PT_PER_MM;
const CLINIC_LOGO_GAP_PT = 2 * PT_PER_MM;
/** The id of the clinic's logo in `CardLayout.images`. */
export const CLINIC_LOGO_ID = 'clinic-logo';

export interface LayoutOptions {
  /** A fixed format, or "auto" for the smallest that fits. */
  format: FormatId | 'auto';
}

/** What does not fit, by section. */
export interface UnplacedSection {
  sectionId: string;
  title: string;
  entryIds: string[];
}

/** Nothing selected is dropped silently: when it does not all fit, this names what does not. */
export class OverflowError extends Error {
  override name = 'OverflowError';
  constructor(
    readonly format: FormatId | 'auto',
    readonly largestTried: FormatGeometry,
    readonly unplaced: UnplacedSection[],
  ) {
    const what = unplaced.map((section) => `"${section.title}" (${section.entryIds.join(', ')})`).join('; ');
    const way = largestTried.id === 'fold-3' ? 'Choose fewer sections, or shorten what you typed.' : 'Choose a larger format (or auto), or fewer sections.';
    super(`Not everything fits on a ${describeGeometry(largestTried)} card, even at ${MIN_TEXT_SIZE_PT} pt. Does not fit: ${what}. ${way}`);
  }
}

/** Text the embedded font cannot draw: never empty boxes. */
export class MissingGlyphsError extends Error {
  override name = 'MissingGlyphsError';
  constructor(
    readonly where: string,
    readonly chars: string[],
  ) {
    const list = chars.map((char) => `${char} (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    super(`${where} has characters the card's font cannot print: ${list}. Use Latin, Greek or Cyrillic letters, or leave it empty and write it in by hand.`);
  }
}

/** "wallet (2 faces)", "fold-2 (4 faces)" */
export function describeGeometry(geometry: FormatGeometry): string {
  return `${geometry.id} (${geometry.faceCount} face${geometry.faceCount === 1 ? '' : 's'})`;
}

/** Lays the document out in the smallest allowed format that holds it all, at the largest body size that fits there. */
export function layoutCard(doc: CardDocument, measurer: Measurer, options: LayoutOptions): CardLayout {
  checkGlyphs(doc, measurer);
  const geometries = geometriesFor(options.format).filter((geometry) => !(doc.discreet && geometry.faceCount === 1));
  // Each size's text is flowed and measured once; the two ways of cutting danger sections, and each placement tried,
  // are kept too, since the format search and the bisection ask for the same ones again.
  const measured = new Map<number, MeasuredUnits>();
  const unitCache = new Map<string, Units>();
  const placements = new Map<string, Placement>();
  /** Units at a size; `whole` keeps each danger section together on one face. */
  const unitsAt = (size: number, whole: boolean) => {
    const key = `${size}:${whole}`;
    let units = unitCache.get(key);
    if (units === undefined) {
      let base = measured.get(size);
      if (base === undefined) {
        base = measureUnits(doc, measurer, size);
        measured.set(size, base);
      }
      units = cutUnits(base, whole);
      unitCache.set(key, units);
    }
    return units;
  };
  const placeAt = (size: number, geometry: FormatGeometry, whole: boolean) => {
    const key = `${size}:${whole}:${geometry.id}:${geometry.faceCount}`;
    let placement = placements.get(key);
    if (placement === undefined) {
      placement = place(doc, unitsAt(size, whole), geometry);
      placements.set(key, placement);
    }
    return placement;
  };
  const fitsAt = (size: number, geometry: FormatGeometry, whole: boolean) => placeAt(size, geometry, whole).ok;

  // The smallest format that holds everything at the smallest size (danger lists whole or not)…
  const geometry = geometries.find((candidate) => fitsAt(MIN_TEXT_SIZE_PT, candidate, true) || fitsAt(MIN_TEXT_SIZE_PT, candidate, false));
  if (geometry === undefined) {
    const largest = geometries[geometries.length - 1] as FormatGeometry;
    const attempt = placeAt(MIN_TEXT_SIZE_PT, largest, false);
    throw new OverflowError(options.format, largest, attempt.ok ? [] : attempt.unplaced);
  }
  // …then, there, danger lists whole if they can be, at the largest size that fits, found by bisection over the
  // sizes (larger text never needs less room).
  const whole = fitsAt(MIN_TEXT_SIZE_PT, geometry, true);
  let fits = BODY_SIZES_PT.length - 1;
  let tooBig = -1;
  while (fits - tooBig > 1) {
    const middle = Math.floor((fits + tooBig) / 2);
    if (fitsAt(BODY_SIZES_PT[middle] as number, geometry, whole)) fits = middle;
    else tooBig = middle;
  }
  const size = BODY_SIZES_PT[fits] as number;
  const placed = placeAt(size, geometry, whole);
  if (!placed.ok) throw new Error('layout: a size that fitted no longer fits');
  const logo = doc.clinic?.logo;
  const images = logo === undefined || logo === null ? [] : [{ id: CLINIC_LOGO_ID, mediaType: logo.mediaType, base64: logo.base64, widthPx: logo.widthPx, heightPx: logo.heightPx }];
  return { layoutVersion: 1, format: geometry, face: { widthPt: ID1.widthPt, heightPt: ID1.heightPt }, faces: placed.faces, images, bodySizePt: size, minSizePt: minSize(placed.faces), meta: doc.meta };
}

// ---------------------------------------------------------------------------------------------------------------
// Units: unbreakable blocks (a heading with its first entry, an entry), laid out at a body size, positioned later.

interface Unit {
  heightPt: number;
  runs: TextRun[];
  rules: Rule[];
  boxes: Box[];
  images: ImagePlacement[];
  sectionId: string;
  entryIds: string[];
  startsSection: boolean;
  discreetFront: boolean;
}

interface Units {
  title: Unit;
  body: Unit[];
  footer: Unit;
  sectionGapPt: number;
  entryGapPt: number;
}

interface Scale {
  body: number;
  heading: number;
  dangerHeading: number;
  number: number;
  title: number;
  footer: number;
}

function scaleFor(bodyPt: number): Scale {
  return {
    body: bodyPt,
    heading: bodyPt + 1,
    dangerHeading: Math.max(EMERGENCY_SIZE_PT, bodyPt + 1.5),
    number: Math.max(EMERGENCY_SIZE_PT, bodyPt + 1.5),
    title: Math.max(10, bodyPt + 2.5),
    footer: MIN_TEXT_SIZE_PT,
  };
}

const CONTENT_WIDTH_PT = ID1.widthPt - 2 * SAFE_MARGIN_PT;
const CONTENT_HEIGHT_PT = ID1.heightPt - 2 * SAFE_MARGIN_PT;
/** Space between the entries of a section, in em of the body size. */
const ENTRY_GAP_EM = 0.08;

/** Units stacked into one, `gapPt` apart: they then move between faces together. */
function mergeUnits(units: Unit[], gapPt: number): Unit {
  const first = units[0] as Unit;
  const merged: Unit = { ...first, runs: [], rules: [], boxes: [], images: [], entryIds: [], heightPt: 0 };
  units.forEach((unit, index) => {
    const dy = merged.heightPt + (index === 0 ? 0 : gapPt);
    merged.runs.push(...unit.runs.map((run) => ({ ...run, yPt: run.yPt + dy })));
    merged.rules.push(...unit.rules.map((rule) => ({ ...rule, y1Pt: rule.y1Pt + dy, y2Pt: rule.y2Pt + dy })));
    merged.boxes.push(...unit.boxes.map((box) => ({ ...box, yPt: box.yPt + dy })));
    merged.images.push(...unit.images.map((image) => ({ ...image, yPt: image.yPt + dy })));
    merged.entryIds.push(...unit.entryIds);
    merged.heightPt = dy + unit.heightPt;
  });
  return merged;
}

function linePitch(sizePt: number): number {
  return Math.max(sizePt * LINE_HEIGHT_EM, MIN_LINE_PITCH_PT);
}

/** A unit under construction: lines stacked from y = 0. */
class UnitBuilder {
  y = 0;
  runs: TextRun[] = [];
  rules: Rule[] = [];
  boxes: Box[] = [];
  images: ImagePlacement[] = [];
  constructor(
    private readonly measurer: Measurer,
    private readonly source: string,
  ) {}

  /** Stacks flowed lines at x offset `xPt`; returns the baseline of the first line. */
  addLines(lines: FlowLine[], xPt: number): number {
    let firstBaseline = this.y;
    lines.forEach((line, index) => {
      const size = line.maxSizePt === 0 ? MIN_TEXT_SIZE_PT : line.maxSizePt;
      const pitch = linePitch(size);
      const baseline = this.y + (pitch - (this.measurer.ascentEm + this.measurer.descentEm) * size) / 2 + this.measurer.ascentEm * size;
      if (index === 0) firstBaseline = baseline;
      for (const piece of line.pieces) {
        this.runs.push({ xPt: xPt + piece.xPt, yPt: baseline, text: piece.text, weight: piece.weight, sizePt: piece.sizePt, color: piece.color, widthPt: piece.widthPt, source: this.source });
      }
      this.y += pitch;
    });
    return firstBaseline;
  }

  run(text: string, xPt: number, yPt: number, weight: FontWeight, sizePt: number, color: InkColor): number {
    const widthPt = this.measurer.widthPt(text, weight, sizePt);
    this.runs.push({ xPt, yPt, text, weight, sizePt, color, widthPt, source: this.source });
    return widthPt;
  }

  finish(fields: Omit<Unit, 'heightPt' | 'runs' | 'rules' | 'boxes' | 'images'>): Unit {
    return { heightPt: this.y, runs: this.runs, rules: this.rules, boxes: this.boxes, images: this.images, ...fields };
  }
}

function seg(text: string, weight: FontWeight, sizePt: number, color: InkColor, keepTogether = false): Segment {
  return { text, weight, sizePt, color, ...(keepTogether ? { keepTogether } : {}) };
}

/** Units at a body size before danger sections are cut: each section's entries, one unit each. */
interface MeasuredUnits extends Omit<Units, 'body'> {
  sections: { section: DocSection; units: Unit[] }[];
}

function measureUnits(doc: CardDocument, measurer: Measurer, bodyPt: number): MeasuredUnits {
  const scale = scaleFor(bodyPt);

  const title = new UnitBuilder(measurer, 'title');
  title.addLines(flowSegments([seg(doc.title, 'bold', scale.title, 'ink')], CONTENT_WIDTH_PT, measurer), 0);
  title.y += 1;
  title.rules.push({ x1Pt: 0, y1Pt: title.y, x2Pt: CONTENT_WIDTH_PT, y2Pt: title.y, widthPt: 1.5, color: 'danger' });
  title.y += 1.5;

  const sections = doc.sections.map((section) => ({
    section,
    units: section.entries.map((entry, index) => {
      const builder = new UnitBuilder(measurer, entry.id);
      if (index === 0) addHeading(builder, section, scale, measurer);
      addEntry(builder, section, entry, scale, measurer);
      return builder.finish({ sectionId: section.id, entryIds: [entry.id], startsSection: index === 0, discreetFront: section.discreetFront });
    }),
  }));

  const footer = new UnitBuilder(measurer, 'footer');
  footer.y += 1;
  footer.rules.push({ x1Pt: 0, y1Pt: 0.5, x2Pt: CONTENT_WIDTH_PT, y2Pt: 0.5, widthPt: 0.5, color: 'muted' });
  if (doc.clinic !== null) addClinic(footer, doc.clinic, scale, measurer);
  footer.addLines(flowSegments([seg(doc.footer.stamp, 'bold', scale.footer, 'ink'), seg(doc.footer.disclaimer, 'regular', scale.footer, 'ink')], CONTENT_WIDTH_PT, measurer), 0);
  footer.addLines(flowSegments([seg(doc.footer.attribution, 'regular', scale.footer, 'muted')], CONTENT_WIDTH_PT, measurer), 0);

  return {
    title: title.finish({ sectionId: 'title', entryIds: [], startsSection: true, discreetFront: true }),
    sections,
    footer: footer.finish({ sectionId: 'footer', entryIds: [], startsSection: true, discreetFront: false }),
    sectionGapPt: 0.35 * bodyPt,
    entryGapPt: ENTRY_GAP_EM * bodyPt,
  };
}

/** The units to place: with `keepDangerWhole`, each danger section that fits on one face becomes one unit. */
function cutUnits(measured: MeasuredUnits, keepDangerWhole: boolean): Units {
  const { sections, ...rest } = measured;
  const body: Unit[] = [];
  for (const { section, units } of sections) {
    // A danger section ("always avoid", "taken today") is read as one list: it stays on one face when it fits on one.
    const wholeHeight = units.reduce((sum, unit) => sum + unit.heightPt, 0) + measured.entryGapPt * (units.length - 1);
    if (keepDangerWhole && section.severity === 'danger' && units.length > 1 && wholeHeight <= CONTENT_HEIGHT_PT) body.push(mergeUnits(units, measured.entryGapPt));
    else body.push(...units);
  }
  return { ...rest, body };
}

/**
 * The clinic's block: its logo scaled into a box at the left, and to its right "Issued by" and the name (bold), then
 * the phone number (bold, at the size of emergency numbers: it is a number to call) and the web address. The logo and
 * the text are centred on each other; the block ends with a small gap before the footer's own lines.
 */
function addClinic(builder: UnitBuilder, clinic: DocClinic, scale: Scale, measurer: Measurer): void {
  const top = builder.y + 1;
  let logoWidthPt = 0;
  let logoHeightPt = 0;
  if (clinic.logo !== null) {
    const fit = Math.min(CLINIC_LOGO_MAX_WIDTH_PT / clinic.logo.widthPx, CLINIC_LOGO_MAX_HEIGHT_PT / clinic.logo.heightPx);
    logoWidthPt = clinic.logo.widthPx * fit;
    logoHeightPt = clinic.logo.heightPx * fit;
  }
  const textX = clinic.logo === null ? 0 : logoWidthPt + CLINIC_LOGO_GAP_PT;
  const textWidth = CONTENT_WIDTH_PT - textX;
  const nameLines = flowSegments([seg(ISSUED_BY, 'regular', scale.body, 'muted'), ...(clinic.name === '' ? [] : [seg(clinic.name, 'bold', scale.body, 'ink')])], textWidth, measurer);
  const reachSegments = [...(clinic.phone === '' ? [] : [seg(clinic.phone, 'bold', scale.number, 'ink', true)]), ...(clinic.url === '' ? [] : [seg(clinic.url, 'regular', scale.body, 'ink')])];
  const reachLines = reachSegments.length === 0 ? [] : flowSegments(reachSegments, textWidth, measurer);
  const textHeight = [...nameLines, ...reachLines].reduce((sum, line) => sum + linePitch(line.maxSizePt), 0);
  const height = Math.max(textHeight, logoHeightPt);
  if (clinic.logo !== null) builder.images.push({ imageId: CLINIC_LOGO_ID, xPt: 0, yPt: top + (height - logoHeightPt) / 2, widthPt: logoWidthPt, heightPt: logoHeightPt });
  builder.y = top + (height - textHeight) / 2;
  builder.addLines(nameLines, textX);
  builder.addLines(reachLines, textX);
  builder.y = top + height + 1.5;
}

function addHeading(builder: UnitBuilder, section: DocSection, scale: Scale, measurer: Measurer): void {
  if (section.severity === 'danger') {
    const padding = 1.5;
    const top = builder.y;
    builder.y += padding;
    const lines = flowSegments([seg(`${DANGER_MARKER} ${section.title}`, 'bold', scale.dangerHeading, 'inverse')], CONTENT_WIDTH_PT - 2 * padding, measurer);
    builder.addLines(lines, padding);
    builder.y += padding;
    builder.boxes.push({ xPt: 0, yPt: top, widthPt: CONTENT_WIDTH_PT, heightPt: builder.y - top, fill: 'danger' });
    builder.y += 1;
    return;
  }
  const color: InkColor = section.severity === 'caution' ? 'caution' : 'ink';
  const text = section.severity === 'caution' ? `${CAUTION_MARKER} ${section.title}` : section.title;
  builder.addLines(flowSegments([seg(text, 'bold', scale.heading, color)], CONTENT_WIDTH_PT, measurer), 0);
  builder.rules.push({ x1Pt: 0, y1Pt: builder.y, x2Pt: CONTENT_WIDTH_PT, y2Pt: builder.y, widthPt: section.severity === 'caution' ? 0.75 : 0.5, color: section.severity === 'caution' ? 'caution' : 'muted' });
  builder.y += 1.5;
}

function addEntry(builder: UnitBuilder, section: DocSection, entry: DocEntry, scale: Scale, measurer: Measurer): void {
  switch (entry.kind) {
    case 'item': {
      const bulletColor: InkColor = section.severity === 'danger' ? 'danger' : section.severity === 'caution' ? 'caution' : 'ink';
      const indent = measurer.widthPt(BULLET, 'bold', scale.body) + 0.35 * scale.body;
      const lines = flowSegments([seg(entry.text, 'regular', scale.body, 'ink')], CONTENT_WIDTH_PT - indent, measurer);
      const baseline = builder.addLines(lines, indent);
      builder.run(BULLET, 0, baseline, 'bold', scale.body, bulletColor);
      return;
    }
    case 'contact': {
      const segments = [seg(entry.number, 'bold', scale.number, 'ink', true), seg(entry.name, 'regular', scale.body, 'ink')];
      if (entry.notes !== undefined) segments.push(seg(entry.notes, 'regular', scale.body, 'muted'));
      builder.addLines(flowSegments(segments, CONTENT_WIDTH_PT, measurer), 0);
      return;
    }
    case 'field': {
      const value = entry.value.split(/\s*\n\s*/).filter((line) => line !== '').join(' · ');
      builder.addLines(flowSegments([seg(`${entry.label}:`, 'bold', scale.body, 'ink'), seg(value, 'regular', scale.body, 'ink')], CONTENT_WIDTH_PT, measurer), 0);
      return;
    }
    case 'write-in': {
      // The label, then a line to write on to the right edge; further lines at full width.
      const labelLines = flowSegments([seg(`${entry.label}:`, 'bold', scale.body, 'ink')], CONTENT_WIDTH_PT, measurer);
      const extra = WRITE_IN_PITCH_PT - linePitch(scale.body);
      builder.y += extra;
      builder.addLines(labelLines, 0);
      const last = labelLines[labelLines.length - 1];
      const lineY = builder.y - 1;
      const startX = (last?.widthPt ?? 0) + 3;
      const minimumWritePt = CONTENT_WIDTH_PT * 0.35;
      let lines = entry.lines;
      if (CONTENT_WIDTH_PT - startX >= minimumWritePt) {
        builder.rules.push({ x1Pt: startX, y1Pt: lineY, x2Pt: CONTENT_WIDTH_PT, y2Pt: lineY, widthPt: 0.5, color: 'ink', dash: 'dotted' });
        lines -= 1;
      }
      for (let index = 0; index < lines; index++) {
        builder.y += WRITE_IN_PITCH_PT;
        builder.rules.push({ x1Pt: 0, y1Pt: builder.y - 1, x2Pt: CONTENT_WIDTH_PT, y2Pt: builder.y - 1, widthPt: 0.5, color: 'ink', dash: 'dotted' });
      }
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Placement: units flow face after face; the front starts with the title, the last face ends with the footer.

type Placement = { ok: true; faces: FaceLayout[] } | { ok: false; unplaced: UnplacedSection[] };

function place(doc: CardDocument, units: Units, geometry: FormatGeometry): Placement {
  const faces: FaceLayout[] = Array.from({ length: geometry.faceCount }, (_, index) => ({
    role: index === 0 ? 'front' : index === geometry.faceCount - 1 ? 'back' : 'inside',
    runs: [],
    rules: [],
    boxes: [],
    images: [],
  }));
  const top = SAFE_MARGIN_PT;
  const bottom = ID1.heightPt - SAFE_MARGIN_PT;
  // A discreet folding card keeps its back cover blank: the back is outside when the card is closed, and the
  // footer names the template. Content and footer end on the last inside face. (A wallet card has no inside.)
  const blankBack = doc.discreet && geometry.panels > 1;
  const lastFace = geometry.faceCount - (blankBack ? 2 : 1);
  const footerTop = bottom - units.footer.heightPt;
  const limit = (face: number) => (face === lastFace ? footerTop - units.sectionGapPt : bottom);

  let face = 0;
  let y = top;
  const put = (unit: Unit, atY: number, onFace: number) => {
    const target = faces[onFace] as FaceLayout;
    const dx = SAFE_MARGIN_PT;
    for (const run of unit.runs) target.runs.push({ ...run, xPt: run.xPt + dx, yPt: run.yPt + atY });
    for (const rule of unit.rules) target.rules.push({ ...rule, x1Pt: rule.x1Pt + dx, x2Pt: rule.x2Pt + dx, y1Pt: rule.y1Pt + atY, y2Pt: rule.y2Pt + atY });
    for (const box of unit.boxes) target.boxes.push({ ...box, xPt: box.xPt + dx, yPt: box.yPt + atY });
    for (const image of unit.images) target.images.push({ ...image, xPt: image.xPt + dx, yPt: image.yPt + atY });
  };

  if (units.title.heightPt > limit(0) - top) return { ok: false, unplaced: [] };
  put(units.title, y, 0);
  y += units.title.heightPt;

  for (let index = 0; index < units.body.length; index++) {
    const unit = units.body[index] as Unit;
    if (doc.discreet && face === 0 && !unit.discreetFront) {
      face = 1;
      y = top;
    }
    let gap = y === top ? 0 : unit.startsSection ? units.sectionGapPt : units.entryGapPt;
    while (face <= lastFace && y + gap + unit.heightPt > limit(face) + 1e-9) {
      face += 1;
      y = top;
      gap = 0;
    }
    if (face > lastFace) return { ok: false, unplaced: groupUnplaced(doc, units.body.slice(index)) };
    put(unit, y + gap, face);
    y += gap + unit.heightPt;
  }
  put(units.footer, footerTop, lastFace);
  return { ok: true, faces };
}

function groupUnplaced(doc: CardDocument, units: Unit[]): UnplacedSection[] {
  const bySection = new Map<string, UnplacedSection>();
  for (const unit of units) {
    const section = doc.sections.find((s) => s.id === unit.sectionId);
    const group = bySection.get(unit.sectionId) ?? { sectionId: unit.sectionId, title: section?.title ?? unit.sectionId, entryIds: [] };
    group.entryIds.push(...unit.entryIds);
    bySection.set(unit.sectionId, group);
  }
  return [...bySection.values()];
}

function minSize(faces: FaceLayout[]): number {
  let min = Infinity;
  for (const face of faces) for (const run of face.runs) min = Math.min(min, run.sizePt);
  return min;
}

function checkGlyphs(doc: CardDocument, measurer: Measurer): void {
  const check = (where: string, text: string, weight: FontWeight) => {
    const missing = measurer.missingChars(text.replace(/\n/g, ' '), weight);
    if (missing.length > 0) throw new MissingGlyphsError(where, missing);
  };
  check('The title', doc.title, 'bold');
  for (const section of doc.sections) {
    check(`The heading "${section.title}"`, `${DANGER_MARKER}${CAUTION_MARKER}${BULLET} ${section.title}`, 'bold');
    for (const entry of section.entries) {
      switch (entry.kind) {
        case 'item':
          check(`Item "${entry.id}"`, entry.text, 'regular');
          break;
        case 'contact':
          check(`Contact "${entry.name}"`, entry.name, 'regular');
          check(`The number of "${entry.name}"`, entry.number, 'bold');
          if (entry.notes !== undefined) check(`Contact "${entry.name}"`, entry.notes, 'regular');
          break;
        case 'field':
          check(`"${entry.label}"`, entry.value, 'regular');
          check(`"${entry.label}"`, entry.label, 'bold');
          break;
        case 'write-in':
          check(`"${entry.label}"`, entry.label, 'bold');
          break;
      }
    }
  }
  if (doc.clinic !== null) {
    check(`The clinic's name`, doc.clinic.name, 'bold');
    check(`The clinic's phone number`, doc.clinic.phone, 'bold');
    check(`The clinic's web address`, doc.clinic.url, 'regular');
    check('The footer', ISSUED_BY, 'regular');
  }
  check('The footer', doc.footer.stamp, 'bold');
  check('The footer', doc.footer.disclaimer, 'regular');
  check('The footer', doc.footer.attribution, 'regular');
}
