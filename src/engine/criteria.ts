/** Maps the table's rows to criteria: sections, items, sub-items, the grand total, and continuation rows. */
import { GridView } from './grid';
import { Criterion, CriterionKind, SCORE_COLUMNS, ScoreColumn, TableLayout } from './model';
import { EMPTY_SCORE, Score, readScore } from './numbers';
import { cellText, clean, fold } from './text';
import { tiersOf } from './tiers';

const GRAND_TOTAL = /^(tong cong|tong diem|tong so diem|cong tong)\b/;
const SECTION_WORDS = /^(noi dung|phan|chuong|linh vuc|khoi)\s+([ivxlcdm]+|\d+)\b/;
const ROMAN = /^([IVXLCDM]+)\.?$/;
const UPPER_LETTER = /^([A-Z])\.?$/;
const NUMBERING = /^(\d+(?:\.\d+)*)\.?$/;
const LETTER_ITEM = /^([a-zđ])\s*[).]?$/;

/** A body row that is not a criterion of its own, and whose criterion it belongs to. */
export interface BodyRow {
  row: number;
  /** The criterion this row is, or carries on; undefined for blank rows and stray rows before the first criterion. */
  criterion?: string;
  continuation: boolean;
}

export interface CriteriaMap {
  criteria: Criterion[];
  byId: Map<string, Criterion>;
  /** Every row read as the table body, in order (criterion rows, continuation rows, blank rows). */
  rows: BodyRow[];
}

