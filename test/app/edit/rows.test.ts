// The rules a hand edit of ticket rows must pass (src/app/edit/rows.ts), through the built bundle:
// stamps (first response, resolve and update times) and audit rows for accepted edits; the workflow
// the sidebar enforces (SPEC: allowed status moves, 否 reopens, IDs never reused) for single cells
// and pastes alike, what breaks it put back and said.
import { columnLetter } from '../../../src/domain/columns';
import type { LocalRuntime } from '../../../runtime';
import { FORM, T0, column, submit, submitAs, submitHidden, ticketRows, trackerRuntime, ticketCell as cell } from '../helpers';
import type { EntryResult } from '../../entries';
import { okOf } from '../../entries';

const MIN = 60_000;

function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}): EntryResult<'applyTicketAction'> {
  const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version).result;
}
const audit = (rt: LocalRuntime): unknown[][] =>
  rt.services.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('操作日志')!
    .getDataRange()
    .getValues()
    .slice(1);
const lastToast = (rt: LocalRuntime): string => rt.ui.toasts[rt.ui.toasts.length - 1]?.message ?? '';

describe('hand edits: status', () => {
  it('clearing the status cell (Delete) is put back, so a closed ticket cannot be reopened by clear + retype', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    expect(act(rt, id, 'close', { reason: '重复提交' }).ok).toBe(true);
    expect(rt.edit('工单!I2', '').ok).toBe(true); // Delete key
    expect(cell(rt, id, '当前状态')).toBe('已关闭');
    rt.edit('工单!I2', '处理中');
    expect(cell(rt, id, '当前状态')).toBe('已关闭');
  });

  it('a pasted block of statuses obeys the workflow: no reopening closed tickets, no 已解决 without a solution', () => {
    const rt = trackerRuntime();
    const a = submit(rt).id;
    const b = submit(rt).id;
    expect(act(rt, a, 'close', { reason: '重复提交' }).ok).toBe(true);
    rt.edit('工单!I2:I3', [['处理中'], ['处理中']]);
    expect(cell(rt, a, '当前状态')).toBe('已关闭'); // closed is final
    expect(cell(rt, b, '当前状态')).toBe('处理中'); // a valid move in the same paste is kept
    const rt2 = trackerRuntime();
    const c = submit(rt2).id;
    rt2.edit('工单!I2:J2', [['已解决', '张工']]);
    expect(cell(rt2, c, '当前状态')).toBe('待处理');
    expect(cell(rt2, c, '解决时间')).toBe('');
    expect(cell(rt2, c, '负责人')).toBe('张工');
    expect(lastToast(rt2)).toMatch(/解决方案|不允许/);
  });

  it('typing 否 as the requester feedback reopens a resolved ticket, as the sidebar does (SPEC step 4)', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    act(rt, id, 'accept');
    act(rt, id, 'resolve', { solution: '重启数据库服务' });
    rt.clock.set(T0 + 30 * MIN);
    expect(rt.edit('工单!N2', '否;不满意').ok).toBe(true);
    expect(cell(rt, id, '当前状态')).toBe('处理中');
    expect(cell(rt, id, '解决时间')).toBe('');
  });

  it('closing a pending ticket by hand needs a note (SPEC: 待处理→已关闭 with a note)', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.edit('工单!I2', '已关闭');
    expect(cell(rt, id, '当前状态')).toBe('待处理');
    expect(rt.ui.toasts.length).toBeGreaterThan(0);
    rt.edit('工单!O2', '重复提交,见 IT20240501002'); // 备注
    rt.edit('工单!I2', '已关闭');
    expect(cell(rt, id, '当前状态')).toBe('已关闭');
  });
});

