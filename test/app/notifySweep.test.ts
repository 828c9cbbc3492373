// The sweep's share of the requester mail (issue 18): what the quota held back goes out, one
// message per person, stamping the reply time; assignees are reminded before a progress update is
// due; the settings sheet shows the day's mail; calls stay constant in the number of tickets.
import type { LocalRuntime } from '../../runtime';
import type { CallStats } from '../../runtime/instrument';
import { FORM, T0, submitAs, trackerRuntime, ticketCell as cell } from './helpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

const MIN = 60_000;
const MAIL = 'ming@corp.example.com';

function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}, as = 'zhang@example.com'): EntryResult<'applyTicketAction'> {
  rt.ctx.user.active = rt.ctx.user.effective = as;
  const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version).result;
}

const queued = (rt: LocalRuntime) => Object.keys(rt.services.PropertiesService.getDocumentProperties().getProperties()).filter((k) => k.startsWith('notify.queue.'));
const sweep = (rt: LocalRuntime): { result: EntryResult<'onSlaTimer'>; stats: CallStats } => rt.call('onSlaTimer');
const setQuota = (rt: LocalRuntime, n: number) => (rt.mailData.dailyQuota = n);

function statusLines(rt: LocalRuntime): string[] {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置')!;
  return sheet.getRange(2, 12, 8, 2).getValues().map((r) => `${r[0]}|${r[1]}`);
}

describe('the sweep sends what the quota held back', () => {
  it('one message per person, every event in it, the reply stamp set, the queue empty, the state in the settings sheet', () => {
    const rt = trackerRuntime({ mailQuota: 0 });
    const { id } = submitAs(rt, MAIL);
    act(rt, id, 'accept');
    act(rt, id, 'note', { text: '请重启电脑后再试', reply: true });
    expect(queued(rt)).toHaveLength(3);
    expect(cell(rt, id, '最近回复时间')).toBe('');
    setQuota(rt, 100);
    rt.clock.set(T0 + 20 * MIN);
    sweep(rt);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0].to).toBe(MAIL);
    expect(rt.mail[0].subject).toBe('IT 支持：3 条工单更新');
    expect(rt.mail[0].body).toContain('请重启电脑后再试');
    expect(queued(rt)).toEqual([]);
    expect((cell(rt, id, '最近回复时间') as Date).getTime()).toBe(T0 + 20 * MIN);
    expect(statusLines(rt)).toContain('邮件（今日）|已发送 1 · 待发送 0 · 剩余额度 99');
  });

  it('stops at the quota: the rest waits for the next run, never dropped', () => {
    const rt = trackerRuntime({ mailQuota: 0 });
    submitAs(rt, 'a@corp.example.com');
    submitAs(rt, 'b@corp.example.com');
    setQuota(rt, 1);
    sweep(rt);
    expect(rt.mail.map((m) => m.to)).toEqual(['a@corp.example.com']);
    expect(queued(rt)).toHaveLength(1);
    expect(statusLines(rt)).toContain('邮件（今日）|已发送 1 · 待发送 1 · 剩余额度 0');
    // 24 hours after the first send the quota is back (guides/services/quotas): the rest goes out.
    rt.clock.set(T0 + 24 * 60 * MIN);
    sweep(rt);
    expect(rt.mail.map((m) => m.to)).toEqual(['a@corp.example.com', 'b@corp.example.com']);
    expect(queued(rt)).toEqual([]);
  });
});

describe('the assignee is reminded before the progress update is due', () => {
  it('once, in the last half hour of the 2 working hours since the requester last heard', () => {
    const rt = trackerRuntime();
    const { id } = submitAs(rt, MAIL, { ...FORM, urgency: '中' });
    act(rt, id, 'accept'); // 张工; the "taken" mail is the requester's last progress (T0)
    const toAgent = () => rt.mail.filter((m) => m.to === 'zhang@example.com');
    rt.clock.set(T0 + 80 * MIN);
    sweep(rt);
    expect(toAgent()).toHaveLength(0);
    rt.clock.set(T0 + 95 * MIN);
    sweep(rt);
    expect(toAgent()).toHaveLength(1);
    expect(toAgent()[0].subject).toBe(`[${id}] 请向提交人同步进度：${FORM.title}`);
    expect(toAgent()[0].body).toContain('2024-05-01 11:15 前向提交人同步进度');
    rt.clock.set(T0 + 110 * MIN);
    sweep(rt);
    expect(toAgent()).toHaveLength(1);
    // A reply resets the clock; the next reminder comes before the next due time.
    act(rt, id, 'note', { text: '正在排查', reply: true });
    rt.clock.set(T0 + 110 * MIN + 100 * MIN);
    sweep(rt);
    expect(toAgent()).toHaveLength(2);
  });

  it('a reminder the mail service refuses is tried again next run, and the settings sheet says why', () => {
    const rt = trackerRuntime();
    const { id } = submitAs(rt, MAIL, { ...FORM, urgency: '中' });
    act(rt, id, 'accept');
    const toAgent = () => rt.mail.filter((m) => m.to === 'zhang@example.com');
    rt.clock.set(T0 + 95 * MIN);
    rt.faults.failAt({ at: 0, match: (cls, method) => cls === 'MailApp' && method === 'sendEmail', message: 'Service unavailable: Gmail' });
    sweep(rt);
    rt.faults.clear();
    expect(toAgent()).toHaveLength(0);
    expect(statusLines(rt).find((l) => l.startsWith('邮件（今日）|'))).toContain('Service unavailable: Gmail');
    rt.clock.set(T0 + 100 * MIN);
    sweep(rt);
    expect(toAgent()).toHaveLength(1);
  });

  it('an internal note does not put it off', () => {
    const rt = trackerRuntime();
    const { id } = submitAs(rt, MAIL, { ...FORM, urgency: '中' });
    act(rt, id, 'accept');
    rt.clock.set(T0 + 60 * MIN);
    act(rt, id, 'note', { text: '内部：查日志' });
    rt.clock.set(T0 + 100 * MIN);
    sweep(rt);
    expect(rt.mail.filter((m) => m.to === 'zhang@example.com')).toHaveLength(1);
  });
});

describe('cost', () => {
  it('the reply stamps go to the stamped cells only, in one range list, not a rewrite of the column', () => {
    const rt = trackerRuntime({ mailQuota: 0 });
    const { id } = submitAs(rt, MAIL);
    act(rt, id, 'accept');
    setQuota(rt, 100);
    for (let i = 0; i < 5; i++) act(rt, submitAs(rt, `r${i}@corp.example.com`).id, 'accept');
    rt.clock.set(T0 + 20 * MIN);
    const { stats } = sweep(rt);
    expect((cell(rt, id, '最近回复时间') as Date).getTime()).toBe(T0 + 20 * MIN);
    expect(stats.byMethod['RangeList.setValue']).toBe(1);
  });

  it('the sweep’s spreadsheet calls do not grow with the tickets reminded or mailed', () => {
    const calls = (n: number): number => {
      const rt = trackerRuntime({ mailQuota: 0 });
      for (let i = 0; i < n; i++) {
        const { id } = submitAs(rt, `r${i}@corp.example.com`, { ...FORM, urgency: '中' });
        act(rt, id, 'accept');
      }
      setQuota(rt, 1500);
      rt.clock.set(T0 + 95 * MIN);
      const s = sweep(rt).stats;
      expect(rt.mail.length).toBeGreaterThanOrEqual(n);
      return s.spreadsheetCalls;
    };
    expect(calls(12)).toBe(calls(3));
  });
});

