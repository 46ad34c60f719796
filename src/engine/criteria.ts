/** Maps the table's rows to criteria: sections, items, sub-items, the grand total, and continuation rows. */
import { GridView } from './grid';
import { ColumnRole, Criterion, CriterionKind, SCORE_COLUMNS, ScoreColumn, TableLayout } from './model';
import { EMPTY_SCORE, Score, readScore } from './numbers';
import { roleOf } from './table';
import { cellText, clean, fold } from './text';
import { tiersOf } from './tiers';

const GRAND_TOTAL = /^(tong cong|tong diem|tong so diem|cong tong)\b/;
/** Roman numerals up to XXXIX: sections never go further, and "C", "D", "M" or "di" are letters and words, not 100 or 501. */
const ROMAN_NUMERAL = '(?:x{1,3}(?:ix|iv|v?i{0,3})|ix|iv|vi{0,3}|i{1,3})';
const SECTION_WORDS = new RegExp(`^(noi dung|phan|chuong|linh vuc|khoi)\\s+(${ROMAN_NUMERAL}|\\d+)\\b`);
const ROMAN = new RegExp(`^(${ROMAN_NUMERAL.toUpperCase()})\\.?$`);
const UPPER_LETTER = /^([A-Z])\.?$/;
const NUMBERING = /^(\d+(?:\.\d+)*)[.)]?$/;
const LETTER_ITEM = /^([a-zđ])\s*[).]?$/;
/** "-", "+" or "•" as the TT, or text that starts with one: a part listed under the numbered item above. */
const BULLET_TT = /^[-+•*–]$/;
const BULLET_TEXT = /^[-+•*–]\s/;

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

/** "NỘI DUNG 2:" → "Nội dung 2", "phần ii." → "Phần II": one way of naming a section in every message. */
function sectionLabel(words: string): string {
  const parts = words.replace(/[:.,]$/, '').split(' ');
  const numeral = parts.pop()!.toUpperCase();
  const head = parts.join(' ').toLowerCase();
  return `${head.charAt(0).toUpperCase()}${head.slice(1)} ${numeral}`;
}

/** Folds only the start of a text: the section and total patterns are anchored there, and criteria texts are long. */
const foldStart = (s: string) => fold(s.slice(0, 40));

/**
 * "Nội dung 2: …", "Phần II …", a Roman TT ("II") or a capital letter TT ("A"). After a lettered section, a capital
 * letter stays a letter: "C" follows "B", it is not Roman 100.
 */
function sectionHead(tt: string, text: string, afterLetter: boolean): SectionHead | undefined {
  for (const t of [tt, text]) {
    const m = SECTION_WORDS.exec(foldStart(t));
    if (m) {
      const words = clean(t).split(' ').slice(0, m[0].split(' ').length).join(' ');
      // A heading writes its Roman numeral in capitals ("Phần II"); "Nội dung vi phạm" is a criterion's text.
      const numeral = words.split(' ').pop()!.replace(/[:.,]$/, '');
      if (!/^\d+$/.test(m[2]) && numeral !== numeral.toUpperCase()) continue;
      const n = /^\d+$/.test(m[2]) ? m[2] : String(romanToNumber(m[2].toUpperCase()));
      return { number: n, label: sectionLabel(words) };
    }
  }
  const roman = afterLetter ? null : ROMAN.exec(tt);
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
    // Every property spelt out: an object spread here made each criterion a slow dictionary object on long sheets.
    const full: Criterion = {
      id,
      kind: c.kind,
      label: c.label,
      tt: c.tt,
      text: c.text,
      row: c.row,
      parent: c.parent,
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

  /** The header's rows as texts, cell by cell, to tell a header repeated lower down. */
  const headerArea: string[][] = [];
  for (let r = layout.headerRow; r < layout.firstRow; r++) {
    const texts: string[] = [];
    for (let c = view.firstCol; c <= view.lastCol; c++) texts.push(cellText(view.cell(r, c).value));
    if (texts.filter((t) => t !== '').length >= 2) headerArea.push(texts);
  }
  const sameAsHeaderRow = (r: number) =>
    headerArea.some((texts) => texts.every((t, i) => cellText(view.cell(r, view.firstCol + i).value) === t));
  const namedColumns = Object.entries(columns) as [ColumnRole, number][];
  /** A PDF conversion repeats the header, and its row of column numbers, at the top of every page: not criteria. */
  const headerAgain = (r: number) =>
    sameAsHeaderRow(r) ||
    // A header names its criterion column first of all: the other columns are looked at only then.
    (roleOf(textOf(r, columns.tieuChi)) === 'tieuChi' &&
      namedColumns.filter(([role, col]) => roleOf(textOf(r, col)) === role).length >= 3);

  let row = layout.firstRow;
  for (; row <= layout.lastRow; row++) {
    let tt = textOf(row, columns.tt);
    let text = textOf(row, columns.tieuChi);
    // A heading merged across TT and the text column shows its text in the TT cell; a bare "I" or "1.2" stays a TT.
    const onlyNumbering = [ROMAN, UPPER_LETTER, NUMBERING, LETTER_ITEM].some((re) => re.test(tt));
    if (columns.tt !== undefined && text === '' && !onlyNumbering) {
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
    if (blank || headerAgain(row)) {
      rows.push({ row, continuation: false });
      continue;
    }

    if (!NUMBERING.test(tt) && (GRAND_TOTAL.test(foldStart(tt)) || GRAND_TOTAL.test(foldStart(text)))) {
      const top = criteria.filter((c) => c.kind === 'section');
      const children = top.length > 0 ? top : criteria.filter((c) => c.kind === 'item' && c.parent === undefined);
      const total = add({ id: 'total', kind: 'total', label: 'TỔNG CỘNG', tt: '', text: text || tt, row, parent: undefined });
      total.children = children.map((c) => c.id);
      for (const c of children) c.parent = total.id;
      row++;
      break; // what follows the grand total (signatures, notes) is not the table
    }

    // A numbered row is an item, whatever its text says ("1 | Nội dung tuyên truyền…").
    const head = NUMBERING.test(tt) ? undefined : sectionHead(tt, text, section !== undefined && /^[A-Z]$/.test(section.id));
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
        // "- Công đoàn" with a score of its own is one part of the numbered item above, never its sibling.
        const bullet = tt === '' ? BULLET_TEXT.test(text) : BULLET_TT.test(tt);
        if (lastNumbered && bullet) parent = lastNumbered;
        label = parent ? `${parent.label}, dòng ${row + 1}` : `Dòng ${row + 1}`;
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
