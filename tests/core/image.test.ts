/**
 * Logos recognised by their bytes: real PNGs made here with node:zlib, the JPEG fixture, and real refusals — a GIF,
 * a text file, a truncated PNG and JPEG, a file over 1 MB, an empty file, a declared type that disagrees.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, inspectImage, inspectLogo, LOGO_MAX_SIDE_PX, LogoError, logoFromBytes } from '../../src/core/image';
import { defaultSpec, migrateSpec, SpecFormatError } from '../../src/core/spec/schema';
import { fixtureJpeg, makePng } from '../helpers/images';
import { miniTemplate } from '../helpers/fixtures';

const refused = (bytes: Uint8Array, message: RegExp) => {
  expect(() => inspectImage(bytes)).toThrow(LogoError);
  expect(() => inspectImage(bytes)).toThrow(message);
};

describe('base64', () => {
  it('round-trips every length and byte value, as Node encodes it', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(length).map((_, index) => (index * 37 + length * 11) & 0xff);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }
    const all = new Uint8Array(256).map((_, index) => index);
    expect(encodeBase64(all)).toBe(Buffer.from(all).toString('base64'));
    expect(Buffer.from(decodeBase64(Buffer.from(all).toString('base64'))).equals(Buffer.from(all))).toBe(true);
  });

  it('encodes a 1 MB file as Node does', () => {
    const big = new Uint8Array(1024 * 1024).map((_, index) => (index * 2654435761) >>> 24);
    expect(encodeBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('refuses what is not base64, saying where', () => {
    expect(() => decodeBase64('iVBO*w0K')).toThrow(/not valid base64 \(character 5 is "\*"\)/);
    expect(() => decodeBase64('abcde')).toThrow(/its length is wrong/);
  });
});

describe('inspectImage', () => {
  it('reads the size of a PNG, with and without alpha', () => {
    expect(inspectImage(makePng(300, 100))).toEqual({ mediaType: 'image/png', widthPx: 300, heightPx: 100 });
    expect(inspectImage(makePng(17, 33, { alpha: true }))).toEqual({ mediaType: 'image/png', widthPx: 17, heightPx: 33 });
  });

  it('reads the size of a JPEG from its frame header', () => {
    expect(inspectImage(fixtureJpeg())).toEqual({ mediaType: 'image/jpeg', widthPx: 120, heightPx: 40 });
  });

  it('refuses a GIF, naming how it starts', () => {
    const gif = new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b]);
    refused(gif, /^the logo is not a PNG or JPEG image \(it starts with GIF89a…, it looks like a GIF image\): save it as PNG or JPEG$/);
  });

  it('refuses a text file', () => {
    refused(new TextEncoder().encode('Clinic logo goes here\n'), /^the logo is not a PNG or JPEG image \(it starts with Clinic l…\): save it as PNG or JPEG$/);
    refused(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), /it looks like text \(SVG or HTML\?\)/);
  });

  it('refuses a truncated PNG and JPEG', () => {
    const png = makePng(40, 40);
    for (const cut of [4, 20, 40, png.length - 12, png.length - 1]) refused(png.subarray(0, cut), /^the logo is an incomplete PNG file \(it ends too early, maybe a broken download\): save it again as PNG or JPEG$/);
    const jpeg = fixtureJpeg();
    for (const cut of [3, 30, jpeg.length - 2]) refused(jpeg.subarray(0, cut), /^the logo is an incomplete JPEG file/);
  });

  it('refuses a file over 1 MB, saying its size', () => {
    const big = new Uint8Array(Math.round(1.1 * 1024 * 1024));
    big.set(makePng(10, 10));
    refused(big, /^the logo is 1\.1 MB; at most 1 MB: make it smaller/);
  });

  it('refuses an empty file and an image without pixels', () => {
    refused(new Uint8Array(0), /^the logo file is empty \(0 bytes\)/);
    refused(makePng(0, 10), /^the logo has no pixels \(0 × 10\)/);
  });

  it('refuses an image larger than it could ever print', () => {
    const header = makePng(1, 1);
    const huge = new Uint8Array(header);
    new DataView(huge.buffer).setUint32(16, LOGO_MAX_SIDE_PX + 1);
    refused(huge, new RegExp(`^the logo is ${LOGO_MAX_SIDE_PX + 1} × 1 pixels; at most ${LOGO_MAX_SIDE_PX} on each side`));
    new DataView(huge.buffer).setUint32(16, 2000);
    new DataView(huge.buffer).setUint32(20, 1001);
    refused(huge, /^the logo is 2000 × 1001 pixels; at most 2 million pixels \(like 2000 × 1000\): make it smaller/);
    new DataView(huge.buffer).setUint32(20, 1000);
    expect(() => inspectImage(huge)).not.toThrow(/pixels/);
  });

  it('refuses a declared type that disagrees with the bytes', () => {
    expect(() => inspectImage(makePng(4, 4), 'image/jpeg')).toThrow(/^the logo is said to be image\/jpeg but its bytes are image\/png: choose the logo file again$/);
    expect(() => inspectLogo({ mediaType: 'image/png', base64: Buffer.from(fixtureJpeg()).toString('base64') })).toThrow(LogoError);
  });
});

describe('logoFromBytes and inspectLogo', () => {
  it('turns file bytes into the spec value and back', () => {
    const png = makePng(60, 20);
    const logo = logoFromBytes(png);
    expect(logo).toEqual({ mediaType: 'image/png', widthPx: 60, heightPx: 20, base64: Buffer.from(png).toString('base64') });
    expect(inspectLogo({ mediaType: logo.mediaType, base64: logo.base64 })).toEqual({ mediaType: 'image/png', widthPx: 60, heightPx: 20 });
    const jpeg = logoFromBytes(fixtureJpeg());
    expect(inspectLogo({ mediaType: 'image/jpeg', base64: jpeg.base64 })).toEqual({ mediaType: 'image/jpeg', widthPx: 120, heightPx: 40 });
  });

  it('refuses a file the same way as inspectImage', () => {
    expect(() => logoFromBytes(new TextEncoder().encode('GIF89a'))).toThrow('the logo is not a PNG or JPEG image (it starts with GIF89a, it looks like a GIF image): save it as PNG or JPEG');
    expect(() => logoFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5]))).toThrow('the logo is not a PNG or JPEG image (it starts with 00 01 02 03…): save it as PNG or JPEG');
  });
});

describe('the card spec holds only logos the card can draw', () => {
  const spec = (logo: unknown) => ({ ...defaultSpec(miniTemplate(), '2026-11-29'), clinic: { name: 'Harbour Care', phone: '', url: '', logo } });

  it('accepts a PNG and a JPEG', () => {
    expect(migrateSpec(spec({ mediaType: 'image/png', base64: encodeBase64(makePng(30, 10)) })).clinic.logo?.mediaType).toBe('image/png');
    expect(migrateSpec(spec({ mediaType: 'image/jpeg', base64: encodeBase64(fixtureJpeg()) })).clinic.logo?.mediaType).toBe('image/jpeg');
  });

  it('refuses a stored or imported spec whose logo bytes are not an image, or not of the declared type, saying why', () => {
    const gif = spec({ mediaType: 'image/png', base64: Buffer.from('GIF89a\x01\x00', 'latin1').toString('base64') });
    expect(() => migrateSpec(gif)).toThrow(SpecFormatError);
    expect(() => migrateSpec(gif)).toThrow('not a valid card spec: clinic.logo: the logo is not a PNG or JPEG image (it starts with GIF89a…, it looks like a GIF image): save it as PNG or JPEG');
    const mislabelled = spec({ mediaType: 'image/jpeg', base64: encodeBase64(makePng(3, 3)) });
    expect(() => migrateSpec(mislabelled)).toThrow(/clinic\.logo: the logo is said to be image\/jpeg but its bytes are image\/png/);
    const cut = spec({ mediaType: 'image/png', base64: encodeBase64(makePng(30, 10).subarray(0, 40)) });
    expect(() => migrateSpec(cut)).toThrow(/clinic\.logo: the logo is an incomplete PNG file/);
  });
});
