// Draws Touchplan's icons with Node alone (zlib for the PNG stream): `node resources/make-icons.mjs`.
// A blue disc with a white check is the app and the tray; the overdue tray icon adds a red dot.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [37, 99, 235];
const WHITE = [255, 255, 255];
const RED = [220, 38, 38];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const png = (size, rgba) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const segmentDistance = (px, py, [ax, ay], [bx, by]) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};
const coverage = (distanceInside, pixel) => Math.max(0, Math.min(1, 0.5 + distanceInside / pixel));

/** Coordinates are in a unit square; `pixel` is the size of one pixel in those units (antialiasing). */
const draw = (size, overdue) => {
  const rgba = Buffer.alloc(size * size * 4);
  const pixel = 1 / size;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const px = (x + 0.5) / size;
      const py = (y + 0.5) / size;
      const disc = coverage(0.47 - Math.hypot(px - 0.5, py - 0.5), pixel);
      const checkDistance = Math.min(
        segmentDistance(px, py, [0.28, 0.52], [0.43, 0.67]),
        segmentDistance(px, py, [0.43, 0.67], [0.72, 0.36]),
      );
      const check = coverage(0.075 - checkDistance, pixel);
      const dot = overdue ? coverage(0.2 - Math.hypot(px - 0.78, py - 0.22), pixel) : 0;
      let color = BLUE.map((c, i) => c * (1 - check) + WHITE[i] * check);
      color = color.map((c, i) => c * (1 - dot) + RED[i] * dot);
      const alpha = Math.max(disc, dot);
      const offset = (y * size + x) * 4;
      rgba[offset] = Math.round(color[0]);
      rgba[offset + 1] = Math.round(color[1]);
      rgba[offset + 2] = Math.round(color[2]);
      rgba[offset + 3] = Math.round(alpha * 255);
    }
  }
  return png(size, rgba);
};

const dir = import.meta.dirname;
const files = {
  'icon.png': draw(512, false),
  'tray.png': draw(16, false),
  'tray@2x.png': draw(32, false),
  'tray-overdue.png': draw(16, true),
  'tray-overdue@2x.png': draw(32, true),
};
for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
console.log(`wrote ${Object.keys(files).join(', ')} to ${dir}`);
