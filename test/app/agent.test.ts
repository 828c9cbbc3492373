// Agents working tickets (src/app/agent.ts): sidebar actions, two agents on one ticket, the audit
// trail, and finding the ticket's row without reading the ID column (issue 22), through the built
// bundle on the local runtime (issue: agent workflow). Hand edits: test/app/edit/.
import type { LocalRuntime } from '../../runtime';
import { FORM, T0, column, submit, ticketRows, trackerRuntime, ticketCell as cell } from './helpers';
import type { EntryResult } from '../entries';
import { okOf, failOf } from '../entries';
import type { TicketView } from '../../src/app/contracts';

const MIN = 60_000;

function view(rt: LocalRuntime, id: string): TicketView {
  return okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
}

/** Acts as the sidebar does: load the view, then send the action with its version. */
function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}, as = 'li@example.com'): EntryResult<'applyTicketAction'> {
  rt.ctx.user.active = rt.ctx.user.effective = as;
  const v = view(rt, id);
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version).result;
}

function audit(rt: LocalRuntime): unknown[][] {
  return rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('操作日志')!.getDataRange().getValues().slice(1);
}

describe('sidebar actions', () => {
  it('walks a ticket from pending to closed, stamping times and logging each step', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.clock.set(T0 + 20 * MIN);
    expect(act(rt, id, 'accept').ok).toBe(true);
    expect(cell(rt, id, '当前状态')).toBe('处理中');
    expect(cell(rt, id, '负责人')).toBe('李工程师');
    expect((cell(rt, id, '首次响应时间') as Date).getTime()).toBe(T0 + 20 * MIN);

    rt.clock.set(T0 + 40 * MIN);
    expect(act(rt, id, 'note', { text: '检查数据库服务器,发现服务异常终止' }).ok).toBe(true);
    rt.clock.set(T0 + 60 * MIN);
    expect(act(rt, id, 'resolve', { solution: '重启数据库服务并配置开机自启' }).ok).toBe(true);
    expect(cell(rt, id, '当前状态')).toBe('已解决');
    expect((cell(rt, id, '解决时间') as Date).getTime()).toBe(T0 + 60 * MIN);
    expect(act(rt, id, 'feedback', { resolved: true, rating: 'satisfied' }).ok).toBe(true);
    expect(cell(rt, id, '提交人反馈')).toBe('是;满意');
    expect(act(rt, id, 'close').ok).toBe(true);
    expect(cell(rt, id, '当前状态')).toBe('已关闭');

    const log = String(cell(rt, id, '处理过程记录')).split('\n');
    expect(log[0]).toBe('2024-05-01 09:35 李工程师: 已受理');
    expect(log[1]).toBe('2024-05-01 09:55 李工程师: 检查数据库服务器,发现服务异常终止');
    expect(log).toHaveLength(5);
    // The first response was on time and the fix within 2 hours.
    expect(cell(rt, id, 'SLA状态')).toBe('响应：已达成 · 解决：已达成');
    // Closing with a solution files it in the knowledge base.
    const kb = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库')!.getDataRange().getValues();
    expect(kb[1].slice(0, 5)).toEqual([id, FORM.title, '软件', FORM.description, '重启数据库服务并配置开机自启']);
  });

  it('escalates with a reason, closes a pending duplicate with a reason, and reopens on "not solved"', () => {
    const rt = trackerRuntime();
    const a = submit(rt).id;
    expect(failOf(act(rt, a, 'escalate', {})).errors[0]).toMatchObject({ field: 'reason' });
    expect(act(rt, a, 'escalate', { reason: '涉及核心业务,一线无法处理', assignee: '李工程师' }).ok).toBe(true);
    expect(cell(rt, a, '支持级别')).toBe('二线');
    expect(String(cell(rt, a, '处理过程记录'))).toMatch(/升级至二线（李工程师）：涉及核心业务/);

    const b = submit(rt).id;
    expect(failOf(act(rt, b, 'close', {})).errors[0]).toMatchObject({ field: 'reason' });
    expect(act(rt, b, 'close', { reason: '与 ' + a + ' 重复' }).ok).toBe(true);
    expect(cell(rt, b, '当前状态')).toBe('已关闭');

    act(rt, a, 'accept');
    act(rt, a, 'resolve', { solution: '修复配置' });
    expect(act(rt, a, 'feedback', { resolved: false, rating: 'unsatisfied' }).ok).toBe(true);
    expect(cell(rt, a, '当前状态')).toBe('处理中');
    expect(cell(rt, a, '解决时间')).toBe('');
    expect(cell(rt, a, '提交人反馈')).toBe('否;不满意');
  });

  it.each([
    ['resolve a pending ticket', [], 'resolve', { solution: 'x' }],
    ['resolve without a solution', ['accept'], 'resolve', {}],
    ['give feedback before resolution', ['accept'], 'feedback', { resolved: true, rating: 'satisfied' }],
    ['reopen an open ticket', ['accept'], 'reopen', {}],
    ['act on a closed ticket', ['accept', 'resolve', 'close'], 'note', { text: 'x' }],
    ['assign to someone who is not an agent', [], 'assign', { assignee: '路人甲' }],
    ['send an unknown action', [], 'delete', {}],
  ])('refuses to %s, changing nothing', (_what, before, action, payload) => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    for (const step of before as string[]) act(rt, id, step, step === 'resolve' ? { solution: '处理完毕' } : {});
    const snapshot = JSON.stringify(ticketRows(rt));
    const auditRows = audit(rt).length;
    const r = act(rt, id, action as string, payload as Record<string, unknown>);
    expect(r.ok).toBe(false);
    expect(failOf(r).errors[0].message).toBeTruthy();
    expect(JSON.stringify(ticketRows(rt))).toBe(snapshot);
    expect(audit(rt)).toHaveLength(auditRows);
  });

  it('acts again on the view an action returned (its version matches the row written, hidden record included)', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.ctx.user.active = rt.ctx.user.effective = 'li@example.com';
    const accepted = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'accept', {}, view(rt, id).version).result;
    expect(accepted.ok).toBe(true);
    const noted = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'note', { text: '已远程查看' }, okOf(accepted).view.version).result;
    expect(noted).toMatchObject({ ok: true });
    expect(String(cell(rt, id, '处理过程记录'))).toMatch(/已远程查看/);
  });

  it('refuses an action on a ticket another agent changed since the sidebar loaded it', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.ctx.user.active = rt.ctx.user.effective = 'li@example.com';
    const mine = view(rt, id);
    expect(act(rt, id, 'accept', {}, 'zhang@example.com').ok).toBe(true); // 张工 acts first
    rt.ctx.user.active = rt.ctx.user.effective = 'li@example.com';
    const r = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'note', { text: '我来处理' }, mine.version).result;
    expect(r).toMatchObject({ ok: false, conflict: true });
    // Named as the work log names people: 张工, not zhang@example.com (issue 20).
    expect(failOf(r).errors[0].message).toMatch(/已被 张工 修改/);
    expect(failOf(r).errors[0].message).not.toMatch(/@/);
    expect(String(cell(rt, id, '处理过程记录'))).not.toMatch(/我来处理/);
  });

  it('a stale sidebar of the same person never names them: "changed meanwhile", no name (issue 20)', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.ctx.user.active = rt.ctx.user.effective = 'zhang@example.com';
    const firstWindow = view(rt, id);
    expect(act(rt, id, 'accept', {}, 'zhang@example.com').ok).toBe(true); // in a second window
    const r = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'note', { text: 'x' }, firstWindow.version).result;
    expect(r).toMatchObject({ ok: false, conflict: true });
    expect(failOf(r).errors[0].message).not.toMatch(/张工|zhang/);
    expect(failOf(r).errors[0].message).toMatch(/已被修改.*重新加载/);
  });

  it('"accept" is not offered to the holder; on someone else\'s ticket it is a take-over, labelled so (issue 20)', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const actions = (as: string) => {
      rt.ctx.user.active = rt.ctx.user.effective = as;
      return (view(rt, id).actions as { name: string; label: string }[]).map((a) => `${a.name}:${a.label}`);
    };
    expect(actions('zhang@example.com')).toContain('accept:受理'); // pending, nobody holds it
    expect(act(rt, id, 'accept', {}, 'zhang@example.com').ok).toBe(true);
    expect(actions('zhang@example.com').some((a) => a.startsWith('accept:'))).toBe(false);
    expect(actions('wang@example.com')).toContain('accept:接手（现由张工负责）');
    // Taking over works, and then it is 王工's: no accept for him, a take-over for 张工.
    expect(act(rt, id, 'accept', {}, 'wang@example.com').ok).toBe(true);
    expect(cell(rt, id, '负责人')).toBe('王工');
    expect(actions('wang@example.com').some((a) => a.startsWith('accept:'))).toBe(false);
    expect(actions('zhang@example.com')).toContain('accept:接手（现由王工负责）');
  });

  it("does not call a change to the team's own columns or a sweep in between a conflict", () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const width = sheet.getLastColumn();
    // The tracker's columns may fill the grid: the team adds a column for its own (as in Sheets).
    if (sheet.getMaxColumns() <= width) sheet.insertColumnsAfter(width, 1);
    sheet.getRange(1, width + 1).setValue('备注(团队)');
    const mine = view(rt, id);
    // Someone fills the team's own column, and the hourly sweep rewrites the SLA columns.
    sheet.getRange(2, width + 1).setValue('已电话联系');
    rt.clock.set(T0 + 50 * MIN);
    rt.call('onSlaTimer');
    expect(String(cell(rt, id, 'SLA状态'))).toMatch(/有风险/);
    const r = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'accept', {}, mine.version).result;
    expect(r.ok).toBe(true);
    expect(cell(rt, id, '当前状态')).toBe('处理中');
    expect(cell(rt, id, '备注(团队)')).toBe('已电话联系');
  });

  it('finds a field pushed past the remembered width by a column inserted in the middle', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    sheet.insertColumnAfter(2);
    sheet.getRange(1, 3).setValue('年龄');
    sheet.getRange(2, 3).setValue('=NOW()-I2');
    rt.clock.set(T0 + 30 * MIN);
    expect(act(rt, id, 'accept').ok).toBe(true);
    // The last column (SLA状态) moved past the old width; the action still refreshed it.
    expect(String(cell(rt, id, 'SLA状态'))).toMatch(/响应：已达成/);
    expect(sheet.getRange(2, 3).getFormula()).toBe('=NOW()-I2');
    // The next call finds the sheet through the refreshed hint: back to the usual cost.
    act(rt, id, 'note', { text: '跟进' });
    expect(rt.stats.spreadsheetCalls).toBeLessThanOrEqual(10);
  });

  it('finds the ticket by ID after people sorted the sheet', () => {
    const rt = trackerRuntime();
    const a = submit(rt).id;
    const b = submit(rt).id;
    const before = view(rt, a);
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    sheet.getRange(2, 1, 2, sheet.getLastColumn()).sort({ column: 1, ascending: false });
    expect(column(rt, '问题编号')).toEqual([b, a]);
    // The version names the old row; the ticket is found by its ID at its new row, unchanged.
    expect((rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', a, 'accept', {}, before.version).result).ok).toBe(true);
    expect(cell(rt, a, '当前状态')).toBe('处理中');
    expect(cell(rt, b, '当前状态')).toBe('待处理');
  });

  it('costs a constant number of spreadsheet calls whatever the sheet size', () => {
    const rt = trackerRuntime();
    const ids = [submit(rt).id, submit(rt).id];
    act(rt, ids[0], 'accept');
    const small = rt.stats.spreadsheetCalls;
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    sheet.insertRowsAfter(sheet.getMaxRows(), 2000);
    sheet.getRange(4, 1, 2000, 1).setValues(Array.from({ length: 2000 }, (_, i) => [`IT20240430${String(i + 1).padStart(3, '0')}`]));
    act(rt, ids[1], 'accept');
    expect(rt.stats.spreadsheetCalls).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  });
  it('closing costs two calls more than other actions (the knowledge-base append), whatever the sizes', () => {
    const rt = trackerRuntime();
    const closeOne = (id: string): number => {
      act(rt, id, 'accept');
      act(rt, id, 'resolve', { solution: '重启数据库服务' });
      act(rt, id, 'feedback', { resolved: true, rating: '满意' });
      expect(act(rt, id, 'close').ok).toBe(true);
      return rt.stats.spreadsheetCalls;
    };
    const small = closeOne(submit(rt).id);
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    const kb = ss.getSheetByName('知识库')!;
    kb.insertRowsAfter(kb.getMaxRows(), 3000);
    kb.getRange(3, 1, 3000, 1).setValues(Array.from({ length: 3000 }, (_, i) => [`IT20240101${String(i).padStart(3, '0')}`]));
    expect(closeOne(submit(rt).id)).toBe(small);
    expect(small).toBeLessThanOrEqual(12);
  });
});

