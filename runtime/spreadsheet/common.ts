// What the spreadsheet-service wrappers share: the service context, enum objects, colours, users.
import type { RuntimeContext } from '../context';
import { expose, NotProvidedError } from '../instrument';
import type { Rect, SheetData, Workbook } from './workbook';

export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything a wrapper needs; `range`/`sheet`/`spreadsheet` are factories set by the app (no import cycles). */
export interface Svc {
  wb: Workbook;
  ctx: RuntimeContext;
  ui: () => GoogleAppsScript.Base.Ui;
  onToast: (msg: string, title: string) => void;
  hasContainer: () => boolean;
  range(sheet: SheetData, rect: Rect): GRange;
  sheet(sheet: SheetData): GSheet;
  spreadsheet(): GSpreadsheet;
}

/** Wrappers keep their own exposed proxy so chained setters return a counted object. */
export interface Exposable {
  _self: unknown;
}

export function exposeSelf<T extends Exposable>(o: T, className: string, svc: { ctx: RuntimeContext }): T {
  const p = expose(o, className, svc.ctx.acct);
  o._self = p;
  return p;
}

// probed by jest, inspectors and Promise resolution: read as absent, never throw
const PASSIVE = new Set([
  'then',
  'toJSON',
  'inspect',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  '$$typeof',
  'valueOf',
  'toString',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
]);

/** Apps Script enums: here each value is its name, so `String(v)` and `===` both work. */
export function makeEnum(name: string, keys: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const k of keys) o[k] = k;
  return new Proxy(o, {
    get(t, p) {
      if (typeof p === 'symbol' || p in t || PASSIVE.has(p)) return Reflect.get(t, p);
      throw new NotProvidedError(name, String(p));
    },
  });
}

/** Cast an enum name to the @types enum type. */
export const asEnum = <T>(name: string): T => name as unknown as T;

const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  lime: '#00ff00',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  silver: '#c0c0c0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  pink: '#ffc0cb',
};

/** Colours as Sheets reports them: lower-case #rrggbb. null/'' reset to the default. */
export function normColor(c: string | null | undefined): string | undefined {
  if (c === null || c === undefined || c === '') return undefined;
  const s = String(c).trim().toLowerCase();
  if (NAMED[s]) return NAMED[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{8}$/.test(s)) return '#' + s.slice(3); // #aarrggbb
  throw new Error(`Invalid color: ${c}`);
}

class UserImpl implements Pick<GoogleAppsScript.Base.User, 'getEmail'>, Exposable {
  _self: unknown;
  constructor(private email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
  getName(): string {
    return this.email.split('@')[0];
  }
}

export function userObj(email: string, svc: { ctx: RuntimeContext }): GoogleAppsScript.Base.User {
  return exposeSelf(new UserImpl(email), 'User', svc) as unknown as GoogleAppsScript.Base.User;
}

/** Emails from `string | User` arguments. */
export function emailOf(u: unknown): string {
  if (typeof u === 'string') return u;
  if (u && typeof (u as { getEmail?: unknown }).getEmail === 'function')
    return (u as GoogleAppsScript.Base.User).getEmail();
  return String(u);
}

/** Integer argument check as Apps Script does it ("Cannot convert 'x' to int."). */
export function toInt(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (typeof v === 'boolean' || v === null || v === undefined || Number.isNaN(n))
    throw new Error(`Cannot convert '${String(v)}' to int.`);
  return Math.trunc(n);
}

/** An email address as Drive and MailApp take it: local part, @, a dotted domain. */
const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/**
 * Named-range names as the Sheets editor takes them (the reference page says only "Names a
 * range": *model*): letters, digits and underscores, not starting with a digit, at most 250
 * characters, not TRUE/FALSE, and not a cell reference in A1 (`AB12`) or R1C1 (`R2C3`) form.
 */
export function validRangeName(n: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) || n.length > 250) return false;
  if (/^(true|false)$/i.test(n)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(n) || /^R[0-9]*C[0-9]*$/i.test(n)) return false;
  return true;
}

export const isEmailAddress = (e: string): boolean => EMAIL.test(e);
