/**
 * Layout with the fixed-width fake measurer: golden layouts of the fixture template (tests/core/layout/golden/*.txt,
 * one line per run; regenerate with `npx vitest run -u` and read the diff), and the rules every layout keeps.
 */
import { describe, expect, it } from 'vitest';
import { compose, DISCREET_TITLE, SpecError } from '../../../src/core/compose';
import { layoutCard, MissingGlyphsError, OverflowError, SAFE_MARGIN_PT } from '../../../src/core/layout/layout';
import type { CardLayout } from '../../../src/core/layout/types';
import { defaultSpec, type CardSpec } from '../../../src/core/spec/schema';
import type { Template } from '../../../src/core/template/schema';
import { fakeMeasurer, layoutAsText } from '../../helpers/fake-measurer';
import { miniTemplate, sectionOf, variant } from '../../helpers/fixtures';

const HASH = '0123456789abcdef';
const mini = miniTemplate();
const specFor = (template: Template, change: Partial<CardSpec> = {}): CardSpec => ({ ...defaultSpec(template, '2026-11-29'), ...change });
const lay = (template: Template, change: Partial<CardSpec> = {}) => layoutCard(compose(template, specFor(template, change), { contentHash: HASH }), fakeMeasurer, { format: change.format ?? 'auto' });

/** A template with `count` more items in its "avoid" section. */
const bigger = (count: number) =>
  variant(mini, (t) => {
    const section = sectionOf(t, 'avoid', 'items');
    for (let index = 0; index < count; index++) section.items.push({ id: `extra-${index}`, text: `Extra item number ${index} with enough words to wrap onto a second line`, refs: ['ref-a'] });
  });

function expectInsideSafeArea(layout: CardLayout) {
  const { widthPt, heightPt } = layout.face;
  for (const face of layout.faces) {
    for (const run of face.runs) {
      expect(run.xPt).toBeGreaterThanOrEqual(SAFE_MARGIN_PT - 1e-6);
      expect(run.xPt + run.widthPt).toBeLessThanOrEqual(widthPt - SAFE_MARGIN_PT + 1e-6);
      expect(run.yPt - fakeMeasurer.ascentEm * run.sizePt).toBeGreaterThanOrEqual(SAFE_MARGIN_PT - 1e-6);
      expect(run.yPt + fakeMeasurer.descentEm * run.sizePt).toBeLessThanOrEqual(heightPt - SAFE_MARGIN_PT + 1e-6);
    }
    for (const box of face.boxes) {
      expect(box.yPt).toBeGreaterThanOrEqual(SAFE_MARGIN_PT - 1e-6);
      expect(box.yPt + box.heightPt).toBeLessThanOrEqual(heightPt - SAFE_MARGIN_PT + 1e-6);
    }
  }
}

describe('layoutCard (golden)', () => {
  it('lays out a small selection on one face', async () => {
    const layout = lay(mini, { sections: ['contacts', 'avoid'], region: 'US' });
    expect(layout.format.faceCount).toBe(1);
    await expect(layoutAsText(layout)).toMatchFileSnapshot('golden/mini-default.txt');
  });

  it('moves to two faces, then a fold, as content grows, keeping the largest size that fits', async () => {
    const two = lay(bigger(4));
    expect([two.format.id, two.format.faceCount]).toEqual(['wallet', 2]);
    await expect(layoutAsText(two)).toMatchFileSnapshot('golden/mini-two-faces.txt');
    const fold = lay(bigger(12));
    expect(fold.format.id).toBe('fold-2');
    await expect(layoutAsText(fold)).toMatchFileSnapshot('golden/mini-fold-2.txt');
  });

  it('lays out a discreet front that does not name the template', async () => {
    const layout = lay(mini, { discreet: true, fields: { name: 'Ada' } });
    const front = layout.faces[0]!.runs.map((run) => run.text).join(' ');
    expect(front).toContain(DISCREET_TITLE);
    expect(front).not.toContain('Mini test card');
    expect(front).not.toMatch(/avoid/i);
    await expect(layoutAsText(layout)).toMatchFileSnapshot('golden/mini-discreet.txt');
  });
});

