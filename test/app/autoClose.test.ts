// Auto-close (issue 18): a resolved ticket nobody answers is reminded once, then closes itself with
// the feedback 无回复 after N working days of the team calendar (weekends and holidays skipped);
// audited; an answer in between stops it. Run by the hourly sweep on the simulated clock.
import type { LocalRuntime } from '../../runtime';
import { submit, trackerRuntime } from './helpers';
import { act, answer, linksFor, ticketOf } from './verifyHelpers';

const HOUR = 3_600_000;
const at = (s: string) => Date.parse(`${s}+08:00`);
const audit = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('操作日志')!.getDataRange().getValues().slice(1);

/** Sets a settings value by its label, as a person types it (the edit trigger reloads the settings). */
function setSetting(rt: LocalRuntime, label: string, value: string): void {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置')!;
  const labels = sheet.getRange(1, 1, 40, 1).getValues().map((r) => r[0]);
  const row = labels.indexOf(label) + 1;
  if (row < 1) throw new Error(`no setting ${label}`);
  expect((rt.edit(`设置!B${row}`, value) as any).ok).toBe(true);
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
