// The SLA sweep and live highlighting through the built bundle on the local runtime (issue: SLA
// engine): colours move with time, the sweep stays cheap, records its status, and alerts once.
import type { LocalRuntime } from '../../runtime';
import { renderSheet } from '../../runtime/spreadsheet';
import { COLOURS } from '../../src/gas/ticketFormat';
import { FORM, T0, holdTrackerLock, newRuntime, setUp, submit, submitHidden, ticketRows, trackerRuntime } from './helpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

const HOUR = 3_600_000;
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();

/** The background a person sees on a ticket's title cell (conditional formats applied). */
function colour(rt: LocalRuntime, id: string): 'red' | 'amber' | 'none' {
  const sheet = renderSheet(rt.workbook, '工单', rt.clock.now());
  const row = sheet.rows.find((r) => r[0].display === id)!;
  const bg = row[1].background.toLowerCase();
  return bg === COLOURS.red ? 'red' : bg === COLOURS.amber ? 'amber' : 'none';
}

const column0 = (rt: LocalRuntime) => ticketRows(rt).slice(1).map((r) => String(r[0]));

function slaText(rt: LocalRuntime, id: string): string {
  const rows = ticketRows(rt);
  return String(rows.find((r) => r[0] === id)![rows[0].indexOf('SLA状态')]);
}

describe('SLA highlighting over a simulated week', () => {
  it('turns a 中 ticket amber at 75% of its 4 working hours and red when breached, hour by hour', () => {
    // Submitted Friday 2024-05-03 15:00: 4 working hours run to Monday 10:00 (Fri 15–18, Mon 9–10).
    const friday3pm = Date.parse('2024-05-03T15:00:00+08:00');
    const rt = trackerRuntime({ now: friday3pm });
    const { id } = submit(rt, { ...FORM, urgency: '中' });
    // Someone answers at once, so only the resolution target is in play.
    rt.ctx.user.active = 'li@example.com';
    const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
    rt.callFromClient('applyTicketAction', id, 'accept', {}, v.version);

    const seen: Record<string, string> = {};
    for (let t = friday3pm + HOUR; t <= friday3pm + 4 * 24 * HOUR; t += HOUR) {
      rt.tick(t);
      seen[new Date(t).toISOString()] = colour(rt, id);
    }
    const at = (iso: string) => seen[new Date(iso).toISOString()];
    expect(at('2024-05-03T17:00:00+08:00')).toBe('none'); // 2 of 4 h used
    expect(at('2024-05-03T18:00:00+08:00')).toBe('amber'); // 3 h = 75%
    expect(at('2024-05-05T12:00:00+08:00')).toBe('amber'); // the weekend does not count
    expect(at('2024-05-06T10:00:00+08:00')).toBe('amber'); // exactly at due: not yet breached
    expect(at('2024-05-06T11:00:00+08:00')).toBe('red');
    expect(slaText(rt, id)).toMatch(/解决：已超时/);
  });

  it('keeps a breach for reporting after the ticket is resolved', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt); // 高: 2 h round the clock
    rt.tick(T0 + 3 * HOUR);
    expect(slaText(rt, id)).toMatch(/解决：已超时/);
    const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
    rt.callFromClient('applyTicketAction', id, 'accept', {}, v.version);
    const v2 = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
    rt.callFromClient('applyTicketAction', id, 'resolve', { solution: '已修复' }, v2.version);
    rt.tick(T0 + 4 * HOUR);
    expect(slaText(rt, id)).toMatch(/解决：未达成/);
    expect(colour(rt, id)).toBe('none');
  });

  it('colours an overdue row red from its due time even before the next sweep', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.clock.set(T0 + 2 * HOUR + 60_000); // past the 2 h due time, no sweep has run
    expect(colour(rt, id)).toBe('red');
  });
});

