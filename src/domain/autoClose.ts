// Auto-close (issue 18): a resolved ticket the requester never answers closes itself with the
// feedback 无回复 after N working days (settings, default 3), after one reminder. Working days follow
// the team calendar (weekends, holidays, make-up days): N working days are N working-day lengths
// of working time, so a ticket resolved on Friday 17:00 with N = 3 closes on Wednesday 17:00.
import type { CalendarSettings } from './calendar';
import { addWorkingTime } from './calendar';

export const AUTO_CLOSE_DEFAULT_DAYS = 3;

/** Tickets reminded and not yet closed, remembered: `[ticket ID, resolvedAt, remindedAt]`. */
export type Reminded = Array<[string, number, number]>;

/** One working day of working time in this calendar (its daily hours, breaks left out). */
export function workingDayMs(cal: CalendarSettings): number {
  const breaks = (cal.breaks ?? []).reduce((n, b) => n + Math.max(0, Math.min(b.end, cal.workEnd) - Math.max(b.start, cal.workStart)), 0);
  return Math.max(1, cal.workEnd - cal.workStart - breaks) * 60_000;
}

/**
 * When the reminder is due (one working day before the close, or at once when N is 1) and when
 * the ticket would close.
 */
export function autoCloseTimes(cal: CalendarSettings, resolvedAt: number, days: number): { remindAt: number; closeAt: number } {
  const day = workingDayMs(cal);
  return { remindAt: addWorkingTime(cal, resolvedAt, Math.max(0, days - 1) * day), closeAt: addWorkingTime(cal, resolvedAt, days * day) };
}

/**
 * What is due now for a ticket resolved at `resolvedAt`: the reminder, the close, or nothing. The
 * close needs the reminder first and a working day for the requester to act on it, so a tracker
 * whose sweep did not run for days still reminds before it closes.
 */
export function autoCloseStep(cal: CalendarSettings, now: number, resolvedAt: number, days: number, remindedAt: number | null): 'remind' | 'close' | null {
  const { remindAt, closeAt } = autoCloseTimes(cal, resolvedAt, days);
  if (remindedAt === null) return now >= remindAt ? 'remind' : null;
  return now >= closeAt && now >= addWorkingTime(cal, remindedAt, workingDayMs(cal)) ? 'close' : null;
}

/** The stored list read back; anything else in it is dropped. */
export function parseReminded(v: unknown): Reminded {
  if (!Array.isArray(v)) return [];
  return v.filter((p): p is [string, number, number] => Array.isArray(p) && p.length === 3 && typeof p[0] === 'string' && typeof p[1] === 'number' && typeof p[2] === 'number');
}

/** A ticket whose reminder or close is due, at the sheet row the sweep's read found it in. */
export interface DueStep {
  id: string;
  row: number;
  resolvedAt: number;
  step: 'remind' | 'close';
}

/**
 * The steps one sweep run does: closes first (their reminders went out earlier), oldest resolution
 * first, at most `max`, reminders only while `remindSlots` last, and only rows within `maxSpan`
 * rows of each other — the run reads and writes its rows as one block. The rest wait for the next run.
 */
export function pickBatch(due: readonly DueStep[], max: number, maxSpan: number, remindSlots: number): { picked: DueStep[]; deferred: number } {
  const order = [...due].sort((a, b) => (a.step === b.step ? a.resolvedAt - b.resolvedAt || a.row - b.row : a.step === 'close' ? -1 : 1));
  const picked: DueStep[] = [];
  let top = Infinity;
  let bottom = -Infinity;
  let slots = remindSlots;
  for (const d of order) {
    const spans = Math.max(bottom, d.row) - Math.min(top, d.row) + 1 <= maxSpan;
    if (picked.length >= max || !spans || (d.step === 'remind' && slots <= 0)) continue;
    if (d.step === 'remind') slots--;
    picked.push(d);
    top = Math.min(top, d.row);
    bottom = Math.max(bottom, d.row);
  }
  return { picked, deferred: due.length - picked.length };
}
