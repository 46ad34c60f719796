/**
 * Pairs a sheet's criteria with a template's: sections first, then, inside each pair of sections, items by the
 * similarity of their folded words. Numbering and scores only break ties, so renumbered items and small wording
 * changes still find their template row.
 */
import { Criterion, TemplateSummary } from '../model';
import { fold } from '../text';
import { Composite, Template, TemplateCriterion } from './schema';

/** A template section or criterion, flattened, with the label messages name it by. */
export interface TemplateNode {
  id: string;
  kind: 'section' | 'item';
  /** "Nội dung 2, mục 7". */
  label: string;
  tt: string;
  text: string;
  diemChuan: number;
  diemThuong: number;
  tiers?: number[];
  composite?: Composite;
  evidenceRequired: boolean;
  /** Template id of the parent criterion or section. */
  parent?: string;
  section: string;
}

export interface TemplateMatch {
  template: Template;
  nodes: TemplateNode[];
  /** Sheet criterion id → the template node it matched. */
  bySheet: Map<string, TemplateNode>;
  /** Template node id → the sheet criterion that matched it. */
  byTemplate: Map<string, Criterion>;
  /** How alike the two texts are (0–1), per sheet criterion id. */
  similarity: Map<string, number>;
  /** Template nodes no sheet criterion matched. */
  missing: TemplateNode[];
  /** Sheet sections and items that match nothing in the template (composite parts excepted). */
  extra: Criterion[];
  /** Unmatched sheet rows under a composite criterion ("- Công đoàn 20"): its parts, not extra criteria. */
  partsOf: Map<string, Criterion[]>;
}

/** Below this, two texts are different criteria. */
const MIN_SIMILARITY = 0.5;
const MIN_SECTION_SIMILARITY = 0.3;
/** Containment counts only for texts of a few words at least, and weighs less than the same words in full. */
const MIN_CONTAINED_WORDS = 4;
const CONTAINMENT_WEIGHT = 0.8;

/** Words for comparing wording: lower case, no punctuation, one space; diacritics kept. */
export function wordingOf(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokens(s: string): string[] {
  return fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '');
}

/**
 * How alike two texts are, 0–1: the Dice coefficient of their words, or, where one text holds nearly all the words of
 * the other (a sheet that cut the tier list from the criterion's text), a little less than their containment.
 */
export function similarity(a: string, b: string): number {
  return similarityOf(tokens(a), tokens(b));
}

function similarityOf(x: string[], y: string[]): number {
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 1 : 0;
  const count = new Map<string, number>();
  for (const t of x) count.set(t, (count.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of y) {
    const n = count.get(t) ?? 0;
    if (n > 0) {
      common++;
      count.set(t, n - 1);
    }
  }
  const dice = (2 * common) / (x.length + y.length);
  const shorter = Math.min(x.length, y.length);
  return shorter >= MIN_CONTAINED_WORDS ? Math.max(dice, CONTAINMENT_WEIGHT * (common / shorter)) : dice;
}

export function flattenTemplate(t: Template): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  for (const s of t.sections) {
    nodes.push({ ...s, kind: 'section', tt: '', evidenceRequired: false, section: s.id });
    const visit = (c: TemplateCriterion, parent: string) => {
      const { children, ...rest } = c;
      nodes.push({ ...rest, kind: 'item', label: `${s.label}, mục ${c.tt || c.id}`, parent, section: s.id });
      for (const k of children) visit(k, c.id);
    };
    for (const c of s.criteria) visit(c, s.id);
  }
  return nodes;
}

interface Pair<A, B> {
  a: A;
  b: B;
  score: number;
  sim: number;
}

/** Greedy one-to-one assignment, best pairs first; ties keep the order pairs were offered in. */
function assign<A, B>(pairs: Pair<A, B>[], min: number): Pair<A, B>[] {
  const taken = new Set<unknown>();
  const out: Pair<A, B>[] = [];
  for (const p of [...pairs].sort((x, y) => y.score - x.score)) {
    if (p.sim < min || taken.has(p.a) || taken.has(p.b)) continue;
    taken.add(p.a);
    taken.add(p.b);
    out.push(p);
  }
  return out;
}

/** Pairs whose words are the same, where those words are found once on each side (a repeated text is left to ties). */
function sameWording(sheet: Criterion[], template: TemplateNode[], wordsOf: (t: string) => string[]): Pair<Criterion, TemplateNode>[] {
  const key = (t: string) => wordsOf(t).join(' ');
  const once = <T extends { text: string }>(xs: T[]) => {
    const by = new Map<string, T | null>();
    for (const x of xs) by.set(key(x.text), by.has(key(x.text)) ? null : x);
    return by;
  };
  const bySheet = once(sheet);
  const byTemplate = once(template);
  const out: Pair<Criterion, TemplateNode>[] = [];
  for (const [k, a] of bySheet) {
    const b = byTemplate.get(k);
    if (a && b && k !== '') out.push({ a, b, sim: 1, score: 1 });
  }
  return out;
}

/** Beyond this many pairs, each sheet row is compared only with the few template rows sharing most of its words. */
const MAX_PAIRS = 250_000;
const FEW = 8;

