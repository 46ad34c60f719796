/**
 * The engine is pure, and that is enforced, not described: it compiles with no DOM, Node or Office types
 * (tsconfig.engine.json, run by `npm run typecheck`), and it imports nothing but its own files and zod.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ts from 'typescript';

const ENGINE = path.join(__dirname, '../../src/engine');
const ALLOWED_PACKAGES = new Set(['zod']);

function engineFiles(dir = ENGINE): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? engineFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier a file names: imports, re-exports, require() and import(). */
function specifiers(file: string): string[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push(n.moduleSpecifier.text);
    }
    if (ts.isCallExpression(n) && n.arguments.length === 1 && ts.isStringLiteral(n.arguments[0])) {
      if (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require')) {
        out.push(n.arguments[0].text);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

/** The diagnostics of `code` compiled as an engine file, with the engine's own compiler options. */
function compileAsEngine(code: string): string[] {
  const config = ts.readConfigFile(path.join(__dirname, '../../tsconfig.engine.json'), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.join(__dirname, '../..'));
  const file = path.join(ENGINE, '__probe__.ts');
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name === file ? ts.createSourceFile(name, code, ts.ScriptTarget.ES2020, true) : read(name, version);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('the engine boundary', () => {
  it('imports only its own files and zod', () => {
    const outside = engineFiles().flatMap((f) =>
      specifiers(f)
        .filter((s) => !s.startsWith('.') && !ALLOWED_PACKAGES.has(s))
        .map((s) => `${path.relative(ENGINE, f)} → ${s}`),
    );
    expect(outside).toEqual([]);
  });

  it('finds an outside import when there is one (the check itself can fail)', () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-')), 'probe.ts');
    fs.writeFileSync(probe, "import ExcelJS from 'exceljs';\nexport const x = import('office-addin-mock');\n");
    try {
      expect(specifiers(probe)).toEqual(['exceljs', 'office-addin-mock']);
    } finally {
      fs.rmSync(probe);
    }
  });

  it.each([
    ['the DOM', 'export const t = document.title;'],
    ['the window', 'export const w = window.location;'],
    ['Office.js', 'export const c = Office.context;'],
    ['Excel', 'export const r = Excel.run;'],
    ['Node', 'export const e = process.env;'],
    ['Node buffers', "export const b = Buffer.from('x');"],
  ])('does not compile against %s', (_, code) => {
    expect(compileAsEngine(code).join('\n')).toMatch(/Cannot find name/);
  });

  it('compiles plain engine code under the same options', () => {
    expect(compileAsEngine("import { fold } from './text';\nexport const f = fold('Điểm');")).toEqual([]);
  });
});
