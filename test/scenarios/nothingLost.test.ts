// What archiving and setup must never lose: team columns (added later, unnamed, same-named),
// edits made between a crash and the resume, IDs already handed out, the team's formulas.
import type { LocalRuntime } from '../../runtime';
import { appendToTicketSheet, generateTickets } from '../../bench/generate';
import { newRuntime, setUp } from '../app/helpers';
import type { EntryResult } from '../entries';

const DAY = 86_400_000;
const NOW = Date.parse('2024-11-06T10:00:00+08:00'); // a Wednesday
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const yes = (rt: LocalRuntime) => (rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' }));

function values(rt: LocalRuntime, name: string): unknown[][] {
  const sheet = ss(rt).getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : [];
}

/** A set-up tracker with `n` generated tickets; returns the IDs due for the archive. */
function tracker(n = 60): { rt: LocalRuntime; due: string[]; all: string[] } {
  const rt = newRuntime({ now: NOW });
  setUp(rt);
  const tickets = generateTickets({ n, now: NOW, days: 365, seed: 3 });
  appendToTicketSheet(rt, tickets);
  const due = tickets
    .filter((t) => t.status === '已关闭' && (t.lastUpdateAt as Date).getTime() <= NOW - 90 * DAY)
    .map((t) => String(t.id));
  return { rt, due, all: tickets.map((t) => String(t.id)) };
}

/** Every (id, value) of column `header` in sheet `name`, for rows with an ID. */
function byId(rt: LocalRuntime, name: string, header: string, nth = 0): Map<string, unknown> {
  const rows = values(rt, name);
  const h = rows[0];
  const idc = h.indexOf('问题编号');
  let c = -1;
  for (let k = 0; k <= nth; k++) c = h.indexOf(header, c + 1);
  const out = new Map<string, unknown>();
  for (const r of rows.slice(1)) if (String(r[idc])) out.set(String(r[idc]), c < 0 ? undefined : r[c]);
  return out;
}

describe('archive keeps every cell of the rows it deletes', () => {
  it('a team column added to the right of the tracker columns after setup survives archiving', () => {
    const { rt, due } = tracker();
    const sheet = ss(rt).getSheetByName('工单')!;
    const col = sheet.getLastColumn() + 1;
    if (sheet.getMaxColumns() < col) sheet.insertColumnsAfter(sheet.getMaxColumns(), col - sheet.getMaxColumns());
    sheet.getRange(1, col).setValue('跟进人');
    const ids = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues();
    sheet.getRange(2, col, ids.length, 1).setValues(ids.map((r) => [`跟进-${r[0]}`]));
    yes(rt);
    const r = rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result;
    expect(r).toMatchObject({ ok: true, archived: due.length });
    const kept = byId(rt, '归档', '跟进人');
    expect(due.map((id) => kept.get(id))).toEqual(due.map((id) => `跟进-${id}`));
  });

  it('a team column with a blank header (merged-looking header) survives archiving', () => {
    const { rt, due } = tracker();
    const sheet = ss(rt).getSheetByName('工单')!;
    // Column H (after 联系方式, G) holds a second contact line; its header cell is left blank
    // as under a merged "联系方式" header.
    sheet.insertColumnAfter(7);
    const n = sheet.getLastRow() - 1;
    const ids = sheet.getRange(2, 1, n, 1).getValues();
    sheet.getRange(2, 8, n, 1).setValues(ids.map((r) => [`备用-${r[0]}`]));
    yes(rt);
    const r = rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result;
    expect(r).toMatchObject({ ok: true, archived: due.length });
    const arch = values(rt, '归档');
    const idc = arch[0].indexOf('问题编号');
    const flat = new Map(arch.slice(1).map((row) => [String(row[idc]), row.map(String)]));
    expect(due.filter((id) => !flat.get(id)!.includes(`备用-${id}`))).toEqual([]);
  });

  it('two team columns with the same header both survive archiving', () => {
    const { rt, due } = tracker();
    const sheet = ss(rt).getSheetByName('工单')!;
    const col = sheet.getLastColumn() + 1;
    if (sheet.getMaxColumns() < col + 1) sheet.insertColumnsAfter(sheet.getMaxColumns(), col + 1 - sheet.getMaxColumns());
    sheet.getRange(1, col, 1, 2).setValues([['附件', '附件']]);
    const n = sheet.getLastRow() - 1;
    const ids = sheet.getRange(2, 1, n, 1).getValues();
    sheet.getRange(2, col, n, 2).setValues(ids.map((r) => [`a-${r[0]}`, `b-${r[0]}`]));
    setUp(rt); // "Set up / repair" again: the tracker now knows the new columns
    yes(rt);
    const r = rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result;
    expect(r).toMatchObject({ ok: true, archived: due.length });
    const first = byId(rt, '归档', '附件', 0);
    const second = byId(rt, '归档', '附件', 1);
    expect(due.map((id) => [first.get(id), second.get(id)])).toEqual(due.map((id) => [`a-${id}`, `b-${id}`]));
  });
});

describe('archive crash recovery', () => {
  it('a note typed on the live row after a crash between append and delete is archived with it', () => {
    const { rt, due } = tracker();
    yes(rt);
    // The first deleteRows fails: the run stops between the archive write and the deletes.
    rt.faults.failAt({ at: 0, match: (c, m) => c === 'Sheet' && m === 'deleteRows', message: 'injected fault' });
    expect(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result.ok).toBe(false);
    rt.faults.clear();
    // Meanwhile (the ticket is still in the ticket sheet) an agent adds a note to it by hand.
    const sheet = ss(rt).getSheetByName('工单')!;
    const rows = sheet.getDataRange().getValues();
    const h = rows[0];
    const i = rows.findIndex((r) => r[h.indexOf('问题编号')] === due[0]);
    sheet.getRange(i + 1, h.indexOf('备注') + 1).setValue('供应商补丁 2024-12 发布');
    rt.call('archiveFromMenu');
    const live = byId(rt, '工单', '备注');
    const arch = byId(rt, '归档', '备注');
    expect(live.get(due[0]) ?? arch.get(due[0])).toBe('供应商补丁 2024-12 发布');
  });
});

describe('IDs are never reused after archiving', () => {
  it('setup/repair does not backfill an ID that is already in the archive', () => {
    const { rt, due } = tracker();
    yes(rt);
    rt.call('archiveFromMenu');
    const archived = new Set(byId(rt, '归档', '问题编号').keys());
    expect(archived.has(due[0])).toBe(true);
    // A ticket taken by phone, typed by hand without an ID, submitted the same day as due[0].
    const date = due[0].slice(2, 10);
    const sheet = ss(rt).getSheetByName('工单')!;
    const h = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const row = new Array(h.length).fill('');
    row[h.indexOf('问题标题')] = '电话报修:打印机卡纸';
    row[h.indexOf('提交时间')] = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)} 10:00`;
    row[h.indexOf('当前状态')] = '待处理';
    sheet.appendRow(row);
    setUp(rt);
    const ids = [...byId(rt, '工单', '问题编号').keys()];
        const reused = ids.filter((id) => archived.has(id));
    expect(reused).toEqual([]);
    expect(ids.filter((id) => id.startsWith(`IT${date}`)).length).toBeGreaterThan(0);
  });
});

describe('setup keeps the team’s formulas', () => {
  it('a formula in the status column is not overwritten by its normalised value', () => {
    const rt = newRuntime({ locale: 'en_US', now: NOW });
    const sheet = ss(rt).insertSheet('Issues');
    sheet.getRange(1, 1, 1, 5).setValues([['Title', 'Status', 'Priority', 'Submitted', 'Done?']]);
    sheet.getRange(2, 1, 2, 5).setValues([
      ['Printer offline', '', 'High', '2024-11-01 09:00', 'y'],
      ['VPN down', '', 'Low', '2024-11-02 10:00', 'n'],
    ]);
    sheet.getRange('B2').setFormula('=IF(E2="y","done","Open")');
    sheet.getRange('B3').setFormula('=IF(E3="y","done","Open")');
    expect(sheet.getRange('B2').getValue()).toBe('done');
    const report = setUp(rt);
    expect(report.ok).toBe(true);
    expect(sheet.getRange('B2').getFormula()).toBe('=IF(E2="y","done","Open")');
    expect(sheet.getRange('B3').getFormula()).toBe('=IF(E3="y","done","Open")');
  });
});