function candidatesFor(sheet: Criterion[], template: TemplateNode[], wordsOf: (t: string) => string[]): (c: Criterion) => TemplateNode[] {
  if (sheet.length * template.length <= MAX_PAIRS) return () => template;
  const withWord = new Map<string, number[]>();
  template.forEach((n, i) => {
    for (const w of new Set(wordsOf(n.text))) (withWord.get(w) ?? withWord.set(w, []).get(w)!).push(i);
  });
  return (c) => {
    const shared = new Map<number, number>();
    for (const w of new Set(wordsOf(c.text))) {
      const rows = withWord.get(w);
      // A word in most rows ("công tác") tells no row apart.
      if (!rows || rows.length > template.length / 2) continue;
      for (const i of rows) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    return [...shared]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, FEW)
      .map(([i]) => template[i]);
  };
}

const sameTt = (a: string, b: string) => a !== '' && a.replace(/\.$/, '') === b.replace(/\.$/, '');

export function matchTemplate(criteria: Criterion[], template: Template): TemplateMatch {
  const nodes = flattenTemplate(template);
  // Every text is cut into words once: a long sheet meets every template row of its section.
  const words = new Map<string, string[]>();
  const wordsOf = (text: string) => words.get(text) ?? words.set(text, tokens(text)).get(text)!;
  const alike = (a: string, b: string) => similarityOf(wordsOf(a), wordsOf(b));
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const bySheet = new Map<string, TemplateNode>();
  const byTemplate = new Map<string, Criterion>();
  const sims = new Map<string, number>();
  const record = (p: Pair<Criterion, TemplateNode>) => {
    p.a.template = p.b.id;
    bySheet.set(p.a.id, p.b);
    byTemplate.set(p.b.id, p.a);
    sims.set(p.a.id, p.sim);
  };

  const sheetSections = criteria.filter((c) => c.kind === 'section');
  const templateSections = nodes.filter((n) => n.kind === 'section');
  const sectionPairs: Pair<Criterion, TemplateNode>[] = [];
  for (const a of sheetSections) {
    for (const b of templateSections) {
      const sim = alike(a.text, b.text);
      // The section's number decides only between headings about as alike: "Nội dung 2" renamed still pairs.
      const numbered = a.id === b.id ? 0.05 : 0;
      sectionPairs.push({ a, b, sim: numbered > 0 ? Math.max(sim, MIN_SECTION_SIMILARITY) : sim, score: sim + numbered });
    }
  }
  assign(sectionPairs, MIN_SECTION_SIMILARITY).forEach(record);

  /** Every item under a sheet criterion, at any depth. */
  const itemsUnder = (c: Criterion): Criterion[] =>
    c.children.map((id) => byId.get(id)!).flatMap((k) => (k.kind === 'item' ? [k, ...itemsUnder(k)] : []));
  const sheetSectionOf = new Map<string, Criterion>();
  for (const [sheetId, node] of bySheet) sheetSectionOf.set(node.id, byId.get(sheetId)!);

  for (const section of templateSections) {
    const sheetSection = sheetSectionOf.get(section.id);
    // A sheet without sections: its loose items are read against the template's first section alone.
    const sheetItems = sheetSection
      ? itemsUnder(sheetSection)
      : sheetSections.length === 0 && section === templateSections[0]
        ? criteria.filter((c) => c.kind === 'item')
        : [];
    const templateItems = nodes.filter((n) => n.kind === 'item' && n.section === section.id);
    // Same words, once on each side: paired at once, so only what changed is compared pair by pair.
    const exact = sameWording(sheetItems, templateItems, wordsOf);
    exact.forEach(record);
    const pairedSheet = new Set(exact.map((p) => p.a));
    const pairedTemplate = new Set(exact.map((p) => p.b));
    const restSheet = sheetItems.filter((c) => !pairedSheet.has(c));
    const restTemplate = templateItems.filter((n) => !pairedTemplate.has(n));
    const candidates = candidatesFor(restSheet, restTemplate, wordsOf);
    const pairs: Pair<Criterion, TemplateNode>[] = [];
    for (const a of restSheet) {
      for (const b of candidates(a)) {
        const sim = alike(a.text, b.text);
        const aStandard = a.scores.diemChuan.kind === 'number' ? a.scores.diemChuan.value : undefined;
        const tie = (sameTt(a.tt, b.tt) ? 0.02 : 0) + (aStandard === b.diemChuan ? 0.01 : 0);
        pairs.push({ a, b, sim, score: sim + tie });
      }
    }
    assign(pairs, MIN_SIMILARITY).forEach(record);
  }

  const partsOf = new Map<string, Criterion[]>();
  for (const c of criteria) {
    if (!bySheet.get(c.id)?.composite) continue;
    const parts = c.children.map((id) => byId.get(id)!).filter((k) => !bySheet.has(k.id));
    if (parts.length > 0) partsOf.set(c.id, parts);
  }
  const asPart = new Set([...partsOf.values()].flat().map((c) => c.id));

  return {
    template,
    nodes,
    bySheet,
    byTemplate,
    similarity: sims,
    missing: nodes.filter((n) => !byTemplate.has(n.id)),
    extra: criteria.filter((c) => c.kind !== 'total' && c.kind !== 'subtotal' && !bySheet.has(c.id) && !asPart.has(c.id)),
    partsOf,
  };
}

/** What the report tells of the match: every pairing with its row, and what is missing or extra. */
export function summariseMatch(m: TemplateMatch): TemplateSummary {
  const { template } = m;
  return {
    id: template.id,
    bloc: template.bloc,
    year: template.year,
    matches: [...m.bySheet].map(([criterion, node]) => {
      const c = m.byTemplate.get(node.id)!;
      return { criterion, row: c.row, template: node.id, similarity: Math.round(m.similarity.get(criterion)! * 100) / 100 };
    }),
    missing: m.missing.map((n) => n.id),
    extra: m.extra.map((c) => c.id),
  };
}
