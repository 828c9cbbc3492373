// Calculated pivot values (PivotTable.addCalculatedPivotValue, PivotValue.setFormula): a formula
// over source columns named by their header ('SLA met', or Units when the name is one word).
// Summarised CUSTOM (the default for a calculated value) the formula runs once per pivot cell, a
// field standing for that cell's source values: =COUNTIF('SLA met',"是")/COUNTA('Ticket ID').
// Summarised by another function the formula runs per source row (a field is the row's value) and
// the results are summarised. The reference: "The formula must start with an = character"
// (Sheets API PivotValue.formula): anything else is refused.
//
// The local runtime evaluates this subset: + - * / ^ & comparisons, numbers, "text", TRUE/FALSE,
// and SUM COUNT COUNTA COUNTUNIQUE AVERAGE MAX MIN MEDIAN PRODUCT COUNTIF COUNTIFS SUMIF IF IFERROR
// ROUND ABS. Another function is refused when the value is added (NotProvidedError); a formula
// that does not parse shows #ERROR! (Sheets' parse error) in the pivot's cells.
import { NotProvidedError } from '../../instrument';

export type CalcVal = number | string | boolean | null | CalcErr | unknown[];
export class CalcErr {
  constructor(readonly code: string) {}
}
const VALUE = new CalcErr('#VALUE!');
const DIV0 = new CalcErr('#DIV/0!');
const NAME = new CalcErr('#NAME?');
const NUMERR = new CalcErr('#NUM!');

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'field'; name: string }
  | { k: 'call'; fn: string; args: Node[] }
  | { k: 'neg'; x: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

export const CALC_FUNCTIONS = [
  'SUM', 'COUNT', 'COUNTA', 'COUNTUNIQUE', 'AVERAGE', 'MAX', 'MIN', 'MEDIAN', 'PRODUCT',
  'COUNTIF', 'COUNTIFS', 'SUMIF', 'IF', 'IFERROR', 'ROUND', 'ABS',
];

class ParseError extends Error {}

function tokenize(src: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"]|"")*")|('(?:[^']|'')*')|([A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)|(<>|<=|>=|[-+*/^&=<>(),;]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new ParseError(`unexpected text at ${i}`);
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
    i = re.lastIndex;
  }
  return out;
}

