// Damaged sheets (issue 17): a header pasted over, cleared, pushed down, deleted; an audit, knowledge
// or archive sheet deleted or left half-made. Every operation must still work (never "the ticket
// sheet is missing", never a second sheet of the same name), repair must put the sheet back, and
// afterwards every ticket and earlier audit row is as it was except what the operation changed.
import type { LocalRuntime } from '../../../runtime';
import { LocalRuntime as Runtime } from '../../../runtime';
import type { RuntimeStateJson } from '../../../runtime';
import { FORM, token } from '../../app/helpers';
import type { May } from './invariants';
import { cellOf, expectIntact, snapshot } from './invariants';
import { act, open, world } from './world';
import type { EntryResult } from '../../entries';

const w = world(['closed', 'pending', 'inProgress', 'resolved']);
const [CLOSED, PENDING, IN_PROGRESS, RESOLVED] = w.tickets.map((t) => t.id);
const DAY = 86_400_000;
const yes = (rt: LocalRuntime) => (rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' }));
const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const sheet = (rt: LocalRuntime, name: string) => ss(rt).getSheetByName(name)!;
const status = (rt: LocalRuntime, id: string) => cellOf(snapshot(rt), id, '当前状态');
const NO_SHEET = /找不到工单表|No ticket sheet|already exists/;

interface Damage {
  name: string;
  apply: (rt: LocalRuntime) => void;
  /** The case itself removes audit rows (a deleted audit sheet): judged from after the damage. */
  judgeFromDamage?: boolean;
}

const widthOf = (rt: LocalRuntime) => sheet(rt, '工单').getLastColumn();
const DAMAGES: Damage[] = [
  { name: 'header pasted over', apply: (rt) => sheet(rt, '工单').getRange(1, 1, 1, widthOf(rt)).setValues([new Array(widthOf(rt)).fill('汇总')]) },
  { name: 'header cleared', apply: (rt) => sheet(rt, '工单').getRange(1, 1, 1, widthOf(rt)).clearContent() },
  { name: 'header cells pasted over in part', apply: (rt) => sheet(rt, '工单').getRange('A1:C1').setValues([['a', 'b', 'c']]) },
  { name: 'seven rows inserted above the header', apply: (rt) => sheet(rt, '工单').insertRowsBefore(1, 7) },
  {
    name: 'rows inserted above, then the header cleared',
    apply: (rt) => {
      sheet(rt, '工单').insertRowsBefore(1, 3);
      sheet(rt, '工单').getRange(4, 1, 1, widthOf(rt)).clearContent();
    },
  },
  { name: 'header row deleted (a ticket where it was)', apply: (rt) => sheet(rt, '工单').deleteRow(1) },
  { name: 'audit sheet deleted', apply: (rt) => ss(rt).deleteSheet(sheet(rt, '操作日志')), judgeFromDamage: true },
  { name: 'knowledge base deleted', apply: (rt) => ss(rt).deleteSheet(sheet(rt, '知识库')) },
  { name: 'archive sheet left empty by a failed creation', apply: (rt) => void ss(rt).insertSheet('归档') },
  { name: 'knowledge base header cleared', apply: (rt) => sheet(rt, '知识库').getRange(1, 1, 1, 7).clearContent() },
];

interface Op {
  name: string;
  /** Its answer, whatever it is: only looked at as text (no sheet-missing exception in it). */
  run: (rt: LocalRuntime) => unknown;
  may: May;
  /** Finishes the job after repair (idempotent). */
  finish: (rt: LocalRuntime) => void;
  done: (rt: LocalRuntime) => void;
}

const action = (id: string, name: string, payload: Record<string, unknown>, to: string): Op => ({
  name,
  run: (rt) => act(rt, id, name, payload),
  may: { tickets: { [id]: '*' } },
  finish: (rt) => {
    if (status(rt, id) !== to) expect(act(rt, id, name, payload).ok).toBe(true);
  },
  done: (rt) => expect(status(rt, id)).toBe(to),
});

const titled = (rt: LocalRuntime, title: string) => [...snapshot(rt).tickets.values()].filter((c) => c.get('问题标题') === title);

const OPS: Op[] = [
  {
    name: 'submit',
    run: (rt) => rt.callFromClient('submitTicket', { ...FORM, title: '损坏时提交' }, token()).result,
    may: { newTickets: 1 },
    finish: () => undefined,
    done: (rt) => expect(titled(rt, '损坏时提交')).toHaveLength(1),
  },
  action(PENDING, 'accept', {}, '处理中'),
  action(IN_PROGRESS, 'resolve', { solution: '重装驱动' }, '已解决'),
  action(RESOLVED, 'close', {}, '已关闭'),
  {
    name: 'archive',
    run: (rt) => {
      rt.clock.set(rt.clock.now() + 100 * DAY);
      yes(rt);
      return rt.call('archiveFromMenu').result;
    },
    may: { archive: [CLOSED] },
    finish: (rt) => {
      yes(rt);
      expect((rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result).ok).toBe(true);
    },
    done: (rt) => expect(snapshot(rt).archived.has(CLOSED)).toBe(true),
  },
  {
    name: 'SLA sweep',
    run: (rt) => {
      rt.clock.set(rt.clock.now() + 3 * 3_600_000);
      return rt.call('runSlaSweepFromMenu').result;
    },
    may: { anyTicket: ['响应截止', '解决截止', 'SLA状态'] },
    finish: () => undefined,
    done: () => undefined,
  },
];

const base: RuntimeStateJson = open(w).toJSON();
const text = (v: unknown): string => JSON.stringify(v ?? null);

describe.each(DAMAGES.map((d) => [d.name, d] as const))('%s', (_n, damage) => {
  it.each(OPS.map((o) => [o.name, o] as const))('then %s; then repair', (_o, op) => {
    const rt = Runtime.fromJSON(base);
    let before = snapshot(rt);
    damage.apply(rt);
    if (damage.judgeFromDamage) before = snapshot(rt);
    let result: unknown;
    expect(() => (result = op.run(rt))).not.toThrow();
    expect(text(result)).not.toMatch(NO_SHEET);
    rt.ui.asks = [];
    yes(rt);
    const report = rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    expect(report.ok).toBe(true);
    expect(report.messages.join('\n')).not.toMatch(NO_SHEET);
    expect(ss(rt).getSheets().filter((s) => s.getName() === '工单')).toHaveLength(1);
    op.finish(rt);
    op.done(rt);
    // Header back as it was, every ticket and earlier audit row intact but for what the op did.
    expectIntact(rt, before, op.may);
    // The side sheets are whole again.
    expect(sheet(rt, '操作日志').getRange('A1').getValue()).toBe('时间');
    expect(sheet(rt, '知识库').getRange('A1').getValue()).toBe('问题编号');
  });
});
