// Sorts by a person (Data › Sort range), issue 17. Whether Google fires onEdit for a sort is not
// documented; the runtime fires none (the stricter model, docs/fidelity.md; the live self-test's
// `event.sort-fires-no-edit` records Google), so the tracker must hold its rules without one:
// - rows sorted whole carry their hidden record with them: nothing to put back, nothing logged;
// - a sort that leaves the record column behind (the visible columns only) is found by the sweep,
//   which compares each row's ID with its record and rewrites the records by ID — and a hand edit
//   made before that is judged against the ticket's own record, wherever the sort left it;
// - one column sorted alone moves statuses onto other tickets: the sweep puts back what SPEC's
//   moves forbid and audits what they allow.
import type { LocalRuntime } from '../../../runtime';
import { columnLetter } from '../../../src/domain/columns';
import { parseRecord } from '../../../src/domain/record';
import { AUDIT_SHEETS, cellOf, expectIntact, snapshot } from './invariants';
import type { StatusName } from './world';
import { STATUS_LABEL, headerOf, open, world } from './world';

const ORDER: StatusName[] = ['pending', 'inProgress', 'resolved', 'closed'];
const w = world(ORDER);
const MIN = 60_000;
const SLA = ['响应截止', '解决截止', 'SLA状态'];
const STATUS_COLS = ['当前状态', '最近更新时间', '首次响应时间', '解决时间', '响应截止', '解决截止', 'SLA状态'];
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const sheet = (rt: LocalRuntime) => ss(rt).getSheetByName('工单')!;
const sweep = (rt: LocalRuntime) => rt.call<{ ok: boolean }>('runSlaSweepFromMenu').result;
const auditLen = (rt: LocalRuntime) => AUDIT_SHEETS.map((n) => ss(rt).getSheetByName(n)).find(Boolean)!.getLastRow();

/** Each row's ID and the ID its record names (rows 2–5). */
function pairs(rt: LocalRuntime): [string, string | null][] {
  const h = headerOf(rt);
  const rows = sheet(rt).getRange(2, 1, 4, h.length).getValues();
  return rows.map((r) => [String(r[h.indexOf('问题编号')]), parseRecord(r[h.indexOf('系统记录')])?.id ?? null]);
}

const KEYS = ['当前状态', '问题标题', '提交时间', '紧急程度', '问题编号', '负责人', '最近更新时间'];
const cases = KEYS.flatMap((k) => [true, false].map((asc) => [`by ${k} ${asc ? 'A → Z' : 'Z → A'}`, k, asc] as const));

describe('rows sorted whole (the hidden record inside the range)', () => {
  it.each(cases)('%s: no trigger, records travel with their rows, the sweep finds nothing to do', (_n, key, asc) => {
    const rt = open(w);
    const before = snapshot(rt);
    const n = auditLen(rt);
    const h = headerOf(rt);
    const r = rt.sortRange(`工单!A2:${columnLetter(h.length)}5`, { column: h.indexOf(key) + 1, ascending: asc });
    expect(r.ok).toBe(true);
    for (const [id, rec] of pairs(rt)) expect(rec).toBe(id);
    rt.clock.set(rt.clock.now() + 5 * MIN);
    expect(sweep(rt).ok).toBe(true);
    expect(auditLen(rt)).toBe(n);
    expectIntact(rt, before, { anyTicket: SLA });
  });
});

