// Auto-close (issue 18): a resolved ticket nobody answers is reminded once, then closes itself with
// the feedback 无回复 after N working days of the team calendar (weekends and holidays skipped);
// audited; an answer in between stops it. Run by the hourly sweep on the simulated clock.
import type { LocalRuntime } from '../../runtime';
import { FORM, submit, submitHidden, trackerRuntime } from './helpers';
import { act, answer, linksFor, ticketOf } from './verifyHelpers';
import type { EntryResult } from '../entries';
import type { AutoCloseResult } from '../../src/app/autoClose';

const HOUR = 3_600_000;
const at = (s: string) => Date.parse(`${s}+08:00`);
const audit = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('操作日志')!.getDataRange().getValues().slice(1);

/** Sets a settings value by its label, as a person types it (the edit trigger reloads the settings). */
function setSetting(rt: LocalRuntime, label: string, value: string): void {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置')!;
  const labels = sheet.getRange(1, 1, 40, 1).getValues().map((r) => r[0]);
  const row = labels.indexOf(label) + 1;
  if (row < 1) throw new Error(`no setting ${label}`);
  expect(rt.edit(`设置!B${row}`, value).ok).toBe(true);
}

/** A ticket resolved at `when` (the clock is set there first). */
function resolvedAt(rt: LocalRuntime, when: number): string {
  rt.clock.set(when - HOUR);
  const { id } = submit(rt);
  act(rt, id, 'accept');
  rt.clock.set(when);
  expect(act(rt, id, 'resolve', { solution: '重装了打印机驱动' }).ok).toBe(true);
  return id;
}

/** The work-log entries the system wrote: [stamp, text]. */
function systemEntries(rt: LocalRuntime, id: string): [string, string][] {
  return String(ticketOf(rt, id)['处理过程记录'])
    .split('\n')
    .map((l) => /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) 系统: (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => [m[1], m[2]]);
}

