// A small Sheets formula evaluator, part 2: evaluation. References may be relative or absolute;
// conditional-format formulas are evaluated with an offset (dr, dc) from the top-left cell of the
// rule's range, which moves the relative parts only. Dates are serial numbers here, as in Sheets.
//
// Over ~400 lines: the function table (SUM, IF, COUNTIFS…) is most of it and
// reads best as one list.
import { fromSerial, toSerial } from '../../zone';
import { Formula, Scalar, formatDate, formatNumber, generalNumber, isDateFormat, parseTyped } from '../values';
import type { SheetData, Workbook } from '../workbook';
import { DIV0, FErr, NA, NAME, REF, Signal, VALUE, astOf, type AnyVal, type Node, type RangeVal, type RefNode, type Val } from './ast';

// ---------------------------------------------------------------- evaluation

export interface EvalEnv {
  wb: Workbook;
  sheet: SheetData;
  now: number;
  /** offset of the evaluated cell from the formula's anchor (conditional formats) */
  dr: number;
  dc: number;
  /** cells being evaluated, for cycle detection */
  visiting: Set<string>;
}

/** The value of a cell, with formula cells computed (dates stay Dates). */
export function readCell(
  wb: Workbook,
  sheet: SheetData,
  r: number,
  c: number,
  now: number,
  visiting = new Set<string>(),
): Scalar | undefined | FErr {
  const v = sheet.rows[r - 1]?.[c - 1];
  if (!(v instanceof Formula)) return v;
  const key = `${sheet.id}:${r}:${c}`;
  if (visiting.has(key)) return REF; // circular dependency
  visiting.add(key);
  try {
    return evaluateFormula(v, { wb, sheet, now, dr: 0, dc: 0, visiting });
  } finally {
    visiting.delete(key);
  }
}

/** Evaluates a formula to a cell value: numbers that are dates come back as (host) Dates. */
export function evaluateFormula(f: Formula, env: EvalEnv): Scalar | undefined | FErr {
  const ast = astOf(f);
  if (ast instanceof FErr) return ast;
  let v: AnyVal;
  try {
    v = scalar(ev(ast, env), env);
  } catch (e) {
    if (e instanceof Signal) return e.err;
    throw e;
  }
  if (v === null) return undefined;
  if (typeof v === 'number' && isDateExpr(ast, env)) return new Date(fromSerial(env.wb.timeZone, v));
  return v as Scalar | FErr;
}

/** Truthiness of a conditional-format custom formula at an offset from its anchor. */
export function formulaSatisfied(f: Formula, env: EvalEnv): boolean {
  const ast = astOf(f);
  if (ast instanceof FErr) return false;
  try {
    const v = scalar(ev(ast, env), env);
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    return false;
  } catch (e) {
    if (e instanceof Signal) return false;
    throw e;
  }
}

function sheetOf(name: string | undefined, env: EvalEnv): SheetData {
  if (name === undefined) return env.sheet;
  const s = env.wb.sheetByName(name);
  if (!s) throw new Signal(REF);
  return s;
}

function resolve(n: RefNode, env: EvalEnv): RangeVal {
  const sheet = sheetOf(n.sheet, env);
  let r1 = n.ar ? n.r : n.r + env.dr;
  let c1 = n.ac ? n.c : n.c + env.dc;
  let r2 = n.ar2 ? n.r2 : n.r2 + env.dr;
  let c2 = n.ac2 ? n.c2 : n.c2 + env.dc;
  if (n.openRows) {
    r1 = n.r === 1 && n.r2 === 1 ? 1 : r1;
    r2 = sheet.maxRows;
  }
  if (n.openCols) {
    c1 = 1;
    c2 = sheet.maxCols;
  }
  if (r1 < 1 || c1 < 1 || r2 < 1 || c2 < 1) throw new Signal(REF);
  return {
    kind: 'range',
    sheet,
    r1: Math.min(r1, r2),
    c1: Math.min(c1, c2),
    r2: Math.max(r1, r2),
    c2: Math.max(c1, c2),
  };
}

/** A stored cell value as a formula value (dates → serials, empty → null). */
function cellVal(sheet: SheetData, r: number, c: number, env: EvalEnv): Val {
  const v = readCell(env.wb, sheet, r, c, env.now, env.visiting);
  if (v === undefined || v === '') return v === '' ? '' : null;
  if (v instanceof FErr) return v;
  if (typeof v === 'object') return toSerial(env.wb.timeZone, (v as Date).getTime());
  return v as Val;
}

function scalar(v: AnyVal, env: EvalEnv): Val {
  if (v !== null && typeof v === 'object' && (v as RangeVal).kind === 'range') {
    const r = v as RangeVal;
    // implicit intersection is approximated by the top-left cell
    return cellVal(r.sheet, r.r1, r.c1, env);
  }
  return v as Val;
}

