/**
 * The preview SVG, rendered to a string from real layouts of the real template: every run of a face is one <text> at
 * the layout's position, size, weight, colour and measured width; rules and boxes are drawn as the PDF draws them;
 * the face is ID-1 with an accessible name; and the memo comparison re-renders only faces whose content changed.
 * (.test.ts with h(), not JSX: the unit project picks up tests/**\/*.test.ts only.)
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { INK, inkHex } from '../../../src/core/layout/ink';
import { SAFE_MARGIN_PT } from '../../../src/core/layout/layout';
import { ID1, type CardLayout, type FaceRole, type InkColor } from '../../../src/core/layout/types';
import type { CardSpec } from '../../../src/core/spec/schema';
import { CARD_CORNER_RADIUS_PT, CardFace, cssFontFamily, sameFaceProps, type CardFaceProps } from '../../../src/render/preview/CardFace';
import { CardPreview } from '../../../src/render/preview/CardPreview';
import { encodeBase64 } from '../../../src/core/image';
import { render, specWith } from '../../helpers/engine';
import { makePng } from '../../helpers/images';

const FAMILY = 'Safety Card Sans';
const INK_HEXES = new Set((Object.keys(INK) as InkColor[]).map(inkHex));

interface Element {
  name: string;
  attributes: Record<string, string>;
  /** The text inside, for <text>, <figcaption>, <p>. */
  text: string;
}

