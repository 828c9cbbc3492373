// Dates as teams write them in their own sheets (issue 23): ISO with `T`/`Z`/offsets and fractional
// seconds, US `1/14/25 10:23 AM`, European `14-01-2025 10:23`, Chinese `2025/1/14 10:23:31` and
// `2025年1月14日 下午3:05`, month names (`Jan 14, 2025`, `14-Jan-2025`). Whether `03/04/2025` is
// 3 April or 4 March cannot be told from one cell: the whole column decides (`dayMonthOrder`), and
// the decision is reported to the admin.
import type { Zone } from './zone';
import { fromLocal } from './zone';

export type DayMonthOrder = 'dmy' | 'mdy';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC when the text names its zone (`Z`, `+08:00`); otherwise the sheet's zone. */
  offset: number | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const TIME = String.raw`(?:[T\s]*(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})[:：时點点](\d{2})(?:[:：分](\d{2})(?:[.,](\d{1,9}))?)?秒?\s*(am|pm|a\.m\.|p\.m\.|上午|下午)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?)?`;
const DATE_YMD = new RegExp(
  String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?` + TIME + '$',
  'i',
);
const DATE_AB_Y = new RegExp(
  String.raw`^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})` + TIME + '$',
  'i',
);
// `Jan 14, 2025`, `January 14 2025 10:23 AM`, `Tue Jan 14 2025 10:23:31`
const DATE_MON_D_Y = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + TIME + '$',
  'i',
);
// `14 Jan 2025`, `14-Jan-2025`, `14-Jan-25 10:23`
const DATE_D_MON_Y = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4}|\d{2})` +
    TIME +
    '$',
  'i',
);

/** The shapes a text date may have; `ab` is `a/b/year` whose day/month order the column decides. */
type Shape =
  { kind: 'fixed'; parts: DateParts } | { kind: 'ab'; a: number; b: number; sep: string; rest: DateParts };

const year2 = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

function timeParts(m: RegExpExecArray, at: number): Omit<DateParts, 'year' | 'month' | 'day'> | null {
  const [pre, h, mi, s, frac, post, tz] = m.slice(at, at + 7);
  if (h === undefined) return { hour: 0, minute: 0, second: 0, ms: 0, offset: null };
  let hour = Number(h);
  const marker = (pre ?? post ?? '').toLowerCase().replace(/\./g, '');
  if (marker) {
    const pm = marker === 'pm' || marker === '下午' || marker === '晚上' || (marker === '中午' && hour < 11);
    if (hour < 1 || hour > 12) {
      // `下午 15:00` is still 15:00; `13:00 PM` is nonsense.
      if (!(hour > 12 && hour < 24 && (marker === '下午' || marker === '晚上'))) return null;
    } else if (pm) hour = hour === 12 ? 12 : hour + 12;
    else if (hour === 12) hour = 0;
  }
  let offset: number | null = null;
  if (tz) {
    const z = tz.toLowerCase();
    if (z === 'z' || z === 'utc' || z === 'gmt') offset = 0;
    else {
      const tm = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
      if (!tm) return null;
      offset = (tm[1] === '-' ? -1 : 1) * (Number(tm[2]) * 60 + Number(tm[3]));
    }
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  return { hour, minute: Number(mi), second: Number(s ?? 0), ms, offset };
}

function shapeOf(raw: string): Shape | null {
  const s = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!s || s.length > 60) return null;
  let m = DATE_YMD.exec(s);
  if (m) {
    const t = timeParts(m, 4);
    return t
      ? { kind: 'fixed', parts: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...t } }
      : null;
  }
  m = DATE_AB_Y.exec(s);
  if (m) {
    // A two-digit year only after slashes (US `1/14/25`): `24-05-01` is more likely yy-mm-dd.
    if (m[4].length === 2 && m[2] !== '/') return null;
    const t = timeParts(m, 5);
    return t
      ? {
          kind: 'ab',
          a: Number(m[1]),
          b: Number(m[3]),
          sep: m[2],
          rest: { year: year2(m[4]), month: 0, day: 0, ...t },
        }
      : null;
  }
  m = DATE_MON_D_Y.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) {
    const t = timeParts(m, 4);
    return t
      ? {
          kind: 'fixed',
          parts: { year: Number(m[3]), month: MONTHS[m[1].toLowerCase()], day: Number(m[2]), ...t },
        }
      : null;
  }
  m = DATE_D_MON_Y.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) {
    const t = timeParts(m, 4);
    return t
      ? {
          kind: 'fixed',
          parts: { year: year2(m[3]), month: MONTHS[m[2].toLowerCase()], day: Number(m[1]), ...t },
        }
      : null;
  }
  return null;
}

