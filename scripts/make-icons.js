#!/usr/bin/env node
/* Draws the add-in's icons (a white tick on Excel green, rounded corners) as PNGs in assets/, at the sizes the manifest names. */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [16, 124, 65];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function pixel(n, x, y) {
  // Supersampled coverage of the rounded square and of the tick.
  let box = 0;
  let tick = 0;
  const S = 4;
  const r = n * 0.18;
  const w = n * 0.09 + 0.6;
  for (let i = 0; i < S; i++)
    for (let j = 0; j < S; j++) {
      const px = x + (i + 0.5) / S;
      const py = y + (j + 0.5) / S;
      const cx = Math.min(Math.max(px, r), n - r);
      const cy = Math.min(Math.max(py, r), n - r);
      if (Math.hypot(px - cx, py - cy) <= r) box++;
      const d = Math.min(segDist(px, py, n * 0.24, n * 0.52, n * 0.42, n * 0.7), segDist(px, py, n * 0.42, n * 0.7, n * 0.77, n * 0.3));
      if (d <= w) tick++;
    }
  const a = box / (S * S);
  const t = tick / (S * S);
  const rgb = GREEN.map((g) => Math.round(g * (1 - t) + 255 * t));
  return [...rgb, Math.round(a * 255)];
}

function png(n) {
  const rows = [];
  for (let y = 0; y < n; y++) {
    const row = [0];
    for (let x = 0; x < n; x++) row.push(...pixel(n, x, y));
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const n of SIZES) fs.writeFileSync(path.join(dir, `icon-${n}.png`), png(n));
console.log(`assets/icon-{${SIZES.join(',')}}.png`);
