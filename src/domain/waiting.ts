// Waiting states (issue 18): "waiting for the requester" and "waiting for a vendor" (through a
// liaison, 接口人) are set and cleared on an open ticket; while one is set the resolution, escalation
// and update clocks stop (first response does not: sla/engine.ts).
//
// Storage: the tracker's hidden per-row record (系统记录, record.ts) keeps the state and every
// period, as an optional fifth segment, so that waiting time can be computed later by the sweep, the
// weekly review and the review data sheet without reading the audit log; the visible column
// `等待` / `Waiting` shows the current state (label, liaison) and is put back from the record when
// typed over. Reasons go to the work log and the audit.
//
// Segment text: `<current>;<periods>`, where current is empty, `r<since>` (requester) or
// `v<since>~<liaison, URI-encoded>` (vendor) and periods are `r<from>-<to>` / `v<from>-<to>` joined
// by commas; instants are epoch ms in base 36. Neither `|` nor white space can occur in it.
import { rethrowUnless } from './errors';
import type { CalendarSettings, Clock } from './calendar';
import { timeBetween } from './calendar';
import type { ClockPause } from './sla/engine';
import type { Lang } from './schema';
import { catalog } from './i18n';
import { parseRecord } from './record';
import type { Ticket } from './ticket';

export type WaitKind = 'requester' | 'vendor';
export const WAIT_KINDS: readonly WaitKind[] = ['requester', 'vendor'];

export interface WaitPeriod {
  kind: WaitKind;
  from: number;
  /** null while it is still running. */
  to: number | null;
}

export interface CurrentWait {
  kind: WaitKind;
  since: number;
  /** The vendor's liaison (接口人); '' for the requester. */
  liaison: string;
}

export interface WaitState {
  current: CurrentWait | null;
  /** Ended periods, oldest first. */
  periods: WaitPeriod[];
}

export const noWait = (): WaitState => ({ current: null, periods: [] });

const CODE: Record<WaitKind, string> = { requester: 'r', vendor: 'v' };
const KIND_OF: Record<string, WaitKind> = { r: 'requester', v: 'vendor' };
const b36 = (ms: number): string => Math.round(ms).toString(36);
const fromB36 = (s: string): number | null => {
  if (!/^[0-9a-z]{1,12}$/.test(s)) return null;
  const n = parseInt(s, 36);
  return Number.isSafeInteger(n) ? n : null;
};

/** The record segment for a state ('' when it never waited). */
export function formatWaitSegment(w: WaitState): string {
  if (!w.current && !w.periods.length) return '';
  const cur = w.current ? `${CODE[w.current.kind]}${b36(w.current.since)}${w.current.kind === 'vendor' ? `~${encodeURIComponent(w.current.liaison)}` : ''}` : '';
  const periods = w.periods.filter((p) => p.to !== null).map((p) => `${CODE[p.kind]}${b36(p.from)}-${b36(p.to as number)}`);
  return `${cur};${periods.join(',')}`;
}

function decodeLiaison(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    rethrowUnless(e, 'URIError');
    // A malformed %-sequence (decodeURIComponent's URIError) reads as no liaison.
    return '';
  }
}

/** Reads a record segment; anything unreadable is no wait at all (never throws). */
export function parseWaitSegment(s: unknown): WaitState {
  const out = noWait();
  if (typeof s !== 'string' || !s) return out;
  const semi = s.indexOf(';');
  const cur = semi < 0 ? s : s.slice(0, semi);
  const rest = semi < 0 ? '' : s.slice(semi + 1);
  const m = /^([rv])([0-9a-z]{1,12})(?:~(.*))?$/.exec(cur);
  if (m) {
    const since = fromB36(m[2]);
    const liaison = decodeLiaison(m[3] ?? '');
    if (since !== null) out.current = { kind: KIND_OF[m[1]], since, liaison: KIND_OF[m[1]] === 'vendor' ? liaison : '' };
  }
  for (const part of rest.split(',')) {
    const p = /^([rv])([0-9a-z]{1,12})-([0-9a-z]{1,12})$/.exec(part);
    if (!p) continue;
    const from = fromB36(p[2]);
    const to = fromB36(p[3]);
    if (from !== null && to !== null && to >= from) out.periods.push({ kind: KIND_OF[p[1]], from, to });
  }
  out.periods.sort((a, b) => a.from - b.from);
  return out;
}

/** Starts waiting at `at` (a wait already running of the other kind or liaison ends there). */
export function startWait(w: WaitState, kind: WaitKind, at: number, liaison = ''): WaitState {
  const ended = stopWait(w, at);
  return { current: { kind, since: at, liaison: kind === 'vendor' ? liaison : '' }, periods: ended.periods };
}

