// A ticket row cleared, deleted or pasted over together with its hidden record (issue 17: "a
// cleared ticket row vanishes without a trace"). Google gives no e.oldValue for a range and no edit
// event for a deleted row, so the row's own cells cannot say what was there; the audit trail can
// (creation is audited). Every such ticket must leave one audit row naming it and its last status —
// at once when a hand edit over the ID or record column took it (with who did it), else from the
// sweep — and only once. Tickets the archive moved are not "lost". The row is not put back: undo
// and version history do that (README, guarantees).
import type { LocalRuntime } from '../../../runtime';
import { holdTrackerLock } from '../../app/helpers';
import { t } from '../../../src/domain/i18n';
import { AUDIT_SHEETS, expectIntact, snapshot, violations } from './invariants';
import { STATUS_LABEL, act, grid, headerOf, lastToast, open, world } from './world';

const w = world(['pending', 'inProgress', 'resolved', 'closed']);
const IDS = w.tickets.map((x) => x.id);
const MIN = 60_000;
const DAY = 86_400_000;
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const sheet = (rt: LocalRuntime) => ss(rt).getSheetByName('工单')!;
const width = (rt: LocalRuntime) => headerOf(rt).length;
const lastCol = (rt: LocalRuntime) => String.fromCharCode(64 + width(rt));
const sweep = (rt: LocalRuntime) => rt.call<{ ok: boolean }>('runSlaSweepFromMenu');
const SLA = ['响应截止', '解决截止', 'SLA状态'];
/** Sheets looked up by name: the full check looks up the audit and archive sheets. */
const lookups = (s: { byMethod: Record<string, number> }) => s.byMethod['Spreadsheet.getSheetByName'] ?? 0;

function auditRows(rt: LocalRuntime): unknown[][] {
  const sh = AUDIT_SHEETS.map((n) => ss(rt).getSheetByName(n)).find(Boolean);
  return sh ? sh.getDataRange().getValues().slice(1) : [];
}

/** The traces (audit rows saying a ticket is no longer in the sheet) of ticket `id` after row `from`. */
const tracesOf = (rt: LocalRuntime, id: string, from = 0) =>
  auditRows(rt)
    .slice(from)
    .filter((r) => r[2] === id && r[3] === '问题编号' && r[4] === id && r[5] !== id);

const traceText = (i: number) => t('zh', 'ticketVanishedAudit', { status: STATUS_LABEL[w.tickets[i].status], title: `CRM系统数据库连接错误 #${i + 1}` });

