// Builds the CLI into dist/ before the tests when dist/ is older than its sources, so that the one test that spawns
// `node bin/thidua.js` runs today's code. A failed build is reported, not thrown: that test then fails on its own.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

module.exports = async function buildCliIfStale() {
  const built = path.join(root, 'dist', 'cli', 'main.js');
  const sources = Math.max(
    ...['src/engine', 'src/xlsx', 'src/cli', 'tsconfig.json', 'tsconfig.cli.json'].map((p) => {
      const full = path.join(root, p);
      return fs.statSync(full).isDirectory() ? newest(full) : fs.statSync(full).mtimeMs;
    }),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    console.warn(
      `\nglobal-setup: npm run build:cli failed; the bin test will run an old or missing dist/.\n${e.stdout || ''}${e.stderr || ''}`,
    );
  }
};