describe('audit trail', () => {
  it('records each action as one row: time, user, ticket, fields, old and new values, via', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.clock.set(T0 + 5 * MIN);
    act(rt, id, 'accept');
    const rows = audit(rt);
    // The ticket's creation (issue 17: every change recorded), then the action.
    expect(rows).toHaveLength(2);
    expect([rows[0][2], String(rows[0][3]).split('\n')[0], rows[0][6]]).toEqual([id, '问题编号', '表单']);
    const [at, user, ticket, fields, olds, news, via] = rows[1];
    expect((at as Date).getTime()).toBe(T0 + 5 * MIN);
    expect([user, ticket, via]).toEqual(['li@example.com', id, '侧边栏']);
    const f = String(fields).split('\n');
    const o = String(olds).split('\n');
    const n = String(news).split('\n');
    expect([...f].sort()).toEqual(['处理过程记录', '当前状态', '首次响应时间', '最近更新时间', '负责人'].sort());
    expect([o[f.indexOf('当前状态')], n[f.indexOf('当前状态')]]).toEqual(['待处理', '处理中']);
    expect([o[f.indexOf('负责人')], n[f.indexOf('负责人')]]).toEqual(['', '李工程师']);
    expect(n[f.indexOf('处理过程记录')]).toBe('2024-05-01 09:20 李工程师: 已受理');
  });

  it('protects the audit sheet with a warning', () => {
    const rt = trackerRuntime();
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    const p = ss.getProtections(rt.services.SpreadsheetApp.ProtectionType.SHEET).find((x) => x.getRange().getSheet().getName() === '操作日志');
    expect(p?.isWarningOnly()).toBe(true);
  });
});

