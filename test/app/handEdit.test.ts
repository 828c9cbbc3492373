// The hand-edit trigger's own helpers and cost (its behaviour is walked in agent.test.ts).
import { parseA1Area } from '../../src/app/handEdit';
import { submit, trackerRuntime } from './helpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

describe('parseA1Area', () => {
  it.each([
    ['B2', { firstRow: 2, firstCol: 2, numRows: 1, numCols: 1 }],
    ['I2:J3', { firstRow: 2, firstCol: 9, numRows: 2, numCols: 2 }],
    ['$AA$10', { firstRow: 10, firstCol: 27, numRows: 1, numCols: 1 }],
    ['C5:A1', { firstRow: 1, firstCol: 1, numRows: 5, numCols: 3 }],
  ])('%s', (a1, area) => expect(parseA1Area(a1)).toEqual(area));

  it('refuses what is not a cell range', () => {
    expect(parseA1Area('A:A')).toBeNull();
    expect(parseA1Area('工单!B2')).toBeNull();
  });
});

describe('a hand edit', () => {
  it('costs the same number of spreadsheet calls on a small or a large sheet', () => {
    const rt = trackerRuntime();
    submit(rt);
    const small = okOf(rt.edit('工单!J2', '张工'));
    const smallCalls = small.runs.find((r) => r.handler === 'onTrackerEdit')?.stats.spreadsheetCalls;
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    sheet.insertRowsAfter(sheet.getMaxRows(), 2000);
    sheet.getRange(3, 1, 2000, 1).setValues(Array.from({ length: 2000 }, (_, i) => [`IT20240430${String(i + 1).padStart(3, '0')}`]));
    const large = okOf(rt.edit('工单!J2', '王工'));
    expect(large.runs.find((r) => r.handler === 'onTrackerEdit')?.stats.spreadsheetCalls).toBe(smallCalls);
    // 11: where (3), header (1), block (3), audit (2), write (1), flush (1): docs/performance.md.
    expect(smallCalls).toBeLessThanOrEqual(11);
  });

  it('ignores edits on sheets that are not the tracker’s, at the cost of a look', () => {
    const rt = trackerRuntime();
    rt.services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('笔记');
    const r = okOf(rt.edit('笔记!A1', 'hello'));
    const run = r.runs.find((x) => x.handler === 'onTrackerEdit');
    expect((run?.result as EntryResult<'onTrackerEdit'>).handled).toBe(false);
    expect(run?.stats.spreadsheetCalls).toBeLessThanOrEqual(4);
  });
});

describe('closing by hand', () => {
  const kbIds = (rt: ReturnType<typeof trackerRuntime>): unknown[] =>
    rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库')!.getDataRange().getValues().slice(1).map((r) => r[0]);

  it('copies a ticket closed in the sheet to the knowledge base, once, as the sidebar does', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    for (const [a1, v] of [['I2', '处理中'], ['L2', '重启打印服务后恢复'], ['I2', '已解决'], ['I2', '已关闭']])
      expect(rt.edit(`工单!${a1}`, v).ok).toBe(true);
    expect(kbIds(rt)).toEqual([id]);
    const entry = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库')!.getRange(2, 1, 1, 7).getValues()[0];
    expect(entry.slice(0, 5)).toEqual([id, 'CRM系统数据库连接错误', '软件', expect.stringContaining('CRM'), '重启打印服务后恢复']);
    // Typing the same status again files nothing more.
    rt.edit('工单!I2', '已关闭');
    expect(kbIds(rt)).toEqual([id]);
  });

  it('files the tickets a pasted block closes, skipping those without a solution or already filed', () => {
    const rt = trackerRuntime();
    const a = submit(rt).id;
    const b = submit(rt).id;
    const c = submit(rt).id;
    rt.edit('工单!L2:L3', [['方案A'], ['方案B']]);
    // 待处理→已关闭 needs a note saying why, for a pasted block as for one cell (SPEC).
    rt.edit('工单!O2:O4', [['重复提交'], ['重复提交'], ['重复提交']]);
    rt.edit('工单!I2:I4', [['已关闭'], ['已关闭'], ['已关闭']]);
    expect(kbIds(rt)).toEqual([a, b]);
    rt.edit('工单!I2:I4', [['已关闭'], ['已关闭'], ['已关闭']]);
    expect(kbIds(rt)).toEqual([a, b]);
    expect(kbIds(rt)).not.toContain(c);
  });
});

describe('who a hand edit is logged as', () => {
  // The edit trigger runs as whoever ran setup (li@…); Google shows the editor's email only to
  // the same person or within one Workspace domain (reference/base/user#getEmail).
  const lastAuditUser = (rt: ReturnType<typeof trackerRuntime>): unknown => {
    const audit = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('操作日志')!;
    return audit.getRange(audit.getLastRow(), 2).getValue();
  };
  // Each edit types another note: typing the value a cell already holds changes nothing, so logs nothing.
  const editAs = (rt: ReturnType<typeof trackerRuntime>, email: string) => {
    rt.ctx.user.active = rt.ctx.user.effective = email;
    expect(okOf(rt.edit('工单!O2', `备注 ${email}`)).runs.every((r) => r.ok)).toBe(true);
  };

  it('names a colleague of the same Workspace domain', () => {
    const rt = trackerRuntime({ user: 'li@corp.example' });
    submit(rt);
    editAs(rt, 'wang@corp.example');
    expect(lastAuditUser(rt)).toBe('wang@corp.example');
  });

  it('says unknown, never the trigger owner, when Google hides the editor', () => {
    const rt = trackerRuntime({ user: 'li@gmail.com' });
    submit(rt);
    editAs(rt, 'wang@gmail.com');
    expect(lastAuditUser(rt)).toBe('未知');
    editAs(rt, 'li@gmail.com');
    expect(lastAuditUser(rt)).toBe('li@gmail.com');
  });
});
