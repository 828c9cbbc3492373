// Issue 17, "Every change recorded": a sidebar action whose audit append or row write fails (a
// quota error, say) never leaves a change without its audit row. The audit row is written first:
// if it fails nothing changes; if the row write fails after it, a second audit row says the change
// was not applied. Either way the agent is told (the call fails), and acting again works.
import type { LocalRuntime } from '../../../runtime';
import { RangeImpl } from '../../../runtime/spreadsheet/range';
import { SheetImpl } from '../../../runtime/spreadsheet/sheet';
import { t } from '../../../src/domain/i18n';
import { AUDIT_SHEETS, cellOf, expectIntact, snapshot } from './invariants';
import type { StatusName } from './world';
import { open, world } from './world';
import type { EntryResult } from '../../entries';
import { okOf } from '../../entries';

const w = world(['pending', 'inProgress', 'resolved']);
const QUOTA = 'Service invoked too many times for one day: spreadsheets.';

const ACTIONS: { name: string; on: StatusName; payload: Record<string, unknown>; changes: string[] }[] = [
  { name: 'accept', on: 'pending', payload: {}, changes: ['当前状态', '负责人', '处理过程记录'] },
  { name: 'note', on: 'inProgress', payload: { text: '已远程查看' }, changes: ['处理过程记录'] },
  { name: 'escalate', on: 'inProgress', payload: { reason: '需要二线处理数据库', assignee: '李工程师' }, changes: ['支持级别', '负责人', '处理过程记录'] },
  { name: 'resolve', on: 'inProgress', payload: { solution: '重启服务后恢复' }, changes: ['当前状态', '解决方案', '处理过程记录'] },
  { name: 'close', on: 'resolved', payload: {}, changes: ['当前状态', '处理过程记录'] },
  { name: 'reopen', on: 'resolved', payload: { reason: '用户反馈仍无法登录' }, changes: ['当前状态', '处理过程记录'] },
  { name: 'close', on: 'pending', payload: { reason: '重复提交' }, changes: ['当前状态', '处理过程记录'] },
  { name: 'wait', on: 'inProgress', payload: { kind: 'vendor', liaison: '王主管', reason: '等待供应商补丁' }, changes: ['等待', '处理过程记录'] },
];
const DERIVED = ['最近更新时间', '首次响应时间', '解决时间', '响应截止', '解决截止', 'SLA状态'];

function auditRows(rt: LocalRuntime): unknown[][] {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const sh = AUDIT_SHEETS.map((n) => ss.getSheetByName(n)).find(Boolean)!;
  return sh.getDataRange().getValues().slice(1);
}

/** The next audit append, or the next write of a ticket row, throws like a quota error (once). */
function faultOnce(kind: 'audit append' | 'row write'): jest.SpyInstance {
  let fired = false;
  if (kind === 'audit append') {
    const real = SheetImpl.prototype.appendRow;
    return jest.spyOn(SheetImpl.prototype, 'appendRow').mockImplementation(function (this: SheetImpl, row: Parameters<SheetImpl['appendRow']>[0]) {
      if (!fired && AUDIT_SHEETS.includes(this.getName())) {
        fired = true;
        throw new Error(QUOTA);
      }
      return real.call(this, row) as never;
    });
  }
  const real = RangeImpl.prototype.setValues;
  return jest.spyOn(RangeImpl.prototype, 'setValues').mockImplementation(function (this: RangeImpl, values: Parameters<RangeImpl['setValues']>[0]) {
    if (!fired && this.getSheet().getName() === '工单') {
      fired = true;
      throw new Error(QUOTA);
    }
    return real.call(this, values) as never;
  });
}

function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown>): EntryResult<'applyTicketAction'> {
  const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version).result;
}

describe('an action whose audit append or row write fails', () => {
  const cases = ACTIONS.flatMap((a) => (['audit append', 'row write'] as const).map((fault) => [`${a.name} on ${a.on}: ${fault} fails`, a, fault] as const));
  it.each(cases)('%s', (_n, a, fault) => {
    const rt = open(w);
    const id = w.tickets.find((tk) => tk.status === a.on)!.id;
    const before = snapshot(rt);
    const spy = faultOnce(fault);
    let failed: boolean;
    try {
      const r = act(rt, id, a.name, a.payload);
      failed = !r?.ok;
    } catch {
      failed = true; // google.script.run's failure handler: the sidebar shows the error
    } finally {
      spy.mockRestore();
    }
    expect(failed).toBe(true);
    // Nothing changed on the ticket; every earlier audit row intact.
    expectIntact(rt, before, { tickets: { [id]: ['响应截止', '解决截止', 'SLA状态'] } });
    const added = auditRows(rt).slice(before.audit.length);
    if (fault === 'audit append') expect(added).toEqual([]);
    else {
      // The attempt and, after it, the word that it was not applied.
      expect(added.length).toBe(2);
      expect(String(added[1][5])).toContain(t('zh', 'actionNotApplied', { error: QUOTA }));
    }
    // Acting again works, and is audited.
    const again = act(rt, id, a.name, a.payload);
    expect(again.ok).toBe(true);
    const mid = snapshot(rt);
    expect(cellOf(mid, id, '问题编号')).toBe(id);
    expectIntact(rt, before, { tickets: { [id]: [...a.changes, ...DERIVED] } });
  });
});
