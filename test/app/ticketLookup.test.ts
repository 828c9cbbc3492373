// The ticket view and agent actions find the row without reading the ID column (issue 22): the row
// the sidebar last saw (or the selected one) first, then Google's search (TextFinder). Calls and
// cells read stay the same whatever the number of tickets.
import type { LocalRuntime } from '../../runtime';
import { column, submit, trackerRuntime } from './helpers';

const tickets = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;

/** `n` older tickets written straight into the sheet (IDs of 30 April), below the live ones. */
function grow(rt: LocalRuntime, n: number): void {
  const sheet = tickets(rt);
  sheet.insertRowsAfter(sheet.getMaxRows(), n);
  const ids = Array.from({ length: n }, (_, i) => [`IT20240430${String(i + 1).padStart(3, '0')}`]);
  sheet.getRange(sheet.getLastRow() + 1, 1, n, 1).setValues(ids);
}

function measure(rt: LocalRuntime, id: string) {
  const byId = rt.callFromClient<any>('getTicketView', id);
  const at = rt.callFromClient<any>('getTicketView', id, byId.result.version);
  const action = rt.callFromClient<any>('applyTicketAction', id, 'note', { text: '已远程协助' }, at.result.version);
  expect(byId.result.ok && at.result.ok && action.result.ok).toBe(true);
  return { byId: byId.stats, at: at.stats, action: action.stats };
}

test('view and action: the same calls and cells read at 3 and 3,000 tickets, no ID column read', () => {
  const rt = trackerRuntime();
  const [id] = [submit(rt).id, submit(rt).id, submit(rt).id];
  const small = measure(rt, id);
  grow(rt, 3000);
  const large = measure(rt, id);
  for (const k of ['byId', 'at', 'action'] as const) {
    expect(large[k].spreadsheetCalls).toBe(small[k].spreadsheetCalls);
    expect(large[k].cellsRead).toBe(small[k].cellsRead);
    expect(large[k].byMethod['Sheet.getLastRow']).toBeUndefined();
  }
  // The row the view came from is read first: ss, sheet, header, the row.
  expect(large.at.spreadsheetCalls).toBe(4);
  expect(large.at.byMethod['Range.createTextFinder']).toBeUndefined();
  // A typed ID is searched for on Google's side: the cells it looks at are not sent to the script.
  expect(large.byId.byMethod['Range.createTextFinder']).toBe(1);
  expect(large.byId.spreadsheetCalls).toBe(8);
  expect(large.byId.cellsRead).toBeLessThan(200);
  expect(large.action.spreadsheetCalls).toBeLessThanOrEqual(10);
});

test('the selected row: found without any search', () => {
  const rt = trackerRuntime();
  submit(rt);
  const id = submit(rt).id;
  grow(rt, 2000);
  tickets(rt).getRange('B3').activate();
  const r = rt.callFromClient<any>('getTicketView');
  expect(r.result.id).toBe(id);
  expect(r.stats.spreadsheetCalls).toBe(7);
  expect(r.stats.cellsRead).toBeLessThan(200);
  expect(r.stats.byMethod['Range.createTextFinder']).toBeUndefined();
});

test('a ticket moved by a sort is found by the search, and the action changes its row', () => {
  const rt = trackerRuntime();
  const ids = [submit(rt).id, submit(rt).id, submit(rt).id];
  const view = rt.callFromClient<any>('getTicketView', ids[0]).result;
  const sheet = tickets(rt);
  sheet.getRange(2, 1, 3, sheet.getLastColumn()).sort({ column: 1, ascending: false });
  const r = rt.callFromClient<any>('applyTicketAction', ids[0], 'accept', {}, view.version);
  expect(r.result.ok).toBe(true);
  expect(r.result.view.version.split(':')[0]).toBe('4');
  expect(column(rt, '当前状态')).toEqual(['待处理', '待处理', '处理中']);
  expect(r.stats.byMethod['Range.createTextFinder']).toBe(1);
});

test('a longer ID that contains the one asked for is passed over', () => {
  const rt = trackerRuntime();
  submit(rt);
  const sheet = tickets(rt);
  // Serial 1000 of the same day contains serial 100's ID; rows ordered so the longer one comes first.
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const row = (id: string, title: string) => header.map((h) => (h === '问题编号' ? id : h === '问题标题' ? title : h === '当前状态' ? '待处理' : ''));
  sheet.getRange(3, 1, 2, header.length).setValues([row('IT202405011000', '长编号'), row('IT20240501100', '短编号')]);
  const v = rt.callFromClient<any>('getTicketView', 'IT20240501100').result;
  expect(v.id).toBe('IT20240501100');
  expect(v.fields.find((f: { key: string }) => f.key === 'title').value).toBe('短编号');
  expect(rt.callFromClient<any>('getTicketView', 'IT20240501999').result.ok).toBe(false);
});
