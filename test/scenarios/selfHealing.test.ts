// Side sheets heal themselves (issue 17): an archive sheet whose creation failed half-way, a deleted
// audit or knowledge-base sheet, a side sheet left without its header. Never proceed silently with
// no audit row or no knowledge-base entry. And the long runs (archive) hold the lock in short steps.
import type { LocalRuntime } from '../../runtime';
import { appendToTicketSheet, generateTickets } from '../../bench/generate';
import { FORM, newRuntime, setUp, submit, ticketRows, token, trackerRuntime } from '../app/helpers';
import { act } from './hostile/world';
import type { EntryResult } from '../entries';
import { withKey } from '../entries';

const DAY = 86_400_000;
const NOW = Date.parse('2024-11-06T10:00:00+08:00');
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const yes = (rt: LocalRuntime) => (rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' }));
const rowsOf = (rt: LocalRuntime, name: string): unknown[][] => ss(rt).getSheetByName(name)?.getDataRange().getValues() ?? [];
const idsIn = (rt: LocalRuntime, name: string): string[] => {
  const rows = rowsOf(rt, name);
  const c = rows.findIndex(() => true) >= 0 ? rows[0].indexOf('问题编号') : -1;
  return c < 0 ? [] : rows.slice(1).map((r) => String(r[c])).filter(Boolean);
};

function archiveWorld(n = 120, scatter = false): { rt: LocalRuntime; due: string[]; all: string[] } {
  const rt = newRuntime({ now: NOW });
  setUp(rt);
  const tickets = generateTickets({ n, now: NOW, days: 365, seed: 3 });
  appendToTicketSheet(rt, tickets);
  if (scatter) {
    // Sorted by title: the tickets due for the archive are spread over many short runs of rows.
    const sh = ss(rt).getSheetByName('工单')!;
    const header = ticketRows(rt)[0];
    sh.getRange(2, 1, n, header.length).sort({ column: header.indexOf('问题描述') + 1, ascending: true });
  }
  const cutoff = NOW - 90 * DAY;
  const due = tickets.filter((t) => t.status === '已关闭' && (t.lastUpdateAt as Date).getTime() <= cutoff).map((t) => String(t.id));
  return { rt, due, all: tickets.map((t) => String(t.id)) };
}

describe('the archive sheet', () => {
  it.each([
    ['the header write', (c: string, m: string) => c === 'Range' && m === 'setValues'],
    ['the header format', (c: string, m: string) => c === 'Range' && m === 'setFontWeight'],
    ['the frozen row', (c: string, m: string) => c === 'Sheet' && m === 'setFrozenRows'],
  ])('a first creation that failed at %s: the next run repairs it and archives everything', (_what, match) => {
    const { rt, due, all } = archiveWorld();
    yes(rt);
    rt.faults.failAt({ at: 0, match });
    const r1 = withKey(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result, 'archived');
    rt.faults.clear();
    expect(r1.ok).toBe(false);
    expect(r1.error).toMatch(/Service Spreadsheets failed/);
    expect(ss(rt).getSheetByName('归档')).not.toBeNull();
    const r2 = rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result;
    expect(r2.ok).toBe(true);
    expect(idsIn(rt, '归档').sort()).toEqual([...due].sort());
    expect(rowsOf(rt, '归档')[0]).toEqual(ticketRows(rt)[0]);
    const live = idsIn(rt, '工单');
    expect([...live, ...idsIn(rt, '归档')].sort()).toEqual([...all].sort());
  });

  it('an archive sheet with rows but no header: refused with what to do, nothing moved', () => {
    const { rt } = archiveWorld(40);
    ss(rt).insertSheet('归档').getRange('A1:B2').setValues([
      ['x', 'y'],
      ['IT20240101001', 'z'],
    ]);
    const before = JSON.stringify(ticketRows(rt));
    yes(rt);
    const r = withKey(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result, 'archived');
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/归档表「归档」第一行的表头无法识别.*版本记录/);
    expect(JSON.stringify(ticketRows(rt))).toBe(before);
  });
});

