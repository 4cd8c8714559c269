/**
 * A fixed-width measurer for golden layouts: every character is 0.5 em wide, so widths are easy to reason about.
 * Characters outside the Basic Multilingual Plane and CJK ideographs count as missing, like a real font without them.
 */
import type { CardLayout, Measurer } from '../../src/core/layout/types';

export const fakeMeasurer: Measurer = {
  ascentEm: 0.8,
  descentEm: 0.2,
  widthPt: (text, _weight, sizePt) => [...text].length * 0.5 * sizePt,
  missingChars: (text) => [...new Set([...text].filter((char) => (char.codePointAt(0) ?? 0) > 0xffff || /[\u4e00-\u9fff]/.test(char)))],
};

/** A layout as text, one line per run, rule and box, face by face, top to bottom: what golden files hold. */
export function layoutAsText(layout: CardLayout): string {
  const out: string[] = [`format ${layout.format.id} (${layout.format.faceCount} faces), body ${layout.bodySizePt} pt, smallest ${layout.minSizePt} pt`];
  const n = (value: number) => value.toFixed(1).padStart(5);
  layout.faces.forEach((face, index) => {
    out.push(`--- face ${index} (${face.role}) ---`);
    const rows: [number, number, string][] = [];
    for (const box of face.boxes) rows.push([box.yPt, box.xPt, `box  ${n(box.xPt)},${n(box.yPt)} ${n(box.widthPt)}×${n(box.heightPt)} ${box.fill}`]);
    for (const rule of face.rules) rows.push([rule.y1Pt, rule.x1Pt, `rule ${n(rule.x1Pt)},${n(rule.y1Pt)} → ${n(rule.x2Pt)} ${rule.color}${rule.dash === undefined ? '' : ` ${rule.dash}`}`]);
    for (const run of face.runs) rows.push([run.yPt, run.xPt, `text ${n(run.xPt)},${n(run.yPt)} ${run.weight === 'bold' ? 'B' : ' '}${String(run.sizePt).padEnd(3)} ${run.color.padEnd(7)} ${run.text}`]);
    for (const image of face.images) rows.push([image.yPt, image.xPt, `img  ${n(image.xPt)},${n(image.yPt)} ${n(image.widthPt)}×${n(image.heightPt)} ${image.imageId}`]);
    rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    out.push(...rows.map((row) => row[2]));
  });
  return `${out.join('\n')}\n`;
}