const unescape = (text: string) => text.replace(/&(lt|gt|quot|#39|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", amp: '&' })[entity] ?? '');

/** The elements of rendered markup, in document order (enough for the flat SVG CardFace writes). */
function elements(markup: string): Element[] {
  const found: Element[] = [];
  for (const match of markup.matchAll(/<([a-z][\w-]*)((?:\s+[^\s=>]+="[^"]*")*)\s*\/?>([^<]*)/g)) {
    const attributes: Record<string, string> = {};
    for (const attribute of (match[2] ?? '').matchAll(/([^\s=]+)="([^"]*)"/g)) attributes[attribute[1] ?? ''] = unescape(attribute[2] ?? '');
    found.push({ name: match[1] ?? '', attributes, text: unescape(match[3] ?? '') });
  }
  return found;
}

const num = (value: string | undefined) => Number(value);

function face(layout: CardLayout, faceIndex: number, extra: Partial<CardFaceProps> = {}): { markup: string; parts: Element[] } {
  const markup = renderToString(h(CardFace, { layout, faceIndex, fontFamily: FAMILY, title: `Face ${faceIndex + 1}`, ...extra }));
  return { markup, parts: elements(markup) };
}

const specs: [string, Partial<CardSpec>][] = [
  ['the default card (fold-3, 6 faces)', {}],
  ['a named US card with characters markup escapes', { region: 'US', fields: { name: 'Zoë <Łukasiewicz> & "Ann"', medications: "Levothyroxine 50 µg\nVitamin D, O'Brien's" } }],
  ['a small wallet card', { sections: ['crisis-contacts', 'emergency-contact'], format: 'wallet' }],
  ['a 2-panel card', { sections: ['crisis-contacts', 'always-avoid', 'use-caution'], format: 'fold-2' }],
];

describe('CardFace', () => {
  for (const [name, change] of specs) {
    it(`draws every run, rule and box of ${name} where the layout puts it`, async () => {
      const { layout } = await render(specWith(change));
      expect(layout.face).toEqual({ widthPt: ID1.widthPt, heightPt: ID1.heightPt });
      for (const [faceIndex, faceLayout] of layout.faces.entries()) {
        const { markup, parts } = face(layout, faceIndex);
        const svg = parts[0];
        expect(svg?.name).toBe('svg');
        expect(svg?.attributes.viewBox).toBe(`0 0 ${ID1.widthPt} ${ID1.heightPt}`);
        expect(svg?.attributes.role).toBe('img');
        expect(svg?.attributes['aria-label']).toBe(`Face ${faceIndex + 1}`);
        expect(svg?.attributes['font-family']).toBe(`"${FAMILY}", sans-serif`);
        expect(svg?.attributes['data-face-role']).toBe(faceLayout.role);

        // Text: one <text> per run, in the layout's order, at its exact position, size, weight, colour and width.
        const texts = parts.filter((part) => part.name === 'text');
        expect(texts.map((text) => text.text)).toEqual(faceLayout.runs.map((run) => run.text));
        for (const [index, run] of faceLayout.runs.entries()) {
          const text = texts[index]?.attributes ?? {};
          expect(num(text.x)).toBe(run.xPt);
          expect(num(text.y)).toBe(run.yPt);
          expect(num(text.textLength)).toBe(run.widthPt);
          expect(text.lengthAdjust).toBe('spacingAndGlyphs');
          expect(num(text['font-size'])).toBe(run.sizePt);
          expect(text['font-weight']).toBe(run.weight === 'bold' ? '700' : '400');
          expect(text.fill).toBe(inkHex(run.color));
        }
        // Each run's text appears in the markup as often as there are runs with that text (nothing doubled or lost).
        for (const run of faceLayout.runs) {
          const occurrences = texts.filter((text) => text.text === run.text).length;
          expect(occurrences).toBe(faceLayout.runs.filter((other) => other.text === run.text).length);
        }

        // Rules: a <line> each, dotted exactly as the PDF dots them (dash [0.01, 1.6], round caps).
        const lines = parts.filter((part) => part.name === 'line');
        expect(lines).toHaveLength(faceLayout.rules.length);
        for (const [index, rule] of faceLayout.rules.entries()) {
          const line = lines[index]?.attributes ?? {};
          expect([num(line.x1), num(line.y1), num(line.x2), num(line.y2), num(line['stroke-width'])]).toEqual([rule.x1Pt, rule.y1Pt, rule.x2Pt, rule.y2Pt, rule.widthPt]);
          expect(line.stroke).toBe(inkHex(rule.color));
          expect(line['stroke-dasharray']).toBe(rule.dash === 'dotted' ? '0.01 1.6' : undefined);
          expect(line['stroke-linecap']).toBe(rule.dash === 'dotted' ? 'round' : undefined);
        }

        // Boxes: after the trim outline, a <rect> each, before the rules and the text (the PDF's order).
        const rects = parts.filter((part) => part.name === 'rect');
        const trim = rects[0]?.attributes ?? {};
        expect(trim.class).toBe('card-face__trim');
        expect(num(trim.rx)).toBeCloseTo(CARD_CORNER_RADIUS_PT - num(trim.x), 9);
        expect(CARD_CORNER_RADIUS_PT).toBeCloseTo(9.014, 3);
        const boxes = rects.slice(1);
        expect(boxes).toHaveLength(faceLayout.boxes.length);
        for (const [index, box] of faceLayout.boxes.entries()) {
          const rect = boxes[index]?.attributes ?? {};
          expect([num(rect.x), num(rect.y), num(rect.width), num(rect.height)]).toEqual([box.xPt, box.yPt, box.widthPt, box.heightPt]);
          expect(rect.fill).toBe(inkHex(box.fill));
        }
        const order = parts.map((part) => part.name).filter((name) => name === 'rect' || name === 'line' || name === 'text');
        expect(order.join(' ')).toBe(['rect', ...faceLayout.boxes.map(() => 'rect'), ...faceLayout.rules.map(() => 'line'), ...faceLayout.runs.map(() => 'text')].join(' '));

        // Every colour of the card's content is one of the card's inks.
        for (const part of parts.slice(1)) {
          if (part.attributes.class === 'card-face__trim') continue;
          for (const paint of [part.attributes.fill, part.attributes.stroke]) if (paint !== undefined) expect(INK_HEXES).toContain(paint);
        }
        expect(markup).not.toMatch(/<style|style="/);
      }
    });
  }

  it('has the danger band the layout boxes behind the "always avoid" heading', async () => {
    const { layout } = await render(specWith({}));
    const withBox = layout.faces.findIndex((faceLayout) => faceLayout.boxes.length > 0);
    expect(withBox).toBeGreaterThanOrEqual(0);
    const { parts } = face(layout, withBox);
    expect(parts.filter((part) => part.name === 'rect' && part.attributes.fill === inkHex('danger')).length).toBeGreaterThan(0);
    expect(parts.some((part) => part.name === 'text' && part.attributes.fill === inkHex('inverse'))).toBe(true);
  });

  it('draws the 3 mm safe area only when asked', async () => {
    const { layout } = await render(specWith({}));
    expect(face(layout, 0).parts.some((part) => part.attributes.class === 'card-face__safe-area')).toBe(false);
    const withGuide = face(layout, 0, { showSafeArea: true }).parts;
    // Right after the trim, under the card's content, so it never hides a character.
    expect(withGuide.map((part) => part.attributes.class).slice(0, 3)).toEqual(['card-face', 'card-face__trim', 'card-face__safe-area']);
    const guide = withGuide[2]?.attributes ?? {};
    expect([num(guide.x), num(guide.y), num(guide.width), num(guide.height)]).toEqual([SAFE_MARGIN_PT, SAFE_MARGIN_PT, ID1.widthPt - 2 * SAFE_MARGIN_PT, ID1.heightPt - 2 * SAFE_MARGIN_PT]);
    expect(SAFE_MARGIN_PT).toBeCloseTo((3 * 72) / 25.4, 9);
    expect(guide['stroke-dasharray']).toBeDefined();
    expect(guide.fill).toBe('none');
  });

  it('quotes the font family for CSS and says which face is out of range', async () => {
    expect(cssFontFamily('A "B" \\C')).toBe('"A \\"B\\" \\\\C", sans-serif');
    const { layout } = await render(specWith({}));
    expect(() => face(layout, layout.faces.length)).toThrow(/faceIndex 6 is not a face of this layout \(it has 6\)/);
  });
});

describe('CardFace with a clinic logo', () => {
  const logoSpec = (png: Uint8Array) => specWith({ region: 'GB', sections: ['crisis-contacts', 'always-avoid'], clinic: { name: 'Harbour Care', phone: '+44 20 7946 0000', url: 'harbour.example', logo: { mediaType: 'image/png', base64: encodeBase64(png) } } });

  it('draws the logo as an <image> with a data: URL where the layout puts it, after the rules and before the text', async () => {
    const png = makePng(300, 100);
    const { layout } = await render(logoSpec(png));
    const last = layout.faces.length - 1;
    const placement = layout.faces[last]!.images[0]!;
    const { parts } = face(layout, last);
    const images = parts.filter((part) => part.name === 'image');
    expect(images).toHaveLength(1);
    const image = images[0]!.attributes;
    expect(image.href).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    expect([num(image.x), num(image.y), num(image.width), num(image.height)]).toEqual([placement.xPt, placement.yPt, placement.widthPt, placement.heightPt]);
    expect(image.preserveAspectRatio).toBe('none');
    const order = parts.map((part) => part.name).filter((name) => name === 'line' || name === 'image' || name === 'text');
    expect(order.indexOf('image')).toBe(layout.faces[last]!.rules.length);
    // Faces without the logo draw no image.
    for (const index of layout.faces.keys()) if (index !== last) expect(face(layout, index).parts.some((part) => part.name === 'image')).toBe(false);
  });

  it('re-renders the face when the logo changes but keeps its shape', async () => {
    const first = (await render(logoSpec(makePng(300, 100)))).layout;
    const second = (await render(logoSpec(makePng(300, 100, { pixel: () => [200, 30, 30, 255] })))).layout;
    const last = first.faces.length - 1;
    expect(second.faces[last]).toEqual(first.faces[last]);
    const props = (layout: CardLayout): CardFaceProps => ({ layout, faceIndex: last, fontFamily: FAMILY, title: 'Back' });
    expect(sameFaceProps(props(first), props(structuredClone(first)))).toBe(true);
    expect(sameFaceProps(props(first), props(second))).toBe(false);
  });
});

describe('CardFace memo', () => {
  it('re-renders a face only when what it draws changes', async () => {
    const { layout } = await render(specWith({}));
    const props = (changed: CardLayout, faceIndex: number, extra: Partial<CardFaceProps> = {}): CardFaceProps => ({ layout: changed, faceIndex, fontFamily: FAMILY, title: 'Front', ...extra });
    // A fresh layout with the same content (what the app gets for a keystroke that changes nothing on a face).
    const copy = structuredClone(layout);
    for (const index of layout.faces.keys()) expect(sameFaceProps(props(layout, index), props(copy, index))).toBe(true);
    // One run of face 2 changes: only face 2 re-renders.
    const edited = structuredClone(layout);
    const run = edited.faces[2]?.runs[0];
    if (run === undefined) throw new Error('face 2 has no runs');
    run.text += 'x';
    for (const index of layout.faces.keys()) expect(sameFaceProps(props(layout, index), props(edited, index))).toBe(index !== 2);
    // The name, font and guide count too.
    expect(sameFaceProps(props(layout, 0), props(layout, 0, { title: 'Back' }))).toBe(false);
    expect(sameFaceProps(props(layout, 0), props(layout, 0, { fontFamily: 'Other' }))).toBe(false);
    expect(sameFaceProps(props(layout, 0), props(layout, 0, { showSafeArea: true }))).toBe(false);
    expect(sameFaceProps(props(layout, 0), props(layout, 1))).toBe(false);
  });

  it('renders a 6-face card with one <text> per run and nothing else to lay out (its speed is in npm run bench)', async () => {
    const { layout } = await render(specWith({}));
    const runs = layout.faces.reduce((sum, faceLayout) => sum + faceLayout.runs.length, 0);
    expect(layout.faces).toHaveLength(6);
    expect(runs).toBeGreaterThan(80);
    const labels = { face: (index: number) => `Face ${index}` };
    const markup = renderToString(h(CardPreview, { layout, fontFamily: FAMILY, labels }));
    expect(elements(markup).filter((part) => part.name === 'text')).toHaveLength(runs);
  });
});

describe('CardPreview', () => {
  it('draws only the first `drawnFaces` faces, the others as empty frames of the same size with their captions', async () => {
    const { layout } = await render(specWith({}));
    const labels = { face: (index: number) => `Face ${index + 1}` };
    const parts = elements(renderToString(h(CardPreview, { layout, fontFamily: FAMILY, labels, drawnFaces: 2 })));
    const svgs = parts.filter((part) => part.name === 'svg');
    expect(svgs.map((svg) => svg.attributes['aria-label'])).toEqual(layout.faces.map((_, index) => `Face ${index + 1}`));
    expect(svgs.map((svg) => svg.attributes.viewBox)).toEqual(layout.faces.map(() => `0 0 ${layout.face.widthPt} ${layout.face.heightPt}`));
    expect(svgs.map((svg) => svg.attributes['aria-busy'] ?? 'drawn')).toEqual(layout.faces.map((_, index) => (index < 2 ? 'drawn' : 'true')));
    const drawnRuns = (layout.faces[0]?.runs.length ?? 0) + (layout.faces[1]?.runs.length ?? 0);
    expect(parts.filter((part) => part.name === 'text')).toHaveLength(drawnRuns);
  });

  it('shows every face in reading order with the caller’s captions, and the summary', async () => {
    const { layout } = await render(specWith({}));
    const calls: [number, number, FaceRole][] = [];
    const labels = {
      face: (index: number, count: number, role: FaceRole) => {
        calls.push([index, count, role]);
        return `${role} ${index + 1}/${count} <&>`;
      },
    };
    const markup = renderToString(h(CardPreview, { layout, fontFamily: FAMILY, labels, summary: 'Folding card, 6 faces, text 7.5 pt' }));
    const parts = elements(markup);
    expect(calls).toEqual(layout.faces.map((faceLayout, index) => [index, layout.faces.length, faceLayout.role]));
    const captions = parts.filter((part) => part.name === 'figcaption').map((part) => part.text);
    expect(captions).toEqual(layout.faces.map((faceLayout, index) => `${faceLayout.role} ${index + 1}/6 <&>`));
    const svgs = parts.filter((part) => part.name === 'svg');
    expect(svgs.map((svg) => svg.attributes['aria-label'])).toEqual(captions);
    expect(svgs.map((svg) => svg.attributes['data-face-index'])).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(parts.find((part) => part.attributes.class === 'card-preview__summary')?.text).toBe('Folding card, 6 faces, text 7.5 pt');
    expect(parts.find((part) => part.name === 'ol')?.attributes.class).toBe('card-preview__faces');
    expect(markup).not.toMatch(/<style|style="|<script/);
    // The texts of the whole card, all there.
    const texts = parts.filter((part) => part.name === 'text').map((part) => part.text);
    expect(texts).toEqual(layout.faces.flatMap((faceLayout) => faceLayout.runs.map((run) => run.text)));
  });

  it('leaves the summary out when there is none, and passes the safe-area guide on', async () => {
    const { layout } = await render(specWith({ sections: ['crisis-contacts'], format: 'wallet' }));
    const markup = renderToString(h(CardPreview, { layout, fontFamily: FAMILY, labels: { face: () => 'Face' }, showSafeArea: true }));
    expect(markup).not.toContain('card-preview__summary');
    expect(markup.match(/card-face__safe-area/g)).toHaveLength(layout.faces.length);
  });
});
