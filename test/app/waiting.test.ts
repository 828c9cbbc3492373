// Waiting states and the hand-over to tier 2 (issue 18) through the built bundle on the local
// runtime: set and end from the sidebar with a reason, clocks stopped meanwhile, every change
// audited, hand edits of the 等待 column put back, tampered calls refused without a change.
import type { LocalRuntime } from '../../runtime';
import { parseRecord } from '../../src/domain/record';
import { parseWaitSegment } from '../../src/domain/waiting';
import { FORM, T0, submit, ticketRows, trackerRuntime, ticketCell as cell } from './helpers';
import type { EntryResult } from '../entries';
import { okOf, failOf } from '../entries';
import type { TicketView } from '../../src/app/contracts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const MEDIUM = { ...FORM, urgency: '中' };

function view(rt: LocalRuntime, id: string): TicketView {
  return okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
}

function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}): EntryResult<'applyTicketAction'> {
  const v = view(rt, id);
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version).result;
}

function letter(rt: LocalRuntime, header: string): string {
  const c = ticketRows(rt)[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  return String.fromCharCode(65 + c);
}

function audit(rt: LocalRuntime): unknown[][] {
  return rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('操作日志')!.getDataRange().getValues().slice(1);
}

/** One audit row holds a line per field: [field, old, new] of each, across `rows`. */
function auditLines(rows: unknown[][]): [string, string, string][] {
  return rows.flatMap((r) => {
    const [f, o, n] = [3, 4, 5].map((i) => String(r[i]).split('\n'));
    return f.map((x, i) => [x, o[i] ?? '', n[i] ?? ''] as [string, string, string]);
  });
}
const auditOf = (rows: unknown[][], field: string) => auditLines(rows).find((l) => l[0] === field);

const waitOfRow = (rt: LocalRuntime, id: string) => parseWaitSegment(parseRecord(cell(rt, id, '系统记录'))?.wait);

describe('waiting for the requester or a vendor', () => {
  it('stops the resolution clock while waiting, says so in SLA状态 and the 等待 column, and audits set and end', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, MEDIUM);
    rt.clock.set(T0 + 20 * MIN);
    expect(act(rt, id, 'accept').ok).toBe(true);
    expect(view(rt, id).actions.map((a) => a.name)).toContain('wait');

    rt.clock.set(T0 + HOUR);
    const auditBefore = audit(rt).length;
    const r = act(rt, id, 'wait', { kind: 'requester', reason: '请提供报错截图' });
    expect(r.ok).toBe(true);
    expect(cell(rt, id, '等待')).toBe('等待提交人');
    // The tier-1 escalation hint fell due at 09:45, before the wait: it stays.
    expect(String(cell(rt, id, 'SLA状态'))).toBe('响应：已达成 · 解决：正常 · 需升级 · 等待中（提交人）');
    expect(String(cell(rt, id, '处理过程记录')).split('\n').pop()).toBe('2024-05-01 10:15 李工程师: 等待提交人：请提供报错截图');
    expect(waitOfRow(rt, id).current).toEqual({ kind: 'requester', since: T0 + HOUR, liaison: '' });
    const rows = audit(rt).slice(auditBefore);
    expect(auditLines(rows).map((x) => x[0])).toEqual(expect.arrayContaining(['等待', '处理过程记录']));
    expect(auditOf(rows, '等待')).toEqual(['等待', '', '等待提交人']);
    // The sidebar offers ending the wait (not setting another of the same), and shows it.
    expect(okOf(r).view.actions.map((a) => a.name)).toEqual(['assign', 'escalate', 'note', 'endWait', 'resolve']);
    expect(okOf(r).view.waiting).toBe('等待提交人 · 开始于 2024-05-01 10:15');

    // Six hours later: without the wait the 4 working hours would be gone.
    rt.clock.set(T0 + 7 * HOUR);
    rt.call('onSlaTimer');
    expect(String(cell(rt, id, 'SLA状态'))).toBe('响应：已达成 · 解决：正常 · 需升级 · 等待中（提交人）');

    expect(failOf(act(rt, id, 'endWait', {})).errors[0]).toMatchObject({ field: 'reason', message: '请填写原因。' });
    const before = audit(rt).length;
    expect(act(rt, id, 'endWait', { reason: '已收到截图' }).ok).toBe(true);
    expect(cell(rt, id, '等待')).toBe('');
    expect(String(cell(rt, id, 'SLA状态'))).toBe('响应：已达成 · 解决：正常 · 需升级');
    // One working hour used before the wait, three left from 16:15: 18:00 is the day's end, so Thursday 10:15.
    expect((cell(rt, id, '解决截止') as Date).getTime()).toBe(Date.parse('2024-05-02T10:15:00+08:00'));
    expect(auditOf(audit(rt).slice(before), '等待')).toEqual(['等待', '等待提交人', '']);
    expect(waitOfRow(rt, id)).toEqual({ current: null, periods: [{ kind: 'requester', from: T0 + HOUR, to: T0 + 7 * HOUR }] });
  });

  it('a vendor wait names the liaison; resolving ends it', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, MEDIUM);
    act(rt, id, 'accept');
    expect(act(rt, id, 'wait', { kind: 'vendor', liaison: '王主管', reason: '等待供应商补丁' }).ok).toBe(true);
    expect(cell(rt, id, '等待')).toBe('等待厂商（接口人：王主管）');
    expect(String(cell(rt, id, 'SLA状态'))).toMatch(/等待中（厂商）$/);
    // While it waits, another wait is not offered (end this one first) and is refused if sent.
    expect(view(rt, id).actions.map((a) => a.name)).not.toContain('wait');
    expect(failOf(act(rt, id, 'wait', { kind: 'requester', reason: 'x' })).errors[0].message).toBe('当前状态「处理中」下不能执行「设为等待」。');
    rt.clock.set(T0 + HOUR);
    expect(act(rt, id, 'endWait', { reason: '补丁已到' }).ok).toBe(true);
    expect(act(rt, id, 'wait', { kind: 'requester', reason: '请提交人重启后确认' }).ok).toBe(true);
    expect(waitOfRow(rt, id).periods).toEqual([{ kind: 'vendor', from: T0, to: T0 + HOUR }]);
    rt.clock.set(T0 + 2 * HOUR);
    const before = audit(rt).length;
    expect(act(rt, id, 'resolve', { solution: '打补丁后恢复' }).ok).toBe(true);
    expect(cell(rt, id, '等待')).toBe('');
    expect(waitOfRow(rt, id).current).toBeNull();
    expect(auditOf(audit(rt).slice(before), '等待')).toEqual(['等待', '等待提交人', '']);
  });

  it('refuses tampered calls with a clear message and changes nothing', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, MEDIUM);
    act(rt, id, 'accept');
    const snapshot = JSON.stringify(ticketRows(rt));
    const auditRows = audit(rt).length;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ kind: 'customer', reason: 'x' }, 'kind', /等待类型/],
      [{ kind: ['vendor'], reason: 'x' }, 'kind', /等待类型/],
      [{ reason: 'x' }, 'kind', /等待类型/],
      [{ kind: 'requester' }, 'reason', /请填写原因/],
      [{ kind: 'requester', reason: '   ' }, 'reason', /请填写原因/],
      [{ kind: 'vendor', reason: 'x' }, 'liaison', /接口人/],
      [{ kind: 'vendor', reason: 'x', liaison: '=IMPORTXML("http://x","//a")' }, 'liaison', /不能以 = \+ - @ 开头/],
      [{ kind: 'vendor', reason: 'x', liaison: '王'.repeat(61) }, 'liaison', /太长/],
      [{ kind: 'vendor', reason: 'x', liaison: 'a\u0007b' }, 'liaison', /控制字符/],
    ];
    for (const [payload, field, message] of cases) {
      const r = act(rt, id, 'wait', payload);
      expect({ payload, ok: r.ok }).toEqual({ payload, ok: false });
      expect(failOf(r).errors[0].field).toBe(field);
      expect(failOf(r).errors[0].message).toMatch(message);
    }
    // Ending a wait that is not running: refused (the sidebar does not offer it).
    expect(failOf(act(rt, id, 'endWait', { reason: 'x' })).errors[0].message).toBe('当前状态「处理中」下不能执行「结束等待」。');
    expect(JSON.stringify(ticketRows(rt))).toBe(snapshot);
    expect(audit(rt)).toHaveLength(auditRows);
  });

  it('costs at most 10 spreadsheet calls to set or end a wait, the requester mailed included', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, { ...MEDIUM, notifyEmail: 'ming@corp.example.com' });
    act(rt, id, 'accept');
    const mails = rt.mail.length;
    const v = view(rt, id);
    rt.callFromClient('applyTicketAction', id, 'wait', { kind: 'requester', reason: '等截图' }, v.version);
    expect(rt.stats.spreadsheetCalls).toBeLessThanOrEqual(10);
    // "Waiting for you" went to the requester (the notification API, issue 18).
    expect(rt.mail.length).toBe(mails + 1);
    const w = view(rt, id);
    rt.callFromClient('applyTicketAction', id, 'endWait', { reason: '收到' }, w.version);
    expect(rt.stats.spreadsheetCalls).toBeLessThanOrEqual(10);
  });
});

