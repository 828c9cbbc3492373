// A small Sheets formula evaluator, part 1: errors, the syntax tree, parsing, and rewriting
// references (rows and columns inserted or deleted, a formula copied). Evaluation is in
// evaluate.ts; index.ts is what the rest of the runtime imports.
import { colToLetters, lettersToCol } from '../a1';
import type { Formula } from '../values';
import type { SheetData } from '../workbook';

export class FErr {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}
export const NAME = new FErr('#NAME?');
export const VALUE = new FErr('#VALUE!');
export const DIV0 = new FErr('#DIV/0!');
export const REF = new FErr('#REF!');
export const NA = new FErr('#N/A');
export const NUM = new FErr('#NUM!');
export const ERRORS: Record<string, FErr> = {
  '#NAME?': NAME,
  '#VALUE!': VALUE,
  '#DIV/0!': DIV0,
  '#REF!': REF,
  '#N/A': NA,
  '#NUM!': NUM,
};

export interface RefNode {
  t: 'ref';
  sheet?: string;
  r: number;
  c: number;
  ar: boolean; // absolute row ($)
  ac: boolean;
  r2: number;
  c2: number;
  ar2: boolean;
  ac2: boolean;
  /** whole-column ("A:A") or whole-row ("2:2") ranges run to the grid's end */
  openRows?: boolean;
  openCols?: boolean;
}
export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: FErr }
  | RefNode
  | { t: 'un'; op: string; a: Node }
  | { t: 'pct'; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] };

/** A range reference resolved to absolute coordinates. */
export interface RangeVal {
  kind: 'range';
  sheet: SheetData;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
export type Val = number | string | boolean | null | FErr;
export type AnyVal = Val | RangeVal;

export class Signal {
  constructor(readonly err: FErr) {}
}

// ---------------------------------------------------------------- parsing

interface Tok {
  k: 'num' | 'str' | 'ref' | 'name' | 'op' | 'err' | 'end';
  v: string;
  at?: number;
}

const REF_RE =
  /^(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+|\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3})/;

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const rest = src.slice(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      toks.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num && !/^\d+:/.test(rest)) {
      toks.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const err = /^#(?:NAME\?|VALUE!|DIV\/0!|REF!|N\/A|NUM!)/.exec(rest);
    if (err) {
      toks.push({ k: 'err', v: err[0] });
      i += err[0].length;
      continue;
    }
    const ref = REF_RE.exec(rest);
    // a name followed by "(" is a function, not a reference (e.g. LOG10( )
    if (ref && !/^\s*\(/.test(rest.slice(ref[0].length)) && !/^[\w.]/.test(rest.slice(ref[0].length))) {
      toks.push({ k: 'ref', v: ref[0], at: i });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_][\w.]*/.exec(rest);
    if (name) {
      toks.push({ k: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>%(),;{}])/.exec(rest);
    if (!op) throw new Signal(new FErr('#ERROR!'));
    toks.push({ k: 'op', v: op[0] === ';' ? ',' : op[0] });
    i += op[0].length;
  }
  toks.push({ k: 'end', v: '' });
  return toks;
}

function parseRefText(text: string): RefNode {
  let sheet: string | undefined;
  let body = text;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    body = text.slice(bang + 1);
  }
  const [a, b = a] = body.split(':');
  const pa = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(a)!;
  const pb = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(b)!;
  const openRows = !pa[4] || !pb[4];
  const openCols = !pa[2] || !pb[2];
  // "$A:$A": the $ before the letters marks the column absolute; "$2:$2" marks rows absolute
  const rowAbs = (p: RegExpExecArray) => (p[2] ? p[3] === '$' : p[1] === '$');
  return {
    t: 'ref',
    sheet,
    c: pa[2] ? lettersToCol(pa[2]) : 1,
    ac: pa[2] ? pa[1] === '$' : true,
    r: pa[4] ? Number(pa[4]) : 1,
    ar: pa[4] ? rowAbs(pa) : true,
    c2: pb[2] ? lettersToCol(pb[2]) : 1,
    ac2: pb[2] ? pb[1] === '$' : true,
    r2: pb[4] ? Number(pb[4]) : 1,
    ar2: pb[4] ? rowAbs(pb) : true,
    openRows,
    openCols,
  };
}