function valid(p: DateParts): boolean {
  if (p.year < 1900 || p.year > 2200 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  // `2024-02-30` or `25:00` must not roll over into another day: they are unreadable, not dates.
  if (p.day > new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()) return false;
  return p.hour <= 23 && p.minute <= 59 && p.second <= 59;
}

/**
 * The parts a text date names, or null. `order` settles `a/b/yyyy`; without it only an
 * unambiguous one (a day above 12) is read.
 */
export function parseTeamDate(raw: string, order?: DayMonthOrder | null): DateParts | null {
  const shape = shapeOf(raw);
  if (!shape) return null;
  if (shape.kind === 'fixed') return valid(shape.parts) ? shape.parts : null;
  const { a, b, rest } = shape;
  let o = order ?? null;
  if (!o) {
    if (a > 12 && b <= 12) o = 'dmy';
    else if (b > 12 && a <= 12) o = 'mdy';
    else if (a === b) o = 'dmy';
    else return null;
  }
  const parts = { ...rest, month: o === 'dmy' ? b : a, day: o === 'dmy' ? a : b };
  return valid(parts) ? parts : null;
}

/** The instant of parsed parts: the text's own offset, else the wall time in `zone`. */
export function partsToInstant(p: DateParts, zone: Zone): number {
  if (p.offset !== null)
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms) - p.offset * 60_000;
  return fromLocal(p, zone) + p.ms;
}

export interface ColumnDates {
  /** How `a/b/yyyy` cells are read in this column. */
  order: DayMonthOrder;
  /**
   * `evidence`: some cell has a day above 12 and none contradicts it; `default`: every such cell
   * was ambiguous, so the usual order for its separator was taken (`/` US month first, `-`/`.`
   * day first); `conflict`: cells disagree (both a day-first and a month-first cell exist) and
   * ambiguous ones are left unread; `none`: no such cells; `setting`: the admin said so.
   */
  basis: 'evidence' | 'default' | 'conflict' | 'none' | 'setting';
  /** Cells whose order the column decided (neither part above 12, parts differ). */
  ambiguous: number;
}

/** Decides the day/month order from every text cell of a column. */
export function dayMonthOrder(values: readonly unknown[]): ColumnDates {
  let dmy = 0;
  let mdy = 0;
  let ambiguous = 0;
  let slash = 0;
  let other = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const s = shapeOf(v);
    if (!s || s.kind !== 'ab') continue;
    if (s.sep === '/') slash++;
    else other++;
    if (s.a > 12 && s.b <= 12) dmy++;
    else if (s.b > 12 && s.a <= 12) mdy++;
    else if (s.a !== s.b) ambiguous++;
  }
  if (dmy && mdy) return { order: dmy >= mdy ? 'dmy' : 'mdy', basis: 'conflict', ambiguous };
  if (dmy) return { order: 'dmy', basis: 'evidence', ambiguous };
  if (mdy) return { order: 'mdy', basis: 'evidence', ambiguous };
  if (!ambiguous) return { order: slash >= other ? 'mdy' : 'dmy', basis: 'none', ambiguous };
  return { order: slash >= other ? 'mdy' : 'dmy', basis: 'default', ambiguous };
}

/**
 * The instant of a cell in a column read with `dates` (see dayMonthOrder); a `conflict` column
 * reads only its unambiguous cells.
 */
export function teamCellInstant(v: string, zone: Zone, dates?: ColumnDates): number | null {
  const order = dates && dates.basis !== 'conflict' ? dates.order : null;
  const p = parseTeamDate(v, order);
  return p ? partsToInstant(p, zone) : null;
}