describe('hand edits: IDs', () => {
  it('pasting a copied row over another ticket (ID column included) is not silent', () => {
    const rt = trackerRuntime();
    submit(rt);
    submit(rt);
    const row2 = ticketRows(rt)[1].map((v) => (v instanceof Date ? '' : String(v)));
    rt.ui.toasts = [];
    const ids = ticketRows(rt).slice(1).map((r) => r[0]);
    expect(rt.edit('工单!A3:G3', [row2.slice(0, 7)]).ok).toBe(true);
    // The ticket whose ID was pasted over is still known by its record: its ID is put back, and said.
    expect(lastToast(rt)).toMatch(/问题编号/);
    expect(ticketRows(rt).slice(1).map((r) => r[0])).toEqual(ids);
  });

  it('moving rows by pasting them elsewhere (no duplicate ID) raises no warning', () => {
    const rt = trackerRuntime();
    submit(rt);
    const width = ticketRows(rt)[0].length;
    const row2 = ticketRows(rt)[1].map((v) => (v instanceof Date ? '' : String(v)));
    // Cut row 2 (all of it, the tracker's hidden record too) and paste it at row 5: the ID appears once.
    rt.edit(`工单!A2:${columnLetter(width)}2`, [new Array(width).fill('')]);
    rt.ui.toasts = [];
    expect(rt.edit(`工单!A5:${columnLetter(width)}5`, [row2]).ok).toBe(true);
    expect(rt.ui.toasts.map((x) => x.message).join()).not.toMatch(/问题编号/);
  });

  it('an ID is never reused: clearing the last ticket’s row does not hand its ID to the next ticket', () => {
    const rt = trackerRuntime();
    submit(rt);
    const b = submit(rt).id;
    rt.edit('工单!A3:V3', [new Array(22).fill('')]);
    expect(submit(rt).id).not.toBe(b);
  });
});

describe('hand edits: auto-filled columns', () => {
  it('overriding 首次响应时间 by hand is audited and the SLA state follows it', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const before = audit(rt).length;
    expect(rt.edit('工单!T2', '2024-05-01 11:00').ok).toBe(true); // 首次响应时间, 1h45 after submit: response missed
    const rows = audit(rt).slice(before);
    expect(rows.map((r) => [r[2], r[3]])).toEqual([[id, '首次响应时间']]);
    expect(String(cell(rt, id, 'SLA状态'))).toMatch(/响应：未达成/);
    rt.edit('工单!T2', '2024-05-01 09:45');
    expect(audit(rt).pop()!.slice(3, 6)).toEqual(['首次响应时间', '2024-05-01 11:00', '2024-05-01 09:45']);
  });
});

describe('hand edits: stamps, audit and put-backs', () => {
  it('stamps the resolve time when a person sets 已解决, and the update time on any tracked edit', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    act(rt, id, 'accept');
    rt.clock.set(T0 + 30 * MIN);
    expect(rt.edit('工单!L2', '更换网线').ok).toBe(true); // 解决方案
    expect((cell(rt, id, '最近更新时间') as Date).getTime()).toBe(T0 + 30 * MIN);
    rt.clock.set(T0 + 45 * MIN);
    expect(rt.edit('工单!I2', '已解决').ok).toBe(true);
    expect((cell(rt, id, '解决时间') as Date).getTime()).toBe(T0 + 45 * MIN);
    const last = audit(rt).pop()!;
    expect(last.slice(2, 7)).toEqual([id, '当前状态', '处理中', '已解决', '手动编辑']);
  });

  it('stamps the first response when a person moves a ticket out of 待处理', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.clock.set(T0 + 10 * MIN);
    rt.edit('工单!I2', '处理中');
    expect((cell(rt, id, '首次响应时间') as Date).getTime()).toBe(T0 + 10 * MIN);
  });

  it('puts back an invalid status move and says why', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const r = rt.edit('工单!I2', '已解决'); // 待处理 → 已解决 skips 处理中
    expect(r.ok).toBe(true);
    expect(cell(rt, id, '当前状态')).toBe('待处理');
    expect(rt.ui.toasts.pop()?.message).toMatch(/不允许把状态从「待处理」改为「已解决」/);
  });

  it('puts back an edited ticket ID', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    rt.edit('工单!A2', 'IT20990101001');
    expect(column(rt, '问题编号')).toEqual([id]);
    expect(rt.ui.toasts.pop()?.message).toMatch(/不能修改/);
  });

  it('refuses a value outside a closed dropdown as Sheets does', () => {
    const rt = trackerRuntime();
    submit(rt);
    const r = rt.edit('工单!E2', '超级紧急');
    expect(r.ok).toBe(false);
    expect(column(rt, '紧急程度')).toEqual(['高']);
  });

  it('keeps a pasted block, stamps each row and audits it, the old status from the tracker record (a paste has no old values)', () => {
    const rt = trackerRuntime();
    const a = submit(rt).id;
    const b = submit(rt).id;
    rt.clock.set(T0 + 15 * MIN);
    const r = rt.edit('工单!I2:J3', [
      ['处理中', '张工'],
      ['处理中', '王工'],
    ]);
    expect(r.ok).toBe(true);
    expect(column(rt, '当前状态')).toEqual(['处理中', '处理中']);
    expect(column(rt, '负责人')).toEqual(['张工', '王工']);
    for (const id of [a, b]) expect((cell(rt, id, '首次响应时间') as Date).getTime()).toBe(T0 + 15 * MIN);
    const rows = audit(rt).slice(-2);
    expect(rows.map((x) => x[2])).toEqual([a, b]);
    // Google gives no old values for a paste; the tracker's record of each row knows the status it accepted.
    expect(String(rows[0][4]).split('\n')[0]).toBe('待处理');
  });
});

