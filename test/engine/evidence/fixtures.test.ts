/** The evidence checks on the two seed fixtures: what they find, and the index of documents they build. */
import * as path from 'path';
import { checkSheet, hasScoringTable, SheetReport, shownMessage } from '../../../src/engine';
import { FIXTURE_NAMES, FIXTURES } from '../../helpers/expected';
import { readGrids } from '../../helpers/xlsx';

const CONFLICT_AT: Record<(typeof FIXTURE_NAMES)[number], [string, string]> = {
  'seed-2022-converted': ['G22', 'G11'],
  'seed-2022-typed': ['G19', 'G10'],
};

describe.each(FIXTURE_NAMES)('evidence in %s', (name) => {
  let r: SheetReport;
  beforeAll(async () => {
    const grids = await readGrids(path.join(FIXTURES, `${name}.xlsx`));
    r = checkSheet(grids.filter(hasScoringTable)[0]);
  });
  const of = (rule: string) => r.findings.filter((f) => f.rule === rule);

  it('finds the 2153/KH-VP conflict, and no other', () => {
    const [at, first] = CONFLICT_AT[name];
    expect(of('citation-conflict').map(shownMessage)).toEqual([
      `${at}: Kế hoạch số 2153/KH-VP ghi ngày 29/12/2022, nhưng ở ${first} ghi ngày 31/12/2021.`,
    ]);
  });

  it('finds no impossible date and no document out of period', () => {
    expect(of('citation-date-invalid')).toEqual([]);
    expect(of('citation-out-of-period')).toEqual([]);
  });

  it('tells "Đảm bảo theo quy định" as weak evidence, and never gives one criterion both weak and missing evidence', () => {
    expect(of('weak-evidence').some((f) => f.message.includes('“Đảm bảo theo quy định”'))).toBe(true);
    const weak = new Set(of('weak-evidence').map((f) => f.criterion));
    expect(of('missing-evidence').filter((f) => weak.has(f.criterion))).toEqual([]);
    for (const f of of('weak-evidence')) {
      const c = r.criteria.find((x) => x.id === f.criterion)!;
      expect([c.kind, c.children]).toEqual(['item', []]);
    }
  });

  it('indexes the documents the evidence cites, with their cells', () => {
    const doc = (key: string) => r.documents.find((d) => d.key === key);
    expect(r.documents.length).toBeGreaterThanOrEqual(25);
    expect(doc('2153/KH-VP')).toMatchObject({ kind: 'Kế hoạch', dates: ['2021-12-31', '2022-12-29'], conflict: true });
    expect(doc('111/QĐ-VP')).toMatchObject({ kind: 'Quyết định', dates: ['2021-08-31', '2022-10-19'] });
    expect(doc('111/QĐ-VP')!.conflict).toBeUndefined();
    expect(doc('15/QĐ-VP')).toMatchObject({ dates: ['2019-12-19'], issuer: 'Chánh Văn phòng UBND tỉnh' });
    expect(doc('01-KL/TW')).toMatchObject({ kind: 'Kết luận', issuer: 'Bộ Chính trị' });
    // Broken over two rows in the converted sheet ("Kế hoạch số" | "2025/KH-VP ngày 17/11/2022"): still whole.
    expect(doc('2025/KH-VP')).toMatchObject({ kind: 'Kế hoạch', dates: ['2022-11-17'] });
    expect(doc('495/KH-VP')!.cells.length).toBe(4);
  });
});