describe('a hand edit takes whole tickets, hidden record and all: traced at once, naming who', () => {
  const one = IDS.map((id, i) => [`row ${i + 2} (${w.tickets[i].status}) cleared, every column`, [i]] as const);
  const cases = [...one, ['rows 2-3 cleared together', [0, 1]] as const, ['all four rows cleared', [0, 1, 2, 3]] as const];
  it.each(cases)('%s', (_n, rows) => {
    const rt = open(w);
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    const first = rows[0] + 2;
    const last = rows[rows.length - 1] + 2;
    expect(rt.edit(`工单!A${first}:${lastCol(rt)}${last}`, grid('', rows.length, width(rt))).ok).toBe(true);
    const gone = rows.map((i) => IDS[i]);
    expectIntact(rt, before, { vanish: gone });
    for (const i of rows) {
      const tr = tracesOf(rt, IDS[i], n);
      expect([IDS[i], tr.length]).toEqual([IDS[i], 1]);
      expect(tr[0][5]).toBe(traceText(i));
      expect(tr[0][6]).toBe('手动编辑');
    }
    expect(lastToast(rt)).toContain(t('zh', 'ticketsVanished', { ids: gone.join(', ') }));
    // Once: a sweep afterwards finds them traced already.
    const m = auditRows(rt).length;
    rt.clock.set(rt.clock.now() + 5 * MIN);
    expect(sweep(rt).result.ok).toBe(true);
    expect(gone.flatMap((id) => tracesOf(rt, id, m))).toEqual([]);
  });

  it.each(IDS.slice(1).map((id, k) => [k + 1, id] as const))('row 2 overwritten by a copy of row %i (every column): ticket of row 2 traced, the copy named', (k, copied) => {
    const rt = open(w);
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    const row = sheet(rt).getRange(k + 2, 1, 1, width(rt)).getDisplayValues();
    expect(rt.edit(`工单!A2:${lastCol(rt)}2`, row).ok).toBe(true);
    expectIntact(rt, before, { vanish: [IDS[0]], tickets: { [copied]: '*' } });
    expect(tracesOf(rt, IDS[0], n)).toHaveLength(1);
    expect(rt.ui.toasts.map((x) => x.message).join('\n')).toContain(t('zh', 'idPasted', { ids: copied }));
  });

  it('a row of text pasted over a whole ticket: traced', () => {
    const rt = open(w);
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    expect(rt.edit(`工单!A3:${lastCol(rt)}3`, [['季度汇总', ...new Array(width(rt) - 1).fill('')]]).ok).toBe(true);
    expectIntact(rt, before, { vanish: [IDS[1]] });
    expect(tracesOf(rt, IDS[1], n)).toHaveLength(1);
  });

  it('cleared but for the hidden record (the earlier rule): one trace, and the sweep adds none', () => {
    const rt = open(w);
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    expect(rt.edit(`工单!A2:${String.fromCharCode(64 + width(rt) - 1)}2`, grid('', 1, width(rt) - 1)).ok).toBe(true);
    expectIntact(rt, before, { vanish: [IDS[0]] });
    expect(tracesOf(rt, IDS[0], n)).toHaveLength(1);
    sweep(rt);
    expect(tracesOf(rt, IDS[0], n)).toHaveLength(1);
  });

  it('a row cut and pasted elsewhere (moved, not lost): no trace', () => {
    const rt = open(w);
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    const row = sheet(rt).getRange(2, 1, 1, width(rt)).getDisplayValues();
    expect(rt.edit(`工单!A7:${lastCol(rt)}7`, row).ok).toBe(true);
    expect(rt.edit(`工单!A2:${lastCol(rt)}2`, grid('', 1, width(rt))).ok).toBe(true);
    expect(tracesOf(rt, IDS[0], n)).toEqual([]);
    expectIntact(rt, before, { tickets: { [IDS[0]]: '*' } });
  });
});

describe('no edit trigger saw it: the sweep traces it', () => {
  const SHAPES: Record<string, (rt: LocalRuntime, row: number) => void> = {
    'row deleted': (rt, row) => sheet(rt).deleteRow(row),
    'row cleared by a script': (rt, row) => sheet(rt).getRange(row, 1, 1, width(rt)).clearContent(),
    'row overwritten by a script': (rt, row) => sheet(rt).getRange(row, 1, 1, width(rt)).setValues([new Array(width(rt)).fill('x')]),
  };
  const cases = Object.keys(SHAPES).flatMap((shape) => IDS.map((_id, i) => [`${shape}: row ${i + 2} (${w.tickets[i].status})`, shape, i] as const));
  it.each(cases)('%s', (_n, shape, i) => {
    const rt = open(w);
    // A first sweep: the fingerprint of what it saw.
    sweep(rt);
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    SHAPES[shape](rt, i + 2);
    rt.clock.set(rt.clock.now() + 60 * MIN);
    expect(sweep(rt).result.ok).toBe(true);
    expectIntact(rt, before, { vanish: [IDS[i]], anyTicket: SLA });
    const tr = tracesOf(rt, IDS[i], n);
    expect(tr).toHaveLength(1);
    expect(tr[0][5]).toBe(traceText(i));
    expect(tr[0][6]).toBe('定时任务');
    // The next sweep adds nothing.
    sweep(rt);
    expect(tracesOf(rt, IDS[i], n)).toHaveLength(1);
  });

  it('an edit while the lock is busy (queued): the sweep traces the cleared ticket', () => {
    const rt = open(w);
    sweep(rt);
    const before = snapshot(rt);
    const n = auditRows(rt).length;
    holdTrackerLock(rt, rt.clock.now() + MIN);
    expect(rt.edit(`工单!A3:${lastCol(rt)}3`, grid('', 1, width(rt))).ok).toBe(true);
    expect(tracesOf(rt, IDS[1], n)).toEqual([]);
    rt.clock.set(rt.clock.now() + 2 * MIN);
    sweep(rt);
    expect(tracesOf(rt, IDS[1], n)).toHaveLength(1);
    expectIntact(rt, before, { vanish: [IDS[1]], anyTicket: SLA });
  });

  it('a sweep with nothing gone reads no audit trail (its fingerprint agrees); one with a ticket gone does', () => {
    const rt = open(w);
    sweep(rt);
    const a = lookups(sweep(rt).stats);
    rt.clock.set(rt.clock.now() + 60 * MIN);
    // New tickets are not a sign of loss.
    expect(rt.callFromClient<{ ok: boolean }>('submitTicket', { title: '新的问题', department: '财务部', description: '打印机卡纸，无法打印报销单', urgency: '低', category: '硬件', submitter: '小红', contact: '内线8000' }, 'tok-vanished-1').result.ok).toBe(true);
    expect(lookups(sweep(rt).stats)).toBe(a);
    sheet(rt).deleteRow(3);
    expect(lookups(sweep(rt).stats)).toBeGreaterThan(a);
    expect(lookups(sweep(rt).stats)).toBe(a);
  });
});

