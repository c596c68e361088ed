// Draws the app icons (a white "C" on NHS blue) as real PNGs, with no image library.
// Run `npm run icons` after changing the design; the PNGs in public/icons are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NHS_BLUE = [0x00, 0x5e, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
const OUT = new URL('../public/icons/', import.meta.url);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels (a function of x, y) as an 8-bit truecolour-with-alpha PNG. */
function encodePng(size, pixelAt) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const rowStart = y * (1 + size * 4);
    rows[rowStart] = 0; // filter: none
    for (let x = 0; x < size; x++) rows.set(pixelAt(x, y), rowStart + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 1 inside a rounded square covering the canvas, 0 outside (for "any" icons). */
function inRoundedSquare(x, y, size) {
  const r = size * 0.18;
  const dx = Math.max(r - x, 0, x - (size - 1 - r));
  const dy = Math.max(r - y, 0, y - (size - 1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** A thick ring with a gap facing right: the letter C. `scale` is the outer radius / size. */
function inLetterC(x, y, size, scale) {
  const cx = (size - 1) / 2;
  const dx = x - cx;
  const dy = y - cx;
  const distance = Math.hypot(dx, dy);
  const outer = size * scale;
  const inner = outer * 0.58;
  const angle = Math.abs(Math.atan2(dy, dx)); // 0 points right
  return distance <= outer && distance >= inner && angle >= Math.PI / 4;
}

function icon(size, { maskable }) {
  return encodePng(size, (x, y) => {
    // Maskable icons are full-bleed; the C stays inside the 40% radius safe zone.
    if (!maskable && !inRoundedSquare(x, y, size)) return [0, 0, 0, 0];
    const colour = inLetterC(x, y, size, maskable ? 0.3 : 0.36) ? WHITE : NHS_BLUE;
    return [...colour, 0xff];
  });
}

mkdirSync(OUT, { recursive: true });
const files = {
  'icon-192.png': icon(192, { maskable: false }),
  'icon-512.png': icon(512, { maskable: false }),
  'maskable-512.png': icon(512, { maskable: true }),
  // iOS ignores the manifest icons and rounds corners itself, so this one is full-bleed.
  'apple-touch-icon.png': icon(180, { maskable: true }),
};
for (const [name, png] of Object.entries(files)) {
  writeFileSync(new URL(name, OUT), png);
  console.log(`public/icons/${name}: ${png.length} bytes`);
}