function romanToNumber(roman: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const cur = v[roman[i]];
    const next = v[roman[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

interface SectionHead {
  number: string;
  label: string;
}

/** "Nội dung 2: …", "Phần II …", a Roman TT ("II") or a capital letter TT ("A"). */
function sectionHead(tt: string, text: string): SectionHead | undefined {
  for (const t of [tt, text]) {
    const m = SECTION_WORDS.exec(fold(t));
    if (m) {
      const words = clean(t).split(' ').slice(0, m[0].split(' ').length).join(' ').replace(/[:.,]$/, '');
      const n = /^\d+$/.test(m[2]) ? m[2] : String(romanToNumber(m[2].toUpperCase()));
      return { number: n, label: words };
    }
  }
  const roman = ROMAN.exec(tt);
  if (roman) return { number: String(romanToNumber(roman[1])), label: `Phần ${roman[1]}` };
  const letter = UPPER_LETTER.exec(tt);
  if (letter) return { number: letter[1], label: `Phần ${letter[1]}` };
  return undefined;
}

function emptyScores(): Record<ScoreColumn, Score> {
  return { diemChuan: EMPTY_SCORE, diemThuong: EMPTY_SCORE, tuCham: EMPTY_SCORE, thuongTuCham: EMPTY_SCORE };
}

export function mapCriteria(view: GridView, layout: TableLayout): CriteriaMap {
  const { columns } = layout;
  const criteria: Criterion[] = [];
  const byId = new Map<string, Criterion>();
  const rows: BodyRow[] = [];
  const textOf = (row: number, col: number | undefined) =>
    col === undefined ? '' : cellText(view.cell(row, col).value, view.cell(row, col).text);

  let section: Criterion | undefined;
  let sectionCount = 0;
  /** Items of the current section by their TT, to find "1" as the parent of "1.2". */
  let byTt = new Map<string, Criterion>();
  let lastNumbered: Criterion | undefined;
  let current: Criterion | undefined;

  const add = (c: Omit<Criterion, 'scores' | 'parts' | 'continuationRows' | 'children' | 'evidence' | 'tiers'>) => {
    let id = c.id;
    if (byId.has(id)) id = `${id}~${c.row + 1}`; // the same number twice: keep both, told apart by row
    const scores = emptyScores();
    for (const col of SCORE_COLUMNS) {
      const at = columns[col];
      if (at !== undefined) scores[col] = readScore(view.cell(c.row, at).value);
    }
    const full: Criterion = {
      ...c,
      id,
      scores,
      parts: { diemChuan: [], diemThuong: [], tuCham: [], thuongTuCham: [] },
      continuationRows: [],
      children: [],
      evidence: textOf(c.row, columns.giaiTrinh),
      tiers: [],
    };
    if (full.parent) byId.get(full.parent)!.children.push(id);
    criteria.push(full);
    byId.set(id, full);
    rows.push({ row: c.row, criterion: id, continuation: false });
    current = full;
    return full;
  };

  let row = layout.firstRow;
  for (; row <= layout.lastRow; row++) {
    let tt = textOf(row, columns.tt);
    let text = textOf(row, columns.tieuChi);
    // A heading merged across TT and the text column shows its text in the TT cell.
    if (columns.tt !== undefined && text === '') {
      const m = view.mergeAt(row, columns.tt);
      if ((m && columns.tieuChi !== undefined && m.right >= columns.tieuChi) || tt.length > 12) {
        text = tt;
        tt = '';
      }
    }
    const hasStandard = columns.diemChuan !== undefined && readScore(view.cell(row, columns.diemChuan).value).kind === 'number';
    const blank =
      tt === '' &&
      text === '' &&
      [...SCORE_COLUMNS.map((c) => columns[c]), columns.giaiTrinh].every(
        (col) => col === undefined || view.cell(row, col).value === null || cellText(view.cell(row, col).value) === '',
      );
    if (blank) {
      rows.push({ row, continuation: false });
      continue;
    }

    if (!NUMBERING.test(tt) && (GRAND_TOTAL.test(fold(tt)) || GRAND_TOTAL.test(fold(text)))) {
      const top = criteria.filter((c) => c.kind === 'section');
      const children = top.length > 0 ? top : criteria.filter((c) => c.kind === 'item' && c.parent === undefined);
      const total = add({ id: 'total', kind: 'total', label: 'TỔNG CỘNG', tt: '', text: text || tt, row, parent: undefined });
      total.children = children.map((c) => c.id);
      for (const c of children) c.parent = total.id;
      row++;
      break; // what follows the grand total (signatures, notes) is not the table
    }

    const head = sectionHead(tt, text);
    if (head) {
      sectionCount++;
      const n = byId.has(head.number) ? String(sectionCount) : head.number;
      section = add({ id: n, kind: 'section', label: head.label, tt, text: text || tt, row, parent: undefined });
      byTt = new Map();
      lastNumbered = undefined;
      continue;
    }

    const numbered = NUMBERING.exec(tt);
    const lettered = numbered ? undefined : LETTER_ITEM.exec(tt);
    if (numbered || lettered || hasStandard) {
      let parent: Criterion | undefined = section;
      let key: string;
      let label: string;
      if (numbered) {
        key = numbered[1];
        const segments = key.split('.');
        for (let n = segments.length - 1; n > 0; n--) {
          const p = byTt.get(segments.slice(0, n).join('.'));
          if (p) {
            parent = p;
            break;
          }
        }
        label = section ? `${section.label}, mục ${key}` : `Mục ${key}`;
      } else if (lettered) {
        parent = lastNumbered ?? section;
        key = lettered[1];
        label = parent ? `${parent.label}, điểm ${key}` : `Điểm ${key}`;
      } else {
        key = `r${row + 1}`; // an unnumbered criterion with a standard score: named by its row
        label = section ? `${section.label}, dòng ${row + 1}` : `Dòng ${row + 1}`;
      }
      // Numbered items take their section's number ("2.3"); letters and unnumbered rows their parent's.
      const id = numbered ? (section ? `${section.id}.${key}` : key) : parent ? `${parent.id}.${key}` : key;
      const kind: CriterionKind = 'item';
      const item = add({ id, kind, label, tt, text, row, parent: parent?.id });
      if (numbered) {
        byTt.set(key, item);
        lastNumbered = item;
      }
      continue;
    }

    // No TT and no standard score: text or evidence spilled from the criterion above.
    if (!current) {
      rows.push({ row, continuation: false });
      continue;
    }
    current.continuationRows.push(row);
    if (text) current.text = `${current.text} ${text}`.trim();
    const evidence = textOf(row, columns.giaiTrinh);
    if (evidence) current.evidence = `${current.evidence} ${evidence}`.trim();
    for (const col of SCORE_COLUMNS) {
      const at = columns[col];
      if (at === undefined) continue;
      const s = readScore(view.cell(row, at).value);
      if (s.kind === 'number') current.parts[col].push(...(s.all ?? [s.value]));
    }
    rows.push({ row, criterion: current.id, continuation: true });
  }
  layout.lastRow = Math.min(layout.lastRow, row - 1);

  for (const c of criteria) if (c.kind === 'item') c.tiers = tiersOf(c.text);
  return { criteria, byId, rows };
}
