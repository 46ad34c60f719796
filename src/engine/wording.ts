/**
 * What every front end says the same way: the severity words, the mark colours and note text, template titles, and
 * `Say`, the helper rule messages write numbers, dates, columns and labels with. One copy: the CLI, the pane, the
 * ribbon and the .xlsx writer all take their words from here.
 */
import { vnIsoDate } from './evidence/dates';
import type { ScoreColumn, Severity } from './model';
import { flattenTemplate } from './template/match';
import type { Template } from './template/schema';
import { formatNumber } from './numbers';

/** One word per severity, for headings and legends (the CLI and the pane alike). */
export const SEVERITY_WORDS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' };

/** The fill each severity marks a cell with, as #RRGGBB (the .xlsx writer prefixes the alpha byte). */
export const MARK_COLOURS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** The first line of every note thidua writes, so that its own notes are told from the user's. */
export const NOTE_HEAD = 'thidua:';

/** The note a marked cell gets: thidua's head line, then each message on a line of its own. */
export function noteText(messages: readonly string[]): string {
  return `${NOTE_HEAD}\n${messages.join('\n')}`;
}

/** The note to leave on a cell that already has one: the user's own note first, thidua's below it. */
export function noteWith(existing: string | undefined, messages: readonly string[]): string {
  const ours = noteText(messages);
  return existing && !existing.startsWith(NOTE_HEAD) ? `${existing}\n\n${ours}` : ours;
}

/** The Vietnamese name of a score column, as used inside sentences. */
export const COLUMN_WORDS: Record<ScoreColumn, string> = {
  diemChuan: 'điểm chuẩn',
  diemThuong: 'điểm thưởng',
  diemTru: 'điểm trừ',
  tuCham: 'điểm tự chấm',
  thuongTuCham: 'điểm thưởng tự chấm',
  truTuCham: 'điểm trừ tự chấm',
  khoiCham: 'điểm khối chấm',
};

/** A template as a person names it: "Khối Tham mưu tổng hợp — năm 2022". */
export function templateTitle(t: { bloc: string; year: number }): string {
  return `${t.bloc} — năm ${t.year}`;
}

/** One line on how a sheet met its template: rows matched, template rows missing, sheet rows it lacks. */
export function templateMatchSentence(t: { bloc: string; year: number; matches: unknown[]; missing: unknown[]; extra: unknown[] }): string {
  return `Đối chiếu với ${t.bloc} — năm ${t.year}: ${t.matches.length} mục khớp, thiếu ${t.missing.length}, thừa ${t.extra.length}.`;
}

/** How many sections and criteria (at every level) a template has, in words: "3 nội dung, 31 tiêu chí". */
export function templateSize(t: Template): string {
  const items = flattenTemplate(t).filter((n) => n.kind === 'item').length;
  return `${t.sections.length} nội dung, ${items} tiêu chí`;
}

/** A finding's message as a list shows it: the cell first ("E22: Nội dung 2 ghi …"). */
export function shownMessage(f: { cell: string; message: string }): string {
  return `${f.cell}: ${f.message}`;
}

/** Lists numbers the Vietnamese way: "20; 15; 10". Semicolons, because commas are decimal marks. */
export function listNumbers(ns: readonly number[], max = Infinity): string {
  const shown = ns.slice(0, max).map(formatNumber).join('; ');
  return ns.length > max ? `${shown}…` : shown;
}

/** What a rule's message writes its data with. */
export interface Say {
  /** 19.5 → "19,5". */
  n(x: number): string;
  /** [20, 15, 10] → "20; 15; 10", cut after `max` with "…". */
  list(xs: readonly number[], max?: number): string;
  /** "2022-12-31" → "31/12/2022". */
  date(iso: string): string;
  column(c: ScoreColumn): string;
  /** The label of the finding's own criterion ("Nội dung 2, mục 3"), or of the criterion with that id. */
  label(criterion?: string): string;
  /** The label of a template criterion ("Nội dung 1, mục 1.3"). */
  templateLabel(id: string): string;
}

type Labels = (id: string) => string | undefined;

/** One small object per finding, its words shared on the prototype, rather than six closures per finding. */
class Sayer implements Say {
  constructor(
    private readonly labels: Labels,
    private readonly templateLabels: Labels,
    private readonly own: string | undefined,
  ) {}
  n(x: number): string {
    return formatNumber(x);
  }
  list(xs: readonly number[], max?: number): string {
    return listNumbers(xs, max);
  }
  date(iso: string): string {
    return vnIsoDate(iso);
  }
  column(c: ScoreColumn): string {
    return COLUMN_WORDS[c];
  }
  label(id = this.own): string {
    return id === undefined ? '' : (this.labels(id) ?? id);
  }
  templateLabel(id: string): string {
    return this.templateLabels(id) ?? id;
  }
}

/** A `Say` over the labels a check knows: the sheet's criteria, and the template's where there is one. */
export function sayer(labels: Labels, templateLabels: Labels = () => undefined) {
  return (own?: string): Say => new Sayer(labels, templateLabels, own);
}