/** Parses "=…" (the caller checked the "="); throws ParseError on bad syntax. */
function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const take = (t?: string) => {
    const x = toks[p++];
    if (x === undefined || (t !== undefined && x !== t)) throw new ParseError(`expected ${t ?? 'more'}`);
    return x;
  };
  const levels: string[][] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];
  const bin = (lvl: number): Node => {
    if (lvl === levels.length) return unary();
    let a = bin(lvl + 1);
    while (levels[lvl].includes(peek())) {
      const op = take();
      a = { k: 'bin', op, a, b: bin(lvl + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      take();
      return { k: 'neg', x: unary() };
    }
    if (peek() === '+') {
      take();
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const t = take();
    if (/^[\d.]/.test(t)) return { k: 'num', v: Number(t) };
    if (t.startsWith('"')) return { k: 'str', v: t.slice(1, -1).replace(/""/g, '"') };
    if (t.startsWith("'")) return { k: 'field', name: t.slice(1, -1).replace(/''/g, "'") };
    if (t === '(') {
      const x = bin(0);
      take(')');
      return x;
    }
    if (/^[A-Za-z_\u0080-\uffff]/.test(t)) {
      if (peek() === '(') {
        take('(');
        const args: Node[] = [];
        if (peek() !== ')') {
          args.push(bin(0));
          while (peek() === ',' || peek() === ';') {
            take();
            args.push(bin(0));
          }
        }
        take(')');
        return { k: 'call', fn: t.toUpperCase(), args };
      }
      if (/^(TRUE|FALSE)$/i.test(t)) return { k: 'bool', v: t.toUpperCase() === 'TRUE' };
      return { k: 'field', name: t };
    }
    throw new ParseError(`unexpected ${t}`);
  };
  const root = bin(0);
  if (p !== toks.length) throw new ParseError('trailing text');
  return root;
}

export interface CompiledCalc {
  /** null when the formula does not parse: its cells show #ERROR!. */
  ast: Node | null;
  fields: string[];
}

/** Checks a calculated value's formula when it is set: "=" first, only functions the runtime has. */
export function compileCalc(formula: string): CompiledCalc {
  const f = String(formula);
  if (!f.startsWith('=')) throw new Error('The formula must start with an = character.');
  let ast: Node;
  try {
    ast = parse(f.slice(1));
  } catch (e) {
    if (e instanceof ParseError) return { ast: null, fields: [] };
    throw e;
  }
  const fields: string[] = [];
  const walk = (n: Node): void => {
    if (n.k === 'call') {
      if (!CALC_FUNCTIONS.includes(n.fn)) throw new NotProvidedError('PivotValue', `formula function ${n.fn}`);
      n.args.forEach(walk);
    } else if (n.k === 'field') fields.push(n.name);
    else if (n.k === 'neg') walk(n.x);
    else if (n.k === 'bin') {
      walk(n.a);
      walk(n.b);
    }
  };
  walk(ast);
  return { ast, fields };
}

/** Field name → value (one row) or values (a pivot cell's rows); undefined when no such column. */
export type FieldLookup = (name: string) => unknown | unknown[] | undefined;

const isErr = (v: unknown): v is CalcErr => v instanceof CalcErr;

function toNum(v: unknown): number | CalcErr {
  if (isErr(v)) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined || v === '') return 0;
  if (v instanceof Date) return v.getTime();
  const n = Number(v);
  return typeof v === 'string' && v.trim() !== '' && !Number.isNaN(n) ? n : VALUE;
}

const flat = (args: unknown[]): unknown[] =>
  args.length === 1 && Array.isArray(args[0]) ? args[0] : args.flatMap((a) => (Array.isArray(a) ? a : [a]));
const numsOf = (args: unknown[]) => flat(args).filter((x): x is number => typeof x === 'number');
const blank = (x: unknown) => x === undefined || x === null || x === '';

/** COUNTIF-style criterion: "是", ">5", "<>x", "=x", with * and ? wildcards for text. */
export function criterion(crit: unknown): (v: unknown) => boolean {
  if (typeof crit === 'number') return (v) => v === crit;
  if (typeof crit === 'boolean') return (v) => v === crit;
  const s = String(crit ?? '');
  const m = /^(<>|<=|>=|<|>|=)?([\s\S]*)$/.exec(s)!;
  const op = m[1] ?? '=';
  const rhs = m[2];
  const n = rhs.trim() !== '' && !Number.isNaN(Number(rhs)) ? Number(rhs) : null;
  const lower = rhs.toLowerCase();
  const cmp = (v: unknown): number | null => {
    if (n !== null) return typeof v === 'number' ? v - n : null;
    if (typeof v !== 'string') return blank(v) && rhs === '' ? 0 : null;
    const l = v.toLowerCase();
    return l === lower ? 0 : l < lower ? -1 : 1;
  };
  if (op === '=' || op === '<>') {
    const wild = n === null && /[*?]/.test(rhs);
    const re = wild
      ? new RegExp('^' + rhs.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i')
      : null;
    const eq = re
      ? (v: unknown) => typeof v === 'string' && re.test(v)
      : n !== null
        ? (v: unknown) => v === n
        : (v: unknown) => (typeof v === 'string' ? v === rhs || v.toLowerCase() === lower : blank(v) && rhs === '');
    return op === '=' ? eq : (v) => !eq(v);
  }
  return (v) => {
    const d = cmp(v);
    if (d === null) return false;
    return op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
  };
}

function median(xs: number[]): number | CalcErr {
  if (!xs.length) return NUMERR;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function call(fn: string, args: unknown[]): CalcVal {
  const err = flat(args).find(isErr);
  switch (fn) {
    case 'IF':
      return null as never; // handled lazily in evaluate
    case 'SUM':
      return err ?? numsOf(args).reduce((a, b) => a + b, 0);
    case 'COUNT':
      return numsOf(args).length;
    case 'COUNTA':
      return flat(args).filter((x) => !blank(x)).length;
    case 'COUNTUNIQUE':
      return new Set(flat(args).filter((x) => !blank(x)).map((x) => (x instanceof Date ? x.getTime() : x))).size;
    case 'AVERAGE': {
      if (err) return err;
      const xs = numsOf(args);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : DIV0;
    }
    case 'MAX': {
      const xs = numsOf(args);
      return err ?? (xs.length ? Math.max(...xs) : 0);
    }
    case 'MIN': {
      const xs = numsOf(args);
      return err ?? (xs.length ? Math.min(...xs) : 0);
    }
    case 'MEDIAN':
      return err ?? median(numsOf(args));
    case 'PRODUCT': {
      const xs = numsOf(args);
      return err ?? (xs.length ? xs.reduce((a, b) => a * b, 1) : 0);
    }
    case 'COUNTIF': {
      if (args.length !== 2) return NAME;
      const test = criterion(args[1]);
      return flat([args[0]]).filter(test).length;
    }
    case 'COUNTIFS': {
      if (args.length < 2 || args.length % 2) return NAME;
      const ranges = [];
      for (let i = 0; i < args.length; i += 2) ranges.push({ vals: flat([args[i]]), test: criterion(args[i + 1]) });
      const len = ranges[0].vals.length;
      if (ranges.some((r) => r.vals.length !== len)) return VALUE;
      let n = 0;
      for (let i = 0; i < len; i++) if (ranges.every((r) => r.test(r.vals[i]))) n++;
      return n;
    }
    case 'SUMIF': {
      if (args.length < 2 || args.length > 3) return NAME;
      const test = criterion(args[1]);
      const keys = flat([args[0]]);
      const vals = args.length === 3 ? flat([args[2]]) : keys;
      let s = 0;
      keys.forEach((k, i) => {
        if (test(k) && typeof vals[i] === 'number') s += vals[i] as number;
      });
      return s;
    }
    case 'ROUND': {
      const x = toNum(flat([args[0]])[0]);
      const d = args.length > 1 ? toNum(args[1]) : 0;
      if (isErr(x)) return x;
      if (isErr(d)) return d;
      const f = 10 ** Math.trunc(d);
      return Math.round(x * f) / f;
    }
    case 'ABS': {
      const x = toNum(args[0]);
      return isErr(x) ? x : Math.abs(x);
    }
    default:
      return NAME;
  }
}

function scalar(v: unknown): unknown {
  // a field standing for several values used where one is needed: Sheets gives #VALUE!
  if (Array.isArray(v)) return v.length === 1 ? v[0] : VALUE;
  return v;
}

function evaluate(n: Node, fields: FieldLookup): unknown {
  switch (n.k) {
    case 'num':
    case 'str':
    case 'bool':
      return n.v;
    case 'field': {
      const v = fields(n.name);
      return v === undefined ? NAME : v;
    }
    case 'neg': {
      const x = toNum(scalar(evaluate(n.x, fields)));
      return isErr(x) ? x : -x;
    }
    case 'call': {
      if (n.fn === 'IF') {
        const c = scalar(evaluate(n.args[0], fields));
        if (isErr(c)) return c;
        const truthy = typeof c === 'string' ? c !== '' && c.toUpperCase() !== 'FALSE' : !!c;
        const branch = truthy ? n.args[1] : n.args[2];
        return branch ? evaluate(branch, fields) : truthy ? true : false;
      }
      if (n.fn === 'IFERROR') {
        const x = evaluate(n.args[0], fields);
        return isErr(x) || isErr(scalar(x)) ? (n.args[1] ? evaluate(n.args[1], fields) : '') : x;
      }
      return call(n.fn, n.args.map((a) => evaluate(a, fields)));
    }
    case 'bin': {
      const a = scalar(evaluate(n.a, fields));
      const b = scalar(evaluate(n.b, fields));
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      if (n.op === '&') return `${a ?? ''}${b ?? ''}`;
      if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) {
        const d =
          typeof a === 'number' && typeof b === 'number'
            ? a - b
            : String(a ?? '').toLowerCase().localeCompare(String(b ?? '').toLowerCase());
        return { '=': d === 0, '<>': d !== 0, '<': d < 0, '>': d > 0, '<=': d <= 0, '>=': d >= 0 }[n.op];
      }
      const x = toNum(a);
      const y = toNum(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      switch (n.op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          return y === 0 ? DIV0 : x / y;
        default:
          return x ** y;
      }
    }
  }
}

/** The formula's value for one pivot cell (fields give arrays) or one source row (fields give scalars). */
export function runCalc(c: CompiledCalc, fields: FieldLookup): number | string | boolean | CalcErr {
  if (!c.ast) return new CalcErr('#ERROR!');
  const v = scalar(evaluate(c.ast, fields));
  if (isErr(v)) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : NUMERR;
  if (v instanceof Date) return v.getTime();
  if (v === null || v === undefined) return '';
  return v as string | boolean;
}
