/** `thidua refs`: the index of documents the evidence column cites, as Vietnamese text or JSON. */
import { CitedDocument, SheetReport, shownMessage, vnIsoDate as vn } from '../engine';

/** Where each date is written: "ngày 31/12/2021 (G10); ngày 29/12/2022 (G19)"; cells citing it undated come last. */
function datesWithCells(doc: CitedDocument): string {
  const mentions = doc.mentions ?? doc.cells.map((cell) => ({ cell, date: undefined as string | undefined }));
  const byDate = new Map<string, string[]>();
  for (const m of mentions) {
    const k = m.date ?? '';
    const cells = byDate.get(k) ?? [];
    if (!cells.includes(m.cell)) cells.push(m.cell);
    byDate.set(k, cells);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : 0))
    .map(([date, cells]) => `${date ? `ngày ${vn(date)}` : 'không ghi ngày'} (${cells.join(', ')})`)
    .join('; ');
}

/** Two dates listed in one sentence under one number: two documents, as the writer says. */
function listedAsTwo(doc: CitedDocument): boolean {
  return (doc.mentions ?? []).some((m) => (m.listedWith ?? []).length > 0);
}

export function formatRefsText(file: string, reports: SheetReport[]): string {
  const out: string[] = [`Tệp: ${file}`];
  for (const r of reports) {
    const docs = r.documents;
    const places = docs.reduce((k, d) => k + (d.mentions?.length ?? d.cells.length), 0);
    out.push(
      '',
      `Trang “${r.sheet}”: ${docs.length} văn bản được dẫn ở ${places} chỗ trong cột giải trình${r.year ? `, năm ${r.year}` : ''}.`,
    );
    if (docs.length === 0) {
      out.push('  Cột giải trình không dẫn văn bản nào (số, ký hiệu, ngày ban hành).');
      continue;
    }
    const kinds = [...new Set(docs.map((d) => d.kind))];
    for (const kind of kinds) {
      const list = docs.filter((d) => d.kind === kind);
      out.push(`  ${kind} (${list.length}):`);
      for (const d of list) {
        const note = d.conflict
          ? '  ⚠ cùng số, ký hiệu nhưng ghi ngày khác nhau [citation-conflict]'
          : listedAsTwo(d)
            ? '  (hai văn bản cùng số, ký hiệu, được nêu cùng một câu)'
            : '';
        out.push(`    số ${d.key}: ${datesWithCells(d)}${d.issuer ? ` — ${d.issuer}` : ''}${note}`);
      }
    }
    const conflicts = r.findings.filter((f) => f.rule === 'citation-conflict');
    if (conflicts.length > 0) {
      out.push(`  Văn bản ghi ngày khác nhau (${conflicts.length}):`);
      for (const f of conflicts) out.push(`    ! ${shownMessage(f)}`);
    }
  }
  const docs = reports.reduce((k, r) => k + r.documents.length, 0);
  const conflicting = reports.reduce((k, r) => k + r.documents.filter((d) => d.conflict).length, 0);
  out.push('', `Tổng: ${docs} văn bản${conflicting > 0 ? `, ${conflicting} văn bản ghi ngày khác nhau` : ''}.`);
  return out.join('\n');
}

export function formatRefsJson(file: string, reports: SheetReport[]): string {
  const sheets = reports.map((r) => ({
    name: r.sheet,
    year: r.year ?? null,
    documents: r.documents.map((d) => ({
      kind: d.kind,
      key: d.key,
      dates: d.dates,
      issuer: d.issuer ?? null,
      cells: d.cells,
      mentions: d.mentions ?? [],
      conflict: d.conflict === true,
    })),
    conflicts: r.findings
      .filter((f) => f.rule === 'citation-conflict')
      .map((f) => ({ cell: f.cell, messageId: f.messageId, message: f.message, data: f.data })),
  }));
  return JSON.stringify({ file, sheets }, null, 2);
}