describe('the visible columns sorted, the hidden record column left behind', () => {
  it.each(cases)('%s: the sweep rewrites each record by its ticket ID; nothing else changes, nothing is logged', (_n, key, asc) => {
    const rt = open(w);
    const before = snapshot(rt);
    const n = auditLen(rt);
    const h = headerOf(rt);
    expect(h[h.length - 1]).toBe('系统记录');
    expect(rt.sortRange(`工单!A2:${columnLetter(h.length - 1)}5`, { column: h.indexOf(key) + 1, ascending: asc }).ok).toBe(true);
    rt.clock.set(rt.clock.now() + 5 * MIN);
    expect(sweep(rt).ok).toBe(true);
    for (const [id, rec] of pairs(rt)) expect(rec).toBe(id);
    expect(auditLen(rt)).toBe(n);
    expectIntact(rt, before, { anyTicket: SLA });
  });

  it.each(ORDER.filter((s) => s !== 'inProgress').map((s) => [s] as const))(
    'then, before any sweep, the %s ticket typed to 处理中 where the sort put it: judged against its own record',
    (status) => {
      const rt = open(w);
      const before = snapshot(rt);
      const h = headerOf(rt);
      // Z → A by ID: the rows reverse, the records stay where they were.
      expect(rt.sortRange(`工单!A2:${columnLetter(h.length - 1)}5`, { column: h.indexOf('问题编号') + 1, ascending: false }).ok).toBe(true);
      const i = ORDER.indexOf(status);
      const id = w.tickets[i].id;
      const row = 5 - i;
      expect(String(sheet(rt).getRange(row, h.indexOf('问题编号') + 1).getValue())).toBe(id);
      expect(rt.edit(`工单!${columnLetter(h.indexOf('当前状态') + 1)}${row}`, '处理中').ok).toBe(true);
      // 待处理 → 处理中 and 已解决 → 处理中 are allowed; 已关闭 → 处理中 is not.
      const want: StatusName = status === 'closed' ? 'closed' : 'inProgress';
      expect(cellOf(snapshot(rt), id, '当前状态')).toBe(STATUS_LABEL[want]);
      // The other rows' records are still where the sort left them: the sweep puts them right.
      expect(sweep(rt).ok).toBe(true);
      for (const [rid, rec] of pairs(rt)) expect(rec).toBe(rid);
      expectIntact(rt, before, { tickets: want === status ? {} : { [id]: STATUS_COLS }, anyTicket: SLA });
    },
  );
});

describe('the status column sorted alone: statuses land on other tickets; the sweep judges each move', () => {
  const MOVES: Record<StatusName, StatusName[]> = { pending: ['inProgress', 'closed'], inProgress: ['resolved'], resolved: ['closed', 'inProgress'], closed: [] };
  const BY_LABEL = new Map(Object.entries(STATUS_LABEL).map(([k, v]) => [v, k as StatusName]));
  // No notes (待处理 → 已关闭 refused) and no solution on the in-progress ticket (→ 已解决 refused).
  const oracle = (from: StatusName, label: string): StatusName => {
    const to = BY_LABEL.get(label) as StatusName;
    if (to === from || !MOVES[from].includes(to) || (to === 'resolved' && from === 'inProgress') || (to === 'closed' && from === 'pending')) return from;
    return to;
  };
  it.each([true, false].map((asc) => [asc ? 'A → Z' : 'Z → A', asc] as const))('%s', (_n, asc) => {
    const rt = open(w);
    const before = snapshot(rt);
    const h = headerOf(rt);
    const c = columnLetter(h.indexOf('当前状态') + 1);
    expect(rt.sortRange(`工单!${c}2:${c}5`, { column: h.indexOf('当前状态') + 1, ascending: asc }).ok).toBe(true);
    const moved = sheet(rt).getRange(`${c}2:${c}5`).getValues().map((r) => String(r[0]));
    rt.clock.set(rt.clock.now() + 5 * MIN);
    expect(sweep(rt).ok).toBe(true);
    const tickets: Record<string, string[]> = {};
    const after = snapshot(rt);
    w.tickets.forEach((tk, i) => {
      const want = oracle(tk.status, moved[i]);
      expect([tk.id, cellOf(after, tk.id, '当前状态')]).toEqual([tk.id, STATUS_LABEL[want]]);
      if (want !== tk.status) tickets[tk.id] = STATUS_COLS;
    });
    expectIntact(rt, before, { tickets, anyTicket: SLA });
  });
});
