/**
 * Real image files made in the tests: PNGs written with node:zlib (signature, IHDR, IDAT, IEND, real CRCs), and the
 * JPEG fixture (tests/fixtures/logo.jpg, 120 × 40 px, made with ImageMagick).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { REPO_ROOT } from './run';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export interface PngOptions {
  /** RGBA (colour type 6) instead of RGB (colour type 2). */
  alpha?: boolean;
  /** The colour of a pixel, [r, g, b, a] from 0 to 255. Default: a blue badge with a white cross. */
  pixel?: (x: number, y: number) => [number, number, number, number];
}

/** A real PNG of `widthPx` × `heightPx`. */
export function makePng(widthPx: number, heightPx: number, options: PngOptions = {}): Uint8Array {
  const channels = options.alpha === true ? 4 : 3;
  const pixel = options.pixel ?? ((x, y) => (Math.abs(x - widthPx / 6) < widthPx / 30 || Math.abs(y - heightPx / 2) < heightPx / 10) && x < widthPx / 3 ? [255, 255, 255, 255] : x < widthPx / 3 ? [20, 90, 170, 255] : [20, 90, 170, (x + y) % 7 === 0 ? 0 : 255]);
  const raw = Buffer.alloc((widthPx * channels + 1) * heightPx);
  for (let y = 0; y < heightPx; y++) {
    const row = y * (widthPx * channels + 1);
    raw[row] = 0;
    for (let x = 0; x < widthPx; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set(channels === 4 ? [r, g, b, a] : [r, g, b], row + 1 + x * channels);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(widthPx, 0);
  ihdr.writeUInt32BE(heightPx, 4);
  ihdr.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]));
}

/** The JPEG fixture: 120 × 40 px, baseline, RGB. */
export function fixtureJpeg(): Uint8Array {
  return new Uint8Array(readFileSync(join(REPO_ROOT, 'tests/fixtures/logo.jpg')));
}
