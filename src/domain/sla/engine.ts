// SLA engine: due times, states and hints. Pure code over the working calendar (calendar.ts).
// The `SLA状态` cell text is in text.ts, mail alerts in alerts.ts (one folder: domain/sla).
//
// Rules where the spec is silent
// - Clocks start at `submittedAt`. Due = submittedAt + target on the target's clock (working
//   hours or round the clock). A change of urgency recomputes from submittedAt with the new
//   target.
// - Boundaries: a target done at or before its due instant is `met`; an open target is `breached`
//   only once now is strictly after the due instant (at the due minute it is still `atRisk`, it
//   can still be met). `atRisk` from the instant `atRiskShare` of the target has elapsed on the
//   target's clock (share 0.75 of 1 working hour = after 45 working minutes).
// - Response is done at `firstResponseAt`; if that is empty on a resolved/closed ticket, at
//   `resolvedAt`. A ticket that has left 待处理 without any of those stamps (hand-made rows) has a
//   response "done at an unknown time": state null (not measured) unless the history says
//   otherwise.
// - Resolution is done when the status is 已解决/已关闭, at `resolvedAt`; closed without
//   `resolvedAt` (duplicate/withdrawn from 待处理) is not measured (null) unless history says
//   otherwise. `resolvedAt` on an open (reopened) ticket is ignored.
// - Reopen (已解决 → 处理中): the resolution clock keeps running from submission but excludes
//   the time the ticket spent resolved (waiting for the requester), as Zendesk does. The caller
//   passes those periods as `pauses` (see pausesFromStatusHistory, which derives them from the
//   audit log's status changes). Without pauses the clock simply ran on (stricter).
//   Pauses apply to resolution, escalation and update clocks; never to first response.
// - Waiting states (issue 18, waiting.ts): while the ticket waits for the requester or a vendor,
//   the resolution, escalation and update clocks stop (first response does not). The caller
//   passes the ticket's WaitState as `wait`: ended periods are pauses like the above, a running
//   one is a pause up to now, so the states are frozen as they were when the wait began (a target
//   already breached stays breached) and nothing changes by time alone until it ends. A wait that
//   outlasts the resolution counts only up to `resolvedAt`.
// - Sticky breach: a target whose previous state (parsed from the `SLA状态` cell, or passed in)
//   was `breached` or `missed` stays `breached` while open and becomes `missed` once done, even if
//   due times moved later (re-prioritisation, reopen, clock fix). Pass `previous: null` to
//   recompute from scratch (an explicit admin "recalculate" after fixing wrong settings).
// - Missing urgency: evaluated as `policy.fallbackUrgency` (default 中, the seed's "一般问题");
//   set it to null to leave such rows unmeasured. Missing submittedAt: nothing is measured (only
//   sticky history is kept).
// - Hints exist only while the ticket is open (status 待处理/处理中/empty):
//   `needsEscalation`: tier is 一线 or empty, and either the urgency is 高 (the seed: core
//   business stops → escalate at once; `policy.escalateHighImmediately`) or more than the
//   escalation target (30 working minutes) has elapsed since submission.
//   `updateOverdue`: more than the update interval (2 working hours) since the last progress
//   note, which is the latest of submittedAt (so pending tickets count from submission),
//   firstResponseAt, lastUpdateAt, the caller's lastWorkLogAt and the last reopen. The adapter
//   must stamp lastUpdateAt only on progress (work log, status change), not on sweep writes.
//
// Over ~400 lines: the rules comment at the top (what the spec leaves open) is a third of it; the
// code is one evaluation whose due times, states and hints share the clock rules (pauses,
// boundaries); the cell text and alerts are apart (text.ts, alerts.ts).
import { addTime, alwaysHasWorkingTime, timeBetween, type CalendarSettings, type Clock } from '../calendar';
import type { SlaHint, SlaState, Status, Urgency } from '../schema';
import type { Ticket } from '../ticket';
import { parsedSlaStates } from './text';
import type { WaitKind, WaitState } from '../waiting';
import { waitPauses } from '../waiting';

export type SlaClock = Clock;

export interface SlaTarget {
  minutes: number;
  clock: SlaClock;
}

export type UrgencyTargets = Record<Urgency, SlaTarget>;

