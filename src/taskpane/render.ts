/** The pane's lists, built with createElement and textContent only: cell text is shown as text, never parsed as HTML. */
import { CitedDocument, Finding, formatNumber, SectionSummary, Severity, SEVERITY_WORDS, vnIsoDate } from '../engine';

export const SEVERITY_TITLE = SEVERITY_WORDS;
const ORDER: Severity[] = ['error', 'warning', 'info'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function num(n: number | undefined): string {
  return n === undefined ? '–' : formatNumber(n);
}

/** One line per Nội dung and TỔNG CỘNG: standard, self-score, bonus, and a bar of self against standard. */
export function renderSummary(list: HTMLElement, summary: SectionSummary[]): void {
  list.replaceChildren(
    ...summary.map((s) => {
      const li = el('li');
      li.append(el('div', 'summary-label', s.label));
      li.append(
        el(
          'div',
          'summary-numbers',
          `Chuẩn ${num(s.diemChuan)} · Tự chấm ${num(s.tuCham)} · Thưởng ${num(s.thuongTuCham)}/${num(s.diemThuong)}`,
        ),
      );
      if (s.diemChuan && s.tuCham !== undefined) {
        const ratio = s.tuCham / s.diemChuan;
        const bar = el('div', ratio > 1 ? 'bar over' : 'bar');
        bar.setAttribute('role', 'img');
        bar.setAttribute('aria-label', `Tự chấm ${num(s.tuCham)} trên ${num(s.diemChuan)} điểm chuẩn`);
        const fill = el('span');
        fill.style.width = `${Math.max(0, Math.min(1, ratio)) * 100}%`;
        bar.append(fill);
        li.append(bar);
      }
      return li;
    }),
  );
}

/** Findings grouped by severity; each is a button that selects its cell. */
export function renderFindings(container: HTMLElement, findings: Finding[], select: (cell: string) => void): void {
  const groups = ORDER.map((severity) => {
    const mine = findings.filter((f) => f.severity === severity);
    if (mine.length === 0) return undefined;
    const group = el('section', `group ${severity}`);
    group.append(el('h3', undefined, `${SEVERITY_TITLE[severity]} (${mine.length})`));
    const ul = el('ul', 'finding-list');
    for (const f of mine) {
      const li = el('li');
      const b = el('button', 'item');
      b.type = 'button';
      b.dataset.cell = f.cell;
      b.dataset.rule = f.rule;
      b.title = `Chọn ô ${f.cell}`;
      b.append(el('span', 'cell', f.cell), el('span', 'message', f.message), el('span', 'rule', f.rule));
      b.addEventListener('click', () => select(f.cell));
      li.append(b);
      ul.append(li);
    }
    group.append(ul);
    return group;
  }).filter((g): g is HTMLElement => g !== undefined);
  container.replaceChildren(...(groups.length ? groups : [el('p', undefined, 'Không thấy vấn đề nào trong bảng.')]));
}

/** The documents the evidence cites; each selects its first citing cell. Nothing when there are none. */
export function renderDocuments(section: HTMLElement, list: HTMLElement, documents: CitedDocument[], select: (cell: string) => void): void {
  section.hidden = documents.length === 0;
  list.replaceChildren(
    ...documents.map((d) => {
      const li = el('li');
      const b = el('button', 'item');
      b.type = 'button';
      const dates = d.dates.map(vnIsoDate).join(', ');
      b.append(el('span', 'cell', `${d.kind} số ${d.key}`), el('span', 'message', dates ? `ngày ${dates}` : ''));
      b.append(el('span', 'rule', `${d.cells.length} ô: ${d.cells.join(', ')}`));
      if (d.cells[0]) b.addEventListener('click', () => select(d.cells[0]));
      li.append(b);
      return li;
    }),
  );
}
