/**
 * The clinic flags of `safety-card`, run for real: the name, number, web address and logo are printed (pdftotext,
 * pdfimages) and summarised in --json; the same bytes as the library; a logo that is not an image, too large,
 * truncated or missing exits 1 with the reason; a phone that is not a number is a usage error (exit 2).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/cli/version';
import { encodeBase64 } from '../../src/core/image';
import { makeCard } from '../../src/render/pdf/make-card';
import { fonts, measurer, specWith, squash, stored, template, tool } from '../helpers/engine';
import { makePng } from '../helpers/images';
import { runCli, tempDir, type RunResult } from '../helpers/run';

const dir = tempDir('safety-card-clinic-cli-');
afterAll(() => dir.cleanup());
const card = (args: string[]) => runCli('safety-card.ts', args, dir.path);
const png = makePng(240, 80);
writeFileSync(join(dir.path, 'logo.png'), png);
const FLAGS = ['--clinic-name', 'Harbour Care', '--clinic-phone', '+44 20 7946 0000', '--clinic-url', 'https://harbour.example/care', '--logo', 'logo.png', '--date', '2026-11-29'];

function expectUserError(result: RunResult, code: 1 | 2, message: RegExp) {
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.code).toBe(code);
}

describe('safety-card clinic flags', () => {
  it('prints the clinic and its logo, and summarises them in --json', async () => {
    const result = await card([...FLAGS, '--out', 'branded.pdf', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { clinic: unknown; faces: number };
    expect(summary.clinic).toEqual({ name: 'Harbour Care', phone: '+44 20 7946 0000', url: 'harbour.example/care', logo: { mediaType: 'image/png', widthPx: 240, heightPx: 80 } });
    const path = join(dir.path, 'branded.pdf');
    const text = squash(await tool('pdftotext', ['-enc', 'UTF-8', '-f', String(summary.faces), '-l', String(summary.faces), path, '-']));
    for (const expected of ['Issued by', 'Harbour Care', '+44 20 7946 0000', 'harbour.example/care']) expect(text).toContain(squash(expected));
    const images = (await tool('pdfimages', ['-list', path])).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(new RegExp(`^\\s*${summary.faces}\\s+0\\s+image\\s+240\\s+80\\s+rgb`));
  });

  it('writes the same bytes as the library', async () => {
    expect((await card([...FLAGS, '--out', 'same.pdf'])).code).toBe(0);
    const spec = specWith({ clinic: { name: 'Harbour Care', phone: '+44 20 7946 0000', url: 'https://harbour.example/care', logo: { mediaType: 'image/png', base64: encodeBase64(png) } } });
    const library = await makeCard({ template, contentHash: stored.sha256, spec, measurer, fonts, creator: `Safety Card ${APP_VERSION}` });
    expect(Buffer.from(readFileSync(join(dir.path, 'same.pdf'))).equals(Buffer.from(library.bytes))).toBe(true);
  });

  it('keeps the logo of a --spec file, and --logo none removes it', async () => {
    const spec = specWith({ clinic: { name: 'Harbour Care', phone: '', url: '', logo: { mediaType: 'image/png', base64: encodeBase64(png) } } });
    writeFileSync(join(dir.path, 'spec.json'), JSON.stringify(spec));
    const kept = JSON.parse((await card(['--spec', 'spec.json', '--out', 'kept.pdf', '--json'])).stdout) as { clinic: { logo: unknown } };
    expect(kept.clinic.logo).toEqual({ mediaType: 'image/png', widthPx: 240, heightPx: 80 });
    const removed = JSON.parse((await card(['--spec', 'spec.json', '--logo', 'none', '--out', 'removed.pdf', '--json'])).stdout) as { clinic: { logo: unknown } };
    expect(removed.clinic.logo).toBeNull();
    expect(await tool('pdfimages', ['-list', join(dir.path, 'removed.pdf')])).not.toMatch(/\bimage\b/);
  });

  it('refuses a logo that is not a PNG or JPEG, saying what it is (exit 1)', async () => {
    writeFileSync(join(dir.path, 'logo.gif'), Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1'));
    expectUserError(await card(['--logo', 'logo.gif']), 1, /^logo\.gif: the logo is not a PNG or JPEG image \(it starts with GIF89a…, it looks like a GIF image\): save it as PNG or JPEG\n$/);
    writeFileSync(join(dir.path, 'logo.txt'), 'our logo\n');
    expectUserError(await card(['--logo', 'logo.txt']), 1, /^logo\.txt: the logo is not a PNG or JPEG image \(it starts with our logo…\)/);
  });

  it('refuses a logo over 1 MB (exit 1)', async () => {
    const big = new Uint8Array(Math.round(1.1 * 1024 * 1024));
    big.set(png);
    writeFileSync(join(dir.path, 'big.png'), big);
    expectUserError(await card(['--logo', 'big.png']), 1, /^big\.png: the logo is 1\.1 MB; at most 1 MB: make it smaller/);
  });

  it('refuses a truncated logo and a missing file (exit 1)', async () => {
    writeFileSync(join(dir.path, 'cut.png'), png.subarray(0, png.length - 20));
    expectUserError(await card(['--logo', 'cut.png']), 1, /^cut\.png: the logo is an incomplete PNG file/);
    expectUserError(await card(['--logo', 'absent.png']), 1, /^cannot read the logo absent\.png: ENOENT/);
  });

  it('refuses a phone that is not a number (exit 2) and a name the font cannot print (exit 1)', async () => {
    expectUserError(await card(['--clinic-phone', 'call us']), 2, /^--clinic-phone takes a phone number \(digits, spaces and \+ \( \) - \. \/ only\), like --clinic-phone "\+44 20 7946 0000"; got "call us"\n/);
    expectUserError(await card(['--clinic-name', '王 Care']), 1, /^The clinic's name has characters the card's font cannot print: 王 \(U\+738B\)/);
  });

  it('lists the flags in --help', async () => {
    const help = (await card(['--help'])).stdout;
    for (const flag of ['--clinic-name NAME', '--clinic-phone PHONE', '--clinic-url ADDRESS', '--logo FILE']) expect(help).toContain(flag);
  });
});