export interface SlaPolicy {
  response: UrgencyTargets;
  /** Tier-1 escalation hint. */
  escalation: UrgencyTargets;
  resolution: UrgencyTargets;
  /** Progress update interval. */
  update: UrgencyTargets;
  /** Share of a target after which it is at risk, 0 < share ≤ 1 (default 0.75). */
  atRiskShare: number;
  /** 高 on tier 1 needs escalation at once (the seed: core business stopped). Default true. */
  escalateHighImmediately: boolean;
  /** Urgency assumed for rows without one; null = do not measure them. Default 'medium'. */
  fallbackUrgency: Urgency | null;
}

const URGENCIES: Urgency[] = ['high', 'medium', 'low'];
const same = (minutes: number, clock: SlaClock): UrgencyTargets => ({
  high: { minutes, clock },
  medium: { minutes, clock },
  low: { minutes, clock },
});

/**
 * The spec's defaults (docs/spec.md, SLA table). A new object each call.
 * @example
 * defaultPolicy().resolution.high; // => { minutes: 120, clock: '24x7' }
 * defaultPolicy().response.low; // => { minutes: 60, clock: 'working' }
 */
export function defaultPolicy(): SlaPolicy {
  return {
    response: same(60, 'working'),
    escalation: same(30, 'working'),
    resolution: {
      high: { minutes: 120, clock: '24x7' },
      medium: { minutes: 240, clock: 'working' },
      low: { minutes: 24 * 60, clock: 'working' },
    },
    update: same(120, 'working'),
    atRiskShare: 0.75,
    escalateHighImmediately: true,
    fallbackUrgency: 'medium',
  };
}

/** Human-readable problems with a policy (empty when usable), in English. */
export function policyProblems(p: SlaPolicy): string[] {
  const out: string[] = [];
  for (const kind of ['response', 'escalation', 'resolution', 'update'] as const) {
    for (const u of URGENCIES) {
      const t = p[kind]?.[u];
      if (!t || !Number.isFinite(t.minutes) || t.minutes <= 0)
        out.push(`${kind} target for ${u} must be a positive number of minutes`);
      else if (t.clock !== 'working' && t.clock !== '24x7')
        out.push(`${kind} clock for ${u} must be 'working' or '24x7'`);
    }
  }
  if (!(p.atRiskShare > 0 && p.atRiskShare <= 1))
    out.push('at-risk share must be above 0 and at most 1 (e.g. 0.75)');
  return out;
}

/** A period the resolution clock did not run: the ticket was resolved and later reopened. */
export interface ClockPause {
  from: number;
  to: number;
}

/** The two targets' states alone, read-only (a parsed status cell is shared, never copied). */
export type SlaStatePair = Readonly<Pick<SlaSummary, 'response' | 'resolution'>>;

/** States and hints: what the `SLA状态` cell says. */
export interface SlaSummary {
  response: SlaState | null;
  resolution: SlaState | null;
  hints: SlaHint[];
  /** The ticket is waiting (for the requester or a vendor): its clocks are stopped. */
  waiting?: WaitKind | null;
}

export interface SlaEvaluation extends SlaSummary {
  /** The urgency the targets were taken from (fallback applied), or null when not measured. */
  urgency: Urgency | null;
  responseDueAt: number | null;
  resolveDueAt: number | null;
  /** When each target turns at risk. */
  responseRiskAt: number | null;
  resolveRiskAt: number | null;
  /** When needsEscalation applies / applied (null when not applicable: tier 2, or closed). */
  escalationDueAt: number | null;
  /** When updateOverdue applies (null when closed). */
  updateDueAt: number | null;
  /** Share of each target used at now (or when done), on the target's clock; may exceed 1. */
  responseUsed: number | null;
  resolutionUsed: number | null;
  /** Earliest future instant at which this evaluation would change by time alone; null if never. */
  nextChangeAt: number | null;
}

export type SlaTicket = Pick<
  Ticket,
  | 'urgency'
  | 'submittedAt'
  | 'status'
  | 'tier'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'lastUpdateAt'
  | 'slaStatus'
>;

export interface SlaContext {
  /** Time of the newest work-log entry, if the caller parsed it. */
  lastWorkLogAt?: number | null;
  /**
   * The state before this evaluation, for sticky breaches. Default: parsed from `t.slaStatus`.
   * null: ignore history.
   */
  previous?: SlaSummary | null;
  /** Completed resolved → reopened periods (see pausesFromStatusHistory). */
  pauses?: readonly ClockPause[];
  /** The ticket's waiting periods (waiting.ts; from its record, waitOf). */
  wait?: WaitState | null;
  /**
   * When the requester last received progress (issue 18). Given (even null), the update clock
   * counts only that: submission, this and the last reopen, not internal work-log entries.
   */
  lastReplyAt?: number | null;
}

