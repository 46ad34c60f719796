/** Every package the code imports is declared in package.json, and every declared package is used or says why not. */
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);

/** Declared for a tool that runs them by name (npm scripts, jest, webpack loaders), not imported by our code. */
const RUN_BY_TOOLS: Record<string, string> = {
  '@types/jest': 'types for the tests',
  '@types/node': 'types for the CLI and tests',
  '@types/office-js': 'types for the add-in',
  ajv: 'office-addin-manifest needs it; .npmrc keeps legacy-peer-deps, so it is listed',
  jest: 'npm test',
  'ts-jest': 'jest.config.js transform',
  'ts-loader': 'webpack.config.js loader',
  'webpack-cli': 'npm run build',
  'webpack-dev-server': 'npm run dev-server',
  'office-addin-debugging': 'npm start',
  'office-addin-lint': 'npm run lint:fix',
  'office-addin-manifest': 'npm run validate',
  eslint: 'npm run lint',
  prettier: 'npm run lint',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sources(p);
    return /\.(ts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every module `file` names (imports, re-exports, require, dynamic import); type-only imports too unless `runtime`. */
function specifiersOf(file: string, runtime = false): string[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(n) ? n.importClause?.isTypeOnly === true : n.isTypeOnly;
      if (!(runtime && typeOnly)) out.push(n.moduleSpecifier.text);
    } else if (ts.isCallExpression(n) && n.arguments.length >= 1 && ts.isStringLiteral(n.arguments[0])) {
      const callee = n.expression.getText(src);
      if (callee === 'require' || callee === 'require.resolve' || n.expression.kind === ts.SyntaxKind.ImportKeyword) {
        out.push(n.arguments[0].text);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

function packagesOf(file: string, runtime = false): string[] {
  return specifiersOf(file, runtime)
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0]))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

const files = ['src', 'test', 'bench', 'scripts']
  .flatMap((d) => sources(path.join(ROOT, d)))
  .concat(['webpack.config.js', 'jest.config.js', 'eslint.config.mjs'].map((f) => path.join(ROOT, f)));
const used = new Map<string, string>();
for (const f of files) for (const p of packagesOf(f)) if (!used.has(p)) used.set(p, path.relative(ROOT, f));

/**
 * The packages the compiled CLI loads: the import graph of its entry points (the command and the tonghop worker,
 * which is started by path), type-only imports left out. The pane's packages are bundled by webpack at build time.
 */
function cliPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = ['src/cli/main.ts', 'src/cli/tonghop-worker.ts'].map((f) => path.join(ROOT, f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const p of packagesOf(file, true)) if (!found.has(p)) found.set(p, path.relative(ROOT, file));
    for (const s of specifiersOf(file, true).filter((x) => x.startsWith('.'))) {
      const base = path.resolve(path.dirname(file), s);
      const next = [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (next && next.endsWith('.ts')) queue.push(next);
    }
  }
  return found;
}

describe('package.json', () => {
  it('lists as dependencies exactly what the command line loads (what `npm install thidua` must bring)', () => {
    const cli = cliPackages();
    expect([...cli].filter(([p]) => !(p in (pkg.dependencies ?? {}))).map(([p, f]) => `${p} (${f})`)).toEqual([]);
    expect(Object.keys(pkg.dependencies ?? {}).filter((p) => !cli.has(p))).toEqual([]);
    // ExcelJS is the tests' second reader and the pane's reader of chosen files (bundled): not the CLI's.
    expect(cli.has('exceljs')).toBe(false);
    expect(pkg.devDependencies.exceljs).toBeDefined();
  });

  it('declares every package the code imports', () => {
    expect([...used].filter(([p]) => !declared.has(p)).map(([p, f]) => `${p} (${f})`)).toEqual([]);
  });

  it('declares no package that nothing uses', () => {
    expect([...declared].filter((p) => !used.has(p) && !(p in RUN_BY_TOOLS))).toEqual([]);
  });
});
