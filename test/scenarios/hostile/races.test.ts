// Races with the long runs (issue 17): the team works while setup's Yes/No dialog is open and
// between the short holds of the lock that setup and archiving take. Every interleaving is judged
// by the shared invariant (nothing lost, moved onto another ticket, reverted or given twice; every
// accepted change audited) and by what the interleaved work must still show afterwards.
import type { LocalRuntime } from '../../../runtime';
import { LocalRuntime as Runtime } from '../../../runtime';
import type { RuntimeStateJson } from '../../../runtime';
import { FORM, token } from '../../app/helpers';
import type { May } from './invariants';
import { cellOf, expectIntact, snapshot } from './invariants';
import type { StatusName } from './world';
import { act, col, open, world } from './world';
import type { EntryResult } from '../../entries';

const DAY = 86_400_000;
const yes = (rt: LocalRuntime) => (rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' }));
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const tickets = (rt: LocalRuntime) => ss(rt).getSheetByName('工单')!;

interface Work {
  name: string;
  /** Does it, in the middle of the long run (another person, another execution). */
  run: (rt: LocalRuntime, ids: Ids) => void;
  may: (ids: Ids) => May;
  /** What must still be true at the end. */
  check: (rt: LocalRuntime, ids: Ids) => void;
}

interface Ids {
  pending: string;
  inProgress: string;
  resolved: string;
  /** A closed ticket the archive will not take (closed recently) or will (after the clock moves). */
  closed: string;
}

const status = (rt: LocalRuntime, id: string) => cellOf(snapshot(rt), id, '当前状态');
const titled = (rt: LocalRuntime, title: string) => [...snapshot(rt).tickets.entries()].filter(([, c]) => c.get('问题标题') === title).map(([id]) => id);

const WORK: Work[] = [
  {
    name: 'a submit',
    run: (rt) => expect(rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, title: '长任务期间提交' }, token()).result.ok).toBe(true),
    may: () => ({ newTickets: 1 }),
    check: (rt) => expect(titled(rt, '长任务期间提交')).toHaveLength(1),
  },
  {
    name: 'accepting the pending ticket',
    run: (rt, ids) => expect(act(rt, ids.pending, 'accept').ok).toBe(true),
    may: (ids) => ({ tickets: { [ids.pending]: '*' } }),
    check: (rt, ids) => expect(status(rt, ids.pending)).toBe('处理中'),
  },
  {
    name: 'resolving the in-progress ticket',
    run: (rt, ids) => expect(act(rt, ids.inProgress, 'resolve', { solution: '更换网线' }).ok).toBe(true),
    may: (ids) => ({ tickets: { [ids.inProgress]: '*' } }),
    check: (rt, ids) => expect(status(rt, ids.inProgress)).toBe('已解决'),
  },
  {
    name: 'closing the resolved ticket',
    run: (rt, ids) => expect(act(rt, ids.resolved, 'close').ok).toBe(true),
    may: (ids) => ({ tickets: { [ids.resolved]: '*' } }),
    check: (rt, ids) => expect(status(rt, ids.resolved)).toBe('已关闭'),
  },
  {
    name: 'a work-log note',
    run: (rt, ids) => expect(act(rt, ids.inProgress, 'note', { text: '远程协助中' }).ok).toBe(true),
    may: (ids) => ({ tickets: { [ids.inProgress]: '*' } }),
    check: (rt, ids) => expect(String(cellOf(snapshot(rt), ids.inProgress, '处理过程记录'))).toMatch(/远程协助中/),
  },
  {
    name: 'a sort by title, descending',
    run: (rt) => {
      const sh = tickets(rt);
      sh.getRange(2, 1, sh.getLastRow() - 1, sh.getLastColumn()).sort({ column: sh.getRange(`${col(rt, '问题标题')}1`).getColumn(), ascending: false });
    },
    may: () => ({}),
    check: () => undefined,
  },
  {
    name: 'two blank rows inserted at the top',
    run: (rt) => tickets(rt).insertRowsBefore(2, 2),
    may: () => ({}),
    check: () => undefined,
  },
  {
    name: 'a status typed by hand (checked by the edit trigger)',
    run: (rt, ids) => {
      const row = snapshotRow(rt, ids.pending);
      expect(rt.edit(`工单!${col(rt, '当前状态')}${row}`, '处理中').ok).toBe(true);
    },
    may: (ids) => ({ tickets: { [ids.pending]: '*' } }),
    check: (rt, ids) => expect(status(rt, ids.pending)).toBe('处理中'),
  },
];

/** The sheet row of a ticket now. */
function snapshotRow(rt: LocalRuntime, id: string): number {
  const rows = tickets(rt).getDataRange().getValues();
  const c = rows[0].indexOf('问题编号');
  return rows.findIndex((r) => r[c] === id) + 1;
}

/** Both cases' allowances together ('*' wins over a list of columns). */
function merge(a: May, b: May): May {
  const tickets: NonNullable<May['tickets']> = { ...(a.tickets ?? {}) };
  for (const [id, cols] of Object.entries(b.tickets ?? {})) {
    const mine = tickets[id];
    tickets[id] = mine === '*' || cols === '*' ? '*' : [...(mine ?? []), ...cols];
  }
  return { ...a, ...b, tickets, newTickets: (a.newTickets ?? 0) + (b.newTickets ?? 0), archive: a.archive ?? b.archive };
}

