// Cell values: what is stored, how written values are converted (as when typing in Sheets), and
// how values are displayed through a number format in the spreadsheet's time zone.
import { isDate } from '../context';
import { fromSerial, fromWall, toSerial, toWall } from '../zone';

/** A formula cell; its value is computed on read. `ast` caches the parse. */
export class Formula {
  ast?: unknown;
  constructor(readonly src: string) {}
}

/** Dates are stored as host-realm Date objects that are never handed out (copied on read). */
export type Scalar = string | number | boolean | Date;
export type Cell = Scalar | Formula | undefined;

export const MAX_CELL_CHARS = 50000;
/** What getNumberFormat returns for a cell with the automatic format. */
export const AUTO_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

export function tooLong(): Error {
  return new Error('Your input contains more than the maximum of 50000 characters in a single cell.');
}

export interface Coerced {
  cell: Cell;
  /** Number format Sheets applies implicitly (typing "3.5%" or "2024-05-01"). */
  impliedFormat?: string;
}

/**
 * A value written by a script (setValue/setValues/appendRow). Strings are parsed like typed
 * text unless the cell is formatted as plain text ('@'); numbers, booleans and Dates are stored
 * as such; null/undefined/'' empty the cell.
 */
export function coerceWrite(v: unknown, textFormat: boolean, tz: string, locale: string): Coerced {
  if (v === null || v === undefined || v === '') return { cell: undefined };
  if (typeof v === 'number' || typeof v === 'boolean') return { cell: v };
  if (isDate(v)) return { cell: new Date((v as Date).getTime()) };
  const s = typeof v === 'string' ? v : String(v);
  if (s.length > MAX_CELL_CHARS) throw tooLong();
  if (textFormat) return { cell: s };
  return parseTyped(s, tz, locale);
}

const NUM = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Typed text → value, as the Sheets editor interprets it. */
export function parseTyped(text: string, tz: string, locale: string): Coerced {
  if (text === '') return { cell: undefined };
  if (text[0] === '=' && text.length > 1) return { cell: new Formula(text) };
  if (text[0] === "'") return { cell: text.length > 1 ? text.slice(1) : undefined };
  // fast path: text starting with a letter (or CJK) can only be a boolean
  const c0 = text.charCodeAt(0);
  if ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 >= 0x2e80) {
    if (text.length === 4 || text.length === 5) {
      const up = text.toUpperCase();
      if (up === 'TRUE' || up === 'FALSE') return { cell: up === 'TRUE' };
    }
    return { cell: text };
  }
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { cell: t.toLowerCase() === 'true' };
  const num = parseNumberText(t);
  if (num) return num;
  const date = parseDateText(t, tz, locale);
  if (date) return date;
  return { cell: text };
}

function parseNumberText(t: string): Coerced | null {
  let s = t;
  const pct = s.endsWith('%');
  if (pct) s = s.slice(0, -1).trim();
  if (!/\d/.test(s) || !NUM.test(s)) return null;
  const grouped = s.includes(',');
  let n = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const decimals = /\.\d/.test(s);
  if (pct) {
    n = n / 100;
    return { cell: n, impliedFormat: decimals ? '0.00%' : '0%' };
  }
  if (grouped) return { cell: n, impliedFormat: decimals ? '#,##0.00' : '#,##0' };
  return { cell: n };
}

