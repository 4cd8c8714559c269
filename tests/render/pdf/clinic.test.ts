/**
 * Branded cards read back with real PDF readers: pdftotext finds the clinic's name, number and web address inside
 * the safe area on the last page; pdfimages lists the logo once at its pixel size and at the size the layout gives;
 * pdftoppm draws it where the layout put it; a sheet of 100 copies holds the logo once; the bytes are the same every
 * run; and a logo the PDF engine cannot decode is refused with a LogoError, not a crash.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase64, LogoError } from '../../../src/core/image';
import { CLINIC_LOGO_ID } from '../../../src/core/layout/layout';
import { PT_PER_MM } from '../../../src/core/layout/types';
import type { ClinicProfile } from '../../../src/core/spec/schema';
import { render, save, specWith, squash, tool, wordBoxes } from '../../helpers/engine';
import { fixtureJpeg, makePng } from '../../helpers/images';
import { tempDir } from '../../helpers/run';
import { execFileSync } from 'node:child_process';

const dir = tempDir('safety-card-clinic-');
afterAll(() => dir.cleanup());

const BLUE = [20, 90, 170] as const;
const solidBluePng = makePng(300, 100, { pixel: () => [...BLUE, 255] });
const CLINIC: ClinicProfile = { name: 'Harbour Psychedelic Care', phone: '+44 20 7946 0000', url: 'https://harbour-care.example/sitters', logo: { mediaType: 'image/png', base64: encodeBase64(solidBluePng) } };
const SAFE = 3 * PT_PER_MM;

interface ImageRow {
  page: number;
  type: string;
  widthPx: number;
  heightPx: number;
  enc: string;
  objectId: number;
  xPpi: number;
}

async function images(path: string): Promise<ImageRow[]> {
  const out = await tool('pdfimages', ['-list', path]);
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      return { page: Number(cells[0]), type: cells[2] ?? '', widthPx: Number(cells[3]), heightPx: Number(cells[4]), enc: cells[8] ?? '', objectId: Number(cells[10]), xPpi: Number(cells[12]) };
    });
}

describe('a card with a clinic', () => {
  const cases: [string, Partial<Parameters<typeof specWith>[0]>, { type: string; enc: string; widthPx: number; heightPx: number }[]][] = [
    ['a wallet card with a PNG logo', { region: 'GB', sections: ['crisis-contacts', 'always-avoid'], clinic: CLINIC }, [{ type: 'image', enc: 'image', widthPx: 300, heightPx: 100 }]],
    ['the default card with a JPEG logo', { region: 'US', clinic: { ...CLINIC, logo: { mediaType: 'image/jpeg', base64: encodeBase64(fixtureJpeg()) } } }, [{ type: 'image', enc: 'jpeg', widthPx: 120, heightPx: 40 }]],
    ['a card with a transparent PNG logo', { region: 'US', clinic: { ...CLINIC, logo: { mediaType: 'image/png', base64: encodeBase64(makePng(90, 90, { alpha: true })) } } }, [{ type: 'image', enc: 'image', widthPx: 90, heightPx: 90 }, { type: 'smask', enc: 'image', widthPx: 90, heightPx: 90 }]],
  ];
  for (const [name, change, expected] of cases) {
    it(`${name}: its text on the last page inside the safe area, the logo once at the layout's size`, async () => {
      const made = await render(specWith(change));
      const path = save(dir.path, `${name.replace(/\W+/g, '-')}.pdf`, made.bytes);
      const pages = made.layout.faces.length;

      const lastPage = squash(await tool('pdftotext', ['-enc', 'UTF-8', '-f', String(pages), '-l', String(pages), path, '-']));
      for (const text of ['Issued by', CLINIC.name, CLINIC.phone, 'harbour-care.example/sitters']) expect(lastPage, text).toContain(squash(text));
      expect(lastPage).not.toContain('https://');

      const { widthPt, heightPt } = made.layout.face;
      for (const word of (await wordBoxes(path)).filter((w) => w.page === pages)) {
        expect(word.xMin, word.word).toBeGreaterThanOrEqual(SAFE - 0.5);
        expect(word.xMax, word.word).toBeLessThanOrEqual(widthPt - SAFE + 0.5);
        expect(word.yMin, word.word).toBeGreaterThanOrEqual(SAFE - 1);
        expect(word.yMax, word.word).toBeLessThanOrEqual(heightPt - SAFE + 1);
      }

      const rows = await images(path);
      expect(rows.map(({ page, type, enc, widthPx, heightPx }) => ({ page, type, enc, widthPx, heightPx }))).toEqual(expected.map((row) => ({ page: pages, ...row })));
      const placement = made.layout.faces[pages - 1]!.images[0]!;
      expect(placement.imageId).toBe(CLINIC_LOGO_ID);
      // Drawn at the layout's size: pixels per inch = pixels / (points / 72).
      expect(rows[0]!.xPpi).toBe(Math.round(expected[0]!.widthPx / (placement.widthPt / 72)));
      expect(await tool('qpdf', ['--check', path])).toMatch(/No syntax or stream encoding errors found/);
    });
  }

  it('draws the logo where the layout puts it (pdftoppm at 300 dpi)', async () => {
    const made = await render(specWith({ region: 'GB', sections: ['crisis-contacts', 'always-avoid'], clinic: CLINIC }));
    const path = save(dir.path, 'pixels.pdf', made.bytes);
    const pages = made.layout.faces.length;
    const image = made.layout.faces[pages - 1]!.images[0]!;
    const px = (pt: number) => Math.round((pt / 72) * 300);
    // The middle half of the logo's box, as a PPM (P6): every pixel is the logo's blue.
    const x = px(image.xPt + image.widthPt / 4);
    const y = px(image.yPt + image.heightPt / 4);
    const ppm = execFileSync('pdftoppm', ['-r', '300', '-f', String(pages), '-l', String(pages), '-x', String(x), '-y', String(y), '-W', String(px(image.widthPt / 2)), '-H', String(px(image.heightPt / 2)), path]);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    const pixels = ppm.subarray(header[0].length);
    expect(pixels.length).toBe(Number(header[1]) * Number(header[2]) * 3);
    for (let index = 0; index < pixels.length; index += 3) {
      expect(Math.abs(pixels[index]! - BLUE[0]) + Math.abs(pixels[index + 1]! - BLUE[1]) + Math.abs(pixels[index + 2]! - BLUE[2])).toBeLessThanOrEqual(6);
    }
    // Just left of the logo is paper.
    const left = execFileSync('pdftoppm', ['-r', '300', '-f', String(pages), '-l', String(pages), '-x', String(px(image.xPt) - 12), '-y', String(y), '-W', '8', '-H', '8', path]);
    expect([...left.subarray(left.length - 8 * 8 * 3)].every((value) => value === 255)).toBe(true);
  });

  it('embeds the logo once on a sheet of 100 copies', async () => {
    const one = await render(specWith({ clinic: CLINIC, paper: 'a4', copies: 1 }));
    const hundred = await render(specWith({ clinic: CLINIC, paper: 'a4', copies: 100 }));
    const path = save(dir.path, 'sheet-100.pdf', hundred.bytes);
    const rows = await images(path);
    expect(rows.length).toBe(100);
    expect(new Set(rows.map((row) => row.objectId)).size).toBe(1);
    // Read back: the clinic's name 100 times, on as many sheets as 100 cards need (a front and a back page each).
    const count = (text: string) => squash(text).split(squash(CLINIC.name)).length - 1;
    expect(count(await tool('pdftotext', ['-enc', 'UTF-8', path, '-']))).toBe(100);
    const perSheet = count(await tool('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '2', path, '-']));
    const pages = Number(/Pages:\s+(\d+)/.exec(await tool('pdfinfo', [path]))?.[1]);
    expect(pages).toBe(Math.ceil(100 / perSheet) * 2);
    expect(hundred.pageCount).toBe(pages);
    // 99 more copies cost far less than one more logo: only references are added.
    const withoutLogo = await render(specWith({ clinic: { ...CLINIC, logo: null }, paper: 'a4', copies: 1 }));
    expect(hundred.bytes.length - one.bytes.length).toBeLessThan(one.bytes.length - withoutLogo.bytes.length + 20_000);
  });

  it('embeds the logo once on A4 card stock too', async () => {
    const made = await render(specWith({ clinic: CLINIC, paper: 'a4', stock: 'avery-c32011', copies: 20, region: 'GB', sections: ['crisis-contacts', 'always-avoid'] }));
    const rows = await images(save(dir.path, 'stock-20.pdf', made.bytes));
    expect(rows.length).toBe(20);
    expect(new Set(rows.map((row) => row.objectId)).size).toBe(1);
  });

  it('gives the same bytes every run', async () => {
    const spec = specWith({ clinic: CLINIC, region: 'DE' });
    const [first, second] = [await render(spec), await render(spec)];
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it('refuses a PNG whose image data is damaged with a LogoError, not a crash', async () => {
    const png = makePng(40, 40);
    // Keep the structure (chunks and lengths) but spoil the compressed pixels.
    const idat = Buffer.from(png).indexOf('IDAT');
    const broken = new Uint8Array(png);
    broken.fill(0xff, idat + 4, idat + 20);
    await expect(render(specWith({ clinic: { ...CLINIC, logo: { mediaType: 'image/png', base64: encodeBase64(broken) } } }))).rejects.toThrow(LogoError);
  });
});
