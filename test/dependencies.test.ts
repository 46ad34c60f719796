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

function packagesOf(file: string): string[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push(n.moduleSpecifier.text);
    } else if (ts.isCallExpression(n) && n.arguments.length >= 1 && ts.isStringLiteral(n.arguments[0])) {
      const callee = n.expression.getText(src);
      if (callee === 'require' || callee === 'require.resolve' || n.expression.kind === ts.SyntaxKind.ImportKeyword) {
        out.push(n.arguments[0].text);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0]))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

const files = ['src', 'test', 'bench', 'scripts']
  .flatMap((d) => sources(path.join(ROOT, d)))
  .concat(['webpack.config.js', 'jest.config.js', 'eslint.config.mjs'].map((f) => path.join(ROOT, f)));
const used = new Map<string, string>();
for (const f of files) for (const p of packagesOf(f)) if (!used.has(p)) used.set(p, path.relative(ROOT, f));

describe('package.json', () => {
  it('declares every package the code imports', () => {
    expect([...used].filter(([p]) => !declared.has(p)).map(([p, f]) => `${p} (${f})`)).toEqual([]);
  });

  it('declares no package that nothing uses', () => {
    expect([...declared].filter((p) => !used.has(p) && !(p in RUN_BY_TOOLS))).toEqual([]);
  });
});
