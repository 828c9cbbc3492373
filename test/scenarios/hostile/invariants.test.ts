// The checker itself: it must catch each kind of damage (a checker that cannot fail proves nothing).
import type { Snapshot } from './invariants';
import { violations } from './invariants';

const ID1 = 'IT20240501001';
const ID2 = 'IT20240501002';
const row = (id: string, status: string, upd = 1): Map<string, unknown> =>
  new Map<string, unknown>([['问题编号', id], ['当前状态', status], ['最近更新时间', new Date(upd)], ['SLA状态', 'x']]);
const audit = (id: string, field: string): unknown[] => [new Date(5), 'li', id, field, 'a', 'b', '手动编辑'];
function snap(tickets: [string, Map<string, unknown>][], auditRows: unknown[][] = [], archived: string[] = []): Snapshot {
  return { header: ['问题编号', '当前状态', '最近更新时间', 'SLA状态'], tickets: new Map(tickets), audit: auditRows, archived: new Set(archived) };
}
const base = snap([[ID1, row(ID1, '待处理')], [ID2, row(ID2, '处理中')]], [audit(ID1, '问题编号')]);

describe('hostile invariant checker', () => {
  it('passes an untouched sheet', () => {
    expect(violations(base, snap([[ID1, row(ID1, '待处理')], [ID2, row(ID2, '处理中')]], [audit(ID1, '问题编号')]))).toEqual([]);
  });

  it('flags a change the case did not declare, and an undeclared lost ticket', () => {
    const after = snap([[ID1, row(ID1, '已关闭')]], [audit(ID1, '问题编号'), audit(ID1, '当前状态')]);
    const v = violations(base, after);
    expect(v.join('\n')).toMatch(/IT20240501001 当前状态.*not allowed/);
    expect(v.join('\n')).toMatch(/IT20240501002 lost/);
  });

  it('flags an accepted change with no audit row naming the field, and a stamp with no audit row at all', () => {
    const after = snap([[ID1, row(ID1, '处理中', 2)], [ID2, row(ID2, '处理中', 3)]], [audit(ID1, '问题编号'), audit(ID1, '负责人')]);
    const v = violations(base, after, { tickets: { [ID1]: '*', [ID2]: '*' } });
    expect(v.join('\n')).toMatch(/IT20240501001 当前状态 changed .* no audit row/);
    expect(v.join('\n')).toMatch(/IT20240501002 changed \(最近更新时间\) with no audit row/);
  });

  it('a hidden record written into an empty cell is the tracker’s own state; a record changed with no audit row is flagged', () => {
    const withRecord = (id: string, rec: string) => new Map([...row(id, '待处理')].concat([['系统记录', rec]]));
    const before = snap([[ID1, withRecord(ID1, '')], [ID2, withRecord(ID2, 'pending|' + ID2 + '||')]]);
    const after = snap([[ID1, withRecord(ID1, 'pending|' + ID1 + '||')], [ID2, withRecord(ID2, 'closed|' + ID2 + '||')]]);
    const v = violations(before, after, { anyTicket: ['系统记录'] });
    expect(v).toEqual(['ticket IT20240501002 changed (系统记录) with no audit row']);
  });

  it('accepts a change with its audit row, and a sweep-only change with none', () => {
    const swept = row(ID2, '处理中');
    swept.set('SLA状态', 'y');
    const after = snap([[ID1, row(ID1, '处理中', 2)], [ID2, swept]], [audit(ID1, '问题编号'), audit(ID1, '当前状态\n负责人')]);
    expect(violations(base, after, { anyTicket: ['当前状态', '最近更新时间', 'SLA状态'] })).toEqual([]);
  });

  it('flags an earlier audit row edited or lost, unless declared', () => {
    const edited = snap([[ID1, row(ID1, '待处理')], [ID2, row(ID2, '处理中')]], [audit(ID1, '备注')]);
    expect(violations(base, edited).join()).toMatch(/audit row 2 changed/);
    expect(violations(base, edited, { auditRows: [2] })).toEqual([]);
    expect(violations(base, snap([[ID1, row(ID1, '待处理')], [ID2, row(ID2, '处理中')]])).join()).toMatch(/audit rows lost/);
  });

  it('a ticket allowed to vanish must leave an audit row; an archived one must be in the archive', () => {
    const gone = snap([[ID1, row(ID1, '待处理')]], [audit(ID1, '问题编号')]);
    expect(violations(base, gone, { vanish: [ID2] }).join()).toMatch(/vanished without an audit row/);
    expect(violations(base, snap([[ID1, row(ID1, '待处理')]], [audit(ID1, '问题编号'), audit(ID2, '问题编号')]), { vanish: [ID2] })).toEqual([]);
    expect(violations(base, gone, { archive: [ID2] }).join()).toMatch(/lost/);
    expect(violations(base, snap([[ID1, row(ID1, '待处理')]], [audit(ID1, '问题编号')], [ID2]), { archive: [ID2] })).toEqual([]);
  });

  it('counts new tickets and, when asked, their creation audit rows', () => {
    const ID3 = 'IT20240501003';
    const more = snap([[ID1, row(ID1, '待处理')], [ID2, row(ID2, '处理中')], [ID3, row(ID3, '待处理')]], [audit(ID1, '问题编号')]);
    expect(violations(base, more).join()).toMatch(/unexpected new tickets/);
    expect(violations(base, more, { newTickets: 1 })).toEqual([]);
    expect(violations(base, more, { newTickets: 1, newTicketsAudited: true }).join()).toMatch(/no audit row/);
  });

  it('flags a header changed, unless declared', () => {
    const after = { ...snap([[ID1, row(ID1, '待处理')], [ID2, row(ID2, '处理中')]], [audit(ID1, '问题编号')]), header: ['问题编号', '随便', '最近更新时间', 'SLA状态'] };
    expect(violations(base, after).join()).toMatch(/header changed at column 2/);
    expect(violations(base, after, { header: true }).join()).not.toMatch(/header/);
  });
});