describe('auto-close across a weekend and a holiday', () => {
  it('reminds one working day before and closes after 3 working days: Fri 16:00 → (weekend, Mon holiday) → reminded Wed 16:00, closed Thu 16:00', () => {
    const rt = trackerRuntime({ now: at('2024-05-02T09:00:00') });
    setSetting(rt, '节假日', '2024-05-06');
    const id = resolvedAt(rt, at('2024-05-03T16:00:00'));
    rt.tick(at('2024-05-08T15:30:00'));
    expect(systemEntries(rt, id)).toEqual([]);
    expect(ticketOf(rt, id)['当前状态']).toBe('已解决');
    rt.tick(at('2024-05-09T15:30:00'));
    const reminded = systemEntries(rt, id);
    expect(reminded).toHaveLength(1);
    expect(reminded[0][0] >= '2024-05-08 16:00' && reminded[0][0] <= '2024-05-08 17:00').toBe(true);
    expect(reminded[0][1]).toContain('3 个工作日');
    expect(ticketOf(rt, id)['当前状态']).toBe('已解决');
    rt.tick(at('2024-05-10T09:30:00'));
    const entries = systemEntries(rt, id);
    expect(entries).toHaveLength(2);
    expect(entries[1][0] >= '2024-05-09 16:00' && entries[1][0] <= '2024-05-09 17:00').toBe(true);
    const tk = ticketOf(rt, id);
    expect(tk['当前状态']).toBe('已关闭');
    expect(tk['提交人反馈']).toBe('无回复');
    // Audited: the reminder (work log) and the close (status, feedback), by the trigger.
    const rows = audit(rt).filter((r) => r[2] === id && r[6] === '定时任务');
    expect(rows).toHaveLength(2);
    expect(String(rows[1][3])).toContain('当前状态');
    expect(String(rows[1][5])).toContain('无回复');
  });

  it('without the holiday the same ticket is reminded a working day earlier (Tue 16:00)', () => {
    const rt = trackerRuntime({ now: at('2024-05-02T09:00:00') });
    const id = resolvedAt(rt, at('2024-05-03T16:00:00'));
    rt.tick(at('2024-05-07T15:30:00'));
    expect(systemEntries(rt, id)).toEqual([]);
    rt.tick(at('2024-05-07T18:00:00'));
    expect(systemEntries(rt, id)).toHaveLength(1);
  });

  it('follows the setting (1 working day) and never closes before one reminder has had a working day', () => {
    const rt = trackerRuntime({ now: at('2024-05-02T09:00:00') });
    setSetting(rt, '无回复自动关闭（工作日）', '1');
    const id = resolvedAt(rt, at('2024-05-03T16:00:00'));
    // N = 1: reminded at the next sweep, closed one working day after the reminder (Mon ~16:00).
    rt.tick(at('2024-05-03T17:30:00'));
    expect(systemEntries(rt, id)).toHaveLength(1);
    rt.tick(at('2024-05-06T15:30:00'));
    expect(ticketOf(rt, id)['当前状态']).toBe('已解决');
    rt.tick(at('2024-05-06T18:00:00'));
    expect(ticketOf(rt, id)['当前状态']).toBe('已关闭');
  });

  it('an answer after the reminder stops it: the requester closes it, with their rating', () => {
    const rt = trackerRuntime({ now: at('2024-05-02T09:00:00') });
    const id = resolvedAt(rt, at('2024-05-03T16:00:00'));
    const link = linksFor(rt, id).page;
    rt.tick(at('2024-05-07T18:00:00'));
    expect(systemEntries(rt, id)).toHaveLength(1);
    expect(answer(rt, link, { answer: 'solved', rating: 'basic' }).ok).toBe(true);
    rt.tick(at('2024-05-10T18:00:00'));
    expect(systemEntries(rt, id)).toHaveLength(1);
    expect(ticketOf(rt, id)['提交人反馈']).toBe('是;基本满意');
  });

  it('a ticket reopened and resolved again starts a new count', () => {
    const rt = trackerRuntime({ now: at('2024-05-02T09:00:00') });
    const id = resolvedAt(rt, at('2024-05-03T16:00:00'));
    rt.tick(at('2024-05-07T18:00:00')); // reminded
    expect(act(rt, id, 'reopen', { reason: '又坏了' }).ok).toBe(true);
    rt.clock.set(at('2024-05-08T10:00:00'));
    expect(act(rt, id, 'resolve', {}).ok).toBe(true);
    rt.tick(at('2024-05-09T18:00:00'));
    // Resolved Wed 10:00: reminder due Fri 10:00 — not yet; the first reminder does not count.
    expect(ticketOf(rt, id)['当前状态']).toBe('已解决');
    expect(systemEntries(rt, id)).toHaveLength(1);
    rt.tick(at('2024-05-13T18:00:00'));
    expect(ticketOf(rt, id)['当前状态']).toBe('已关闭');
    expect(systemEntries(rt, id)).toHaveLength(3);
  });
});

/**
 * `n` tickets resolved on Friday 2024-05-03 16:00, each requester with an address, each followed by
 * an open ticket (rows the run's block spans but does not act on).
 */
function resolvedBatch(n: number): { rt: LocalRuntime; ids: string[]; open: string[] } {
  const rt = trackerRuntime({ now: at('2024-05-03T15:00:00'), mailQuota: 1500 });
  const ids: string[] = [];
  const open: string[] = [];
  for (let i = 0; i < n; i++) {
    // From the web form by visitors Google hides: the contact is the address (issue 18's order).
    const { id } = submitHidden(rt, { ...FORM, contact: `requester${i}@example.com` });
    expect(act(rt, id, 'accept').ok).toBe(true);
    ids.push(id);
    open.push(submitHidden(rt).id);
  }
  rt.clock.set(at('2024-05-03T16:00:00'));
  for (const id of ids) expect(act(rt, id, 'resolve', { solution: '重装了打印机驱动' }).ok).toBe(true);
  return { rt, ids, open };
}

/** The sweep at 18:00 on `day`, after that day's first run (archiving and the review run there, not in the measured one). */
/** The sweep's auto-close part, which every run of a set-up tracker has; its absence fails the test. */
function autoCloseOf(run: EntryResult<'onSlaTimer'>): AutoCloseResult {
  if (!run.sweep.autoClose) throw new Error(`no auto-close in ${JSON.stringify(run)}`);
  return run.sweep.autoClose;
}

