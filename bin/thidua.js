#!/usr/bin/env node
'use strict';
// The compiled CLI lives in dist/ (built by `npm run build:cli`, and by `prepare` on `npm ci`).
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (e) {
  console.error('thidua: chưa biên dịch. Hãy chạy: npm run build:cli');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
