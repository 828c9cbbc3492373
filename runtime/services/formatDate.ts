// Utilities.formatDate: Java SimpleDateFormat patterns (docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html,
// linked from developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format),
// English names, US week rules for `w` (weeks start Sunday, week 1 holds 1 January): the rules of
// Java's default en-US calendar. Unknown letters throw as Java does.
import { localFields, offsetMinutes } from '../zone';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/** Week of year, US rules: Sunday-first weeks, week 1 contains 1 January; late December may be week 1 of next year. */
function usWeekOfYear(y: number, m: number, d: number): number {
  const jan1Dow = new Date(Date.UTC(y, 0, 1)).getUTCDay(); // 0 = Sunday
  const doy = dayOfYear(y, m, d);
  const week = Math.floor((doy - 1 + jan1Dow) / 7) + 1;
  // The week holding 1 January of the next year is week 1.
  const nextJan1Dow = new Date(Date.UTC(y + 1, 0, 1)).getUTCDay();
  const daysInYear = dayOfYear(y, 12, 31);
  if (nextJan1Dow !== 0 && doy > daysInYear - nextJan1Dow) return 1;
  return week;
}

function offsetText(min: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (min === 0 && style !== 'Z') return 'Z';
  const sign = min < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(min) / 60), 2);
  const m = pad(Math.abs(min) % 60, 2);
  if (style === 'X') return `${sign}${h}`;
  if (style === 'XXX') return `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

function zoneName(epochMs: number, tz: string, long: boolean): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(epochMs))
      .find((p) => p.type === 'timeZoneName')?.value;
    // Intl has no abbreviation for many zones and answers "GMT+8": Java writes an offset as
    // "GMT Sign Hours : Minutes" (SimpleDateFormat, General time zone).
    const off = name && /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
    if (off) return `GMT${off[1]}${off[2].padStart(2, '0')}:${off[3] ?? '00'}`;
    if (name) return name;
  } catch (e) {
    // A fixed-offset zone (GMT+08:00), which Intl refuses with a RangeError: named by its offset below.
    if (!(e instanceof RangeError)) throw e;
  }
  return `GMT${offsetText(offsetMinutes(epochMs, tz), 'XXX').replace('Z', '')}`;
}

export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  const f = localFields(epochMs, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      // '' is a literal quote; 'text' is literal text.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      let j = i + 1;
      let lit = '';
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          lit += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else lit += pattern[j++];
      }
      if (end < 0) throw new Error('Unterminated quote');
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    out += field(c, n, f, epochMs, timeZone);
  }
  return out;
}

function field(c: string, n: number, f: ReturnType<typeof localFields>, epochMs: number, tz: string): string {
  const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  switch (c) {
    case 'G':
      return 'AD';
    case 'y':
    case 'Y': {
      // Y (week year) is approximated by the calendar year except in the last days of December.
      let year = f.year;
      if (c === 'Y' && f.month === 12 && usWeekOfYear(f.year, f.month, f.day) === 1) year++;
      return n === 2 ? pad(year % 100, 2) : pad(year, n);
    }
    case 'M':
    case 'L':
      if (n >= 4) return MONTHS[f.month - 1];
      if (n === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, n);
    case 'w':
      return pad(usWeekOfYear(f.year, f.month, f.day), n);
    case 'W': {
      const firstDow = new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay();
      return pad(Math.floor((f.day - 1 + firstDow) / 7) + 1, n);
    }
    case 'D':
      return pad(dayOfYear(f.year, f.month, f.day), n);
    case 'd':
      return pad(f.day, n);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, n);
    case 'E':
      return n >= 4 ? DAYS[f.weekday - 1] : DAYS[f.weekday - 1].slice(0, 3);
    case 'u':
      return pad(f.weekday, n);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, n);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, n);
    case 'K':
      return pad(f.hour % 12, n);
    case 'h':
      return pad(h12, n);
    case 'm':
      return pad(f.minute, n);
    case 's':
      return pad(f.second, n);
    case 'S':
      return pad(f.ms, n);
    case 'z':
      return zoneName(epochMs, tz, n >= 4);
    case 'Z':
      return offsetText(f.offset, 'Z');
    case 'X':
      return offsetText(f.offset, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
    default:
      throw new Error(`Illegal pattern character '${c}'`);
  }
}