const isOpenStatus = (s: Status | null): boolean => s !== 'resolved' && s !== 'closed';
const ceil = Math.ceil;

function normalisePauses(pauses: readonly ClockPause[] | undefined, start: number): ClockPause[] {
  const list = (pauses ?? [])
    .filter((p) => p && Number.isFinite(p.from) && Number.isFinite(p.to) && p.to > p.from && p.to > start)
    .map((p) => ({ from: Math.max(p.from, start), to: p.to }))
    .sort((a, b) => a.from - b.from);
  const out: ClockPause[] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else out.push({ ...p });
  }
  return out;
}

/** No pauses: one shared list for the clocks that have none (most), not a new one per ticket. */
const NO_PAUSES: readonly ClockPause[] = Object.freeze([]);

/** The instant at which `duration` of clock time has run from `start`, not counting pauses. */
function dueWithPauses(
  cal: CalendarSettings,
  clock: SlaClock,
  start: number,
  duration: number,
  pauses: readonly ClockPause[],
): number {
  let cursor = start;
  let remaining = duration;
  // Indexed: asked for every ticket of a review, mostly before the engine optimises it.
  for (let i = 0; i < pauses.length; i++) {
    const p = pauses[i];
    if (p.to <= cursor) continue;
    const due = addTime(cal, clock, cursor, remaining);
    if (due <= p.from) return due;
    remaining -= timeBetween(cal, clock, cursor, p.from);
    cursor = p.to;
  }
  return addTime(cal, clock, cursor, remaining);
}

/** Clock time in [start, end), not counting pauses. */
function elapsedWithPauses(
  cal: CalendarSettings,
  clock: SlaClock,
  start: number,
  end: number,
  pauses: ClockPause[],
): number {
  let total = 0;
  let cursor = start;
  for (const p of pauses) {
    if (p.from >= end) break;
    if (p.to <= cursor) continue;
    total += timeBetween(cal, clock, cursor, Math.min(p.from, end));
    cursor = p.to;
  }
  if (end > cursor) total += timeBetween(cal, clock, cursor, end);
  return total;
}

function targetUrgency(t: Pick<Ticket, 'urgency'>, policy: SlaPolicy): Urgency | null {
  return t.urgency ?? policy.fallbackUrgency ?? null;
}

/**
 * Response and resolution due instants (for the `响应截止`/`解决截止` columns); nulls when the
 * ticket has no submission time (or no urgency and no fallback).
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * // 中 submitted Friday 16:00: respond within 1 working hour, resolve within 4 (two on Friday, two on Monday).
 * const due = dueTimes({ urgency: 'medium', submittedAt: Date.parse('2024-05-03T16:00:00+08:00') }, defaultPolicy(), cal);
 * new Date(due.responseDueAt).toISOString(); // => '2024-05-03T09:00:00.000Z'
 * new Date(due.resolveDueAt).toISOString(); // => '2024-05-06T03:00:00.000Z'
 */
export function dueTimes(
  t: Pick<Ticket, 'urgency' | 'submittedAt'>,
  policy: SlaPolicy,
  cal: CalendarSettings,
  pauses?: readonly ClockPause[],
): { responseDueAt: number | null; resolveDueAt: number | null } {
  const u = targetUrgency(t, policy);
  if (t.submittedAt === null || t.submittedAt === undefined || !Number.isFinite(t.submittedAt) || !u) {
    return { responseDueAt: null, resolveDueAt: null };
  }
  const s = t.submittedAt;
  const r = policy.response[u];
  const v = policy.resolution[u];
  return {
    responseDueAt: addTime(cal, r.clock, s, r.minutes * 60_000),
    resolveDueAt: dueWithPauses(cal, v.clock, s, v.minutes * 60_000, normalisePauses(pauses, s)),
  };
}

/** Apply history: once breached (or missed), never better than breached/missed. */
function sticky(state: SlaState | null, prev: SlaState | null | undefined, done: boolean): SlaState | null {
  if (prev === 'breached' || prev === 'missed') return done ? 'missed' : 'breached';
  if (state === null && prev === 'met' && done) return prev;
  return state;
}

interface TargetResult {
  state: SlaState | null;
  dueAt: number;
  riskAt: number;
  used: number;
}

