/**
 * Draws Newsmark's icon (a page with a highlighted line and a quotation mark) at each manifest size and writes
 * PNGs to public/icons/. Run once when the design changes: `npx tsx scripts/make-icons.ts`.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const INK: [number, number, number, number] = [29, 53, 87, 255];
const PAPER: [number, number, number, number] = [250, 250, 247, 255];
const MARK: [number, number, number, number] = [255, 200, 61, 255];
const CLEAR: [number, number, number, number] = [0, 0, 0, 0];

function icon(x: number, y: number, s: number): [number, number, number, number] {
  const u = (v: number) => (v * s) / 16; // design on a 16-unit grid
  const r = u(3);
  const inside = (px: number, py: number) => {
    const cx = Math.min(Math.max(px, r), s - r);
    const cy = Math.min(Math.max(py, r), s - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  };
  if (!inside(x + 0.5, y + 0.5)) return CLEAR;
  const fx = x / s, fy = y / s;
  // a highlighted line across the middle of the page
  if (fy >= 0.56 && fy < 0.72 && fx >= 0.18 && fx < 0.82) return MARK;
  // text lines
  if ((fy >= 0.24 && fy < 0.32 && fx >= 0.4 && fx < 0.82) || (fy >= 0.8 && fy < 0.86 && fx >= 0.18 && fx < 0.66)) return PAPER;
  // an opening quotation mark in the top-left
  const dot = (cx: number, cy: number) => (fx - cx) ** 2 + (fy - cy) ** 2 <= 0.0065;
  if (dot(0.22, 0.3) || dot(0.33, 0.3) || (fy >= 0.3 && fy < 0.42 && ((fx >= 0.17 && fx < 0.22) || (fx >= 0.28 && fx < 0.33)) && fx - 0.17 < (0.42 - fy) * 1.2 + 0.05)) return MARK;
  return INK;
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(`public/icons/icon-${size}.png`, png(size, (x, y) => icon(x, y, size)));
}
console.log('wrote public/icons/icon-{16,32,48,128}.png');
