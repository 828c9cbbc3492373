// A work log near the 50,000-character cell limit never freezes a ticket (issue 17): resolve and
// close work, the oldest entries move to 工作日志归档 keyed by ticket ID, the cell says where, and the
// audit records the action.
import type { LocalRuntime } from '../../runtime';
import { T0, submit, ticketRows, trackerRuntime } from '../app/helpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}): EntryResult<'applyTicketAction'> {
  const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version).result;
}

const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const entry = (i: number) => `2024-04-${String(1 + (i % 28)).padStart(2, '0')} 10:00 张工: ${'排查记录'.repeat(40)} #${i}`;

/** Writes a long log straight into the ticket's cell (as years of work would). */
function fillLog(rt: LocalRuntime, id: string, n: number): string {
  const rows = ticketRows(rt);
  const r = rows.findIndex((x) => x[0] === id);
  const c = rows[0].indexOf('处理过程记录');
  const log = Array.from({ length: n }, (_, i) => entry(i)).join('\n');
  ss(rt).getSheetByName('工单')!.getRange(r + 1, c + 1).setValue(log);
  return log;
}

const logOf = (rt: LocalRuntime, id: string): string => {
  const rows = ticketRows(rt);
  return String(rows.find((x) => x[0] === id)![rows[0].indexOf('处理过程记录')]);
};

describe('a full work log', () => {
  it.each([
    ['resolve then close', [['accept', {}], ['resolve', { solution: '重装客户端' }], ['close', {}]]],
    ['escalate with a long reason', [['accept', {}], ['escalate', { reason: '原因'.repeat(2000), assignee: '李工程师' }]]],
    ['close a pending one', [['close', { reason: '重复提交' }]]],
    ['note after note', [['accept', {}], ['note', { text: '记'.repeat(5000) }], ['note', { text: '再记'.repeat(2500) }]]],
  ] as const)('%s: every action works and every entry is still findable', (_n, steps) => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const before = fillLog(rt, id, 260);
    expect(before.length).toBeGreaterThan(45_000);
    rt.clock.set(T0 + 30 * 60_000);
    for (const [action, payload] of steps) {
      const r = act(rt, id, action, payload as Record<string, unknown>);
      expect('errors' in r ? r.errors : undefined).toBeUndefined();
      expect(r.ok).toBe(true);
    }
    const log = logOf(rt, id);
    expect(log.length).toBeLessThan(50_000);
    expect(log.split('\n')[0]).toMatch(/工作日志归档/);
    const archive = ss(rt).getSheetByName('工作日志归档')!.getDataRange().getValues();
    expect(archive[0]).toEqual(['问题编号', '移出时间', '处理过程记录']);
    const moved = archive.slice(1).filter((r) => r[0] === id).map((r) => String(r[2])).join('\n');
    // Every original line is either moved or still in the cell.
    const all = `${moved}\n${log}`;
    for (const line of before.split('\n')) expect(all).toContain(line);
    // The audit has one row per action, with the entry the action wrote.
    const audit = ss(rt).getSheetByName('操作日志')!.getDataRange().getValues().filter((r) => r[2] === id);
    expect(audit.length).toBeGreaterThanOrEqual(steps.length);
    expect(String(audit[audit.length - 1][5])).not.toMatch(/工作日志归档/);
  });

  it('costs no extra call until the log is full, and a few when it moves', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    act(rt, id, 'accept');
    const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
    rt.callFromClient('applyTicketAction', id, 'note', { text: '普通记录' }, v.version);
    const normal = rt.stats.spreadsheetCalls;
    expect(normal).toBeLessThanOrEqual(10);
    expect(ss(rt).getSheetByName('工作日志归档')).toBeNull();
    fillLog(rt, id, 260);
    for (const round of [1, 2]) {
      const v2 = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
      rt.callFromClient('applyTicketAction', id, 'note', { text: '又一条记录'.repeat(1000) + round }, v2.version);
      const moving = rt.stats.spreadsheetCalls;
      // Finding (or first creating) the archive sheet and one append: only when a log moves.
      expect(moving - normal).toBeLessThanOrEqual(round === 1 ? 6 : 3);
      fillLog(rt, id, 260);
    }
  });

  it('English sheet: English archive sheet and pointer', () => {
    const rt = trackerRuntime({ locale: 'en_US' });
    const { id } = submit(rt, { title: 'VPN down', department: 'Sales', description: 'VPN drops every ten minutes since Monday', urgency: 'Medium', submitter: 'Tom', contact: 'ext 8888' });
    const rows = ticketRows(rt, 'Tickets');
    const r = rows.findIndex((x) => x[0] === id);
    const c = rows[0].indexOf('Work log');
    ss(rt).getSheetByName('Tickets')!.getRange(r + 1, c + 1).setValue(Array.from({ length: 260 }, (_, i) => entry(i)).join('\n'));
    expect(act(rt, id, 'note', { text: 'still broken' }).ok).toBe(true);
    const log = String(ticketRows(rt, 'Tickets').find((x) => x[0] === id)![c]);
    expect(log.split('\n')[0]).toMatch(/Work log archive/);
    expect(ss(rt).getSheetByName('Work log archive')!.getLastRow()).toBeGreaterThan(1);
  });
});