describe('the sweep', () => {
  it('makes the same small number of spreadsheet calls for 3 or 3,000 tickets', () => {
    const rt = trackerRuntime();
    for (let i = 0; i < 3; i++) submit(rt);
    rt.call('onSlaTimer'); // also builds last week's review, once
    rt.clock.set(T0 + 1.6 * HOUR); // 高 tickets turn at risk: the SLA column is written
    expect(rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result.sweep.changed).toBe(3);
    const small = rt.stats.spreadsheetCalls;
    const sheet = ss(rt).getSheetByName('工单')!;
    const template = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0];
    // Copies of a ticket under other IDs, without the tracker's record (rows from before it had one):
    // a copied record would name another ticket, and the sweep would rightly check those rows.
    const recordCol = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('系统记录');
    const rows = Array.from({ length: 3000 }, (_, i) => template.map((v, c) => (c === 0 ? `IT20240430${String(i + 1).padStart(3, '0')}` : c === recordCol ? '' : v)));
    sheet.insertRowsAfter(sheet.getMaxRows(), 3000);
    sheet.getRange(5, 1, rows.length, rows[0].length).setValues(rows);
    rt.clock.set(T0 + 2.5 * HOUR); // breached: written again
    const r = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(r.sweep.tickets).toBe(3003);
    expect(r.sweep.changed).toBeGreaterThan(3);
    expect(r.weekly.built).toBeNull();
    // One write more (getRange + setValues), once: the records the copied rows lacked (app/recordBackfill.ts, issue 17).
    expect(rt.stats.spreadsheetCalls).toBe(small + 2);
    expect(small).toBeLessThanOrEqual(10);
    expect(sheet.getRange(3004, recordCol + 1).getValue()).toMatch(/^[a-zA-Z]*\|IT202404303000\|/);
    rt.clock.set(T0 + 3.5 * HOUR);
    rt.call('onSlaTimer');
    expect(rt.stats.spreadsheetCalls).toBeLessThanOrEqual(small);
  });

  it('records its last run in document properties and in the settings sheet', () => {
    const rt = trackerRuntime();
    submit(rt);
    rt.call('onSlaTimer');
    const status = JSON.parse(rt.services.PropertiesService.getDocumentProperties().getProperty('sweep.status')!);
    expect(status).toMatchObject({ ok: true, tickets: 1, via: 'trigger' });
    const settings = ss(rt).getSheetByName('设置')!.getRange('L2:M5').getValues();
    expect(settings[0]).toEqual(['最近巡检', '2024-05-01 09:15 (trigger)']);
  });

  it('records a clear error, instead of crashing, when a column it needs was removed', () => {
    const rt = trackerRuntime();
    submit(rt);
    const sheet = ss(rt).getSheetByName('工单')!;
    sheet.deleteColumn(9); // 当前状态
    const r = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(r.sweep.ok).toBe(false);
    expect(r.sweep.error).toMatch(/缺少列|status/);
    expect(ss(rt).getSheetByName('设置')!.getRange('M5').getValue()).toBe(r.sweep.error);
  });

  it('skips a run while another execution holds the document lock', () => {
    const rt = trackerRuntime();
    submit(rt);
    holdTrackerLock(rt);
    const r = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(r.sweep).toMatchObject({ skipped: 'busy' });
  });

  it('mails alerts only when opted in, once per ticket and state, within the quota', () => {
    const rt = trackerRuntime();
    const settings = ss(rt).getSheetByName('设置')!;
    const row = settings.getRange('A:A').getValues().findIndex((r) => r[0] === '邮件提醒') + 1;
    rt.edit(`设置!B${row}`, '是');
    const { id } = submit(rt);
    const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
    rt.callFromClient('applyTicketAction', id, 'assign', { assignee: '张工' }, v.version);
    rt.tick(T0 + 90 * 60_000); // 1.5 h of 2: at risk
    rt.tick(T0 + 2 * 60 * 60_000 + 30 * 60_000); // breached
    rt.tick(T0 + 4 * 60 * 60_000); // still breached: no new mail
    const subjects = rt.mail.map((m) => `${m.to} ${m.subject}`);
    expect(subjects.filter((s) => /有风险/.test(s))).toHaveLength(1);
    expect(subjects.filter((s) => /已超时/.test(s)).length).toBeGreaterThanOrEqual(1);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('stays within the daily mail quota and keeps sweeping', () => {
    const rt = trackerRuntime({ mailQuota: 1 });
    const settings = ss(rt).getSheetByName('设置')!;
    const row = settings.getRange('A:A').getValues().findIndex((r) => r[0] === '邮件提醒') + 1;
    rt.edit(`设置!B${row}`, '是');
    for (let i = 0; i < 3; i++) submit(rt);
    const fired = rt.tick(T0 + 5 * HOUR);
    expect(rt.mail.length).toBeLessThanOrEqual(1);
    const last = fired.filter((f) => f.handler === 'onSlaTimer').pop();
    expect(last?.ok).toBe(true);
    expect(slaText(rt, column0(rt)[0])).toMatch(/已超时/);
  });

  it('sends nothing when email alerts are off (the default)', () => {
    const rt = trackerRuntime();
    submitHidden(rt); // a requester without an address: no requester mail either
    rt.tick(T0 + 5 * HOUR);
    expect(rt.mail).toHaveLength(0);
  });
});

describe('the sweep trigger', () => {
  it('is installed once, hourly, and falls back to hourly when an add-on may not run more often', () => {
    const rt = newRuntime();
    rt.ctx.addonMode = true;
    setUp(rt);
    const settings = ss(rt).getSheetByName('设置')!;
    const row = settings.getRange('A:A').getValues().findIndex((r) => String(r[0]).startsWith('SLA 巡检间隔')) + 1;
    settings.getRange(row, 2).setValue('15');
    const report = setUp(rt);
    expect(report.triggers.join()).toMatch(/已改为每小时/);
    const timers = rt.services.ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === 'onSlaTimer');
    expect(timers).toHaveLength(1);
  });

  it('uses a 15-minute interval in a script bound to one sheet', () => {
    const rt = newRuntime();
    setUp(rt);
    const settings = ss(rt).getSheetByName('设置')!;
    const row = settings.getRange('A:A').getValues().findIndex((r) => String(r[0]).startsWith('SLA 巡检间隔')) + 1;
    settings.getRange(row, 2).setValue('15');
    expect(setUp(rt).triggers.join()).toMatch(/每 15 分钟/);
    submit(rt);
    const fired = rt.tick(T0 + HOUR).filter((f) => f.handler === 'onSlaTimer');
    expect(fired).toHaveLength(4);
  });
});
