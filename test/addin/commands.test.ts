/** The ribbon's Kiểm tra: associated under the manifest's id, runs the check, tells the result, completes the event. */
import { KIEM_TRA_ACTION } from '../../src/commands/ids';
import { FILL } from '../../src/excel';
import { readGrids } from '../helpers/xlsx';
import { hostWithGrid } from '../host/excel-host';
import { grid } from '../helpers/grid';

// The function file's address, as the browser would give it (dialog.html is found beside it).
beforeAll(() => {
  (globalThis as { location?: unknown }).location = { href: 'https://localhost:3000/commands.html' };
});
afterAll(() => {
  delete (globalThis as { location?: unknown }).location;
});

test('Kiểm tra on the ribbon checks the sheet and says so in Vietnamese', async () => {
  const [seed] = (await readGrids('test/fixtures/seed-2022-typed.xlsx')).filter((g) => g.name === 'Chấm điểm');
  const host = hostWithGrid(seed);
  jest.isolateModules(() => {
    require('../../src/commands/commands');
  });
  await new Promise((r) => setTimeout(r, 0));
  const action = host.actions.get(KIEM_TRA_ACTION);
  expect(action).toBeDefined();
  await new Promise<void>((resolve) => action!({ completed: resolve }));
  expect(host.dialogs).toHaveLength(1);
  expect(host.dialogs[0]).toMatch(/^Đã kiểm tra trang “Chấm điểm”: \d+ lỗi, \d+ cảnh báo, \d+ lưu ý; đã ghi \d+ ô tổng\.$/);
  expect(host.book.activeSheet.cell('F25')?.fill?.color).toBe(FILL.error);
});

test('on a sheet without a table, the ribbon says why and changes nothing', async () => {
  const host = hostWithGrid(grid([['Ghi chú'], ['Không có bảng']], { name: 'Ghi chú' }));
  jest.isolateModules(() => {
    require('../../src/commands/commands');
  });
  await new Promise((r) => setTimeout(r, 0));
  await new Promise<void>((resolve) => host.actions.get(KIEM_TRA_ACTION)!({ completed: resolve }));
  expect(host.dialogs[0]).toMatch(/^Trang “Ghi chú” không có bảng chấm điểm/);
  expect(host.book.savedSettings).toBeUndefined();
});
