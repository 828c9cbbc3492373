// Setup / repair racing the team (issue 17): the Yes/No dialog stays open while others sort, act,
// submit and type. After the answer setup must work under the lock on what the sheet holds then,
// writing only the cells it changes, in short holds of the lock.
import type { LocalRuntime } from '../../runtime';
import { FORM, T0, column, submit, ticketRows, token, trackerRuntime } from '../app/helpers';
import { act } from '../scenarios/hostile/world';
import { expectIntact, snapshot } from '../scenarios/hostile/invariants';
import type { EntryResult } from '../entries';

const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const sheet = (rt: LocalRuntime) => ss(rt).getSheetByName('工单')!;
const answerYes = (rt: LocalRuntime) => (rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' }));
const setup = (rt: LocalRuntime): EntryResult<'setupTrackerFromMenu'> => {
  answerYes(rt);
  return rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
};

/**
 * A set-up tracker with 3 submitted tickets, then typed in by hand without the add-on noticing
 * (script writes fire no trigger): ticket 3's status as a synonym, and `extra` rows with no ID and
 * no submit time (setup dates those today, as intake does its own).
 */
function messyTracker(extra = 2): { rt: LocalRuntime; ids: string[] } {
  const rt = trackerRuntime();
  const ids = [1, 2, 3].map((i) => {
    rt.clock.set(T0 + i * 60_000);
    return submit(rt, { ...FORM, title: `${FORM.title} #${i}` }, token()).id as string;
  });
  const header = ticketRows(rt)[0] as string[];
  const c = (h: string) => header.indexOf(h) + 1;
  sheet(rt).getRange(4, c('当前状态')).setValue('open');
  for (let i = 0; i < extra; i++) {
    const row = 5 + i;
    sheet(rt).getRange(row, c('问题标题')).setValue(`手填的问题 ${i}`);
    sheet(rt).getRange(row, c('紧急程度')).setValue('urgent');
    sheet(rt).getRange(row, c('当前状态')).setValue('new');
  }
  rt.clock.set(T0 + 30 * 60_000);
  return { rt, ids };
}

/** Round trips between each Lock.tryLock and its releaseLock in a trace. */
function longestHolds(calls: { className: string; method: string }[]): number[] {
  const out: number[] = [];
  let from = -1;
  calls.forEach((c, i) => {
    if (c.className === 'Lock' && c.method === 'tryLock') from = i;
    if (c.className === 'Lock' && c.method === 'releaseLock' && from >= 0) {
      out.push(i - from);
      from = -1;
    }
  });
  return out;
}

const idOfTitle = (rt: LocalRuntime, title: string): unknown => {
  const rows = ticketRows(rt);
  const h = rows[0];
  return rows.find((r) => r[h.indexOf('问题标题')] === title)?.[h.indexOf('问题编号')];
};

describe('setup while the team works (the dialog is open)', () => {
  it('an agent accepting a ticket meanwhile is not reverted', () => {
    const { rt, ids } = messyTracker();
    rt.ui.whileAsking(() => {
      expect(act(rt, ids[0], 'accept').ok).toBe(true);
    });
    const before = snapshot(rt);
    rt.ui.asks = [];
    const report = setup(rt);
    expect(report.ok).toBe(true);
    expect(rt.ui.asks[0].prompt).toMatch(/补充问题编号/);
    const status = column(rt, '当前状态');
    // Words typed by hand stay as written (setup changes no value, issue 23; they are read as 待处理).
    expect(status.slice(0, 3)).toEqual(['处理中', '待处理', 'open']);
    expect(status.slice(3)).toEqual(['new', 'new']);
    // Only what setup added (the two IDs) plus the accept, each with its audit row (the accept's
    // "taken" mail to the requester, whom Google named at submit, stamps 最近回复时间).
    expectIntact(rt, before, { tickets: { [ids[0]]: ['当前状态', '最近更新时间', '首次响应时间', '负责人', '处理过程记录', 'SLA状态', '解决截止', '响应截止', '最近回复时间'] }, newTickets: 2 });
  });

  it('a ticket submitted meanwhile keeps its ID and no ID is given twice', () => {
    const { rt, ids } = messyTracker();
    let fresh = '';
    rt.ui.whileAsking(() => {
      fresh = submit(rt, { ...FORM, title: '对话框打开时提交' }, token()).id;
    });
    const report = setup(rt);
    expect(report.backfilledIds).toBe(2);
    const all = column(rt, '问题编号').map(String);
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6);
    expect(idOfTitle(rt, '对话框打开时提交')).toBe(fresh);
    expect(all.slice(0, 3)).toEqual(ids);
    // The hand-filled rows get IDs after every ID handed out, the submitted one included.
    expect([idOfTitle(rt, '手填的问题 0'), idOfTitle(rt, '手填的问题 1')].map(String).every((id) => id > fresh)).toBe(true);
  });

  it('a sort meanwhile: every ID lands on its own row, and no value of the team is changed', () => {
    const { rt, ids } = messyTracker(3);
    const header = ticketRows(rt)[0] as string[];
    rt.ui.whileAsking(() => {
      // Someone sorts by title, descending: the hand-filled rows move to the top.
      sheet(rt).getRange(2, 1, 6, header.length).sort({ column: header.indexOf('问题标题') + 1, ascending: false });
    });
    const report = setup(rt);
    expect(report.backfilledIds).toBe(3);
    const rows = ticketRows(rt).slice(1);
    const h = (name: string) => header.indexOf(name);
    for (const r of rows) {
      const title = String(r[h('问题标题')]);
      if (title.startsWith('手填的问题')) {
        expect(String(r[h('问题编号')])).toMatch(/^IT\d{11}$/);
        expect(r[h('紧急程度')]).toBe('urgent');
        expect(r[h('当前状态')]).toBe('new');
      } else {
        const n = Number(title.split('#')[1]);
        expect(r[h('问题编号')]).toBe(ids[n - 1]);
        expect(r[h('当前状态')]).toBe(n === 3 ? 'open' : '待处理');
      }
    }
    // The three new IDs follow sheet order as it was at the answer, one each.
    expect(new Set(rows.map((r) => r[h('问题编号')])).size).toBe(6);
  });

  it('a status typed by hand meanwhile (checked by the edit trigger) stays', () => {
    const { rt, ids } = messyTracker();
    const header = ticketRows(rt)[0] as string[];
    const letter = String.fromCharCode(65 + header.indexOf('当前状态'));
    rt.ui.whileAsking(() => {
      expect(rt.edit(`工单!${letter}3`, '处理中').ok).toBe(true);
    });
    setup(rt);
    expect(idOfTitle(rt, `${FORM.title} #2`)).toBe(ids[1]);
    expect(column(rt, '当前状态')[1]).toBe('处理中');
  });

  it('the ticket sheet deleted meanwhile: a clear message, nothing created in its place', () => {
    const { rt } = messyTracker();
    rt.ui.whileAsking(() => ss(rt).deleteSheet(sheet(rt)));
    const report = setup(rt);
    expect(report.ok).toBe(false);
    expect(report.messages.join('\n')).toMatch(/找不到工单表/);
    expect(ss(rt).getSheetByName('工单')).toBeNull();
  });
});

