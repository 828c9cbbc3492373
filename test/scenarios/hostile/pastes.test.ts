// Rules that slip (issue 17): every shape of hand edit of the status column — one typed cell, a
// one-cell paste (no e.oldValue), a pasted block, a fill-down, a clear, a sort of the column alone,
// a wide paste over several columns — against tickets in every status, with the audit sheet
// present, huge (the last status change thousands of rows back) or deleted. The workflow is
// judged by an oracle written from SPEC's table of allowed moves (not by the product's own code),
// and each case by the shared invariant.
import type { LocalRuntime } from '../../../runtime';
import { expectIntact, snapshot } from './invariants';
import type { May } from './invariants';
import type { StatusName } from './world';
import { STATUS_LABEL, area, col, grid, open, world } from './world';

// SPEC: 待处理→处理中→已解决→已关闭; 已解决→处理中 (reopen); 待处理→已关闭 (with a note).
const MOVES: Record<StatusName, StatusName[]> = { pending: ['inProgress', 'closed'], inProgress: ['resolved'], resolved: ['closed', 'inProgress'], closed: [] };
const BY_LABEL = new Map(Object.entries(STATUS_LABEL).map(([k, v]) => [v, k as StatusName]));

interface Facts {
  solution: boolean;
  notes: boolean;
}
/** What the status must be after `value` lands on a ticket in `before` (SPEC, not the product). */
function oracle(before: StatusName, value: string, f: Facts): StatusName {
  const to = BY_LABEL.get(value.trim());
  if (!to || to === before || !MOVES[before].includes(to)) return before;
  if (to === 'resolved' && !f.solution) return before;
  if (to === 'closed' && before === 'pending' && !f.notes) return before;
  return to;
}

const STATUS_COLS = ['当前状态', '最近更新时间', '首次响应时间', '解决时间', '响应截止', '解决截止', 'SLA状态'];
const SLA_COLS = ['响应截止', '解决截止', 'SLA状态'];
const ORDER: StatusName[] = ['pending', 'inProgress', 'resolved', 'closed'];
const w = world(ORDER);
/** The world's facts: resolved and closed tickets have a solution; the pending one gets a note in `noted` cases. */
const factsOf = (s: StatusName, noted: boolean): Facts => ({ solution: s === 'resolved' || s === 'closed', notes: noted && s === 'pending' });

type AuditState = 'present' | 'huge' | 'absent';
const AUDITS: AuditState[] = ['present', 'huge', 'absent'];

/** A fresh copy of the world with the audit sheet as asked, and (noted) a note on the pending ticket. */
function prepare(audit: AuditState, noted: boolean): LocalRuntime {
  const rt = open(w);
  if (noted) rt.edit(area(rt, '备注', 2), '重复提交,见 IT20240501009');
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('操作日志')!;
  if (audit === 'absent') ss.deleteSheet(sheet);
  if (audit === 'huge') {
    // Thousands of newer rows about other tickets: the last status change of ours is far back.
    const n = 6000;
    const at = new Date(rt.clock.now());
    sheet.insertRowsAfter(sheet.getMaxRows(), n);
    sheet.getRange(sheet.getLastRow() + 1, 1, n, 7).setValues(Array.from({ length: n }, (_, i) => [at, 'bot@example.com', `IT20240430${String(100 + (i % 800)).padStart(3, '0')}`, '备注', '', `x${i}`, '手动编辑']));
  }
  rt.ui.toasts = [];
  return rt;
}

/** Status per ticket ID now. */
const statuses = (rt: LocalRuntime): Map<string, unknown> => {
  const s = snapshot(rt);
  return new Map(w.tickets.map((t) => [t.id, s.tickets.get(t.id)?.get('当前状态')]));
};

/** Checks the outcome: each ticket's status is the oracle's; the invariant holds (audit present). */
function judge(rt: LocalRuntime, before: ReturnType<typeof snapshot>, audit: AuditState, want: Map<string, StatusName>, extra: May = {}): void {
  const now = statuses(rt);
  for (const [id, s] of want) expect([id, now.get(id)]).toEqual([id, STATUS_LABEL[s]]);
  const tickets: Record<string, readonly string[]> = { ...(extra.tickets as Record<string, readonly string[]>) };
  for (const t of w.tickets) {
    const moved = want.get(t.id) !== undefined && want.get(t.id) !== t.status;
    tickets[t.id] = [...(tickets[t.id] ?? []), ...(moved ? STATUS_COLS : SLA_COLS)];
  }
  // Without an audit sheet no audit row can be checked; the rules above must hold all the same.
  if (audit !== 'absent') expectIntact(rt, before, { ...extra, tickets });
}

/**
 * Makes the edit; a value outside the status dropdown is refused by Sheets itself (strict
 * validation, typed or pasted) before any trigger runs: then nothing may have changed at all.
 */
function edited(rt: LocalRuntime, before: ReturnType<typeof snapshot>, a1: string, values: string | string[][], v: string): boolean {
  const r = rt.edit(a1, values);
  if (r.ok) return true;
  expect(v).toBe('随便写的');
  expectIntact(rt, before);
  return false;
}