class Parser {
  private i = 0;
  constructor(private toks: Tok[]) {}
  private peek(): Tok {
    return this.toks[this.i];
  }
  private next(): Tok {
    return this.toks[this.i++];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new Signal(new FErr('#ERROR!'));
    this.i++;
  }
  parse(): Node {
    const n = this.comparison();
    if (this.peek().k !== 'end') throw new Signal(new FErr('#ERROR!'));
    return n;
  }
  private comparison(): Node {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(t.v)) {
        this.i++;
        a = { t: 'bin', op: t.v, a, b: this.concat() };
      } else return a;
    }
  }
  private concat(): Node {
    let a = this.additive();
    while (this.isOp('&')) {
      this.i++;
      a = { t: 'bin', op: '&', a, b: this.additive() };
    }
    return a;
  }
  private additive(): Node {
    let a = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().v;
      a = { t: 'bin', op, a, b: this.term() };
    }
    return a;
  }
  private term(): Node {
    let a = this.power();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.next().v;
      a = { t: 'bin', op, a, b: this.power() };
    }
    return a;
  }
  private power(): Node {
    let a = this.unary();
    while (this.isOp('^')) {
      this.i++;
      a = { t: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }
  private unary(): Node {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.next().v;
      return { t: 'un', op, a: this.unary() };
    }
    let a = this.primary();
    while (this.isOp('%')) {
      this.i++;
      a = { t: 'pct', a };
    }
    return a;
  }
  private primary(): Node {
    const t = this.next();
    switch (t.k) {
      case 'num':
        return { t: 'num', v: Number(t.v) };
      case 'str':
        return { t: 'str', v: t.v };
      case 'err':
        return { t: 'err', v: ERRORS[t.v] ?? NAME };
      case 'ref':
        return parseRefText(t.v);
      case 'name': {
        if (this.isOp('(')) {
          this.i++;
          const args: Node[] = [];
          if (!this.isOp(')')) {
            for (;;) {
              // an empty argument (e.g. IF(A1,,1)) reads as empty
              if (this.isOp(',') || this.isOp(')')) args.push({ t: 'str', v: '' });
              else args.push(this.comparison());
              if (this.isOp(',')) {
                this.i++;
                continue;
              }
              break;
            }
          }
          this.expect(')');
          return { t: 'call', name: t.v.toUpperCase(), args };
        }
        const up = t.v.toUpperCase();
        if (up === 'TRUE' || up === 'FALSE') return { t: 'bool', v: up === 'TRUE' };
        return { t: 'err', v: NAME }; // named ranges are not supported
      }
      case 'op':
        if (t.v === '(') {
          const n = this.comparison();
          this.expect(')');
          return n;
        }
        if (t.v === '{') {
          // array literal: only its first element is used
          const n = this.comparison();
          while (!this.isOp('}') && this.peek().k !== 'end') this.next();
          this.expect('}');
          return n;
        }
    }
    throw new Signal(new FErr('#ERROR!'));
  }
}

function parseFormula(src: string): Node | FErr {
  try {
    return new Parser(tokenize(src.replace(/^=/, ''))).parse();
  } catch (e) {
    if (e instanceof Signal) return e.err;
    throw e;
  }
}

export function astOf(f: Formula): Node | FErr {
  if (f.ast === undefined) f.ast = parseFormula(f.src);
  return f.ast as Node | FErr;
}

// ---------------------------------------------------------------- rewriting references

interface Endpoint {
  row?: number; // undefined for whole-column parts ("A")
  col?: number;
  absRow: boolean;
  absCol: boolean;
}

/**
 * Rewrites every cell reference in a formula: `map` gets each endpoint with the sheet it points
 * to (undefined = the formula's own sheet) and returns the new endpoint, or null for #REF!.
 */
export function rewriteRefs(
  src: string,
  map: (e: Endpoint, sheet: string | undefined) => Endpoint | null,
): string {
  let toks: Tok[];
  try {
    toks = tokenize(src.slice(1));
  } catch (e) {
    // A formula that does not tokenize (#ERROR!) has no references to move: kept as written.
    if (!(e instanceof Signal)) throw e;
    return src;
  }
  let out = src.slice(1);
  // right to left so earlier positions stay valid
  for (const t of toks.filter((x) => x.k === 'ref').reverse()) {
    const bang = t.v.lastIndexOf('!');
    const prefix = bang >= 0 ? t.v.slice(0, bang + 1) : '';
    let sheet: string | undefined = bang >= 0 ? t.v.slice(0, bang) : undefined;
    if (sheet?.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    const parts = t.v.slice(prefix.length).split(':');
    const mapped: string[] = [];
    let broken = false;
    for (const p of parts) {
      const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(p)!;
      const e: Endpoint = {
        col: m[2] ? lettersToCol(m[2]) : undefined,
        row: m[4] ? Number(m[4]) : undefined,
        absCol: m[1] === '$' && !!m[2],
        absRow: m[2] ? m[3] === '$' : m[1] === '$',
      };
      const n = map(e, sheet);
      if (!n || (n.row !== undefined && n.row < 1) || (n.col !== undefined && n.col < 1)) {
        broken = true;
        break;
      }
      mapped.push(
        (n.col !== undefined ? (n.absCol ? '$' : '') + colToLetters(n.col) : '') +
          (n.row !== undefined ? (n.absRow ? '$' : '') + n.row : ''),
      );
    }
    const text = broken ? '#REF!' : prefix + mapped.join(':');
    out = out.slice(0, t.at!) + text + out.slice(t.at! + t.v.length);
  }
  return '=' + out;
}

/** A formula copied by (dr, dc): relative parts move, absolute parts stay (setFormula over a range, copyTo). */
export function shiftFormula(src: string, dr: number, dc: number): string {
  if (!dr && !dc) return src;
  return rewriteRefs(src, (e) => ({
    ...e,
    row: e.row === undefined || e.absRow ? e.row : e.row + dr,
    col: e.col === undefined || e.absCol ? e.col : e.col + dc,
  }));
}
