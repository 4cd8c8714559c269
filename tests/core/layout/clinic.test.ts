/**
 * The clinic's block with the fake measurer: a golden layout (tests/core/layout/golden/mini-clinic*.txt), and the
 * rules it keeps — on the last face with the footer, inside the safe area, text ≥ 7 pt and clear of the logo, the
 * logo scaled into its box with its aspect kept, counted in the fitting (a larger format, or an OverflowError that
 * names sections: the clinic is never dropped), nothing for an empty profile, and its text checked for glyphs.
 */
import { describe, expect, it } from 'vitest';
import { compose, ISSUED_BY, SpecError } from '../../../src/core/compose';
import { encodeBase64 } from '../../../src/core/image';
import { CLINIC_LOGO_ID, CLINIC_LOGO_MAX_HEIGHT_PT, CLINIC_LOGO_MAX_WIDTH_PT, layoutCard, MissingGlyphsError, OverflowError, SAFE_MARGIN_PT } from '../../../src/core/layout/layout';
import type { CardLayout } from '../../../src/core/layout/types';
import { defaultSpec, NO_CLINIC, type CardSpec, type ClinicProfile } from '../../../src/core/spec/schema';
import type { Template } from '../../../src/core/template/schema';
import { fakeMeasurer, layoutAsText } from '../../helpers/fake-measurer';
import { miniTemplate, sectionOf, variant } from '../../helpers/fixtures';
import { fixtureJpeg, makePng } from '../../helpers/images';

const HASH = '0123456789abcdef';
const mini = miniTemplate();
const PNG_300_100 = encodeBase64(makePng(300, 100));
const CLINIC: ClinicProfile = { name: 'Harbour Care', phone: '+44 20 7946 0000', url: 'https://harbour.example/care/', logo: { mediaType: 'image/png', base64: PNG_300_100 } };

const specFor = (template: Template, change: Partial<CardSpec> = {}): CardSpec => ({ ...defaultSpec(template, '2026-11-29'), ...change });
const lay = (template: Template, change: Partial<CardSpec> = {}) => layoutCard(compose(template, specFor(template, change), { contentHash: HASH }), fakeMeasurer, { format: change.format ?? 'auto' });

const bigger = (count: number) =>
  variant(mini, (t) => {
    const section = sectionOf(t, 'avoid', 'items');
    for (let index = 0; index < count; index++) section.items.push({ id: `extra-${index}`, text: `Extra item number ${index} with enough words to wrap onto a second line`, refs: ['ref-a'] });
  });

const lastFace = (layout: CardLayout) => layout.faces[layout.faces.length - 1]!;
const faceText = (layout: CardLayout, index: number) => layout.faces[index]!.runs.map((run) => run.text).join(' ');

function expectInsideSafeArea(layout: CardLayout) {
  const { widthPt, heightPt } = layout.face;
  for (const face of layout.faces) {
    for (const run of face.runs) {
      expect(run.sizePt).toBeGreaterThanOrEqual(7);
      expect(run.xPt).toBeGreaterThanOrEqual(SAFE_MARGIN_PT - 1e-6);
      expect(run.xPt + run.widthPt).toBeLessThanOrEqual(widthPt - SAFE_MARGIN_PT + 1e-6);
      expect(run.yPt - fakeMeasurer.ascentEm * run.sizePt).toBeGreaterThanOrEqual(SAFE_MARGIN_PT - 1e-6);
      expect(run.yPt + fakeMeasurer.descentEm * run.sizePt).toBeLessThanOrEqual(heightPt - SAFE_MARGIN_PT + 1e-6);
    }
    for (const image of face.images) {
      expect(image.xPt).toBeGreaterThanOrEqual(SAFE_MARGIN_PT - 1e-6);
      expect(image.yPt).toBeGreaterThanOrEqual(SAFE_MARGIN_PT - 1e-6);
      expect(image.xPt + image.widthPt).toBeLessThanOrEqual(widthPt - SAFE_MARGIN_PT + 1e-6);
      expect(image.yPt + image.heightPt).toBeLessThanOrEqual(heightPt - SAFE_MARGIN_PT + 1e-6);
    }
  }
}

