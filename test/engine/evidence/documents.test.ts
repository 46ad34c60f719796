import { checkSheet, SheetReport } from '../../../src/engine';
import { set, table, validBody } from '../../helpers/grid';

/** The document index of the valid table with evidence `g5`, `g6` and `g7` in mục 1.1, 1.2 and 2. */
function documents(g5: string, g6: string, g7: string): SheetReport['documents'] {
  return checkSheet(table(set(set(set(validBody(), 5, 'G', g5), 6, 'G', g6), 7, 'G', g7))).documents;
}

// The index finds the dates a sentence lists together among that sentence's citations, which stand next to each
// other in the sheet's list: these hold it to what a sentence is, wherever the cells and sentences fall.
describe('documentsOf: dates listed together', () => {
  it('lists, per mention, the other dates its own sentence gives the same number, and nothing across sentences or cells', () => {
    const docs = documents(
      'Quyết định số 111/QĐ-VP ngày 31/8/2021 và 111/QĐ-VP ngày 19/10/2022. Quyết định số 111/QĐ-VP ngày 19/10/2022',
      'Quyết định số 111/QĐ-VP ngày 31/8/2021; Kế hoạch số 7/KH-VP ngày 01/02/2022 và 111/QĐ-VP ngày 05/05/2022',
      'Kế hoạch số 7/KH-VP ngày 01/02/2022',
    );
    const qd = docs.find((d) => d.key === '111/QĐ-VP')!;
    expect(qd.dates).toEqual(['2021-08-31', '2022-10-19', '2022-05-05']);
    expect(qd.cells).toEqual(['G5', 'G6']);
    expect(qd.mentions).toEqual([
      { cell: 'G5', date: '2021-08-31', listedWith: ['2022-10-19'] },
      { cell: 'G5', date: '2022-10-19', listedWith: ['2021-08-31'] },
      { cell: 'G5', date: '2022-10-19' },
      { cell: 'G6', date: '2021-08-31', listedWith: ['2022-05-05'] },
      { cell: 'G6', date: '2022-05-05', listedWith: ['2021-08-31'] },
    ]);
    expect(docs.find((d) => d.key === '7/KH-VP')!.mentions).toEqual([
      { cell: 'G6', date: '2022-02-01' },
      { cell: 'G7', date: '2022-02-01' },
    ]);
  });

  it('lists a date once however often the sentence repeats it, and never the mention’s own', () => {
    const docs = documents(
      'Quyết định 111/QĐ-VP ngày 31/8/2021, 111/QĐ-VP ngày 19/10/2022 và 111/QĐ-VP ngày 19/10/2022',
      'Báo cáo số 12/BC-VP ngày 10/12/2022',
      'Kế hoạch số 56/KH-VP ngày 06/01/2022',
    );
    expect(docs.find((d) => d.key === '111/QĐ-VP')!.mentions).toEqual([
      { cell: 'G5', date: '2021-08-31', listedWith: ['2022-10-19'] },
      { cell: 'G5', date: '2022-10-19', listedWith: ['2021-08-31'] },
      { cell: 'G5', date: '2022-10-19', listedWith: ['2021-08-31'] },
    ]);
  });
});