const VALUES = [...ORDER.map((s) => STATUS_LABEL[s]), '', '随便写的'];
const valueName = (v: string) => (v === '' ? '(cleared)' : v);

describe('one cell: typed, or pasted (no e.oldValue)', () => {
  const cases = (['typed', 'pasted'] as const).flatMap((how) =>
    AUDITS.flatMap((audit) => w.tickets.flatMap((t, i) => VALUES.map((v) => [`${how} ${valueName(v)} over ${t.status} / audit ${audit}`, how, audit, i, v] as const))),
  );
  it.each(cases)('%s', (_n, how, audit, i, v) => {
    const rt = prepare(audit, false);
    const before = snapshot(rt);
    const t = w.tickets[i];
    if (!edited(rt, before, area(rt, '当前状态', i + 2), how === 'typed' ? v : [[v]], v)) return;
    judge(rt, before, audit, new Map([[t.id, oracle(t.status, v, factsOf(t.status, false))]]));
  });
});

describe('a block of statuses: pasted, filled down, cleared', () => {
  const cases = AUDITS.flatMap((audit) =>
    [false, true].flatMap((noted) => VALUES.map((v) => [`${valueName(v)} over all four / audit ${audit}${noted ? ' / pending has a note' : ''}`, audit, noted, v] as const)),
  );
  it.each(cases)('%s', (_n, audit, noted, v) => {
    const rt = prepare(audit, noted);
    const before = snapshot(rt);
    if (!edited(rt, before, area(rt, '当前状态', 2, 5), grid(v, 4), v)) return;
    judge(rt, before, audit, new Map(w.tickets.map((t) => [t.id, oracle(t.status, v, factsOf(t.status, noted))])));
  });
});

describe('a wide paste: status and notes together', () => {
  // The note arrives in the same paste as 已关闭: the pending ticket may close, the rest follow the table.
  const cases = AUDITS.flatMap((audit) => VALUES.map((v) => [`${valueName(v)} + a note / audit ${audit}`, audit, v] as const));
  it.each(cases)('%s', (_n, audit, v) => {
    const rt = prepare(audit, false);
    const before = snapshot(rt);
    const from = col(rt, '当前状态');
    const statusIdx = from.charCodeAt(0) - 65;
    const notesIdx = col(rt, '备注').charCodeAt(0) - 65;
    const width = notesIdx - statusIdx + 1;
    // The paste covers 当前状态 … 备注 and rewrites the cells between as they are, but for the note.
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const shown = ss.getRange(2, statusIdx + 1, 4, width).getDisplayValues();
    const block = shown.map((r) => r.map((c, j) => (j === 0 ? v : j === width - 1 ? '重复,已电话确认' : c)));
    if (!edited(rt, before, `工单!${from}2:${col(rt, '备注')}5`, block, v)) return;
    const want = new Map(w.tickets.map((t) => [t.id, oracle(t.status, v, { ...factsOf(t.status, false), notes: true })]));
    const notesTouched = Object.fromEntries(w.tickets.map((t) => [t.id, ['备注', '最近更新时间', '首次响应时间', '解决时间']]));
    judge(rt, before, audit, want, { tickets: notesTouched });
  });
});

describe('the status column sorted on its own (rows stay, statuses move)', () => {
  const cases = AUDITS.flatMap((audit) => (['ascending', 'descending'] as const).map((dir) => [`${dir} / audit ${audit}`, audit, dir] as const));
  it.each(cases)('%s', (_n, audit, dir) => {
    const rt = prepare(audit, false);
    const before = snapshot(rt);
    const labels = w.tickets.map((t) => STATUS_LABEL[t.status]).sort();
    if (dir === 'descending') labels.reverse();
    expect(rt.edit(area(rt, '当前状态', 2, 5), labels.map((l) => [l])).ok).toBe(true);
    judge(rt, before, audit, new Map(w.tickets.map((t, i) => [t.id, oracle(t.status, labels[i], factsOf(t.status, false))])));
  });
});

describe('a closed ticket cannot be reopened by clearing first and typing after', () => {
  const cases = AUDITS.flatMap((audit) => (['typed', 'pasted', 'block'] as const).map((how) => [`clear the block, then ${how} 处理中 / audit ${audit}`, audit, how] as const));
  it.each(cases)('%s', (_n, audit, how) => {
    const rt = prepare(audit, false);
    const before = snapshot(rt);
    rt.edit(area(rt, '当前状态', 2, 5), grid('', 4));
    const closedRow = w.tickets.findIndex((t) => t.status === 'closed') + 2;
    if (how === 'typed') rt.edit(area(rt, '当前状态', closedRow), '处理中');
    else if (how === 'pasted') rt.edit(area(rt, '当前状态', closedRow), [['处理中']]);
    else rt.edit(area(rt, '当前状态', 2, 5), grid('处理中', 4));
    const want = new Map(w.tickets.map((t) => [t.id, how === 'block' ? oracle(t.status, '处理中', factsOf(t.status, false)) : t.status]));
    judge(rt, before, audit, want);
  });
});
