// Faults injected into every service call (issue 17): each operation is run once to list its round
// trips, then once per round trip with that call failing — before it takes effect, and for writes
// also after (the write landed, its answer was lost). Each case is judged by the shared invariant
// (every ticket row and earlier audit row unchanged except what the operation may change, every
// accepted change audited), then by the truth of what the user was told and by recovery: running
// the operation again finishes the job, and the invariant still holds.
import type { LocalRuntime } from '../../../runtime';
import { LocalRuntime as Runtime } from '../../../runtime';
import type { RuntimeStateJson } from '../../../runtime';
import { FORM } from '../../app/helpers';
import type { May } from './invariants';
import { cellOf, expectIntact, snapshot } from './invariants';
import { act, col, open, world } from './world';
import type { EntryResult } from '../../entries';

const w = world(['pending', 'inProgress', 'resolved', 'closed']);
const [PENDING, IN_PROGRESS, RESOLVED, CLOSED] = w.tickets.map((t) => t.id);
const DAY = 86_400_000;
const yes = (rt: LocalRuntime) => (rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' }));
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const statusOf = (rt: LocalRuntime, id: string) => cellOf(snapshot(rt), id, '当前状态');
/** A client token fixed per table, so a retry is the same request (google.script.run retried). */
const TOKEN = 'fault-table-token-0001';

/** What every operation here answers: whether it worked (`ok`), and for the archive whether more is left. */
type Answer = { ok: boolean; more?: boolean };

interface Op {
  name: string;
  /** Brings the world to where the operation starts (run once; its state is copied per case). */
  prepare?: (rt: LocalRuntime) => void;
  run: (rt: LocalRuntime) => Answer;
  may: May;
  /** Whether the result tells the user it worked. */
  succeeded: (result: Answer | undefined) => boolean;
  /** What must hold when the operation worked (checked after a success, and after the retry). */
  done: (rt: LocalRuntime) => void;
  /** Runs it again after a failure (a person retrying, the next scheduled run). */
  retry?: (rt: LocalRuntime) => void;
}

const action = (id: string, name: string, payload: Record<string, unknown>, to: string): Op => ({
  name: `${name} (${to})`,
  run: (rt) => act(rt, id, name, payload),
  may: { tickets: { [id]: '*' } },
  succeeded: (r) => r?.ok === true,
  done: (rt) => expect(statusOf(rt, id)).toBe(to),
  retry: (rt) => {
    if (statusOf(rt, id) !== to) expect(act(rt, id, name, payload).ok).toBe(true);
  },
});

const OPS: Op[] = [
  {
    name: 'submit',
    run: (rt) => rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, title: '故障注入提交' }, TOKEN).result,
    // A retry with the same token never makes a second ticket, wherever the fault hit; the new
    // ticket has its creation audit row.
    may: { newTickets: 1, newTicketsAudited: true },
    succeeded: (r) => r?.ok === true,
    done: (rt) => expect([...snapshot(rt).tickets.values()].filter((c) => c.get('问题标题') === '故障注入提交')).toHaveLength(1),
    retry: (rt) => {
      const r = rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, title: '故障注入提交' }, TOKEN).result;
      expect(r.ok).toBe(true);
    },
  },
  action(PENDING, 'accept', {}, '处理中'),
  action(IN_PROGRESS, 'resolve', { solution: '清理缓存后恢复' }, '已解决'),
  action(RESOLVED, 'close', {}, '已关闭'),
  {
    ...action(IN_PROGRESS, 'note', { text: '已联系供应商,等待回复' }, '处理中'),
    name: 'note',
    done: (rt) => expect(String(cellOf(snapshot(rt), IN_PROGRESS, '处理过程记录'))).toMatch(/已联系供应商/),
    retry: (rt) => {
      if (!/已联系供应商/.test(String(cellOf(snapshot(rt), IN_PROGRESS, '处理过程记录')))) expect(act(rt, IN_PROGRESS, 'note', { text: '已联系供应商,等待回复' }).ok).toBe(true);
    },
  },
  {
    name: 'archive (first run: the archive sheet is created)',
    prepare: (rt) => rt.clock.set(rt.clock.now() + 100 * DAY),
    run: (rt) => {
      yes(rt);
      return rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result;
    },
    may: { archive: [CLOSED] },
    succeeded: (r) => r?.ok === true && !r.more,
    done: (rt) => {
      const s = snapshot(rt);
      expect(s.archived.has(CLOSED)).toBe(true);
      expect(s.tickets.has(CLOSED)).toBe(false);
    },
    retry: (rt) => {
      yes(rt);
      expect((rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result).ok).toBe(true);
    },
  },
  {
    name: 'setup / repair (a status typed as a synonym, a row without an ID)',
    prepare: (rt) => {
      const sh = ss(rt).getSheetByName('工单')!;
      sh.getRange(`${col(rt, '当前状态')}2`).setValue('open');
      sh.getRange(`${col(rt, '问题标题')}6`).setValue('手工登记的问题');
      sh.getRange(`${col(rt, '紧急程度')}6`).setValue('urgent');
    },
    run: (rt) => {
      yes(rt);
      return rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    },
    // Setup gives the hand row an ID; the typed word stays as written (read as 待处理, issue 23).
    may: { newTickets: 1, newTicketsAudited: true },
    succeeded: (r) => r?.ok === true,
    done: (rt) => {
      const s = snapshot(rt);
      expect(cellOf(s, PENDING, '当前状态')).toBe('open');
      expect([...s.tickets.values()].filter((c) => c.get('问题标题') === '手工登记的问题')).toHaveLength(1);
    },
    retry: (rt) => {
      yes(rt);
      expect((rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result).ok).toBe(true);
    },
  },
  {
    name: 'SLA sweep',
    prepare: (rt) => rt.clock.set(rt.clock.now() + 3 * 3_600_000),
    run: (rt) => rt.call<EntryResult<'runSlaSweepFromMenu'>>('runSlaSweepFromMenu').result,
    may: { anyTicket: ['响应截止', '解决截止', 'SLA状态'] },
    succeeded: () => true,
    done: () => undefined,
  },
];

