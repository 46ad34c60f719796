/** What the pane's *Tổng hợp khối* button does, loaded on its first click (its own chunk). */
import { refusal } from '../excel';
import { BlocRules, changeText, parseBlocRulesJson } from '../engine/bloc';
import { formatNumber, Template } from '../engine';
import { runTonghop } from '../excel/tonghop';

export interface SummariseRequest {
  rulesFile?: File;
  files: File[];
  confirmReplace(names: string[]): Promise<boolean>;
}

/** Reads the rules file and the chosen files, runs the summary; returns the ranking as lines and one sentence. */
export async function summarise(req: SummariseRequest): Promise<{ lines: string[]; sentence: string }> {
  let rules: BlocRules | undefined;
  if (req.rulesFile) {
    const r = parseBlocRulesJson(await req.rulesFile.text());
    if (!r.ok)
      throw refusal(`Tệp quy chế “${req.rulesFile.name}” không hợp lệ: ${r.errors.slice(0, 3).join('; ')}. Bảng tính chưa bị thay đổi.`);
    rules = r.rules;
  }
  // The template is the workbook's choice, read in the first sync with the sheets; the file reader and ExcelJS come in
  // a chunk of their own, fetched only when files were chosen.
  const files = req.files;
  const extra =
    files.length > 0
      ? async (template: Template | undefined) =>
          (await import(/* webpackChunkName: "tonghop-tep" */ './tonghop-files')).readUnitFiles(files, template)
      : undefined;
  const out = await runTonghop({ rules, extra, confirmReplace: req.confirmReplace });
  const lines = out.ranking.units.map(
    (u) =>
      `${u.rank}${u.tiedWith.length ? ' (đồng hạng)' : ''}. ${u.unit.name}: ${formatNumber(u.score)} điểm (tự chấm ${formatNumber(u.unit.tuCham)}, ${changeText(u.change)})${u.award ? ` — ${u.award}` : ''}`,
  );
  const unread = out.ranking.unread.length ? ` ${out.ranking.unread.length} tệp không đọc được (ghi trong trang Tổng hợp).` : '';
  return {
    lines,
    sentence: `Đã tổng hợp ${out.ranking.units.length} đơn vị vào trang “${out.written[0]}” và “${out.written[1]}”.${unread}`,
  };
}
