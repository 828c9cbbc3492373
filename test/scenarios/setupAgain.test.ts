// Setup's formats, rules and triggers stay right when run again, by someone else, after people
// changed the sheet, or once the grid fills up.
import type { LocalRuntime } from '../../runtime';
import { createLocalRuntime } from '../../runtime';
import { renderSheet } from '../../runtime/spreadsheet';
import { COLOURS } from '../../src/gas/ticketFormat';
import { appendToTicketSheet, generateTickets } from '../../bench/generate';
import { T0, setUp, submit, trackerRuntime } from '../app/helpers';
import type { EntryResult } from '../entries';
import { withKey } from '../entries';

const HOUR = 3_600_000;
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();

/** The background a person sees on a ticket's title cell (conditional formats applied). */
function background(rt: LocalRuntime, id: string, sheetName = '工单'): string {
  const sheet = renderSheet(rt.workbook, sheetName, rt.clock.now());
  const row = sheet.rows.find((r) => r[0].display === id);
  if (!row) throw new Error(`no row ${id}`);
  return row[1].background.toLowerCase();
}

describe('setup again never adds a second sweep (issue 16: triggers remembered by unique ID)', () => {
  // Whether getUserTriggers(ss) lists time-driven triggers is not documented
  // (reference/script/script-app#getusertriggersspreadsheet): setup must be right either way.
  const worlds = [
    { addonMode: false, userTriggersListClock: true },
    { addonMode: false, userTriggersListClock: false },
    { addonMode: true, userTriggersListClock: true },
    { addonMode: true, userTriggersListClock: false },
  ];
  const make = (w: (typeof worlds)[number]) => createLocalRuntime({ now: T0, locale: 'zh-CN', timeZone: 'Asia/Shanghai', user: 'li@example.com', ...w });
  const handlers = (rt: LocalRuntime) => rt.triggers.map((t) => t.handler).sort();

  it.each(worlds)('add-on $addonMode, getUserTriggers lists clock triggers: $userTriggersListClock', (w) => {
    const rt = make(w);
    setUp(rt);
    const ids = rt.triggers.map((t) => t.id).sort();
    for (let i = 0; i < 3; i++) {
      const again = setUp(rt);
      expect(again.triggers).toEqual([]); // nothing installed, nothing refused
    }
    expect(handlers(rt)).toEqual(['onSlaTimer', 'onTrackerEdit']);
    expect(rt.triggers.map((t) => t.id).sort()).toEqual(ids);
  });

  it.each(worlds)('a trigger deleted by hand is made again, once (add-on $addonMode, lists clock $userTriggersListClock)', (w) => {
    const rt = make(w);
    setUp(rt);
    const app = rt.services.ScriptApp;
    for (const t of app.getProjectTriggers()) if (t.getHandlerFunction() === 'onSlaTimer') app.deleteTrigger(t);
    expect(setUp(rt).triggers).toEqual(['SLA 巡检：每 60 分钟']);
    setUp(rt);
    expect(handlers(rt)).toEqual(['onSlaTimer', 'onTrackerEdit']);
  });

  it("in an add-on, another document's sweep is neither taken for this one's nor deleted", () => {
    const rt = make({ addonMode: true, userTriggersListClock: false });
    // The same user's sweep in another sheet with the add-on: getProjectTriggers() lists it too.
    rt.triggers.push({ id: 'other-doc-sweep', handler: 'onSlaTimer', eventType: 'CLOCK', source: 'CLOCK', sourceId: null, docId: 'another-sheet', user: 'li@example.com', createdAt: T0, schedule: { kind: 'hours', every: 1 } });
    setUp(rt);
    setUp(rt);
    expect(handlers(rt)).toEqual(['onSlaTimer', 'onSlaTimer', 'onTrackerEdit']);
    expect(rt.triggers.filter((t) => t.handler === 'onSlaTimer' && t.docId !== 'another-sheet')).toHaveLength(1);
    expect(rt.triggers.some((t) => t.id === 'other-doc-sweep')).toBe(true);
  });

  it('a bound tracker set up before IDs were remembered adopts its pair, and drops a duplicate sweep', () => {
    const rt = make({ addonMode: false, userTriggersListClock: false });
    setUp(rt);
    rt.services.PropertiesService.getDocumentProperties().deleteProperty('tracker.triggerIds');
    // The old setup's bug: a second sweep.
    rt.services.ScriptApp.newTrigger('onSlaTimer').timeBased().everyHours(1).create();
    const edit = rt.triggers.find((t) => t.handler === 'onTrackerEdit')!.id;
    expect(setUp(rt).triggers).toEqual([]);
    expect(handlers(rt)).toEqual(['onSlaTimer', 'onTrackerEdit']);
    expect(rt.triggers.find((t) => t.handler === 'onTrackerEdit')!.id).toBe(edit);
  });
});