const WRITE = /^(set|append|insert|delete|clear|sort|protect|remove|add|copy|hide|show|merge|put|send|create|activate|flush|release|try|wait)/;

interface Case {
  index: number;
  when: 'before' | 'after';
  call: string;
}

function tableOf(op: Op): { base: RuntimeStateJson; cases: Case[] } {
  const rt = open(w);
  op.prepare?.(rt);
  const base = rt.toJSON();
  const probe = Runtime.fromJSON(base);
  const calls = probe.faults.trace(() => op.run(probe));
  const cases: Case[] = [];
  calls.forEach((c, index) => {
    const call = `${c.className}.${c.method}`;
    cases.push({ index, when: 'before', call });
    if (WRITE.test(c.method)) cases.push({ index, when: 'after', call });
  });
  return { base, cases };
}

let total = 0;
for (const op of OPS) {
  const { base, cases } = tableOf(op);
  total += cases.length;
  describe(`fault in ${op.name}`, () => {
    it.each(cases.map((c) => [`#${c.index} ${c.call} (${c.when})`, c] as const))('%s', (_name, c) => {
      const rt = Runtime.fromJSON(base);
      const before = snapshot(rt);
      rt.faults.failAt({ at: c.index, when: c.when });
      let result: Answer | undefined;
      let threw: unknown = null;
      try {
        result = op.run(rt);
      } catch (e) {
        threw = e;
      }
      rt.faults.clear();
      // Nothing lost or changed unrecorded, whatever the fault.
      expectIntact(rt, before, op.may);
      // Told it worked: it did.
      if (!threw && op.succeeded(result)) op.done(rt);
      // Run again: the job gets done and the invariant still holds.
      if (op.retry) {
        op.retry(rt);
        op.done(rt);
        expectIntact(rt, before, op.may);
      }
    });
  });
}

it('the fault tables cover every round trip of every operation', () => {
  expect(total).toBeGreaterThan(OPS.length * 5);
});
