// Draws the app icons (public/icons/*.png) with no image library: a wallet card on the brand colour.
// Run `node scripts/make-icons.mjs` after changing the design; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x0b, 0x4f, 0x6c]; // deep blue, the theme colour
const CARD = [0xff, 0xff, 0xff];
const DANGER = [0xb4, 0x23, 0x18];
const INK = [0x1f, 0x29, 0x33];

/** Colour at (x, y) in a unit square; `safe` shrinks the artwork into the maskable safe zone. */
function shade(x, y, safe) {
  const scale = safe ? 0.62 : 0.8;
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const cardW = 1;
  const cardH = 53.98 / 85.6;
  const left = 0.5 - cardW / 2;
  const top = 0.5 - cardH / 2;
  const inCard = roundedRect(u, v, left, top, cardW, cardH, 0.07);
  if (!inCard) return BRAND;
  const cu = (u - left) / cardW;
  const cv = (v - top) / cardH;
  if (cv < 0.3) return DANGER; // the emergency band
  // a white cross in the band is drawn above; lines of text below
  for (const [row, length] of [[0.45, 0.8], [0.62, 0.65], [0.79, 0.72]]) {
    if (Math.abs(cv - row) < 0.055 && cu > 0.1 && cu < 0.1 + length) return INK;
  }
  return CARD;
}

function roundedRect(u, v, left, top, width, height, radius) {
  const dx = Math.max(left + radius - u, 0, u - (left + width - radius));
  const dy = Math.max(top + radius - v, 0, v - (top + height - radius));
  return u >= left && u <= left + width && v >= top && v <= top + height && dx * dx + dy * dy <= radius * radius;
}

function crossAt(x, y, safe) {
  // A white "+" centred in the danger band.
  const scale = safe ? 0.62 : 0.8;
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const cardH = 53.98 / 85.6;
  const top = 0.5 - cardH / 2;
  const cy = top + cardH * 0.15;
  const cx = 0.5;
  const arm = cardH * 0.11;
  const bar = cardH * 0.04;
  return (Math.abs(u - cx) < arm && Math.abs(v - cy) < bar) || (Math.abs(u - cx) < bar && Math.abs(v - cy) < arm);
}

function render(size, safe) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const colour = crossAt(x, y, safe) ? CARD : shade(x, y, safe);
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
        }
      }
      for (let c = 0; c < 3; c++) row[1 + px * 3 + c] = Math.round(sum[c] / (samples * samples));
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function png(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

mkdirSync('public/icons', { recursive: true });
for (const [name, size, safe] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['maskable-512.png', 512, true], ['apple-touch-icon-180.png', 180, true]]) {
  writeFileSync(`public/icons/${name}`, render(size, safe));
  console.log(`public/icons/${name}`);
}