function evalTarget(
  cal: CalendarSettings,
  target: SlaTarget,
  share: number,
  start: number,
  now: number,
  done: boolean,
  doneAt: number | null,
  pauses: ClockPause[],
): TargetResult {
  const ms = target.minutes * 60_000;
  const dueAt = dueWithPauses(cal, target.clock, start, ms, pauses);
  // ms * share is inexact in binary (3 600 000 × 0.55 = 1 980 000.0000000002): drop the float
  // noise before rounding up, or the at-risk instant lands 1 ms after the exact share.
  const riskAt = dueWithPauses(cal, target.clock, start, ceil(ms * share - 1e-3), pauses);
  const until = done ? (doneAt ?? now) : now;
  const used = until > start ? elapsedWithPauses(cal, target.clock, start, until, pauses) / ms : 0;
  let state: SlaState | null;
  if (done) state = doneAt === null ? null : doneAt <= dueAt ? 'met' : 'missed';
  else state = now > dueAt ? 'breached' : now >= riskAt ? 'atRisk' : 'onTrack';
  return { state, dueAt, riskAt, used };
}

function emptyEvaluation(prev: SlaStatePair | null, open: boolean, waiting: WaitKind | null): SlaEvaluation {
  return {
    waiting,
    response: sticky(null, prev?.response, !open),
    resolution: sticky(null, prev?.resolution, !open),
    hints: [],
    urgency: null,
    responseDueAt: null,
    resolveDueAt: null,
    responseRiskAt: null,
    resolveRiskAt: null,
    escalationDueAt: null,
    updateDueAt: null,
    responseUsed: null,
    resolutionUsed: null,
    nextChangeAt: null,
  };
}

/** What evaluate and slaStates both start from: the context, the sticky history, openness, targets. */
function basis(t: SlaTicket, policy: SlaPolicy, ctx: SlaContext | number | null | undefined) {
  const c: SlaContext =
    typeof ctx === 'number' || ctx === null || ctx === undefined ? { lastWorkLogAt: ctx ?? null } : ctx;
  // Read only: the states as the cell says them (no copy: the weekly review asks every ticket).
  const prev: SlaStatePair | null = c.previous !== undefined ? c.previous : parsedSlaStates(t.slaStatus);
  const status = t.status ?? null;
  return { c, prev, status, open: isOpenStatus(status), u: targetUrgency(t, policy), start: t.submittedAt };
}

/**
 * Evaluate a ticket at `nowMs`. The fifth argument is either the context or, for short calls,
 * just `lastWorkLogAt`.
 * @example
 * const cal = defaultCalendar(intlZone('Asia/Shanghai'));
 * const submittedAt = Date.parse('2024-05-03T10:00:00+08:00');
 * const ticket = { urgency: 'medium', submittedAt, status: 'pending', tier: 'tier1', firstResponseAt: null, resolvedAt: null, lastUpdateAt: null, slaStatus: '' };
 * // 50 working minutes later: 75% of the 1-hour response target used, and past the 30-minute escalation mark.
 * const ev = evaluate(ticket, submittedAt + 50 * 60_000, defaultPolicy(), cal);
 * [ev.response, ev.resolution, ev.hints]; // => ['atRisk', 'onTrack', ['needsEscalation']]
 * formatSlaStatus(ev, 'en'); // => 'Response: At risk · Resolution: On track · Needs escalation'
 */