function eveningSweep(rt: LocalRuntime, day: string): { result: AutoCloseResult; calls: number; service: number; sends: number } {
  rt.clock.set(at(`${day}T09:00:00`));
  rt.call('onSlaTimer');
  rt.clock.set(at(`${day}T18:00:00`));
  const r = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer');
  return { result: autoCloseOf(r.result), calls: r.stats.spreadsheetCalls, service: r.stats.serviceCalls, sends: r.stats.byMethod['MailApp.sendEmail'] ?? 0 };
}

const sheetOf = (rt: LocalRuntime, name: string) => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;

describe('one batch per run', () => {
  it('reminds, then closes, 10 or 100 due tickets with the same spreadsheet calls (one read and one write of their rows, one audit write, one knowledge-base write)', () => {
    const ten = resolvedBatch(10);
    const remindTen = eveningSweep(ten.rt, '2024-05-07');
    expect(remindTen.result.reminded).toHaveLength(10);
    const closeTen = eveningSweep(ten.rt, '2024-05-08');
    expect(closeTen.result.closed).toHaveLength(10);

    const many = resolvedBatch(100);
    const remindMany = eveningSweep(many.rt, '2024-05-07');
    expect(remindMany.result).toMatchObject({ deferred: 50 });
    expect(remindMany.result.reminded).toHaveLength(50);
    many.rt.clock.set(at('2024-05-07T19:00:00'));
    const remindRest = many.rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer');
    expect(autoCloseOf(remindRest.result).reminded).toHaveLength(50);
    const closeMany = eveningSweep(many.rt, '2024-05-08');
    expect(closeMany.result.closed).toHaveLength(50);
    many.rt.clock.set(at('2024-05-08T19:00:00'));
    const closeRest = many.rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer');
    expect(autoCloseOf(closeRest.result).closed).toHaveLength(50);

    // Constant in the number due: the sweep's 8, the block (read, range, formulas, write), the
    // audit append (sheet, last row, room, range, write), and for closes the knowledge base's.
    expect(remindMany.calls).toBe(remindTen.calls);
    expect(remindRest.stats.spreadsheetCalls).toBe(remindTen.calls);
    expect(closeMany.calls).toBe(closeTen.calls);
    expect(closeRest.stats.spreadsheetCalls).toBe(closeTen.calls);
    expect(remindTen.calls).toBeLessThanOrEqual(17);
    expect(closeTen.calls).toBeLessThanOrEqual(22);
    // The other services grow by the mails alone: one message per requester (a quota call, a read
    // of the mail queue, a write of the day's count and the answer links' signing set up once).
    expect([remindTen.sends, closeTen.sends, remindMany.sends, closeMany.sends]).toEqual([10, 10, 50, 50]);
    expect(remindMany.service - remindTen.service).toBe(40);
    expect(closeMany.service - closeTen.service).toBe(40);

    // Nothing is dropped: every ticket closed, audited twice by the trigger, told twice, filed once.
    for (const id of many.ids) expect(ticketOf(many.rt, id)['当前状态']).toBe('已关闭');
    const rows = audit(many.rt).filter((r) => r[6] === '定时任务');
    for (const id of many.ids) expect(rows.filter((r) => r[2] === id)).toHaveLength(2);
    for (let i = 0; i < 100; i++) expect(many.rt.mail.filter((m) => m.to === `requester${i}@example.com`).length).toBeGreaterThanOrEqual(2);
    const kb = sheetOf(many.rt, '知识库').getDataRange().getValues().map((r) => r[0]);
    for (const id of many.ids) expect(kb.filter((x) => x === id)).toHaveLength(1);
    // The open tickets between them are as they were.
    for (const id of many.open) expect(ticketOf(many.rt, id)['当前状态']).toBe('待处理');
  });

  it('writes the rows between the acted ones back as they were: a formula stays a formula, formula-like text stays text', () => {
    const { rt, ids, open } = resolvedBatch(3);
    const sheet = sheetOf(rt, '工单');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const notes = header.indexOf('备注') + 1;
    const rowOf = (id: string) => sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().findIndex((r) => r[0] === id) + 1;
    const text = rt.services.SpreadsheetApp.newRichTextValue().setText('=1+1').build();
    sheet.getRange(rowOf(open[0]), notes).setRichTextValue(text);
    sheet.getRange(rowOf(open[1]), notes).setFormula('=LEN("abc")');
    eveningSweep(rt, '2024-05-07');
    expect(ids.every((id) => systemEntries(rt, id).length === 1)).toBe(true);
    const cell = sheet.getRange(rowOf(open[0]), notes);
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe('=1+1');
    expect(sheet.getRange(rowOf(open[1]), notes).getFormula()).toBe('=LEN("abc")');
  });

  it('acts on what the rows hold when it writes: a row reopened by hand since the sweep read it is left alone, a row sorted within the block is found by its ID', () => {
    const { rt, ids } = resolvedBatch(3);
    const sheet = sheetOf(rt, '工单');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const statusCol = header.indexOf('当前状态') + 1;
    const rowOf = (id: string) => sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().findIndex((r) => r[0] === id) + 1;
    rt.clock.set(at('2024-05-07T09:00:00'));
    rt.call('onSlaTimer');
    // Between the sweep's read and the batch's (the 3rd row read of the run), a person sets the
    // first ticket back to 处理中 and swaps the rows of the two others.
    let reads = 0;
    let busy = false;
    rt.faults.failAt({
      at: Infinity,
      match: (cls, method) => {
        if (busy || cls !== 'Sheet' || method !== 'getSheetValues' || ++reads !== 3) return false;
        busy = true;
        sheet.getRange(rowOf(ids[0]), statusCol).setValue('处理中');
        const [a, b] = [rowOf(ids[1]), rowOf(ids[2])];
        const width = sheet.getLastColumn();
        const ra = sheet.getRange(a, 1, 1, width).getValues();
        const rb = sheet.getRange(b, 1, 1, width).getValues();
        sheet.getRange(a, 1, 1, width).setValues(rb);
        sheet.getRange(b, 1, 1, width).setValues(ra);
        busy = false;
        return false;
      },
    });
    rt.clock.set(at('2024-05-07T18:00:00'));
    const r = autoCloseOf(rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result);
    rt.faults.clear();
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(r.reminded).toEqual([ids[1], ids[2]]);
    // Counted as left for the next run: the change came after the sweep's read, before the batch's.
    expect(r.deferred).toBe(1);
    expect(systemEntries(rt, ids[0])).toEqual([]);
    expect(ticketOf(rt, ids[0])['当前状态']).toBe('处理中');
    for (const id of [ids[1], ids[2]]) {
      expect(systemEntries(rt, id)).toHaveLength(1);
      expect(ticketOf(rt, id)['问题编号']).toBe(id);
    }
  });

  it("tells each requester in one message for the batch; what the day's quota cannot take waits in the queue", () => {
    const rt = trackerRuntime({ now: at('2024-05-03T15:00:00'), mailQuota: 1500 });
    const mine = [0, 1].map(() => submitHidden(rt, { ...FORM, contact: 'same@example.com' }).id);
    const other = submitHidden(rt, { ...FORM, contact: 'other@example.com' }).id;
    for (const id of [...mine, other]) expect(act(rt, id, 'accept').ok).toBe(true);
    rt.clock.set(at('2024-05-03T16:00:00'));
    for (const id of [...mine, other]) expect(act(rt, id, 'resolve', { solution: '重装了打印机驱动' }).ok).toBe(true);
    rt.clock.set(at('2024-05-07T09:00:00'));
    rt.call('onSlaTimer');
    const sent = rt.mail.length;
    // One recipient's worth of quota left today (nothing sent yet today): the first requester's message goes, the other waits.
    expect(rt.services.MailApp.getRemainingDailyQuota()).toBe(1500);
    rt.mailData.dailyQuota = 1;
    rt.clock.set(at('2024-05-07T18:00:00'));
    expect(autoCloseOf(rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result).reminded).toHaveLength(3);
    const now = rt.mail.slice(sent);
    expect(now).toHaveLength(1);
    expect(now[0].to).toBe('same@example.com');
    for (const id of mine) expect(now[0].body).toContain(id);
    const queue = Object.entries(rt.services.PropertiesService.getDocumentProperties().getProperties()).filter(([k]) => k.startsWith('notify.queue.'));
    expect(queue).toHaveLength(1);
    expect(queue[0][1]).toContain('other@example.com');
    expect(queue[0][1]).toContain(other);
  });
});