describe('hand edits: the requester hears of a status typed in the sheet (issue 18)', () => {
  const MAIL = 'ming@corp.example.com';
  /** The A1 cell of a ticket's field on the ticket sheet. */
  function at(rt: LocalRuntime, id: string, header: string): string {
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === id) + 1;
    const col = values[0].indexOf(header) + 1;
    expect(row * col).toBeGreaterThan(0);
    return `工单!${columnLetter(col)}${row}`;
  }

  it('resolved (with the answer links), reopened and closed, as the sidebar sends them; a refused move sends nothing', () => {
    const rt = trackerRuntime();
    const { id } = submitAs(rt, MAIL);
    expect(act(rt, id, 'accept').ok).toBe(true);
    const before = rt.mail.length;

    rt.edit(at(rt, id, '当前状态'), '已解决'); // no solution yet: put back, nobody told
    expect(cell(rt, id, '当前状态')).toBe('处理中');
    expect(rt.mail).toHaveLength(before);

    rt.edit(at(rt, id, '解决方案'), '重启数据库服务');
    rt.edit(at(rt, id, '当前状态'), '已解决');
    expect(cell(rt, id, '当前状态')).toBe('已解决');
    expect(rt.mail).toHaveLength(before + 1);
    const resolved = rt.mail[before];
    expect(resolved.to).toBe(MAIL);
    expect(resolved.subject).toBe(`[${id}] 问题已解决，请确认：${FORM.title}`);
    expect(resolved.body).toContain('重启数据库服务');
    expect(resolved.body).toMatch(/未解决：https:\/\/script\.google\.com\/macros\/s\/[\w-]+\/exec\?t=\S+&a=notSolved/);

    rt.edit(at(rt, id, '当前状态'), '处理中');
    expect(rt.mail[before + 1].subject).toBe(`[${id}] 已重新打开：${FORM.title}`);

    // A pasted block: the resolved ticket closed, and its requester told once.
    rt.edit(at(rt, id, '当前状态'), '已解决');
    rt.edit(at(rt, id, '当前状态'), [['已关闭']]);
    expect(cell(rt, id, '当前状态')).toBe('已关闭');
    expect(rt.mail.map((m) => m.subject).slice(before + 2)).toEqual([`[${id}] 问题已解决，请确认：${FORM.title}`, `[${id}] 已关闭：${FORM.title}`]);
  });

  it('nobody is mailed for a ticket without an address', () => {
    const rt = trackerRuntime();
    const { id } = submitHidden(rt, FORM); // an extension, and Google hides the visitor: no address
    expect(act(rt, id, 'accept').ok).toBe(true);
    rt.edit(at(rt, id, '解决方案'), '重启数据库服务');
    rt.edit(at(rt, id, '当前状态'), '已解决');
    expect(cell(rt, id, '当前状态')).toBe('已解决');
    expect(rt.mail).toEqual([]);
  });
});
