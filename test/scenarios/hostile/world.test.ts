// The world builder and the checker on a real runtime: a harmless hand edit passes, an unaudited
// change made behind the tracker's back (a script write, no trigger) is caught.
import { expectIntact, snapshot } from './invariants';
import { area, open, world } from './world';

describe('hostile world', () => {
  const w = world(['pending', 'inProgress', 'resolved', 'closed']);

  it('builds tickets in the statuses asked for', () => {
    const s = snapshot(open(w));
    expect(w.tickets.map((t) => s.tickets.get(t.id)?.get('当前状态'))).toEqual(['待处理', '处理中', '已解决', '已关闭']);
  });

  it('a title typed by hand is allowed when declared and audited by the trigger', () => {
    const rt = open(w);
    const before = snapshot(rt);
    expect(rt.edit(area(rt, '问题标题', 3), '打印机卡纸').ok).toBe(true);
    expectIntact(rt, before, { tickets: { [w.tickets[1].id]: ['问题标题', '最近更新时间', '响应截止', '解决截止', 'SLA状态'] } });
  });

  it('a change written behind the trigger’s back is caught as unaudited', () => {
    const rt = open(w);
    const before = snapshot(rt);
    rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!.getRange(area(rt, '问题标题', 3).split('!')[1]).setValue('改过');
    expect(() => expectIntact(rt, before, { tickets: { [w.tickets[1].id]: ['问题标题'] } })).toThrow(/问题标题 changed .* no audit row/);
    expect(() => expectIntact(rt, before)).toThrow(/not allowed/);
  });
});