/** Ends the running wait at `at` (no change when none runs). */
export function stopWait(w: WaitState, at: number): WaitState {
  if (!w.current) return { current: null, periods: [...w.periods] };
  const to = Math.max(at, w.current.since);
  return { current: null, periods: [...w.periods, { kind: w.current.kind, from: w.current.since, to }] };
}

/** Every period, the running one ending at `now` (periods starting after now are ignored). */
export function waitPeriods(w: WaitState, now: number): Array<{ kind: WaitKind; from: number; to: number }> {
  const all = [...w.periods, ...(w.current ? [{ kind: w.current.kind, from: w.current.since, to: null }] : [])];
  return all
    .filter((p) => p.from <= now)
    .map((p) => ({ kind: p.kind, from: p.from, to: p.to === null ? now : Math.min(p.to, now) }))
    .filter((p) => p.to >= p.from);
}

/** The periods as SLA clock pauses (sla/engine.ts SlaContext.waits). */
export function waitPauses(w: WaitState, now: number): ClockPause[] {
  return waitPeriods(w, now).map((p) => ({ from: p.from, to: p.to }));
}

/**
 * Minutes spent waiting up to `now` on `clock` (working hours by default, as the targets mostly
 * run), overlapping periods counted once; `kind` limits it to one kind.
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * const at = (s) => Date.parse(s + '+08:00');
 * // Friday 17:00 → Monday 10:00: one working hour on Friday, one on Monday.
 * const w = { current: null, periods: [{ kind: 'requester', from: at('2024-05-03T17:00:00'), to: at('2024-05-06T10:00:00') }] };
 * waitingMinutes(w, at('2024-05-07T00:00:00'), cal); // => 120
 */
export function waitingMinutes(w: WaitState, now: number, cal: CalendarSettings, clock: Clock = 'working', kind?: WaitKind): number {
  if (!w.current && !w.periods.length) return 0; // never waited: most tickets of a review
  const list = waitPeriods(w, now)
    .filter((p) => !kind || p.kind === kind)
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let cursor = -Infinity;
  for (const p of list) {
    const from = Math.max(p.from, cursor);
    if (p.to > from) total += timeBetween(cal, clock, from, p.to);
    cursor = Math.max(cursor, p.to);
  }
  return Math.round(total / 60_000);
}

/** The visible `等待` cell for a state: '' when not waiting. */
export function waitLabel(w: WaitState | CurrentWait | null, lang: Lang): string {
  const cur = w && 'current' in w ? w.current : (w as CurrentWait | null);
  if (!cur) return '';
  const W = catalog(lang).waiting;
  return cur.kind === 'vendor' ? W.cellVendor(cur.liaison) : W.cellRequester;
}

/** The kind a client names (`requester`, `vendor`), or null for anything else. */
export function parseWaitKind(v: unknown): WaitKind | null {
  return typeof v === 'string' && (WAIT_KINDS as readonly string[]).includes(v) ? (v as WaitKind) : null;
}

/** The waiting state kept in a ticket's own record cell (another ticket's record counts as none). */
export function waitOf(tk: Pick<Ticket, 'id' | 'record'>): WaitState {
  // Most records have no wait segment (a fifth `|` field): nothing to parse then. The review asks
  // this of every ticket of the sheet and the archive.
  if (typeof tk.record !== 'string' || !hasWaitSegment(tk.record)) return noWait();
  const rec = parseRecord(tk.record);
  return rec && rec.id === tk.id ? parseWaitSegment(rec.wait) : noWait();
}

/** Whether a record has text after a fourth `|` (its wait segment), its surrounding spaces aside. */
function hasWaitSegment(record: string): boolean {
  let at = -1;
  for (let n = 0; n < 4; n++) {
    at = record.indexOf('|', at + 1);
    if (at < 0) return false;
  }
  // Any character trim() would keep after it (\s is trim's set), without a slice per ticket.
  NON_SPACE.lastIndex = at + 1;
  return NON_SPACE.test(record);
}
const NON_SPACE = /\S/g;

/**
 * Minutes a ticket (its record) or a state spent waiting up to `now`: for the weekly review and
 * the review data sheet's "time waiting" column. Working hours unless `clock` says otherwise.
 */
export function ticketWaitingMinutes(tk: Pick<Ticket, 'id' | 'record'> | WaitState, now: number, cal: CalendarSettings, clock: Clock = 'working'): number {
  return waitingMinutes('periods' in tk ? tk : waitOf(tk), now, cal, clock);
}