describe('actions the view offers', () => {
  it('an escalated (tier 2) ticket is not offered "escalate" again', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, { ...FORM, urgency: '中' });
    rt.callFromClient('applyTicketAction', id, 'accept', {});
    const out = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'escalate', { reason: '需要数据库管理员', assignee: '李工程师' }).result;
    expect(out.ok).toBe(true);
    const offered = okOf(out).view.actions.map((a) => a.name);
    // The server refuses a second escalation ("already tier 2") after the agent typed a reason.
    const again = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'escalate', { reason: '再升级' }).result;
    expect(again.ok).toBe(false);
    expect(offered).not.toContain('escalate');
  });
});

// The ticket view and agent actions find the row without reading the ID column (issue 22): the row
// the sidebar last saw (or the selected one) first, then Google's search (TextFinder). Calls and
// cells read stay the same whatever the number of tickets.
const tickets = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;

/** `n` older tickets written straight into the sheet (IDs of 30 April), below the live ones. */
function grow(rt: LocalRuntime, n: number): void {
  const sheet = tickets(rt);
  sheet.insertRowsAfter(sheet.getMaxRows(), n);
  const ids = Array.from({ length: n }, (_, i) => [`IT20240430${String(i + 1).padStart(3, '0')}`]);
  sheet.getRange(sheet.getLastRow() + 1, 1, n, 1).setValues(ids);
}

