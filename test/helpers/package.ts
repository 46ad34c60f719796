/** Tests' view of .xlsx packages: parts by name, XML parsed into trees to diff structurally, references resolved. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { XlsxPackage } from '../../src/xlsx/package';
import { walkXml } from '../../src/xlsx/xml';

export interface Node {
  name: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

/** The part as a tree: qualified names, attributes, children (text runs kept, whitespace-only runs dropped). */
export function tree(xml: string): Node {
  const root: Node = { name: '#document', attrs: {}, children: [] };
  const stack: Node[] = [root];
  walkXml(xml, {
    open: (el) => {
      const n: Node = { name: el.name, attrs: { ...el.attrs }, children: [] };
      stack[stack.length - 1].children.push(n);
      stack.push(n);
    },
    close: () => {
      stack.pop();
    },
    text: (t) => {
      const top = stack[stack.length - 1];
      const last = top.children[top.children.length - 1];
      if (typeof last === 'string') top.children[top.children.length - 1] = last + t;
      else top.children.push(t);
    },
  });
  const clean = (n: Node): Node => ({
    ...n,
    children: n.children.filter((c) => typeof c !== 'string' || c.trim() !== '').map((c) => (typeof c === 'string' ? c : clean(c))),
  });
  return clean(root).children[0] as Node;
}

export const local = (n: Node) => n.name.slice(n.name.indexOf(':') + 1);

/** Every node of the tree, depth first. */
export function* nodes(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children) if (typeof c !== 'string') yield* nodes(c);
}

export function textOf(n: Node): string {
  return n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** A copy of the tree with the nodes `drop` selects removed and `edit` applied to each kept node. */
export function prune(n: Node, drop: (n: Node, parent: Node) => boolean, edit: (n: Node) => Node = (x) => x): Node {
  return edit({
    ...n,
    attrs: { ...n.attrs },
    children: n.children.filter((c) => typeof c === 'string' || !drop(c, n)).map((c) => (typeof c === 'string' ? c : prune(c, drop, edit))),
  });
}

export function openPackage(file: string): XlsxPackage {
  return new XlsxPackage(readFileSync(file));
}

/** Every part's bytes by name. */
export function partBytes(pkg: XlsxPackage): Map<string, Buffer> {
  return new Map(pkg.entries.map((e) => [e.name, pkg.bytes(e.name)]));
}

/**
 * What would make Excel offer to repair the package: a relationship to a part that is not there, a part without a
 * content type, an Override for a missing part. Returns the problems found (none for a sound package).
 */
export function unresolved(pkg: XlsxPackage): string[] {
  const problems: string[] = [];
  const names = new Set(pkg.entries.map((e) => e.name.toLowerCase()));
  const types = tree(pkg.text('[Content_Types].xml'));
  const defaults = new Set<string>();
  const overrides = new Set<string>();
  for (const n of nodes(types)) {
    if (local(n) === 'Default') defaults.add(n.attrs.Extension.toLowerCase());
    if (local(n) === 'Override') {
      overrides.add(n.attrs.PartName.toLowerCase());
      if (!names.has(n.attrs.PartName.slice(1).toLowerCase())) problems.push(`Override for missing ${n.attrs.PartName}`);
    }
  }
  for (const e of pkg.entries) {
    if (e.name === '[Content_Types].xml' || e.name.endsWith('/')) continue;
    const base = path.posix.basename(e.name);
    const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
    if (!overrides.has(`/${e.name}`.toLowerCase()) && !defaults.has(ext)) problems.push(`no content type for ${e.name}`);
    if (e.name.endsWith('.rels')) {
      const source = e.name.replace(/_rels\/([^/]+)\.rels$/, '$1').replace(/^\.rels$|^_rels\/\.rels$/, '');
      for (const r of pkg.rels(source === e.name ? '' : source)) {
        if (!r.external && r.part && !names.has(r.part.toLowerCase())) problems.push(`${e.name}: ${r.id} → missing ${r.part}`);
      }
    }
  }
  return problems;
}