const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?';
const YMD = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:\\s+${TIME})?$`);
const DMY = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function timeParts(h?: string, mi?: string, s?: string, ampm?: string): [number, number, number] | null {
  if (h === undefined) return [0, 0, 0];
  let hh = Number(h);
  const mm = Number(mi);
  const ss = s ? Number(s) : 0;
  if (ampm) {
    if (hh < 1 || hh > 12) return null;
    hh = (hh % 12) + (/p/i.test(ampm) ? 12 : 0);
  }
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return [hh, mm, ss];
}

/** The US locale reads "5/1/2024" as May 1st; other slash locales as 1 May. */
const monthFirst = (locale: string) => /^en(_US)?$/i.test(locale) || /^en_(PH|CA)$/i.test(locale);

function parseDateText(t: string, tz: string, locale: string): Coerced | null {
  let m = YMD.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const tp = timeParts(m[5], m[6], m[7], m[8]);
    if (!validDay(y, mo, d) || !tp) return null;
    const sep = m[2] === '-' ? '-' : m[2];
    const datePat = `yyyy${sep}mm${sep}dd`;
    const fmt =
      m[5] === undefined
        ? datePat
        : `${datePat} ${m[8] ? timePattern(!!m[7], true) : m[7] ? 'HH:mm:ss' : 'HH:mm'}`;
    return { cell: new Date(fromWall(tz, y, mo, d, ...tp)), impliedFormat: fmt };
  }
  m = DMY.exec(t);
  if (m && !/^(zh|ja|ko)/i.test(locale)) {
    const us = monthFirst(locale);
    const [mo, d, y] = us
      ? [Number(m[1]), Number(m[2]), Number(m[3])]
      : [Number(m[2]), Number(m[1]), Number(m[3])];
    const tp = timeParts(m[4], m[5], m[6], m[7]);
    if (!validDay(y, mo, d) || !tp) return null;
    const datePat = us ? 'M/d/yyyy' : 'd/M/yyyy';
    const fmt = m[4] === undefined ? datePat : `${datePat} ${timePattern(!!m[6], !!m[7])}`;
    return { cell: new Date(fromWall(tz, y, mo, d, ...tp)), impliedFormat: fmt };
  }
  m = TIME_ONLY.exec(t);
  if (m) {
    const tp = timeParts(m[1], m[2], m[3], m[4]);
    if (!tp) return null;
    // A time alone is a fraction of a day: 1899-12-30 plus the time, in the sheet's zone.
    return { cell: new Date(fromWall(tz, 1899, 12, 30, ...tp)), impliedFormat: timePattern(!!m[3], !!m[4]) };
  }
  return null;
}

const timePattern = (secs: boolean, ampm: boolean) =>
  (ampm ? 'h:mm' : 'H:mm') + (secs ? ':ss' : '') + (ampm ? ' am/pm' : '');

/** Default formats Sheets shows for dates written without a format, by locale. */
export function defaultDateFormats(locale: string): { date: string; dateTime: string } {
  if (monthFirst(locale)) return { date: 'M/d/yyyy', dateTime: 'M/d/yyyy H:mm:ss' };
  if (/^(en|fr|es|it|pt|nl)/i.test(locale)) return { date: 'dd/MM/yyyy', dateTime: 'dd/MM/yyyy HH:mm:ss' };
  if (/^(de|ru|pl)/i.test(locale)) return { date: 'dd.MM.yyyy', dateTime: 'dd.MM.yyyy HH:mm:ss' };
  return { date: 'yyyy-MM-dd', dateTime: 'yyyy-MM-dd HH:mm:ss' };
}

// ---------------------------------------------------------------- display

const stripLiterals = (fmt: string) => fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');

export function isAutoFormat(fmt: string | undefined): boolean {
  return !fmt || fmt === AUTO_FORMAT || /^general$/i.test(fmt);
}

// A workbook uses a handful of formats, and reads ask once per cell: remember the answer.
const dateFormats = new Map<string, boolean>();

export function isDateFormat(fmt: string | undefined): boolean {
  if (isAutoFormat(fmt) || fmt === TEXT_FORMAT) return false;
  let hit = dateFormats.get(fmt!);
  if (hit === undefined) {
    const s = stripLiterals(fmt!.split(';')[0]);
    hit = /[ydhsm]/i.test(s) && !/[0#]/.test(s.replace(/\.0+/, ''));
    if (dateFormats.size > 1000) dateFormats.clear();
    dateFormats.set(fmt!, hit);
  }
  return hit;
}

/** The string a person sees in the cell. */
export function formatDisplay(
  v: Scalar | undefined,
  fmt: string | undefined,
  tz: string,
  locale: string,
): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    const ms = (v as Date).getTime();
    if (isDateFormat(fmt)) return formatDate(ms, fmt!, tz);
    if (isAutoFormat(fmt) || fmt === TEXT_FORMAT) {
      const w = toWall(tz, ms);
      const d = defaultDateFormats(locale);
      return formatDate(ms, w.h || w.mi || w.s ? d.dateTime : d.date, tz);
    }
    return formatNumber(toSerial(tz, ms), fmt!);
  }
  if (typeof v !== 'number') return String(v);
  if (isDateFormat(fmt)) return formatDate(fromSerial(tz, v), fmt!, tz);
  if (isAutoFormat(fmt) || fmt === TEXT_FORMAT) return generalNumber(v);
  return formatNumber(v, fmt!);
}

/** Automatic number format: integers as is, otherwise up to 10 significant digits. */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const a = Math.abs(n);
  if (Number.isInteger(n) && a < 1e15) return String(n);
  if (a !== 0 && (a >= 1e15 || a < 1e-9)) {
    const [mant, exp] = n.toExponential(9).split('e');
    const e = Number(exp);
    return `${trimZeros(mant)}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return trimZeros(n.toPrecision(10));
}

const trimZeros = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

const CORE = /[#0?][#0?,]*(?:\.[#0?]*)?|\.[#0?]+/;

function unquote(s: string): string {
  return s
    .replace(/\[\$([^\]-]*)[^\]]*\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/_./g, ' ')
    .replace(/\*./g, '')
    .replace(/\\(.)/g, '$1');
}

