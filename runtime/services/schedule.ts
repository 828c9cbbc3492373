// When a time-driven trigger fires. Google picks a time inside the requested window ("if you create
// a recurring 9 a.m. trigger, Apps Script chooses a time between 9 a.m. and 10 a.m." —
// guides/triggers/installable#time-driven_triggers); the runtime fires at the start of the window so
// tests are deterministic:
//   everyMinutes(n) / everyHours(n): creation time + k·n (k ≥ 1); with nearMinute(m) on hours the
//     minute is pinned to m.
//   everyDays(n): at atHour(h):nearMinute(m) (default: the creation time's hour and minute) in the
//     trigger's zone (inTimezone, else the script zone), first occurrence after creation, then every
//     n calendar days.
//   everyWeeks(n)/onWeekDay(d): on weekday d (default: creation weekday) at h:m, every n weeks.
//   onMonthDay(d): day d of every month at h:m.
//   at(date) / after(ms) / atDate(y,m,d): once; the trigger stays listed after it fires (one-off
//     triggers count towards the 20 until deleted), but never fires again.
import { fromWall, localFields } from '../zone';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface ClockSchedule {
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay' | 'once';
  every?: number;
  hour?: number;
  minute?: number;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday?: number;
  monthDay?: number;
  at?: number;
  timeZone?: string;
}

/** The first fire time strictly after `afterMs` (null: never again). */
export function nextFire(s: ClockSchedule, createdAt: number, afterMs: number, scriptTz: string): number | null {
  const tz = s.timeZone ?? scriptTz;
  const after = Math.max(afterMs, createdAt);
  switch (s.kind) {
    case 'once':
      return s.at !== undefined && s.at > afterMs ? s.at : null;
    case 'minutes':
    case 'hours': {
      const step = (s.every ?? 1) * (s.kind === 'minutes' ? MIN : HOUR);
      let base = createdAt;
      if (s.kind === 'hours' && s.minute !== undefined) {
        // Pin the minute: the first slot at :m after creation.
        const f = localFields(createdAt, tz);
        base = createdAt - ((f.minute - s.minute + 60) % 60) * MIN - f.second * 1000 - f.ms;
        if (base <= createdAt) base += HOUR;
        if (base > after) return base;
        return base + (Math.floor((after - base) / step) + 1) * step;
      }
      const k = Math.max(1, Math.floor((after - base) / step) + 1);
      return base + k * step;
    }
    case 'days':
    case 'weeks':
    case 'monthDay': {
      const c = localFields(createdAt, tz);
      const hour = s.hour ?? c.hour;
      const minute = s.minute ?? (s.hour !== undefined ? 0 : c.minute);
      const a = localFields(after, tz);
      // Walk calendar days from the later of creation and `after`; bounded by one period plus slack.
      const startDay = Date.UTC(a.year, a.month - 1, a.day);
      const createdDay = Date.UTC(c.year, c.month - 1, c.day);
      const limit = s.kind === 'monthDay' ? 400 : (s.every ?? 1) * (s.kind === 'weeks' ? 7 : 1) + 8;
      for (let i = 0; i <= limit; i++) {
        const dayMs = startDay + i * DAY;
        const d = new Date(dayMs);
        const daysSince = Math.round((dayMs - createdDay) / DAY);
        const weekday = ((d.getUTCDay() + 6) % 7) + 1;
        let ok: boolean;
        if (s.kind === 'days') ok = daysSince % (s.every ?? 1) === 0;
        else if (s.kind === 'weeks') {
          const wd = s.weekday ?? c.weekday;
          // Week index counted from the first matching weekday on or after creation.
          const firstMatch = createdDay + (((wd - c.weekday + 7) % 7) * DAY);
          const weeks = Math.round((dayMs - firstMatch) / (7 * DAY));
          ok = weekday === wd && dayMs >= firstMatch && weeks % (s.every ?? 1) === 0;
        } else ok = d.getUTCDate() === s.monthDay;
        if (!ok) continue;
        const t = fromWall(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
        if (t > after) return t;
      }
      return null;
    }
  }
}
