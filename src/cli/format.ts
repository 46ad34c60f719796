/** The CLI's outputs: a readable Vietnamese summary, and JSON for machines. */
import {
  COLUMN_WORDS,
  Finding,
  formatNumber,
  SCORE_COLUMNS,
  SheetReport,
  Severity,
  SEVERITY_WORDS,
  shownMessage,
  templateMatchSentence,
} from '../engine';

const MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };

function n(v: number | undefined): string {
  return v === undefined ? '–' : formatNumber(v);
}

export interface TextOptions {
  /** Every info finding on its own line; by default info is one count line per rule, so a long table fits a screen. */
  verbose?: boolean;
}

export function formatText(file: string, reports: SheetReport[], options: TextOptions = {}): string {
  const out: string[] = [`Tệp: ${file}`];
  for (const r of reports) {
    const items = r.criteria.filter((c) => c.kind === 'item').length;
    out.push('', `Trang “${r.sheet}”: bảng ở ${r.table.headerRange}, ${items} tiêu chí${r.year ? `, năm ${r.year}` : ''}.`);
    if (r.template) {
      const t = r.template;
      out.push(`  ${templateMatchSentence(t)}`);
    }
    for (const severity of ['error', 'warning', 'info'] as Severity[]) {
      const list = r.findings.filter((f) => f.severity === severity);
      if (list.length === 0) continue;
      out.push(`  ${SEVERITY_WORDS[severity]} (${list.length}):`);
      if (severity === 'info' && !options.verbose) {
        const byRule = new Map<string, Finding[]>();
        for (const f of list) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
        for (const [rule, fs] of byRule)
          out.push(
            `    ${MARK[severity]} ${fs.length} ô: ${fs
              .slice(0, 4)
              .map((f) => f.cell)
              .join(', ')}${fs.length > 4 ? '…' : ''} [${rule}]`,
          );
        out.push('    (thêm --verbose để xem từng lưu ý)');
        continue;
      }
      for (const f of list) out.push(`    ${MARK[severity]} ${shownMessage(f)} [${f.rule}]`);
    }
    if (r.findings.length === 0) out.push('  Không thấy lỗi nào.');
    // The columns this table has, in its own order of roles: an issued table has only its standard.
    const shown = SCORE_COLUMNS.filter((c) => r.table.columns[c] !== undefined);
    out.push(`  Tổng (tính lại từ các mục): ${shown.map((c) => COLUMN_WORDS[c].replace(/^điểm /, '')).join(' / ')}`);
    for (const s of r.summary) out.push(`    ${s.label}: ${shown.map((c) => n(s[c])).join(' / ')}`);
  }
  const count = (s: Severity) => reports.reduce((k, r) => k + r.counts[s], 0);
  out.push('', `Kết quả: ${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('info')} lưu ý.`);
  return out.join('\n');
}

/** The JSON report: every finding flat (with its sheet), then each sheet's table, criteria, totals and plan. */
export function formatJson(file: string, reports: SheetReport[]): string {
  const findings = reports.flatMap((r) =>
    r.findings.map((f: Finding) => ({
      sheet: r.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      criterion: f.criterion ?? null,
      messageId: f.messageId,
      message: f.message,
      data: f.data,
    })),
  );
  const sheets = reports.map((r) => ({
    name: r.sheet,
    year: r.year ?? null,
    header: r.table.headerRange,
    counts: r.counts,
    criteria: r.criteria.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label,
      tt: c.tt,
      row: c.row + 1,
      parent: c.parent ?? null,
      children: c.children,
      tiers: c.tiers,
      template: c.template ?? null,
      scores: Object.fromEntries(
        Object.entries(c.scores).map(([k, s]) => [k, s.kind === 'number' ? s.value : s.kind === 'text' ? s.text : null]),
      ),
    })),
    totals: r.totals.map((t) => ({
      criterion: t.criterion,
      column: t.column,
      cell: t.cell,
      stated: t.stated ?? null,
      computed: t.computed,
    })),
    summary: r.summary,
    template: r.template ?? null,
    writes: r.plan.writes.map((w) => ({ cell: w.cell, value: w.value, formula: w.formula ?? null, previous: w.previous })),
  }));
  return JSON.stringify({ file, findings, sheets }, null, 2);
}