describe('setup, again and later', () => {
  it('does not adopt the knowledge-base sheet when the ticket sheet was renamed and moved', () => {
    const rt = trackerRuntime();
    submit(rt);
    const tickets = ss(rt).getSheetByName('工单')!;
    tickets.setName('IT工单');
    tickets.activate();
    ss(rt).moveActiveSheet(ss(rt).getSheets().length); // the team moves its tab to the end
    const kbWidth = ss(rt).getSheetByName('知识库')!.getLastColumn();

    const report = setUp(rt);
    expect(report.sheet).toBe('IT工单');
    expect(ss(rt).getSheetByName('知识库')!.getLastColumn()).toBe(kbWidth);
    // and the next ticket still lands on the ticket sheet
    submit(rt);
    expect(ss(rt).getSheetByName('IT工单')!.getLastRow()).toBe(3);
  });

  it('a second admin running setup does not install a second pair of triggers (a hand edit is audited once)', () => {
    const rt = trackerRuntime();
    rt.workbook.editors.push('wang@example.com');
    submit(rt);
    rt.ctx.user.active = 'wang@example.com';
    rt.ctx.user.effective = 'wang@example.com';
    setUp(rt);
    const handlers = rt.triggers.map((t) => t.handler).sort();
    expect(handlers).toEqual(['onSlaTimer', 'onTrackerEdit']);

    const audit = ss(rt).getSheetByName('操作日志')!;
    const before = audit.getLastRow();
    expect(rt.edit('工单!J2', '张工').ok).toBe(true);
    expect(audit.getLastRow() - before).toBe(1);
  });

  it('finishes and explains when Google refuses to create its triggers (20-trigger limit)', () => {
    const rt = createLocalRuntime({
      now: T0,
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      user: 'li@example.com',
    });
    for (let i = 0; i < 20; i++)
      rt.services.ScriptApp.newTrigger(`other${i}`).timeBased().everyHours(1).create();
    let report = null as ReturnType<typeof setUp> | null;
    expect(() => (report = setUp(rt))).not.toThrow();
    expect(report?.ok).toBe(true);
    expect(ss(rt).getSheetByName('工单')).not.toBeNull();
    // the closing alert tells the person which triggers are missing and why
    const alert = rt.ui.asks.map((a) => a.prompt).join('\n');
    expect(alert).toMatch(/编辑触发器/);
    expect(alert).toMatch(/too many triggers/);
  });

  it('in an add-on, a 15-minute sweep setting does not make every setup run delete and re-create the timer', () => {
    const rt = createLocalRuntime({
      now: T0,
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      user: 'li@example.com',
      addonMode: true,
    });
    setUp(rt);
    const settings = ss(rt).getSheetByName('设置')!;
    const row = settings
      .getRange(1, 1, 40, 1)
      .getValues()
      .findIndex((r) => String(r[0]).includes('巡检'));
    settings.getRange(row + 1, 2).setValue(15);
    setUp(rt); // Google refuses 15 minutes in an add-on: hourly instead, said once
    const timer = () => rt.triggers.filter((t) => t.handler === 'onSlaTimer').map((t) => t.id);
    const before = timer();
    const again = setUp(rt);
    expect(timer()).toEqual(before);
    expect(again.triggers).toEqual([]);
  });

  it('a team rule added below the SLA colours stays below them when setup rewrites its rules', () => {
    const rt = trackerRuntime();
    const app = rt.services.SpreadsheetApp;
    const sheet = ss(rt).getSheetByName('工单')!;
    // The team adds "pending rows light blue" after setup: Sheets appends it below the SLA rules.
    const pending = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$I2="待处理"')
      .setBackground('#cfe2f3')
      .setRanges([sheet.getRange('A2:V1000')])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), pending]);
    const { id } = submit(rt);
    rt.clock.set(T0 + 2 * HOUR + 60_000); // 高: past its 2 h
    expect(background(rt, id)).toBe(COLOURS.red);
    // The team adds rows at the bottom, then runs Set up / repair: the SLA rules get new ranges.
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    setUp(rt);
    expect(background(rt, id)).toBe(COLOURS.red);
    const order = sheet
      .getConditionalFormatRules()
      .map((r) => String(r.getBooleanCondition()!.getCriteriaValues()[0]));
    expect(order[order.length - 1]).toBe('=$I2="待处理"');
  });

  it('a ticket submitted after the sheet is full (row 1001) is still coloured, validated and plain-text', () => {
    const rt = trackerRuntime();
    const sheet = ss(rt).getSheetByName('工单')!;
    const max = sheet.getMaxRows();
    // 999 earlier tickets fill rows 2..1000
    sheet
      .getRange(2, 1, max - 1, 1)
      .setValues(Array.from({ length: max - 1 }, (_, i) => [`IT20240430${String(i + 1).padStart(3, '0')}`]));
    const { id } = submit(rt);
    const row = sheet.getLastRow();
    expect(row).toBe(max + 1);
    rt.clock.set(T0 + 2 * HOUR + 60_000); // 高: past its 2 h
    expect(background(rt, id)).toBe(COLOURS.red);
    expect(sheet.getRange(row, 9).getDataValidation()?.getCriteriaValues()[0]).toEqual([
      '待处理',
      '处理中',
      '已解决',
      '已关闭',
    ]);
    expect(sheet.getRange(row, 2).getNumberFormat()).toBe('@');
  });
  it('archiving keeps the end of the formatted rows on the grid, so growth is seen without a call', () => {
    const rt = trackerRuntime({ now: Date.parse('2024-11-06T10:00:00+08:00') });
    appendToTicketSheet(rt, generateTickets({ n: 60, now: rt.clock.now(), days: 365, seed: 3 }));
    const formattedRows = () =>
      JSON.parse(rt.services.PropertiesService.getDocumentProperties().getProperty('tracker.config')!).tickets
        .formattedRows;
    const sheet = ss(rt).getSheetByName('工单')!;
    expect(formattedRows()).toBe(sheet.getMaxRows());
    rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    expect(withKey(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result, 'archived').archived).toBeGreaterThan(0);
    expect(formattedRows()).toBe(sheet.getMaxRows());
  });
});