describe('the audit and knowledge-base sheets', () => {
  it('a deleted audit sheet is recreated by the next action, which records itself in it', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, FORM, token());
    ss(rt).deleteSheet(ss(rt).getSheetByName('操作日志')!);
    expect(act(rt, id, 'accept').ok).toBe(true);
    const audit = rowsOf(rt, '操作日志');
    expect(audit[0]).toEqual(['时间', '用户', '问题编号', '字段', '原值', '新值', '来源']);
    expect(audit.slice(1).filter((r) => r[2] === id)).toHaveLength(1);
  });

  it('a deleted knowledge base is recreated when a ticket closes, with its entry', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, FORM, token());
    expect(act(rt, id, 'accept').ok).toBe(true);
    expect(act(rt, id, 'resolve', { solution: '重启数据库服务' }).ok).toBe(true);
    ss(rt).deleteSheet(ss(rt).getSheetByName('知识库')!);
    // The agent files it as a suggestion (without the requester's confirmation it would be retired).
    expect(act(rt, id, 'close', { file: true }).ok).toBe(true);
    const kb = rowsOf(rt, '知识库');
    expect(kb[0][0]).toBe('问题编号');
    expect(kb.slice(1).map((r) => r[0])).toEqual([id]);
    // And the intake form finds it again.
    const hits = rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', 'CRM 数据库连接错误').result;
    expect(hits.map((h) => h.id)).toContain(id);
  });

  it.each([
    ['操作日志', ['时间', '用户', '问题编号', '字段', '原值', '新值', '来源']],
    ['知识库', ['问题编号', '问题标题', '问题类型', '问题描述', '解决方案', '日期', '有用次数', '状态']],
  ])('%s left without its header (creation stopped half-way): repair puts it back above what is there', (name, header) => {
    const rt = trackerRuntime();
    const sh = ss(rt).getSheetByName(name)!;
    // The header lost, one row already written where it was.
    sh.getRange(1, 1, 1, sh.getLastColumn()).setValues([header.map((_, i) => (i === 0 ? (name === '知识库' ? 'IT20240501009' : new Date(NOW)) : `v${i}`))]);
    const first = sh.getRange(1, 1, 1, header.length).getValues()[0];
    const report = setUp(rt);
    expect(report.ok).toBe(true);
    const rows = rowsOf(rt, name);
    expect(rows[0]).toEqual(header);
    expect(rows[1]).toEqual(first);
  });

  it('a side sheet whose header a team renamed in part is left alone', () => {
    const rt = trackerRuntime();
    const sh = ss(rt).getSheetByName('知识库')!;
    sh.getRange('G1').setValue('点赞');
    setUp(rt);
    expect(rowsOf(rt, '知识库')[0][6]).toBe('点赞');
    expect(rowsOf(rt, '知识库')).toHaveLength(1);
  });
});

describe('archiving holds the lock in short steps', () => {
  it('a long run lets submits in between; each hold is a few calls; nothing is lost or moved twice', () => {
    const { rt, due, all } = archiveWorld(400, true);
    yes(rt);
    const callsAt: number[] = [];
    const submitted: string[] = [];
    rt.interleave(
      'lock',
      () => {
        if (rt.executions.depth !== 1) return;
        callsAt.push(rt.ctx.acct.stats.spreadsheetCalls);
        const r = rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, title: `归档期间提交 ${submitted.length}` }, token()).result;
        if (r.ok) submitted.push(r.id);
      },
      1000,
    );
    const r = withKey(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result, 'archived');
    rt.executions.clearHooks();
    expect(r).toMatchObject({ ok: true, more: false, remaining: 0 });
    // Several holds (a submit went through between each), each a bounded number of round trips.
    expect(submitted.length).toBeGreaterThan(2);
    const gaps = callsAt.slice(1).map((n, i) => n - callsAt[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(55);
    const archived = idsIn(rt, '归档');
    expect(archived.sort()).toEqual([...due].sort());
    const live = idsIn(rt, '工单');
    expect(new Set(live).size).toBe(live.length);
    expect([...live.filter((id) => all.includes(id)), ...archived].sort()).toEqual([...all].sort());
    for (const id of submitted) expect(live).toContain(id);
  });

  it('a busy lock part-way through: the run stops, says there is more, and the next run finishes', () => {
    const { rt, due } = archiveWorld(400, true);
    yes(rt);
    let steps = 0;
    rt.interleave(
      'lock',
      () => {
        if (rt.executions.depth === 1 && ++steps === 3) rt.locks.holdScriptLock(rt.clock.now() + 60_000);
      },
      1000,
    );
    const r1 = withKey(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result, 'archived');
    rt.executions.clearHooks();
    expect(r1).toMatchObject({ ok: true, more: true });
    expect(r1.remaining).toBeGreaterThan(0);
    rt.clock.set(rt.clock.now() + 120_000);
    const r2 = rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result;
    expect(r2).toMatchObject({ ok: true, more: false });
    expect(idsIn(rt, '归档').sort()).toEqual([...due].sort());
  });
});
