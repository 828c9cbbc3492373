// The weekly review's calendar: ISO weeks in the spreadsheet's zone, their bounds as instants,
// review sheet names, and which week the scheduled build is due for.
import type { Lang } from '../schema';
import { SHEET_NAMES } from '../schema';
import type { Zone } from '../zone';
import {
  dayNumber,
  formatIsoWeek,
  fromDayNumber,
  fromLocal,
  isoWeekMonday,
  isoWeekOf,
  parseIsoWeek,
  toLocal,
} from '../zone';

export interface IsoWeek {
  year: number;
  week: number;
}

/** Day number of the week's Monday. */
export function mondayNumber(w: IsoWeek): number {
  const m = isoWeekMonday(w.year, w.week);
  return dayNumber(m.year, m.month, m.day);
}

function weekOfDayNumber(n: number): IsoWeek {
  const d = fromDayNumber(n);
  return isoWeekOf(d.year, d.month, d.day);
}

/** The ISO week `delta` weeks after (negative: before) `w`. */
export function shiftIsoWeek(w: IsoWeek, delta: number): IsoWeek {
  return weekOfDayNumber(mondayNumber(w) + 7 * delta);
}

/** The ISO week containing an instant, by the zone's calendar. */
export function isoWeekAt(nowMs: number, zone: Zone): IsoWeek {
  const l = toLocal(nowMs, zone);
  return isoWeekOf(l.year, l.month, l.day);
}

/** The ISO week before the one containing `nowMs` in the zone. */
export function previousIsoWeek(nowMs: number, zone: Zone): IsoWeek {
  return shiftIsoWeek(isoWeekAt(nowMs, zone), -1);
}

/**
 * The week as instants: Monday 00:00 local (inclusive) to the next Monday 00:00 local (exclusive).
 * Across a daylight-saving change the week is 167 or 169 hours long. A midnight that a DST jump
 * skips resolves to the first instant after the jump (see zone.fromLocal).
 */
export function weekBounds(week: IsoWeek, zone: Zone): { start: number; end: number } {
  const monday = mondayNumber(week);
  const a = fromDayNumber(monday);
  const b = fromDayNumber(monday + 7);
  return {
    start: fromLocal({ year: a.year, month: a.month, day: a.day }, zone),
    end: fromLocal({ year: b.year, month: b.month, day: b.day }, zone),
  };
}

/** `周报 2024-W19` / `Review 2024-W19`. */
export function reviewSheetName(week: IsoWeek, lang: Lang): string {
  return `${SHEET_NAMES.review[lang]} ${formatIsoWeek(week)}`;
}

/** The week a review sheet name refers to (either language), or null. */
export function parseReviewSheetName(name: string): IsoWeek | null {
  const m = /^\s*(?:周报|Review)\s+(\d{4}-W\d{1,2})\s*$/i.exec(String(name));
  return m ? parseIsoWeek(m[1]) : null;
}

export interface WeeklySchedule {
  /** ISO weekday 1 = Monday … 7 = Sunday */
  weekday: number;
  /** 0–23, spreadsheet time zone */
  hour: number;
}

export const DEFAULT_WEEKLY_SCHEDULE: WeeklySchedule = { weekday: 1, hour: 9 };

/**
 * The week the scheduled review should build now, or null when nothing is due.
 *
 * Each ISO week W has one scheduled moment: weekday/hour of W (local). From that moment until the
 * next week's moment, the due week is W − 1; before it, W − 2. The due week is returned unless
 * `lastBuiltWeek` (`2024-W19`, as recorded by the caller after a successful scheduled build) is that
 * week or later. So a late run still builds, a doubled run builds once, and after several skipped
 * weeks only the most recent due week is built (older weeks can be built on demand). An unreadable
 * `lastBuiltWeek` counts as never built; an invalid schedule falls back to Monday 09:00.
 * On-demand builds of other weeks should not update `lastBuiltWeek`.
 */
export function weeklyDue(
  lastBuiltWeek: string | null,
  nowMs: number,
  zone: Zone,
  schedule: WeeklySchedule = DEFAULT_WEEKLY_SCHEDULE,
): IsoWeek | null {
  const okWeekday = Number.isInteger(schedule?.weekday) && schedule.weekday >= 1 && schedule.weekday <= 7;
  const okHour = Number.isInteger(schedule?.hour) && schedule.hour >= 0 && schedule.hour <= 23;
  const weekday = okWeekday && okHour ? schedule.weekday : DEFAULT_WEEKLY_SCHEDULE.weekday;
  const hour = okWeekday && okHour ? schedule.hour : DEFAULT_WEEKLY_SCHEDULE.hour;
  const l = toLocal(nowMs, zone);
  const monday = dayNumber(l.year, l.month, l.day) - (l.weekday - 1);
  const d = fromDayNumber(monday + weekday - 1);
  const scheduledAt = fromLocal({ year: d.year, month: d.month, day: d.day, hour }, zone);
  const target = weekOfDayNumber(monday - (nowMs >= scheduledAt ? 7 : 14));
  const last = lastBuiltWeek ? parseIsoWeek(lastBuiltWeek) : null;
  if (last && mondayNumber(last) >= mondayNumber(target)) return null;
  return target;
}