function* cells(v: AnyVal, env: EvalEnv): Generator<Val> {
  if (v !== null && typeof v === 'object' && (v as RangeVal).kind === 'range') {
    const r = v as RangeVal;
    const lastRow = Math.min(r.r2, r.sheet.rows.length);
    for (let row = r.r1; row <= lastRow; row++)
      for (let c = r.c1; c <= r.c2; c++) yield cellVal(r.sheet, row, c, env);
    // cells past the stored rows are empty
    const emptyRows = Math.max(0, r.r2 - Math.max(lastRow, r.r1 - 1));
    for (let k = 0; k < emptyRows * (r.c2 - r.c1 + 1); k++) yield null;
  } else yield v as Val;
}

function num(v: Val): number {
  if (v instanceof FErr) throw new Signal(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === '') return 0;
  const n = Number(v.trim().replace(/,/g, ''));
  if (v.trim() !== '' && Number.isFinite(n)) return n;
  throw new Signal(VALUE);
}

function str(v: Val): string {
  if (v instanceof FErr) throw new Signal(v);
  if (v === null) return '';
  if (typeof v === 'number') return generalNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

function bool(v: Val): boolean {
  if (v instanceof FErr) throw new Signal(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null || v === '') return false;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new Signal(VALUE);
}

/** Sheets ordering: numbers < text < booleans; text compares case-insensitively. */
function compare(a: Val, b: Val): number {
  if (a instanceof FErr) throw new Signal(a);
  if (b instanceof FErr) throw new Signal(b);
  const rank = (v: Val) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  // an empty cell compares as 0, "" or FALSE depending on the other side
  if (a === null) a = b === null ? 0 : typeof b === 'number' ? 0 : typeof b === 'string' ? '' : false;
  if (b === null) b = typeof a === 'number' ? 0 : typeof a === 'string' ? '' : false;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function ev(n: Node, env: EvalEnv): AnyVal {
  switch (n.t) {
    case 'num':
    case 'str':
    case 'bool':
      return n.v;
    case 'err':
      throw new Signal(n.v);
    case 'ref':
      return resolve(n, env);
    case 'un': {
      const v = num(scalar(ev(n.a, env), env));
      return n.op === '-' ? -v : v;
    }
    case 'pct':
      return num(scalar(ev(n.a, env), env)) / 100;
    case 'bin': {
      const a = scalar(ev(n.a, env), env);
      const b = scalar(ev(n.b, env), env);
      switch (n.op) {
        case '&':
          return str(a) + str(b);
        case '+':
          return num(a) + num(b);
        case '-':
          return num(a) - num(b);
        case '*':
          return num(a) * num(b);
        case '/': {
          const d = num(b);
          if (d === 0) throw new Signal(DIV0);
          return num(a) / d;
        }
        case '^':
          return Math.pow(num(a), num(b));
        case '=':
          return compare(a, b) === 0;
        case '<>':
          return compare(a, b) !== 0;
        case '<':
          return compare(a, b) < 0;
        case '>':
          return compare(a, b) > 0;
        case '<=':
          return compare(a, b) <= 0;
        case '>=':
          return compare(a, b) >= 0;
      }
      throw new Signal(VALUE);
    }
    case 'call': {
      const fn = FUNCTIONS[n.name];
      if (!fn) throw new Signal(NAME);
      return fn(n.args, env);
    }
  }
}

type Fn = (args: Node[], env: EvalEnv) => AnyVal;

const arg = (args: Node[], i: number, env: EvalEnv): Val => {
  if (i >= args.length) throw new Signal(NA);
  return scalar(ev(args[i], env), env);
};
const optArg = (args: Node[], i: number, env: EvalEnv, dflt: Val): Val =>
  i < args.length ? arg(args, i, env) : dflt;

function allCells(args: Node[], env: EvalEnv): Val[] {
  const out: Val[] = [];
  for (const a of args) for (const v of cells(ev(a, env), env)) out.push(v);
  return out;
}

/** Numbers among the arguments: text and booleans inside ranges are skipped, as Sheets does. */
function numbers(args: Node[], env: EvalEnv): number[] {
  const out: number[] = [];
  for (const a of args) {
    const v = ev(a, env);
    const isRange = v !== null && typeof v === 'object' && (v as RangeVal).kind === 'range';
    for (const c of cells(v, env)) {
      if (c instanceof FErr) throw new Signal(c);
      if (typeof c === 'number') out.push(c);
      else if (!isRange && c !== null) out.push(num(c));
    }
  }
  return out;
}

function criterion(crit: Val): (v: Val) => boolean {
  if (typeof crit === 'number' || typeof crit === 'boolean')
    return (v) => v !== null && !(v instanceof FErr) && compare(v, crit) === 0;
  const s = str(crit);
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(s)!;
  const op = m[1] ?? '=';
  const rhsText = m[2];
  const rhsNum = rhsText.trim() !== '' && Number.isFinite(Number(rhsText)) ? Number(rhsText) : null;
  const rhs: Val = rhsNum ?? rhsText;
  const wild = typeof rhs === 'string' && /[*?]/.test(rhs);
  const re = wild
    ? new RegExp(
        '^' +
          (rhs as string)
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.') +
          '$',
        'i',
      )
    : null;
  return (v) => {
    if (v instanceof FErr) return false;
    if (re) {
      const hit = typeof v === 'string' && re.test(v);
      return op === '<>' ? !hit : hit;
    }
    if (op === '=' && rhs === '') return v === null || v === '';
    if (op === '<>' && rhs === '') return !(v === null || v === '');
    if (v === null) return op === '<>';
    if (typeof rhs === 'number' && typeof v !== 'number') return op === '<>';
    const c = compare(v, rhs);
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  };
}

function catchErr(fnc: () => AnyVal): AnyVal | FErr {
  try {
    return fnc();
  } catch (e) {
    if (e instanceof Signal) return e.err;
    throw e;
  }
}

const FUNCTIONS: Record<string, Fn> = {
  AND: (a, e) =>
    allCells(a, e)
      .filter((v) => v !== null && typeof v !== 'string')
      .every((v) => bool(v)),
  OR: (a, e) =>
    allCells(a, e)
      .filter((v) => v !== null && typeof v !== 'string')
      .some((v) => bool(v)),
  NOT: (a, e) => !bool(arg(a, 0, e)),
  IF: (a, e) =>
    bool(arg(a, 0, e)) ? (a.length > 1 ? ev(a[1], e) : true) : a.length > 2 ? ev(a[2], e) : false,
  IFERROR: (a, e) => {
    const v = catchErr(() => scalar(ev(a[0], e), e));
    return v instanceof FErr ? (a.length > 1 ? ev(a[1], e) : '') : v;
  },
  ISERROR: (a, e) => catchErr(() => scalar(ev(a[0], e), e)) instanceof FErr,
  ISNA: (a, e) => catchErr(() => scalar(ev(a[0], e), e)) === NA,
  NOW: (_a, e) => toSerial(e.wb.timeZone, e.now),
  TODAY: (_a, e) => Math.floor(toSerial(e.wb.timeZone, e.now)),
  DATE: (a, e) => {
    const ms = Date.UTC(num(arg(a, 0, e)), num(arg(a, 1, e)) - 1, num(arg(a, 2, e)));
    return (ms - Date.UTC(1899, 11, 30)) / 86400000;
  },
  ISBLANK: (a, e) => {
    const v = arg(a, 0, e);
    return v === null;
  },
  ISNUMBER: (a, e) => typeof catchErr(() => arg(a, 0, e)) === 'number',
  ISTEXT: (a, e) => typeof catchErr(() => arg(a, 0, e)) === 'string',
  LEN: (a, e) => str(arg(a, 0, e)).length,
  LEFT: (a, e) => str(arg(a, 0, e)).slice(0, num(optArg(a, 1, e, 1))),
  RIGHT: (a, e) => {
    const s = str(arg(a, 0, e));
    const k = num(optArg(a, 1, e, 1));
    return k <= 0 ? '' : s.slice(-k);
  },
  MID: (a, e) => {
    const s = str(arg(a, 0, e));
    const start = num(arg(a, 1, e));
    return s.substr(start - 1, num(arg(a, 2, e)));
  },
  LOWER: (a, e) => str(arg(a, 0, e)).toLowerCase(),
  UPPER: (a, e) => str(arg(a, 0, e)).toUpperCase(),
  TRIM: (a, e) =>
    str(arg(a, 0, e))
      .trim()
      .replace(/\s+/g, ' '),
  CONCATENATE: (a, e) => allCells(a, e).map(str).join(''),
  CONCAT: (a, e) => str(arg(a, 0, e)) + str(arg(a, 1, e)),
  SEARCH: (a, e) => {
    const find = str(arg(a, 0, e)).toLowerCase();
    const within = str(arg(a, 1, e)).toLowerCase();
    const at = within.indexOf(find, num(optArg(a, 2, e, 1)) - 1);
    if (at < 0) throw new Signal(VALUE);
    return at + 1;
  },
  FIND: (a, e) => {
    const at = str(arg(a, 1, e)).indexOf(str(arg(a, 0, e)), num(optArg(a, 2, e, 1)) - 1);
    if (at < 0) throw new Signal(VALUE);
    return at + 1;
  },
  REGEXMATCH: (a, e) => {
    const text = str(arg(a, 0, e));
    const pattern = str(arg(a, 1, e));
    let re: RegExp;
    try {
      re = new RegExp(pattern);
    } catch (err) {
      // Sheets answers #REF! for a pattern that is no regular expression; an argument's own error
      // (#N/A from the cell it reads) passes through as it is.
      if (!(err instanceof SyntaxError)) throw err;
      throw new Signal(new FErr('#REF!'));
    }
    return re.test(text);
  },
  HYPERLINK: (a, e) => (a.length > 1 ? arg(a, 1, e) : arg(a, 0, e)),
  N: (a, e) => {
    const v = arg(a, 0, e);
    return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
  },
  VALUE: (a, e) => {
    const v = arg(a, 0, e);
    if (typeof v === 'number') return v;
    const p = parseTyped(str(v), e.wb.timeZone, e.wb.locale).cell;
    if (typeof p === 'number') return p;
    if (p instanceof Date) return toSerial(e.wb.timeZone, p.getTime());
    if (v === null || v === '') return 0;
    throw new Signal(VALUE);
  },
  TEXT: (a, e) => {
    const v = arg(a, 0, e);
    const fmt = str(arg(a, 1, e));
    if (typeof v !== 'number') return str(v);
    return isDateFormat(fmt)
      ? formatDate(fromSerial(e.wb.timeZone, v), fmt, e.wb.timeZone)
      : formatNumber(v, fmt);
  },
  ROUND: (a, e) => {
    const p = Math.pow(10, num(optArg(a, 1, e, 0)));
    const x = num(arg(a, 0, e)) * p;
    return (Math.sign(x) * Math.round(Math.abs(x))) / p;
  },
  INT: (a, e) => Math.floor(num(arg(a, 0, e))),
  ABS: (a, e) => Math.abs(num(arg(a, 0, e))),
  SUM: (a, e) => numbers(a, e).reduce((s, x) => s + x, 0),
  MIN: (a, e) => {
    const xs = numbers(a, e);
    return xs.length ? Math.min(...xs) : 0;
  },
  MAX: (a, e) => {
    const xs = numbers(a, e);
    return xs.length ? Math.max(...xs) : 0;
  },
  AVERAGE: (a, e) => {
    const xs = numbers(a, e);
    if (!xs.length) throw new Signal(DIV0);
    return xs.reduce((s, x) => s + x, 0) / xs.length;
  },
  COUNT: (a, e) => allCells(a, e).filter((v) => typeof v === 'number').length,
  COUNTA: (a, e) => allCells(a, e).filter((v) => v !== null).length,
  COUNTBLANK: (a, e) => allCells(a, e).filter((v) => v === null || v === '').length,
  COUNTIF: (a, e) => {
    const test = criterion(arg(a, 1, e));
    let n = 0;
    for (const v of cells(ev(a[0], e), e)) if (test(v)) n++;
    return n;
  },
  ROW: (a, e) => {
    if (!a.length) throw new Signal(VALUE);
    const r = ev(a[0], e) as RangeVal;
    if (r === null || typeof r !== 'object' || r.kind !== 'range') throw new Signal(VALUE);
    return r.r1;
  },
  COLUMN: (a, e) => {
    const r = ev(a[0], e) as RangeVal;
    if (r === null || typeof r !== 'object' || r.kind !== 'range') throw new Signal(VALUE);
    return r.c1;
  },
};

/** Whether a formula's numeric result is a date, so getValue returns a Date (Sheets auto-formats it). */
function isDateExpr(n: Node, env: EvalEnv): boolean {
  switch (n.t) {
    case 'call':
      if (n.name === 'NOW' || n.name === 'TODAY' || n.name === 'DATE') return true;
      if (n.name === 'IF') return n.args.slice(1).some((x) => isDateExpr(x, env));
      if (n.name === 'MIN' || n.name === 'MAX' || n.name === 'IFERROR')
        return n.args.some((x) => isDateExpr(x, env));
      return false;
    case 'ref': {
      try {
        const r = resolve(n, env);
        const v = r.sheet.rows[r.r1 - 1]?.[r.c1 - 1];
        if (v instanceof Formula) {
          const ast = astOf(v);
          return !(ast instanceof FErr) && isDateExpr(ast, { ...env, sheet: r.sheet, dr: 0, dc: 0 });
        }
        return v instanceof Date;
      } catch (e) {
        // A reference that does not resolve (#REF!) is no date.
        if (!(e instanceof Signal)) throw e;
        return false;
      }
    }
    case 'bin':
      if (n.op === '+') return isDateExpr(n.a, env) !== isDateExpr(n.b, env);
      if (n.op === '-') return isDateExpr(n.a, env) && !isDateExpr(n.b, env);
      return false;
    default:
      return false;
  }
}