describe('the clinic block (golden)', () => {
  it('prints the logo, "Issued by" and the name, the number and the web address above the footer', async () => {
    const layout = lay(mini, { sections: ['contacts', 'avoid'], region: 'US', clinic: CLINIC });
    await expect(layoutAsText(layout)).toMatchFileSnapshot('golden/mini-clinic.txt');
  });

  it('without a logo the text starts at the margin', async () => {
    const layout = lay(mini, { sections: ['contacts', 'avoid'], region: 'US', clinic: { ...CLINIC, logo: null } });
    await expect(layoutAsText(layout)).toMatchFileSnapshot('golden/mini-clinic-no-logo.txt');
  });
});

describe('the clinic block (rules)', () => {
  const cases: [string, Partial<CardSpec>][] = [
    ['a one-face card', { sections: ['contacts', 'avoid'], region: 'US', clinic: CLINIC }],
    ['a two-face card', { clinic: CLINIC }],
    ['a discreet card', { discreet: true, clinic: CLINIC }],
    ['the longest name and address', { clinic: { ...CLINIC, name: 'N'.repeat(60), url: `https://${'u'.repeat(40)}/${'v'.repeat(31)}` } }],
    ['a JPEG logo', { clinic: { ...CLINIC, logo: { mediaType: 'image/jpeg', base64: encodeBase64(fixtureJpeg()) } } }],
    ['a tall logo', { clinic: { ...CLINIC, logo: { mediaType: 'image/png', base64: encodeBase64(makePng(20, 90)) } } }],
  ];
  for (const [name, change] of cases) {
    it(`${name}: on the last face with the footer, inside the safe area, ≥ 7 pt, text clear of the logo`, () => {
      const layout = lay(mini, change);
      const face = layout.faces.findIndex((f) => f.runs.some((run) => run.source === 'footer' && run.text.startsWith(ISSUED_BY)));
      const footerFace = layout.faces.findIndex((f) => f.runs.some((run) => run.text.includes('mini@1.0.0')));
      expect(face).toBe(footerFace);
      expect(layout.faces.filter((f) => f.images.length > 0)).toHaveLength(1);
      const [image] = layout.faces[face]!.images;
      expect(image?.imageId).toBe(CLINIC_LOGO_ID);
      expect(layout.images.map((i) => i.id)).toEqual([CLINIC_LOGO_ID]);
      expectInsideSafeArea(layout);
      // The clinic's text is right of the logo and within its vertical extent or below the rule above it.
      const clinicRuns = layout.faces[face]!.runs.filter((run) => run.yPt < layout.faces[face]!.runs.find((r) => r.text.includes('mini@1.0.0'))!.yPt && run.source === 'footer');
      for (const run of clinicRuns) expect(run.xPt).toBeGreaterThanOrEqual(image!.xPt + image!.widthPt + 1);
      // Nothing of the body overlaps the clinic block.
      const top = Math.min(image!.yPt, ...clinicRuns.map((run) => run.yPt - run.sizePt));
      for (const run of layout.faces[face]!.runs.filter((r) => r.source !== 'footer')) expect(run.yPt + 0.2 * run.sizePt).toBeLessThan(top);
    });
  }

  it('scales the logo into its box, keeping the aspect ratio', () => {
    for (const [widthPx, heightPx] of [[300, 100], [20, 90], [1000, 10], [8, 8], [40, 4000]] as const) {
      const layout = lay(mini, { clinic: { ...NO_CLINIC, logo: { mediaType: 'image/png', base64: encodeBase64(makePng(widthPx, heightPx)) } } });
      const image = lastFace(layout).images[0]!;
      expect(image.widthPt).toBeLessThanOrEqual(CLINIC_LOGO_MAX_WIDTH_PT + 1e-9);
      expect(image.heightPt).toBeLessThanOrEqual(CLINIC_LOGO_MAX_HEIGHT_PT + 1e-9);
      expect(Math.max(image.widthPt / CLINIC_LOGO_MAX_WIDTH_PT, image.heightPt / CLINIC_LOGO_MAX_HEIGHT_PT)).toBeCloseTo(1, 9);
      expect(image.widthPt / image.heightPt).toBeCloseTo(widthPx / heightPx, 9);
    }
  });

  it('prints the web address without https:// and the trailing slash, and the phone at the size of emergency numbers', () => {
    const layout = lay(mini, { clinic: CLINIC });
    const runs = lastFace(layout).runs;
    expect(runs.map((run) => run.text).join(' ')).toContain('harbour.example/care');
    expect(runs.map((run) => run.text).join(' ')).not.toContain('https://');
    const phone = runs.find((run) => run.text === CLINIC.phone)!;
    expect([phone.weight, phone.sizePt >= 9]).toEqual(['bold', true]);
    const name = runs.find((run) => run.text === CLINIC.name)!;
    expect(name.weight).toBe('bold');
  });

  it('prints nothing for an empty profile: the same layout as before clinics existed', () => {
    const without = lay(mini, { sections: ['contacts', 'avoid'], region: 'US' });
    const blank = lay(mini, { sections: ['contacts', 'avoid'], region: 'US', clinic: { name: ' ', phone: '', url: '', logo: null } });
    expect(blank).toEqual(without);
    expect(without.images).toEqual([]);
    expect(faceText(without, 0)).not.toContain(ISSUED_BY);
  });

  it('counts in the fitting: a card that fitted a format moves to a larger one, never losing the clinic', () => {
    const faces = (layout: CardLayout) => layout.faces.length;
    let pushed = 0;
    for (let count = 0; count <= 14; count++) {
      const plain = lay(bigger(count));
      const branded = lay(bigger(count), { clinic: CLINIC });
      expect(faces(branded)).toBeGreaterThanOrEqual(faces(plain));
      expect(faceText(branded, branded.faces.length - 1)).toContain(CLINIC.name);
      if (faces(branded) > faces(plain)) pushed += 1;
    }
    expect(pushed).toBeGreaterThan(0);
  });

  it('in a fixed format too small for it, names the sections that do not fit', () => {
    let count = 0;
    while (count < 20) {
      try {
        lay(bigger(count), { format: 'wallet' });
      } catch {
        break;
      }
      const withClinic = () => lay(bigger(count), { format: 'wallet', clinic: CLINIC });
      try {
        withClinic();
      } catch (error) {
        expect(error).toBeInstanceOf(OverflowError);
        expect((error as OverflowError).unplaced.length).toBeGreaterThan(0);
        expect((error as Error).message).toMatch(/^Not everything fits on a wallet \(2 faces\) card, even at 7 pt\. Does not fit: "/);
        return;
      }
      count += 1;
    }
    throw new Error('no selection fitted the wallet card without the clinic and overflowed with it');
  });

  it('refuses clinic text the font cannot print, naming it', () => {
    expect(() => lay(mini, { clinic: { ...CLINIC, name: '王小明 Care' } })).toThrow(new MissingGlyphsError("The clinic's name", ['王', '小', '明']));
    expect(() => lay(mini, { clinic: { ...CLINIC, url: 'care.example/😀' } })).toThrow(/^The clinic's web address has characters the card's font cannot print: 😀 \(U\+1F600\)/);
  });

  it('refuses a logo whose bytes are not an image, with the reason', () => {
    const spec = specFor(mini, { clinic: { ...CLINIC, logo: { mediaType: 'image/png', base64: Buffer.from('GIF89a').toString('base64') } } });
    expect(() => compose(mini, spec, { contentHash: HASH })).toThrow(new SpecError('the logo is not a PNG or JPEG image (it starts with GIF89a, it looks like a GIF image): save it as PNG or JPEG'));
  });
});
