// Draws the tabBar icons (81×81 PNG, the size WeChat recommends) with Node built-ins only,
// so the repository needs no image tooling. Run: node scripts/generate-tab-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SUPERSAMPLE = 4;
const INACTIVE = [0x99, 0x99, 0x99];
const ACTIVE = [0xe4, 0x39, 0x3c];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA PNG where `inside(x, y)` (coordinates in 0..1) says which points are painted. */
function png(inside, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (inside((x + (sx + 0.5) / SUPERSAMPLE) / SIZE, (y + (sy + 0.5) / SUPERSAMPLE) / SIZE)) hits++;
        }
      }
      const alpha = Math.round((255 * hits) / (SUPERSAMPLE * SUPERSAMPLE));
      row.set([r, g, b, alpha], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const STROKE = 0.07;

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const negative = d1 < 0 || d2 < 0 || d3 < 0;
  const positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

/** An outlined house: roof triangle and walls, with a door. */
function home(x, y) {
  const roofOuter = inTriangle(x, y, [0.5, 0.1], [0.08, 0.5], [0.92, 0.5]);
  const roofInner = inTriangle(x, y, [0.5, 0.1 + STROKE * 1.6], [0.08 + STROKE * 1.9, 0.5 - STROKE * 0.01], [0.92 - STROKE * 1.9, 0.5 - STROKE * 0.01]);
  const wallOuter = x >= 0.2 && x <= 0.8 && y >= 0.42 && y <= 0.88;
  const wallInner = x >= 0.2 + STROKE && x <= 0.8 - STROKE && y >= 0.42 && y <= 0.88 - STROKE;
  const door = x >= 0.42 && x <= 0.58 && y >= 0.62 && y <= 0.88;
  const roof = roofOuter && !(roofInner && y < 0.5);
  return (roof && y <= 0.5) || (wallOuter && !wallInner) || door;
}

/** An outlined person: head ring and shoulders arc. */
function mine(x, y) {
  const head = Math.hypot(x - 0.5, y - 0.32);
  const headRing = head <= 0.2 && head >= 0.2 - STROKE;
  const body = Math.hypot((x - 0.5) / 1.15, y - 0.95);
  const shoulders = body <= 0.42 && body >= 0.42 - STROKE && y <= 0.9;
  const base = y >= 0.9 - STROKE && y <= 0.9 && body <= 0.42;
  return headRing || shoulders || base;
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets');
const icons = { 'tab-home': home, 'tab-mine': mine };
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(join(outDir, `${name}.png`), png(shape, INACTIVE));
  writeFileSync(join(outDir, `${name}-active.png`), png(shape, ACTIVE));
}
console.log(`wrote ${Object.keys(icons).length * 2} icons to ${outDir}`);
