#!/usr/bin/env node
'use strict';
// `npm run demo`: checks the bundled sample sheet, then writes a fixed copy beside it.
// A check that finds errors exits 1, which is the point of a demo, so only exit 2 (could not run) fails here.
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'thidua.js');
const sample = path.join('samples', 'bang-cham-diem-2022.xlsx');
const out = path.join('samples', 'out', 'bang-cham-diem-2022.da-sua.xlsx');

for (const args of [
  ['check', sample],
  ['fix', sample, '-o', out, '--force'],
]) {
  console.log(`\n$ thidua ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
}