function measure(rt: LocalRuntime, id: string) {
  const byId = rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id);
  const at = rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id, okOf(byId.result).version);
  const action = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'note', { text: '已远程协助' }, okOf(at.result).version);
  expect(byId.result.ok && at.result.ok && action.result.ok).toBe(true);
  return { byId: byId.stats, at: at.stats, action: action.stats };
}

describe('finding the ticket row', () => {
  it('view and action: the same calls and cells read at 3 and 3,000 tickets, no ID column read', () => {
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

  it('the selected row: found without any search', () => {
    const rt = trackerRuntime();
    submit(rt);
    const id = submit(rt).id;
    grow(rt, 2000);
    tickets(rt).getRange('B3').activate();
    const r = rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView');
    expect(okOf(r.result).id).toBe(id);
    expect(r.stats.spreadsheetCalls).toBe(7);
    expect(r.stats.cellsRead).toBeLessThan(200);
    expect(r.stats.byMethod['Range.createTextFinder']).toBeUndefined();
  });

  it('a ticket moved by a sort is found by the search, and the action changes its row', () => {
    const rt = trackerRuntime();
    const ids = [submit(rt).id, submit(rt).id, submit(rt).id];
    const view = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', ids[0]).result);
    const sheet = tickets(rt);
    sheet.getRange(2, 1, 3, sheet.getLastColumn()).sort({ column: 1, ascending: false });
    const r = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', ids[0], 'accept', {}, view.version);
    expect(r.result.ok).toBe(true);
    expect(okOf(r.result).view.version.split(':')[0]).toBe('4');
    expect(column(rt, '当前状态')).toEqual(['待处理', '待处理', '处理中']);
    expect(r.stats.byMethod['Range.createTextFinder']).toBe(1);
  });

  it('a longer ID that contains the one asked for is passed over', () => {
    const rt = trackerRuntime();
    submit(rt);
    const sheet = tickets(rt);
    // Serial 1000 of the same day contains serial 100's ID; rows ordered so the longer one comes first.
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const row = (id: string, title: string) => header.map((h) => (h === '问题编号' ? id : h === '问题标题' ? title : h === '当前状态' ? '待处理' : ''));
    sheet.getRange(3, 1, 2, header.length).setValues([row('IT202405011000', '长编号'), row('IT20240501100', '短编号')]);
    const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', 'IT20240501100').result);
    expect(v.id).toBe('IT20240501100');
    expect(v.fields.find((f) => f.key === 'title')?.value).toBe('短编号');
    expect(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', 'IT20240501999').result.ok).toBe(false);
  });
});