export function evaluate(
  t: SlaTicket,
  nowMs: number,
  policy: SlaPolicy,
  cal: CalendarSettings,
  ctx?: SlaContext | number | null,
): SlaEvaluation {
  const { c, prev, status, open, u, start } = basis(t, policy, ctx);
  // Only an open ticket waits (resolving or closing ends a wait; a hand-made row may say otherwise).
  const waiting: WaitKind | null = open && c.wait?.current && c.wait.current.since <= nowMs ? c.wait.current.kind : null;
  if (start === null || start === undefined || !Number.isFinite(start) || !u)
    return emptyEvaluation(prev, open, waiting);

  const share = Math.min(1, Math.max(0, policy.atRiskShare));
  const { completed, waits, stopped } = stoppedPeriods(c, start, nowMs);

  // First response.
  const respondedAt = t.firstResponseAt ?? (!open ? (t.resolvedAt ?? null) : null);
  const responseDone = respondedAt !== null || (status !== null && status !== 'pending');
  const resp = evalTarget(cal, policy.response[u], share, start, nowMs, responseDone, respondedAt, []);

  // Resolution.
  const resolvedAt = !open ? (t.resolvedAt ?? null) : null;
  const reso = evalTarget(cal, policy.resolution[u], share, start, nowMs, !open, resolvedAt, resolutionPauses(stopped, resolvedAt));

  const ev: SlaEvaluation = {
    response: sticky(resp.state, prev?.response, responseDone),
    resolution: sticky(reso.state, prev?.resolution, !open),
    hints: [],
    waiting,
    urgency: u,
    responseDueAt: resp.dueAt,
    resolveDueAt: reso.dueAt,
    responseRiskAt: resp.riskAt,
    resolveRiskAt: reso.riskAt,
    escalationDueAt: null,
    updateDueAt: null,
    responseUsed: resp.used,
    resolutionUsed: reso.used,
    nextChangeAt: null,
  };
  if (!open) return ev;

  const future: number[] = [];
  const watch = (state: SlaState | null, r: TargetResult): void => {
    if (state === 'onTrack') future.push(r.riskAt);
    if (state === 'onTrack' || state === 'atRisk') future.push(r.dueAt + 1);
  };
  if (!responseDone) watch(ev.response, resp);
  // While waiting the stopped clocks' instants move on with now: no change by time alone.
  if (!waiting) watch(ev.resolution, reso);

  // Hints.
  if (t.tier === null || t.tier === 'tier1') {
    const e = policy.escalation[u];
    ev.escalationDueAt =
      u === 'high' && policy.escalateHighImmediately
        ? start
        : dueWithPauses(cal, e.clock, start, e.minutes * 60_000, stopped);
    if (nowMs > ev.escalationDueAt || (u === 'high' && policy.escalateHighImmediately))
      ev.hints.push('needsEscalation');
    else if (!waiting) future.push(ev.escalationDueAt + 1);
  }
  const lastReopen = completed.length ? completed[completed.length - 1].to : null;
  const progress = c.lastReplyAt !== undefined ? [start, c.lastReplyAt, lastReopen] : [start, t.firstResponseAt, t.lastUpdateAt, c.lastWorkLogAt, lastReopen];
  const marks = progress.filter(
    (x): x is number => typeof x === 'number' && Number.isFinite(x) && x <= nowMs,
  );
  // A submission stamped in the future (clock skew) leaves no mark: count from it anyway.
  const lastNote = marks.length ? Math.max(...marks) : start;
  const up = policy.update[u];
  ev.updateDueAt = waits.length
    ? dueWithPauses(cal, up.clock, lastNote, up.minutes * 60_000, normalisePauses(waits, lastNote))
    : addTime(cal, up.clock, lastNote, up.minutes * 60_000);
  if (nowMs > ev.updateDueAt) ev.hints.push('updateOverdue');
  else if (!waiting) future.push(ev.updateDueAt + 1);

  const next = future.filter((x) => x > nowMs);
  ev.nextChangeAt = next.length ? Math.min(...next) : null;
  return ev;
}

/**
 * The response and resolution states `evaluate` gives, for a caller that wants nothing else (the
 * weekly review asks them of every ticket). Computes only the instants the states depend on: none
 * for a target already breached or missed (the history decides), the due instant for one done, the
 * at-risk instant only for one open and not yet due; never the time used or the hints (which on an
 * old open ticket means walking the calendar day by day since submission). On a calendar that could
 * run out of working time, skipping an instant could skip its error: there it is evaluate itself.
 * test/domain/sla/engine.test.ts checks it against evaluate over random tickets.
 */