describe('setup holds the lock in short steps', () => {
  it('a large adoption lets submits in between its steps; each step is a few calls; the result is whole', () => {
    const { rt } = messyTracker(120);
    // Scatter the work: every other hand-filled row already has an ID, so each ID to give is a write of its own.
    const header = ticketRows(rt)[0] as string[];
    for (let i = 0; i < 120; i += 2) sheet(rt).getRange(5 + i, header.indexOf('问题编号') + 1).setValue(`IT20230101${String(i + 1).padStart(3, '0')}`);
    // How long each hold of the lock is, in round trips, from a dry run on a copy.
    const probe = (rt.constructor as typeof LocalRuntime).fromJSON(rt.toJSON());
    answerYes(probe);
    const holds = longestHolds(probe.faults.trace(() => probe.call('setupTrackerFromMenu')));
    const submitted: string[] = [];
    answerYes(rt);
    rt.interleave(
      'lock',
      () => {
        if (rt.executions.depth !== 1) return; // setup itself, not the submits run here
        // Someone submits between setup's steps (setup is paused before taking the lock again).
        const r = rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, title: `步骤之间 ${submitted.length}` }, token()).result;
        if (r.ok) submitted.push(r.id);
      },
      100,
    );
    const report = rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    rt.executions.clearHooks();
    expect(report.ok).toBe(true);
    expect(report.backfilledIds).toBe(60);
    // More than one hold, and every submit between them went through.
    expect(submitted.length).toBeGreaterThan(3);
    // Every hold is a bounded number of round trips (the formatting runs outside the lock).
    expect(holds.length).toBeGreaterThan(3);
    expect(Math.max(...holds)).toBeLessThanOrEqual(60);
    const ids = column(rt, '问题编号').map(String);
    expect(ids.every((id) => /^IT\d{11}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, id] of submitted.entries()) expect(idOfTitle(rt, `步骤之间 ${i}`)).toBe(id);
    // Every row given an ID was audited once; no other value was changed.
    const audit = ss(rt).getSheetByName('操作日志')!.getDataRange().getValues().slice(1).filter((r) => r[6] === '初始化');
    expect(audit).toHaveLength(60);
  });
});
