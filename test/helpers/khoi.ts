/**
 * A small bloc table of the Ninh Thuận kind (test/fixtures/real/ninhthuan-khoi-2016): TT | Tiêu chuẩn thi đua | Chuẩn |
 * Thưởng | Trừ | Tự chấm | Khối chấm, one self column carrying chuẩn + thưởng − trừ, rule rows under the items.
 */
import { SheetGrid } from '../../src/engine';
import { CellInput, grid } from './grid';

export const KHOI_HEADER = ['STT', 'Tiêu chuẩn thi đua', 'Chuẩn', 'Thưởng', 'Trừ', 'Tự chấm', 'Khối chấm'];

/** Rows 3…: item 1 (20 | 2 | -2), its bonus and deduction rules, item 2 (10, a per-occurrence bonus with no cap), total. */
export function khoiBody(self1: CellInput = 21, self2: CellInput = 10): CellInput[][] {
  return [
    ['I', 'CÔNG TÁC CHUYÊN MÔN'],
    ['1', 'Hoàn thành các chỉ tiêu được giao', 20, 2, -2, self1, 20],
    [null, '- Vượt chỉ tiêu: cộng 0,5 điểm/01 chỉ tiêu (tối đa 2 điểm)', null, '+ 0,5'],
    [null, '- Không hoàn thành: trừ 1 điểm/01 chỉ tiêu', null, null, '- 1'],
    ['2', 'Công tác thi đua, khen thưởng', 10, null, null, self2, 10],
    [null, '+ Mỗi cá nhân đạt Chiến sĩ thi đua: cộng 1 điểm', null, '+ 1'],
  ];
}

export function khoiTable(body: CellInput[][] = khoiBody()): SheetGrid {
  const self = body.reduce((k, r) => k + (typeof r[5] === 'number' ? r[5] : 0), 0);
  const review = body.reduce((k, r) => k + (typeof r[6] === 'number' ? r[6] : 0), 0);
  return grid([['BẢNG ĐIỂM KHỐI THI ĐUA NĂM 2016'], KHOI_HEADER, ...body, [null, 'TỔNG CỘNG', 30, 2, -2, self, review]]);
}
