// Ticket IDs without reading the ID column (issue 22): the stored counter is authoritative under the
// lock; the sheets are consulted only when it is missing or contradicted, and then every ID ever
// issued counts (live rows, the archive, the audit trail). Never the same ID twice.
import type { LocalRuntime } from '../../runtime';
import { FORM, T0, column, submit, trackerRuntime } from './helpers';
import type { EntryResult } from '../entries';
import type { SubmitAnswer } from './helpers';
import { okOf } from '../entries';

const DAY = 86_400_000;
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const tickets = (rt: LocalRuntime) => ss(rt).getSheetByName('工单')!;
const props = (rt: LocalRuntime) => rt.services.PropertiesService.getDocumentProperties();
/** The stored state gone (a restore, a copy, a cleanup script). */
const loseProperties = (rt: LocalRuntime) => {
  props(rt).deleteProperty('intake.counter');
  props(rt).deleteProperty('intake.lastId');
};
const rowOf = (rt: LocalRuntime, id: string) => column(rt, '问题编号').indexOf(id) + 2;

function submitted(rt: LocalRuntime, n: number): string[] {
  return Array.from({ length: n }, () => submit(rt).id as string);
}

describe('submit allocates IDs from the stored counter', () => {
  test('without reading the ID column: the same calls and cells at 3 and 3,000 tickets', () => {
    const rt = trackerRuntime();
    submitted(rt, 3);
    const small = rt.callFromClient<SubmitAnswer>('submitTicket', FORM, 'tok-small-0001').stats;
    const sheet = tickets(rt);
    const ids = Array.from({ length: 3000 }, (_, i) => [`IT20240430${String(i + 1).padStart(3, '0')}`]);
    sheet.insertRowsAfter(sheet.getMaxRows(), 3000);
    sheet.getRange(sheet.getLastRow() + 1, 1, ids.length, 1).setValues(ids);
    const large = rt.callFromClient<SubmitAnswer>('submitTicket', FORM, 'tok-large-0001');
    expect(large.result.id).toBe('IT20240501005');
    expect(large.stats.spreadsheetCalls).toBe(small.spreadsheetCalls);
    expect(large.stats.cellsRead).toBe(small.cellsRead);
    expect(large.stats.spreadsheetCalls).toBeLessThanOrEqual(7);
    expect(large.stats.cellsRead).toBeLessThanOrEqual(200);
    expect(large.stats.byMethod['Sheet.getLastRow']).toBeUndefined();
  });

  test('a sort or a cleared last row does not bring an ID back', () => {
    const rt = trackerRuntime();
    const [a, b, c] = submitted(rt, 3);
    tickets(rt).getRange(2, 1, 3, tickets(rt).getLastColumn()).sort({ column: 1, ascending: false });
    expect(submit(rt).id).toBe('IT20240501004');
    tickets(rt).deleteRow(rowOf(rt, 'IT20240501004'));
    expect(submit(rt).id).toBe('IT20240501005');
    expect([a, b, c]).toEqual(['IT20240501001', 'IT20240501002', 'IT20240501003']);
  });

  test('a new day starts at 001; a counter from a later day (the clock moved back) is checked against the sheets', () => {
    const rt = trackerRuntime();
    submitted(rt, 2);
    rt.clock.set(T0 + DAY);
    expect(submit(rt).id).toBe('IT20240502001');
    rt.clock.set(T0 + 2 * 3_600_000);
    // The stored ID is from 2 May; today is 1 May again: 001 and 002 of 1 May are in the sheet.
    const r = rt.callFromClient<SubmitAnswer>('submitTicket', FORM, 'tok-back-00001');
    expect(r.result.id).toBe('IT20240501003');
    expect(r.stats.byMethod['Sheet.getLastRow']).toBeGreaterThan(0);
  });
});

describe('when the stored state is lost, every ID ever issued counts', () => {
  test('live rows', () => {
    const rt = trackerRuntime();
    submitted(rt, 3);
    loseProperties(rt);
    expect(submit(rt).id).toBe('IT20240501004');
    // …and the counter is back: the next one reads no ID column again.
    const r = rt.callFromClient<SubmitAnswer>('submitTicket', FORM, 'tok-after-0001');
    expect(r.result.id).toBe('IT20240501005');
    expect(r.stats.byMethod['Sheet.getLastRow']).toBeUndefined();
  });

  test('the archive: a ticket moved out of the ticket sheet keeps its ID', () => {
    const rt = trackerRuntime();
    submitted(rt, 3);
    const sheet = tickets(rt);
    const width = sheet.getLastColumn();
    const archive = ss(rt).insertSheet('归档');
    archive.getRange(1, 1, 1, width).setValues(sheet.getRange(1, 1, 1, width).getValues());
    const row = rowOf(rt, 'IT20240501003');
    archive.getRange(2, 1, 1, width).setValues(sheet.getRange(row, 1, 1, width).getValues());
    sheet.deleteRow(row);
    loseProperties(rt);
    expect(submit(rt).id).toBe('IT20240501004');
  });

  test('the audit trail: a ticket whose row was cleared is still named there', () => {
    const rt = trackerRuntime();
    const [, , c] = submitted(rt, 3);
    const view = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', c).result);
    expect(rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', c, 'note', { text: '已联系用户' }, view.version).result.ok).toBe(true);
    tickets(rt).deleteRow(rowOf(rt, c));
    loseProperties(rt);
    expect(submit(rt).id).toBe('IT20240501004');
  });
});

test("setup's backfilled IDs raise the counter", () => {
  const rt = trackerRuntime();
  submitted(rt, 1);
  // A row typed in by hand without an ID, submitted today; setup adopts it and gives it 002.
  const sheet = tickets(rt);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const row = header.map((h) => (h === '问题标题' ? '手工登记' : h === '提交时间' ? new Date(T0 + 60_000) : h === '当前状态' ? '待处理' : ''));
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
  rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
  rt.call('setupTrackerFromMenu');
  expect(column(rt, '问题编号')).toContain('IT20240501002');
  expect(submit(rt).id).toBe('IT20240501003');
});

test('IDs pasted into the sheet raise the counter', () => {
  const rt = trackerRuntime();
  submitted(rt, 1);
  const row = tickets(rt).getLastRow() + 1;
  // Rows copied from another tracker, IDs and all: a paste (several cells) keeps its IDs.
  const r = rt.edit(`A${row}:B${row + 1}`, [
    ['IT20240501050', '别处的工单'],
    ['IT20240501049', '别处的工单'],
  ]);
  expect(r.ok).toBe(true);
  expect(column(rt, '问题编号')).toContain('IT20240501050');
  expect(submit(rt).id).toBe('IT20240501051');
});
