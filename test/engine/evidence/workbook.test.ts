import { checkSheet, checkWorkbook, SheetGrid, SheetReport, shownMessage } from '../../../src/engine';
import { set, table, validBody } from '../../helpers/grid';

const sheet = (name: string, g6: string, title?: string): SheetGrid => table(set(validBody(), 6, 'G', g6), { name, title });
const together = (grids: SheetGrid[]): SheetReport[] => checkWorkbook(grids).reports;

describe('checkWorkbook: citations held together across sheets', () => {
  it('flags a document cited with another date on a later sheet, naming the other sheet and cell', () => {
    const [a, b] = together([
      sheet('Văn phòng', 'Kế hoạch số 2153/KH-VP ngày 31/12/2021'),
      sheet('Tổng hợp', 'Kế hoạch số 2153/KH-VP ngày 29/12/2022'),
    ]);
    expect(a.findings.filter((f) => f.rule === 'citation-conflict')).toEqual([]);
    const f = b.findings.filter((x) => x.rule === 'citation-conflict');
    expect(f.map((x) => [x.cell, x.criterion, shownMessage(x)])).toEqual([
      ['G6', '1.1.2', 'G6: Kế hoạch số 2153/KH-VP ghi ngày 29/12/2022, nhưng ở trang “Văn phòng”, ô G6 ghi ngày 31/12/2021.'],
    ]);
    expect(b.counts.warning).toBe(1);
    expect(b.plan.marks.find((m) => m.cell === 'G6')?.rules).toEqual(['citation-conflict']);
    expect(a.documents.find((d) => d.key === '2153/KH-VP')?.conflict).toBe(true);
    expect(b.documents.find((d) => d.key === '2153/KH-VP')?.conflict).toBe(true);
  });

  it('leaves the reports as they were when the sheets agree', () => {
    const grids = [sheet('A', 'Kế hoạch số 5/KH-VP ngày 05/01/2022'), sheet('B', 'Kế hoạch số 5/KH-VP ngày 5/1/2022')];
    const out = together(grids);
    expect(out[0]).toEqual(checkSheet(grids[0]));
    expect(out[1]).toEqual(checkSheet(grids[1]));
  });

  it('accepts two dates one sheet lists as two documents', () => {
    const out = together([
      sheet('A', 'Quyết định số 111/QĐ-VP ngày 31/8/2021 và 111/QĐ-VP ngày 19/10/2022'),
      sheet('B', 'Quyết định số 111/QĐ-VP ngày 19/10/2022'),
    ]);
    expect(out.flatMap((r) => r.findings.filter((f) => f.rule === 'citation-conflict'))).toEqual([]);
  });

  it('does not hold sheets of different years together: numbers restart each year', () => {
    const out = together([
      sheet('2021', 'Kế hoạch số 5/KH-VP ngày 05/01/2021', 'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2021'),
      sheet('2022', 'Kế hoạch số 5/KH-VP ngày 05/01/2022', 'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022'),
    ]);
    expect(out.flatMap((r) => r.findings.filter((f) => f.rule === 'citation-conflict'))).toEqual([]);
  });

  it('does not repeat a conflict the sheet already finds itself', () => {
    const out = together([sheet('A', 'Kế hoạch số 56/KH-VP ngày 09/01/2022')]);
    expect(out[0].findings.filter((f) => f.rule === 'citation-conflict').map((f) => f.cell)).toEqual(['G7']);
  });
});