export function slaStates(
  t: SlaTicket,
  nowMs: number,
  policy: SlaPolicy,
  cal: CalendarSettings,
  ctx?: SlaContext | number | null,
): { response: SlaState | null; resolution: SlaState | null } {
  if (!alwaysHasWorkingTime(cal)) {
    const ev = evaluate(t, nowMs, policy, cal, ctx);
    return { response: ev.response, resolution: ev.resolution };
  }
  const { c, prev, status, open, u, start } = basis(t, policy, ctx);
  if (start === null || start === undefined || !Number.isFinite(start) || !u)
    return { response: sticky(null, prev?.response, !open), resolution: sticky(null, prev?.resolution, !open) };
  const share = Math.min(1, Math.max(0, policy.atRiskShare));
  const respondedAt = t.firstResponseAt ?? (!open ? (t.resolvedAt ?? null) : null);
  const responseDone = respondedAt !== null || (status !== null && status !== 'pending');
  const response = stateOf(cal, start, nowMs, share, policy.response[u], responseDone, respondedAt, NO_PAUSES, prev?.response);
  // As evaluate: the reopen pauses that ended and the waiting periods stop the resolution clock
  // (worked out only when the state needs them).
  const resolvedAt = !open ? (t.resolvedAt ?? null) : null;
  const resolutionBefore = prev?.resolution;
  // Never reopened and never waited (most tickets of a review): no periods to work out.
  const stops = !!(c.pauses?.length || c.wait?.current || c.wait?.periods.length);
  const pauses = stops && needsInstants(!open, resolvedAt, resolutionBefore) ? resolutionPauses(stoppedPeriods(c, start, nowMs).stopped, resolvedAt) : NO_PAUSES;
  const resolution = stateOf(cal, start, nowMs, share, policy.resolution[u], !open, resolvedAt, pauses, resolutionBefore);
  return {
    response: sticky(response, prev?.response, responseDone),
    resolution: sticky(resolution, resolutionBefore, !open),
  };
}

/** Whether a target's state depends on its instants (not decided by a breach, or done without a time). */
const needsInstants = (done: boolean, doneAt: number | null, before: SlaState | null | undefined): boolean =>
  !(before === 'breached' || before === 'missed' || (done && doneAt === null));

/** The state evalTarget gives, from the instants it needs (sticky ignores it after a breach). */
function stateOf(
  cal: CalendarSettings,
  start: number,
  nowMs: number,
  share: number,
  target: SlaTarget,
  done: boolean,
  doneAt: number | null,
  pauses: readonly ClockPause[],
  before: SlaState | null | undefined,
): SlaState | null {
  if (!needsInstants(done, doneAt, before)) return null;
  const ms = target.minutes * 60_000;
  const dueAt = dueWithPauses(cal, target.clock, start, ms, pauses);
  if (done) return (doneAt as number) <= dueAt ? 'met' : 'missed';
  if (nowMs > dueAt) return 'breached';
  return nowMs >= dueWithPauses(cal, target.clock, start, ceil(ms * share - 1e-3), pauses) ? 'atRisk' : 'onTrack';
}

/**
 * The periods that stop the clocks at `nowMs`: the reopen pauses that have ended (a pause still
 * running is the current resolution), the waiting periods (a running one up to now), and both
 * merged. evaluate and slaStates both read a ticket's pauses here.
 */
function stoppedPeriods(c: SlaContext, start: number, nowMs: number): { completed: ClockPause[]; waits: ClockPause[]; stopped: ClockPause[] } {
  const completed = normalisePauses(c.pauses, start).filter((p) => p.from < nowMs && p.to <= nowMs);
  const waits = c.wait ? normalisePauses(waitPauses(c.wait, nowMs), start) : [];
  const stopped = waits.length ? normalisePauses([...completed, ...waits], start) : completed;
  return { completed, waits, stopped };
}

/** The stopped periods that count against a resolution: those that began before it. */
const resolutionPauses = (stopped: ClockPause[], resolvedAt: number | null): ClockPause[] =>
  resolvedAt !== null ? stopped.filter((p) => p.from < resolvedAt) : stopped;

/**
 * Periods spent resolved before a reopen, from status changes in time order (e.g. read from the
 * audit log). A resolution still in force (no reopen after it) is not a pause.
 * @example
 * const history = [
 *   { at: 1_000, status: 'inProgress' },
 *   { at: 2_000, status: 'resolved' },
 *   { at: 5_000, status: 'inProgress' }, // reopened: resolved from 2 000 to 5 000
 *   { at: 7_000, status: 'resolved' }, // still resolved: not a pause
 * ];
 * pausesFromStatusHistory(history); // => [{ from: 2_000, to: 5_000 }]
 */
export function pausesFromStatusHistory(
  changes: ReadonlyArray<{ at: number; status: Status | null }>,
): ClockPause[] {
  const sorted = changes
    .filter((c) => Number.isFinite(c.at))
    .slice()
    .sort((a, b) => a.at - b.at);
  const out: ClockPause[] = [];
  let resolvedSince: number | null = null;
  for (const ch of sorted) {
    if (ch.status === 'resolved' || ch.status === 'closed') {
      if (resolvedSince === null) resolvedSince = ch.at;
    } else if (resolvedSince !== null) {
      if (ch.at > resolvedSince) out.push({ from: resolvedSince, to: ch.at });
      resolvedSince = null;
    }
  }
  return out;
}