describe('layout rules', () => {
  const layouts = [lay(mini), lay(bigger(4)), lay(bigger(12)), lay(bigger(30)), lay(mini, { discreet: true }), lay(mini, { fields: { name: 'N'.repeat(60) } })];

  it('keeps every run, box and rule inside the safe area', () => {
    for (const layout of layouts) expectInsideSafeArea(layout);
  });

  it('never sets text below 7 pt; danger headings and numbers at 9 pt bold or more', () => {
    for (const layout of layouts) {
      expect(layout.minSizePt).toBeGreaterThanOrEqual(7);
      for (const run of layout.faces.flatMap((face) => face.runs)) {
        if (run.text.startsWith('⚠')) expect([run.weight, run.sizePt >= 9]).toEqual(['bold', true]);
        if (/^\+?\d[\d -]+$/.test(run.text)) expect([run.weight, run.sizePt >= 9]).toEqual(['bold', true]);
      }
    }
  });

  it('prints every selected entry exactly on one face, headings with their first entry', () => {
    const layout = lay(bigger(12));
    const entryIds = ['line', 'emergency', 'first', 'second', ...Array.from({ length: 12 }, (_, i) => `extra-${i}`), 'name', 'dose'];
    for (const id of entryIds) {
      const faces = layout.faces.map((face, index) => (face.runs.some((run) => run.source === id) ? index : -1)).filter((index) => index >= 0);
      expect(faces, id).toHaveLength(1);
    }
    const headingFace = layout.faces.findIndex((face) => face.runs.some((run) => run.text.includes('Avoid')));
    const firstItemFace = layout.faces.findIndex((face) => face.runs.some((run) => run.source === 'first'));
    expect(headingFace).toBe(firstItemFace);
  });

  it('puts the footer with id@version, date and hash on the last face', () => {
    const layout = lay(bigger(4));
    const last = layout.faces[layout.faces.length - 1]!.runs.map((run) => run.text).join(' ');
    expect(last).toContain('mini@1.0.0 · 2026-11-29 · #01234567');
    expect(last).toContain('Test content, not advice.');
  });

  it('names what does not fit when a fixed format is too small', () => {
    let error: unknown;
    try {
      lay(bigger(12), { format: 'wallet' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OverflowError);
    expect((error as OverflowError).message).toMatch(/^Not everything fits on a wallet \(2 faces\) card, even at 7 pt\. Does not fit: "Avoid" \(extra-\d+.*extra-11\); "About me" \(name, dose\)\. Choose a larger format \(or auto\), or fewer sections\.$/);
  });

  it('refuses text the font cannot print, naming the field and the characters', () => {
    expect(() => lay(mini, { fields: { name: '王小明' } })).toThrow(new MissingGlyphsError('"Name"', ['王', '小', '明']));
    expect(() => lay(mini, { fields: { name: '王小明' } })).toThrow(/"Name" has characters the card's font cannot print: 王 \(U\+738B\), 小 \(U\+5C0F\), 明 \(U\+660E\)/);
  });
});

describe('compose errors', () => {
  const composeWith = (change: Partial<CardSpec>) => () => compose(mini, specFor(mini, change), { contentHash: HASH });
  it('names an unknown section and lists the real ones', () => {
    expect(composeWith({ sections: ['avoid', 'nope'] })).toThrow(new SpecError('unknown section "nope" in mini@1.0.0; its sections are: contacts, avoid, me'));
  });
  it('names an unknown field', () => {
    expect(composeWith({ fields: { nmae: 'Ada' } })).toThrow(/unknown field "nmae" in mini@1\.0\.0; its fields are: name, dose/);
  });
  it('says how long a field may be', () => {
    expect(composeWith({ fields: { name: 'x'.repeat(61) } })).toThrow('Name (field "name") is 61 characters long; at most 60 fit on the card');
  });
  it('refuses a value for a write-in line', () => {
    expect(composeWith({ fields: { dose: '100 mg' } })).toThrow(/is written in by hand on the printed card; leave it empty/);
  });
  it('refuses an empty selection', () => {
    expect(composeWith({ sections: [] })).toThrow('no section is selected: choose at least one section');
  });
  it('reports field values of unselected sections instead of printing them', () => {
    expect(compose(mini, specFor(mini, { sections: ['avoid'], fields: { name: 'Ada' } }), { contentHash: HASH }).unusedFields).toEqual(['name']);
  });
  it('filters contacts by region', () => {
    const doc = compose(mini, specFor(mini, { region: 'US' }), { contentHash: HASH });
    expect(doc.sections[0]!.entries.map((entry) => entry.id)).toEqual(['line']);
  });
});
