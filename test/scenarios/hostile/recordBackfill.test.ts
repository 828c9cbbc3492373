// Rows with no hidden record (issue 17: "the sweep does not backfill empty records in old
// trackers"): a tracker set up before the record column existed gets the column from setup, empty;
// a record cell can be cleared on its own. The sweep writes their records in one batch, so the
// hand-edit rules judge those rows by the record from then on — not by e.oldValue or the audit
// trail's newest rows, which may be gone. Ticket data and the audit trail stay as they were.
import type { LocalRuntime } from '../../../runtime';
import { columnLetter } from '../../../src/domain/columns';
import { parseRecord } from '../../../src/domain/record';
import { AUDIT_SHEETS, cellOf, expectIntact, snapshot } from './invariants';
import type { StatusName } from './world';
import { STATUS_LABEL, grid, headerOf, open, world } from './world';

const ORDER: StatusName[] = ['pending', 'inProgress', 'resolved', 'closed'];
const w = world(ORDER);
const IDS = w.tickets.map((x) => x.id);
const MIN = 60_000;
const OWN = ['系统记录', '响应截止', '解决截止', 'SLA状态'];
const SLA_ONLY = OWN.slice(1);
const STATUS_COLS = ['当前状态', '最近更新时间', '首次响应时间', '解决时间', ...SLA_ONLY];
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const sheet = (rt: LocalRuntime) => ss(rt).getSheetByName('工单')!;
const auditLen = (rt: LocalRuntime) => AUDIT_SHEETS.map((n) => ss(rt).getSheetByName(n)).find(Boolean)?.getLastRow() ?? 0;
const recCol = (rt: LocalRuntime) => headerOf(rt).indexOf('系统记录') + 1;
const sweep = (rt: LocalRuntime) => rt.call<{ ok: boolean }>('runSlaSweepFromMenu');
const records = (rt: LocalRuntime) => sheet(rt).getRange(2, recCol(rt), 4, 1).getValues().map((r) => String(r[0]));

/** Empties the record cells of the given rows (0-based ticket positions), as an older tracker has them. */
function forget(rt: LocalRuntime, rows: readonly number[]): void {
  for (const i of rows) sheet(rt).getRange(i + 2, recCol(rt)).setValue('');
}

const SHAPES: [string, number[]][] = [
  ['every row (a tracker older than the record column)', [0, 1, 2, 3]],
  ['one row', [2]],
  ['two rows apart', [0, 3]],
];

describe('the sweep writes the missing records in one batch', () => {
  it.each(SHAPES)('%s', (_n, rows) => {
    const rt = open(w);
    const kept = records(rt);
    forget(rt, rows);
    const before = snapshot(rt);
    const n = auditLen(rt);
    sweep(rt);
    const steady = sweep(rt).stats;
    forget(rt, rows);
    rt.clock.set(rt.clock.now() + 5 * MIN);
    const r = sweep(rt);
    expect(r.result.ok).toBe(true);
    // One write more than a sweep with nothing to fill (the record column, once).
    expect(r.stats.byMethod['Range.setValues'] ?? 0).toBe((steady.byMethod['Range.setValues'] ?? 0) + 1);
    const now = records(rt);
    IDS.forEach((id, i) => {
      const rec = parseRecord(now[i]);
      expect([id, rec?.id, rec?.status]).toEqual([id, id, w.tickets[i].status]);
    });
    // The rows that had a record keep it as it was; the refilled ones equal what the tracker wrote.
    IDS.forEach((_id, i) => expect(now[i]).toBe(kept[i]));
    expect(auditLen(rt)).toBe(n);
    expectIntact(rt, before, { anyTicket: OWN });
  });

  it('a duplicated ID (a pasted copy) gets no record: the person is told to undo it; the other rows do', () => {
    const rt = open(w);
    forget(rt, [0, 1, 2, 3]);
    const h = headerOf(rt);
    // Row 3 holds a copy of row 2's ID (and nothing says which is the ticket).
    sheet(rt).getRange(3, h.indexOf('问题编号') + 1).setValue(IDS[0]);
    const before = snapshot(rt);
    sweep(rt);
    expectIntact(rt, before, { anyTicket: OWN });
    const now = records(rt);
    expect(now[0]).toBe('');
    expect(now[1]).toBe('');
    expect(parseRecord(now[2])?.id).toBe(IDS[2]);
    expect(parseRecord(now[3])?.id).toBe(IDS[3]);
  });

  it('a record cell typed over with junk is not silently refilled (the edit rules put it back, audited)', () => {
    const rt = open(w);
    sheet(rt).getRange(2, recCol(rt)).setValue('junk');
    const before = snapshot(rt);
    sweep(rt);
    expect(records(rt)[0]).toBe('junk');
    expectIntact(rt, before, { anyTicket: SLA_ONLY });
  });

  it('a sheet without the record column: the sweep writes nothing there and still works', () => {
    const rt = open(w);
    sheet(rt).deleteColumn(recCol(rt));
    const before = snapshot(rt);
    expect(sweep(rt).result.ok).toBe(true);
    expectIntact(rt, before, { anyTicket: OWN });
  });
});

describe('after the backfill, the rules hold by the record alone (audit sheet gone, pastes give no old value)', () => {
  const PASTES = ORDER.flatMap((s) => (['处理中', '已关闭', '待处理'] as const).map((v) => [`${STATUS_LABEL[s]} ← ${v}`, s, v] as const));
  const MOVES: Record<StatusName, StatusName[]> = { pending: ['inProgress', 'closed'], inProgress: ['resolved'], resolved: ['closed', 'inProgress'], closed: [] };
  const BY_LABEL = new Map(Object.entries(STATUS_LABEL).map(([k, v]) => [v, k as StatusName]));
  const oracle = (from: StatusName, label: string): StatusName => {
    const to = BY_LABEL.get(label) as StatusName;
    if (to === from || !MOVES[from].includes(to) || (to === 'closed' && from === 'pending')) return from;
    return to;
  };
  it.each(PASTES)('%s', (_n, status, v) => {
    const rt = open(w);
    forget(rt, [0, 1, 2, 3]);
    sweep(rt);
    ss(rt).deleteSheet(ss(rt).getSheetByName('操作日志')!);
    const before = snapshot(rt);
    const i = ORDER.indexOf(status);
    const c = columnLetter(headerOf(rt).indexOf('当前状态') + 1);
    // A one-cell paste: no e.oldValue, no audit trail to ask.
    expect(rt.edit(`工单!${c}${i + 2}`, grid(v, 1)).ok).toBe(true);
    const want = oracle(status, v);
    const after = snapshot(rt);
    expect(cellOf(after, IDS[i], '当前状态')).toBe(STATUS_LABEL[want]);
    expectIntact(rt, before, want === status ? {} : { tickets: { [IDS[i]]: STATUS_COLS } });
  });
});