describe('the 等待 column by hand', () => {
  it('typed over or cleared, it is put back from the record and the put-back audited', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, MEDIUM);
    act(rt, id, 'accept');
    act(rt, id, 'wait', { kind: 'vendor', liaison: '王主管', reason: '等待供应商' });
    const at = `工单!${letter(rt, '等待')}2`;
    const before = audit(rt).length;
    expect(rt.edit(at, '').ok).toBe(true);
    expect(cell(rt, id, '等待')).toBe('等待厂商（接口人：王主管）');
    expect(rt.ui.toasts.pop()?.message).toMatch(/只能在工单侧边栏中设置或结束/);
    expect(auditOf(audit(rt).slice(before), '等待')).toEqual(['等待', '', '等待厂商（接口人：王主管）']);
    rt.edit(at, '随便写写');
    expect(cell(rt, id, '等待')).toBe('等待厂商（接口人：王主管）');
    expect(waitOfRow(rt, id).current?.liaison).toBe('王主管');
  });

  it('a ticket that never waited gets its empty cell back', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, MEDIUM);
    rt.edit(`工单!${letter(rt, '等待')}2`, '等待提交人');
    expect(cell(rt, id, '等待')).toBe('');
    expect(waitOfRow(rt, id).current).toBeNull();
  });

  it('resolving by hand ends the wait', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, MEDIUM);
    act(rt, id, 'accept');
    act(rt, id, 'wait', { kind: 'requester', reason: '等截图' });
    rt.clock.set(T0 + HOUR);
    rt.edit(`工单!${letter(rt, '解决方案')}2`, '重装驱动');
    const before = audit(rt).length;
    rt.edit(`工单!${letter(rt, '当前状态')}2`, '已解决');
    expect(cell(rt, id, '当前状态')).toBe('已解决');
    expect(cell(rt, id, '等待')).toBe('');
    expect(waitOfRow(rt, id)).toEqual({ current: null, periods: [{ kind: 'requester', from: T0, to: T0 + HOUR }] });
    expect(auditOf(audit(rt).slice(before), '等待')).toEqual(['等待', '等待提交人', '']);
  });
});

