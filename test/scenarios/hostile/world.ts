// Starting states for hostile cases: a set-up tracker holding tickets in chosen statuses, built once
// through the real entry points (submit, sidebar actions) and copied for every case, so hundreds of
// cases stay fast and each starts from the same sheet.
import { LocalRuntime } from '../../../runtime';
import type { RuntimeStateJson } from '../../../runtime';
import type { ActionOutcome, TicketViewResult } from '../../../src/app/contracts';
import { columnLetter } from '../../../src/domain/columns';
import { FORM, T0, submitHidden, token, trackerRuntime } from '../../app/helpers';
import { TICKET_SHEETS } from './invariants';

export type StatusName = 'pending' | 'inProgress' | 'resolved' | 'closed';
export const STATUS_LABEL: Record<StatusName, string> = { pending: '待处理', inProgress: '处理中', resolved: '已解决', closed: '已关闭' };
export const STATUSES: StatusName[] = ['pending', 'inProgress', 'resolved', 'closed'];

export interface World {
  state: RuntimeStateJson;
  /** Ticket IDs in sheet-row order (row 2 first), with the status each was brought to. */
  tickets: { id: string; status: StatusName }[];
}

/** An action's answer with every field of both outcomes (a case reads whichever it expects). */
export type ActionAnswer = Extract<ActionOutcome, { ok: true }> & Omit<Extract<ActionOutcome, { ok: false }>, 'ok'> & { ok: boolean };

/** An agent action through the sidebar, as a person would (view, then act on its version). */
export function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}): ActionAnswer {
  const v = rt.callFromClient<TicketViewResult>('getTicketView', id).result;
  return rt.callFromClient<ActionAnswer>('applyTicketAction', id, action, payload, v.ok ? v.version : undefined).result;
}

function bring(rt: LocalRuntime, id: string, status: StatusName): void {
  const steps: [string, Record<string, unknown>][] = {
    pending: [],
    inProgress: [['accept', {}]],
    resolved: [['accept', {}], ['resolve', { solution: '重启服务后恢复' }]],
    closed: [['accept', {}], ['resolve', { solution: '重启服务后恢复' }], ['close', {}]],
  }[status] as [string, Record<string, unknown>][];
  for (const [a, p] of steps) {
    const r = act(rt, id, a, p);
    if (!r.ok) throw new Error(`world: ${a} on ${id} failed: ${JSON.stringify(r.errors)}`);
  }
}

const cache = new Map<string, World>();

/** A tracker whose rows 2… hold one ticket per status given (cached: build once per test file). */
export function world(statuses: readonly StatusName[], opts: { locale?: string } = {}): World {
  const key = `${opts.locale ?? 'zh-CN'}:${statuses.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rt = trackerRuntime({ locale: opts.locale });
  const tickets = statuses.map((status, i) => {
    rt.clock.set(T0 + i * 60_000);
    // From the web form by a visitor Google does not name, contact an extension: no address, so
    // the cases here send no requester mail (test/app/notify.test.ts covers that).
    const r = submitHidden(rt, { ...FORM, title: `${FORM.title} #${i + 1}` }, token());
    if (!r.ok) throw new Error(`world: submit failed: ${JSON.stringify(r)}`);
    return { id: r.id as string, status };
  });
  rt.clock.set(T0 + statuses.length * 60_000 + 5 * 60_000);
  for (const t of tickets) bring(rt, t.id, t.status);
  rt.clock.set(rt.clock.now() + 10 * 60_000);
  rt.ui.toasts = [];
  const w = { state: rt.toJSON(), tickets };
  cache.set(key, w);
  return w;
}

/** A fresh runtime on a copy of the world's state. */
export const open = (w: World): LocalRuntime => LocalRuntime.fromJSON(w.state);

/** The ticket sheet's header labels (row 1). */
export function headerOf(rt: LocalRuntime): string[] {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const sh = TICKET_SHEETS.map((n) => ss.getSheetByName(n)).find(Boolean);
  if (!sh) throw new Error('no ticket sheet');
  return sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0].map(String);
}

/** The column letter of a header label (`当前状态` → `I`). */
export function col(rt: LocalRuntime, header: string): string {
  const i = headerOf(rt).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return columnLetter(i + 1);
}

/** `工单!I2:I5` for a column and a span of sheet rows. */
export const area = (rt: LocalRuntime, header: string, fromRow: number, toRow = fromRow): string =>
  `工单!${col(rt, header)}${fromRow}${toRow !== fromRow ? `:${col(rt, header)}${toRow}` : ''}`;

/** A grid of one value repeated (a paste of n×m cells). */
export const grid = (value: string, rows: number, cols = 1): string[][] => Array.from({ length: rows }, () => new Array(cols).fill(value));

/** The last toast's message ('' if none). */
export const lastToast = (rt: LocalRuntime): string => rt.ui.toasts[rt.ui.toasts.length - 1]?.message ?? '';
