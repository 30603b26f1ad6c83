// Draws Handshake's icon (two interlocking arrows on DevTools blue) as PNGs in public/icon/.
// Run by hand when the icon changes: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const inRounded = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), 1 - r),
    cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const pixel = (x, y) => {
  if (!inRounded(x, y, 0.18)) return [0, 0, 0, 0];
  const white = [255, 255, 255, 255];
  // upper arrow: right-pointing, lower arrow: left-pointing (request and response)
  const bar = (yc) => Math.abs(y - yc) < 0.07;
  if (bar(0.36) && x > 0.2 && x < 0.68) return white;
  if (x >= 0.62 && x < 0.82 && Math.abs(y - 0.36) < 0.16 - (x - 0.62) * 0.8) return white;
  if (bar(0.64) && x > 0.32 && x < 0.8) return white;
  if (x > 0.18 && x <= 0.38 && Math.abs(y - 0.64) < 0.16 - (0.38 - x) * 0.8) return white;
  return [26, 115, 232, 255];
};
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size, pixel));
console.log('icons written');