describe('escalation hands over to a tier-2 agent', () => {
  it('names the tier-2 agent, carries background and what was tried, and is audited', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, MEDIUM);
    const v = view(rt, id);
    expect(v.tier2Agents).toEqual(['李工程师']);
    expect(v.actions.find((a) => a.name === 'escalate')?.needs).toEqual(['assignee', 'reason', 'background', 'tried']);
    const before = audit(rt).length;
    const r = act(rt, id, 'escalate', { assignee: '李工程师', reason: '涉及数据库', background: 'CRM 无法连接数据库，3 人受影响', tried: '重启客户端；检查网络' });
    expect(r.ok).toBe(true);
    expect(cell(rt, id, '支持级别')).toBe('二线');
    expect(cell(rt, id, '负责人')).toBe('李工程师');
    const log = String(cell(rt, id, '处理过程记录')).split('\n');
    expect(log.slice(-3)).toEqual([
      '2024-05-01 09:15 李工程师: 升级至二线（李工程师）：涉及数据库',
      '  背景：CRM 无法连接数据库，3 人受影响',
      '  已尝试：重启客户端；检查网络',
    ]);
    expect(auditLines(audit(rt).slice(before)).map((x) => x[0])).toEqual(expect.arrayContaining(['支持级别', '负责人', '处理过程记录']));
    expect(rt.stats.spreadsheetCalls).toBeLessThanOrEqual(10);
  });

  it('refuses no agent, an unknown agent and a tier-1 agent, changing nothing', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, MEDIUM);
    const snapshot = JSON.stringify(ticketRows(rt));
    const auditRows = audit(rt).length;
    expect(failOf(act(rt, id, 'escalate', { reason: 'x' })).errors[0]).toEqual({ field: 'assignee', message: '请选择接手的二线支持人员。' });
    expect(failOf(act(rt, id, 'escalate', { reason: 'x', assignee: '赵六' })).errors[0]).toEqual({ field: 'assignee', message: '「赵六」不在设置的支持人员名单中。' });
    expect(failOf(act(rt, id, 'escalate', { reason: 'x', assignee: '张工' })).errors[0]).toEqual({
      field: 'assignee',
      message: '「张工」不是二线支持人员，请选择设置表中级别为二线的人员。',
    });
    expect(failOf(act(rt, id, 'escalate', { reason: 'x', assignee: '李工程师', background: 'a\u0000b' })).errors[0].field).toBe('background');
    expect(JSON.stringify(ticketRows(rt))).toBe(snapshot);
    expect(audit(rt)).toHaveLength(auditRows);
  });
});