describe('moved by the archive: not lost', () => {
  // No resolved ticket: auto-close (100 days on) would make a sweep of its own differ.
  const wa = world(['pending', 'closed']);
  const [PENDING_ID, CLOSED_ID] = wa.tickets.map((x) => x.id);
  const archive = (rt: LocalRuntime) => {
    rt.clock.set(rt.clock.now() + 100 * DAY);
    rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    expect(rt.call<{ ok: boolean; archived: number }>('archiveFromMenu').result.archived).toBe(1);
  };

  it('a closed ticket archived: no trace, and the next sweep does not read the audit trail for it', () => {
    const rt = open(wa);
    sweep(rt);
    const steady = lookups(sweep(rt).stats);
    const n = auditRows(rt).length;
    archive(rt);
    const after = sweep(rt);
    expect(after.result.ok).toBe(true);
    expect(lookups(after.stats)).toBe(steady);
    expect(tracesOf(rt, CLOSED_ID, n)).toEqual([]);
  });

  it('the archive sheet deleted after archiving: a closed ticket is not claimed lost (it may have been archived); an open one is', () => {
    const rt = open(wa);
    sweep(rt);
    const n = auditRows(rt).length;
    archive(rt);
    ss(rt).deleteSheet(ss(rt).getSheetByName('归档')!);
    sheet(rt).deleteRow(2);
    sweep(rt);
    expect(tracesOf(rt, CLOSED_ID, n)).toEqual([]);
    expect(tracesOf(rt, PENDING_ID, n)).toHaveLength(1);
  });
});

describe('what it cannot do', () => {
  it('the audit sheet deleted too: nothing knows the ticket; the sweep does not fail and claims nothing', () => {
    const rt = open(w);
    sweep(rt);
    ss(rt).deleteSheet(ss(rt).getSheetByName('操作日志')!);
    const before = snapshot(rt);
    sheet(rt).deleteRow(2);
    expect(sweep(rt).result.ok).toBe(true);
    expect(tracesOf(rt, IDS[0])).toEqual([]);
    // Exactly that one loss, and nothing else changed.
    expect(violations(before, snapshot(rt), { anyTicket: SLA })).toEqual([`ticket ${IDS[0]} lost`]);
  });

  it('a ticket brought back (undo) keeps its trace; the ticket is whole again and acts normally', () => {
    const rt = open(w);
    const before = snapshot(rt);
    const row = sheet(rt).getRange(2, 1, 1, width(rt)).getValues();
    expect(rt.edit(`工单!A2:${lastCol(rt)}2`, grid('', 1, width(rt))).ok).toBe(true);
    expect(tracesOf(rt, IDS[0])).toHaveLength(1);
    // Undo puts the cells back (no trigger fires for an undo we could rely on: written by script here).
    sheet(rt).getRange(2, 1, 1, width(rt)).setValues(row);
    expect(act(rt, IDS[0], 'accept').ok).toBe(true);
    sweep(rt);
    expect(tracesOf(rt, IDS[0])).toHaveLength(1);
    expectIntact(rt, before, { tickets: { [IDS[0]]: '*' }, anyTicket: SLA });
  });
});