/** How many holds of the lock a run takes (its lock points), from a dry run on a copy. */
function holdsOf(base: RuntimeStateJson, run: (rt: LocalRuntime) => void): number {
  const rt = Runtime.fromJSON(base);
  let n = 0;
  rt.interleave('lock', () => void (rt.executions.depth === 1 && n++), 1000);
  run(rt);
  return n;
}

/** When the work happens: while the dialog is open, or before the n-th hold of the lock. */
type When = 'dialog' | number;

function during(rt: LocalRuntime, when: When, fn: () => void): void {
  if (when === 'dialog') {
    rt.ui.whileAsking(() => fn());
    return;
  }
  let n = 0;
  rt.interleave(
    'lock',
    () => {
      if (rt.executions.depth === 1 && ++n === when) fn();
    },
    1000,
  );
}

// ---------------------------------------------------------------------------------------------
// Setup / repair

const setupWorld = world(['pending', 'inProgress', 'resolved', 'closed', 'pending', 'inProgress']);
const setupIds: Ids = { pending: setupWorld.tickets[0].id, inProgress: setupWorld.tickets[1].id, resolved: setupWorld.tickets[2].id, closed: setupWorld.tickets[3].id };
/** The team's hand work: a synonym on each of two tickets (kept as written), two rows without an ID (setup gives them one). */
const setupBase: RuntimeStateJson = (() => {
  const rt = open(setupWorld);
  const sh = tickets(rt);
  sh.getRange(`${col(rt, '紧急程度')}2`).setValue('urgent');
  sh.getRange(`${col(rt, '紧急程度')}6`).setValue('p3');
  for (const r of [8, 9]) {
    sh.getRange(`${col(rt, '问题标题')}${r}`).setValue(`手工登记 ${r}`);
    sh.getRange(`${col(rt, '当前状态')}${r}`).setValue('new');
  }
  return rt.toJSON();
})();

const runSetup = (rt: LocalRuntime) => {
  yes(rt);
  return rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
};

describe('setup racing the team', () => {
  const whens: When[] = ['dialog', ...Array.from({ length: holdsOf(setupBase, runSetup) }, (_, i) => i + 1)];
  it.each(WORK.flatMap((w) => whens.map((when) => [w.name, when, w] as const)))('%s, %s', (_n, when, work) => {
    const rt = Runtime.fromJSON(setupBase);
    const before = snapshot(rt);
    during(rt, when, () => work.run(rt, setupIds));
    const report = runSetup(rt);
    rt.executions.clearHooks();
    expect(report.ok).toBe(true);
    const may = merge(work.may(setupIds), { newTickets: 2 });
    const after = expectIntact(rt, before, may);
    work.check(rt, setupIds);
    // Setup's own work is whole: each hand row given one new ID, audited; the synonyms stay as written (issue 23).
    expect(cellOf(after, setupWorld.tickets[4].id, '紧急程度')).toBe('p3');
    const audited = new Set(after.audit.slice(before.audit.length).map((r) => String(r[2])));
    for (const title of ['手工登记 8', '手工登记 9']) {
      expect(titled(rt, title)).toHaveLength(1);
      expect(audited.has(titled(rt, title)[0])).toBe(true);
    }
    const ids = [...after.tickets.keys()];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Archiving

const pattern: StatusName[] = ['closed', 'pending', 'closed', 'inProgress', 'closed', 'resolved'];
const archiveWorld = world(Array.from({ length: 30 }, (_, i) => pattern[i % pattern.length]));
const due = archiveWorld.tickets.filter((t) => t.status === 'closed').map((t) => t.id);
const archiveIds: Ids = {
  pending: archiveWorld.tickets[1].id,
  inProgress: archiveWorld.tickets[3].id,
  resolved: archiveWorld.tickets[5].id,
  closed: archiveWorld.tickets[0].id,
};
const archiveBase: RuntimeStateJson = (() => {
  const rt = open(archiveWorld);
  rt.clock.set(rt.clock.now() + 100 * DAY);
  return rt.toJSON();
})();

const runArchive = (rt: LocalRuntime) => {
  yes(rt);
  return rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result;
};

describe('archiving racing the team', () => {
  const holds = holdsOf(archiveBase, runArchive);
  const whens: When[] = Array.from({ length: holds }, (_, i) => i + 1);
  it('takes the lock more than once (the due tickets span more runs than one hold deletes)', () => expect(holds).toBeGreaterThan(1));
  it.each(WORK.flatMap((w) => whens.map((when) => [w.name, when, w] as const)))('%s, before hold %s', (_n, when, work) => {
    const rt = Runtime.fromJSON(archiveBase);
    const before = snapshot(rt);
    during(rt, when, () => work.run(rt, archiveIds));
    const r = runArchive(rt);
    rt.executions.clearHooks();
    expect(r).toMatchObject({ ok: true, more: false });
    const after = expectIntact(rt, before, merge(work.may(archiveIds), { archive: due }));
    work.check(rt, archiveIds);
    // Every due ticket moved once; nothing else did.
    for (const id of due) {
      expect(after.archived.has(id)).toBe(true);
      expect(after.tickets.has(id)).toBe(false);
    }
    expect([...after.archived].sort()).toEqual([...due].sort());
  });
});