/** Numeric number formats: sections, grouping, fixed/optional decimals, percent, literal text. */
export function formatNumber(n: number, fmt: string): string {
  const sections = fmt.split(';');
  let sec = sections[0];
  let v = n;
  let sign = n < 0 ? '-' : '';
  if (n < 0 && sections[1] !== undefined) {
    sec = sections[1];
    v = -n;
    sign = '';
  } else if (n === 0 && sections[2] !== undefined) sec = sections[2];
  if (n < 0 && sign) v = -n;
  if (/^@$/.test(sec.trim())) return generalNumber(n);
  const bare = sec.replace(/"[^"]*"|\\./g, (m) => 'x'.repeat(m.length));
  const m = CORE.exec(bare);
  if (!m) return unquote(sec);
  const prefix = unquote(sec.slice(0, m.index));
  const suffix = unquote(sec.slice(m.index + m[0].length));
  if (sec.includes('%')) v *= 100;
  const core = m[0];
  const [intPat, decPat = ''] = core.split('.');
  const maxDec = decPat.replace(/[^#0?]/g, '').length;
  const minDec = decPat.replace(/[^0]/g, '').length;
  const minInt = intPat.replace(/[^0]/g, '').length;
  let [ip, dp = ''] = v.toFixed(maxDec).split('.');
  dp = dp.slice(0, maxDec);
  while (dp.length > minDec && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (intPat.includes(',')) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = ip + (dp || core.endsWith('.') ? '.' + dp : '');
  const isZero = Number(body.replace(/,/g, '') || '0') === 0;
  return (isZero ? '' : sign) + prefix + body + suffix;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Tok =
  | { kind: 'lit'; text: string }
  | { kind: 'ampm'; short: boolean }
  | { kind: 'part'; ch: string; len: number };

function tokenizeDate(fmt: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '"') {
      const j = fmt.indexOf('"', i + 1);
      const end = j < 0 ? fmt.length : j;
      toks.push({ kind: 'lit', text: fmt.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '\\') {
      toks.push({ kind: 'lit', text: fmt[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(fmt.slice(i))) {
      toks.push({ kind: 'ampm', short: false });
      i += 5;
    } else if (/^a\/p/i.test(fmt.slice(i))) {
      toks.push({ kind: 'ampm', short: true });
      i += 3;
    } else if (c === '[') {
      i = fmt.indexOf(']', i) + 1 || fmt.length;
    } else if (/[ydhmsYDHMS]/.test(c)) {
      let j = i;
      while (j < fmt.length && fmt[j].toLowerCase() === c.toLowerCase()) j++;
      toks.push({ kind: 'part', ch: c.toLowerCase(), len: j - i });
      i = j;
    } else {
      toks.push({ kind: 'lit', text: c });
      i++;
    }
  }
  // "m" is minutes right after an hour or right before seconds, months otherwise.
  const parts = toks.filter((t): t is Extract<Tok, { kind: 'part' }> => t.kind === 'part');
  parts.forEach((t, k) => {
    if (t.ch !== 'm' || t.len > 2) return;
    if (parts[k - 1]?.ch === 'h' || parts[k + 1]?.ch === 's') t.ch = 'n';
  });
  return toks;
}

export function formatDate(ms: number, fmt: string, tz: string): string {
  const w = toWall(tz, ms);
  const toks = tokenizeDate(fmt.split(';')[0]);
  const ampm = toks.some((t) => t.kind === 'ampm');
  const p2 = (n: number, len: number) => (len >= 2 ? String(n).padStart(2, '0') : String(n));
  let out = '';
  for (const t of toks) {
    if (t.kind === 'lit') out += t.text;
    else if (t.kind === 'ampm') out += t.short ? (w.h < 12 ? 'a' : 'p') : w.h < 12 ? 'AM' : 'PM';
    else {
      switch (t.ch) {
        case 'y':
          out += t.len <= 2 ? String(w.y % 100).padStart(2, '0') : String(w.y);
          break;
        case 'm':
          out += t.len >= 4 ? MONTHS[w.mo - 1] : t.len === 3 ? MONTHS[w.mo - 1].slice(0, 3) : p2(w.mo, t.len);
          break;
        case 'd':
          out += t.len >= 4 ? DAYS[w.dow] : t.len === 3 ? DAYS[w.dow].slice(0, 3) : p2(w.d, t.len);
          break;
        case 'h': {
          const h = ampm ? w.h % 12 || 12 : w.h;
          out += p2(h, t.len);
          break;
        }
        case 'n':
          out += p2(w.mi, t.len);
          break;
        case 's':
          out += p2(w.s, t.len);
          break;
      }
    }
  }
  return out;
}
