// TextFinder (developers.google.com/apps-script/reference/spreadsheet/text-finder): searches the
// display text of cells (or formula text), row by row, as Sheets' find. Partial and
// case-insensitive by default; matchEntireCell, matchCase, useRegularExpression, ignoreDiacritics
// and matchFormulaText narrow it. findNext/findPrevious step through the matches and return null
// past either end; findAll returns them all. The search runs on Google's side: the cells it looks
// at are counted as searched (CallStats.cellsSearched), not read — only the matched ranges come
// back to the script. Every member is one call (a builder on Google's side, not a local one).
//
// Replacing (replaceWith, replaceAllWith) returns "the number of occurrences replaced": every
// occurrence in a cell counts, not the cell. A number, date or boolean found by its display text
// is replaced in that text, which is then read back as typed input; a formula is replaced only
// with matchFormulaText(true) (otherwise it is found by its value, which no replace can change,
// and counts for nothing). Regular expressions are Google's RE2 syntax (github.com/google/re2/wiki/
// Syntax): the JavaScript-only constructs RE2 refuses — lookahead/lookbehind, backreferences —
// are refused here too ("Invalid argument: …"), and in the replacement only $0…$9 name groups;
// every other character, `$&` and `$$` included, is literal (JavaScript's own `$` forms are not
// Google's). Without useRegularExpression the replacement is literal text. *model* where the page
// is silent; docs/fidelity.md, "Member by member: TextFinder…".
import { exposeSelf, Exposable, Svc } from './common';
import { evaluateFormula, FErr } from './formula';
import { Formula, formatDisplay, parseTyped, Scalar, TEXT_FORMAT } from './values';
import type { Rect, SheetData } from './workbook';
import { unwrap } from '../instrument';

type GTF = GoogleAppsScript.Spreadsheet.TextFinder;
type Match = { sheet: SheetData; row: number; col: number; pos: number };
type Occurrence = { start: number; end: number; groups: string[] };

/** Apps Script's message for an argument of the wrong type (its usual wording). */
const signature = (member: string, v: unknown): Error => {
  const t = v === undefined ? '' : v === null ? 'null' : typeof v === 'string' ? 'String' : typeof v === 'boolean' ? 'Boolean' : typeof v === 'number' ? 'number' : 'Object';
  return new Error(`The parameters (${t}) don't match the method signature for SpreadsheetApp.TextFinder.${member}.`);
};
const bool = (member: string, v: unknown): boolean => {
  if (typeof v !== 'boolean') throw signature(member, v);
  return v;
};

/** JavaScript regular-expression syntax RE2 does not accept (github.com/google/re2/wiki/Syntax: "NOT SUPPORTED"). */
const NOT_RE2: Array<[RegExp, string]> = [
  [/\\(?:[1-9]|k<)/, 'backreferences'],
  [/(?:^|[^\\])\(\?<?[=!]/, 'lookahead and lookbehind'],
];
export function checkRe2(src: string): void {
  // Escaped backslashes cannot start a construct: drop them before looking.
  const bare = src.replace(/\\\\/g, '');
  for (const [re, what] of NOT_RE2) if (re.test(bare)) throw new Error(`Invalid argument: the regular expression uses ${what}, which Google's RE2 syntax does not support`);
}

class TextFinderImpl
  implements
    Pick<
      GTF,
      | 'findAll'
      | 'findNext'
      | 'findPrevious'
      | 'getCurrentMatch'
      | 'ignoreDiacritics'
      | 'matchCase'
      | 'matchEntireCell'
      | 'matchFormulaText'
      | 'replaceAllWith'
      | 'replaceWith'
      | 'startFrom'
      | 'useRegularExpression'
    >,
    Exposable
{
  _self: unknown;
  private caseSensitive = false;
  private entire = false;
  private regex = false;
  private formulas = false;
  private diacritics = true;
  /** The current match (its scan position), or null before the first find and after a reset. */
  private current: number | null = null;
  private currentCell: Match | null = null;
  /** Scan position the search stands at when there is no current match (startFrom: just after its range). */
  private startPos = 0;
  /** The matches in search order, each with its position in the scan; `total` cells in the areas. */
  private matches: Match[] | null = null;
  private total = 0;

  constructor(
    private svc: Svc,
    private areas: Array<{ sheet: SheetData; rect: Rect }>,
    private text: string,
  ) {}
  private self(): GTF {
    return this._self as GTF;
  }
  private pattern(): RegExp {
    const text = this.fold(this.text);
    if (this.regex) checkRe2(text);
    const src = this.regex ? text : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(this.entire ? `^(?:${src})$` : src, this.caseSensitive ? 'g' : 'gi');
  }
  /** With ignoreDiacritics(true), é matches e: both sides lose their combining marks. */
  private fold(t: string): string {
    return this.diacritics ? t : t.normalize('NFD').replace(/\p{M}/gu, '');
  }
  /**
   * Where the pattern occurs in `t`, as offsets in `t` itself. With ignoreDiacritics the search
   * runs on the folded text; each folded character maps back to the character it came from.
   */
  private occurrences(t: string): Occurrence[] {
    const re = this.pattern();
    let folded = t;
    let from: number[] | null = null;
    if (!this.diacritics) {
      folded = '';
      from = [];
      for (let i = 0; i < t.length; ) {
        const ch = String.fromCodePoint(t.codePointAt(i)!);
        const f = this.fold(ch);
        for (let k = 0; k < f.length; k++) from.push(i);
        folded += f;
        i += ch.length;
      }
      from.push(t.length);
    }
    const out: Occurrence[] = [];
    for (const m of folded.matchAll(re)) {
      if (m[0] === '' && !this.entire) continue;
      const s = m.index!;
      const e = s + m[0].length;
      out.push({ start: from ? from[s] : s, end: from ? from[e] : e, groups: Array.from(m, (g) => g ?? '') });
    }
    return out;
  }
  private textAt(sheet: SheetData, r: number, c: number): string {
    const v = sheet.rows[r - 1]?.[c - 1];
    if (v === undefined) return '';
    if (v instanceof Formula) {
      if (this.formulas) return v.src;
      const x = evaluateFormula(v, {
        wb: this.svc.wb,
        sheet,
        now: this.svc.ctx.clock.now(),
        dr: 0,
        dc: 0,
        visiting: new Set(),
      });
      if (x instanceof FErr) return x.code;
      return formatDisplay(
        x as Scalar | undefined,
        sheet.fmt.numberFormat.get(r, c),
        this.svc.wb.timeZone,
        this.svc.wb.locale,
      );
    }
    return formatDisplay(
      v as Scalar,
      sheet.fmt.numberFormat.get(r, c),
      this.svc.wb.timeZone,
      this.svc.wb.locale,
    );
  }
  /** The matches as the cells stand now: each find searches afresh (the sheet may have changed since the last). */
  private fresh(): Match[] {
    this.matches = null;
    return this.all();
  }
  /** The areas' stored cells in scan order, each with its area's index. */
  private *cells(): Generator<{ area: number; sheet: SheetData; r: number; c: number }> {
    for (const [area, { sheet, rect }] of this.areas.entries()) {
      const lastRow = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
      for (let r = rect.row; r <= lastRow; r++) {
        const row = sheet.rows[r - 1];
        if (!row) continue;
        // Cells past a row's stored end are empty: nothing there to search.
        const lastCol = Math.min(rect.col + rect.numCols - 1, row.length);
        for (let c = rect.col; c <= lastCol; c++) yield { area, sheet, r, c };
      }
    }
  }
  private all(): Match[] {
    if (this.matches) return this.matches;
    const re = this.pattern();
    const out: Match[] = [];
    let scanned = 0;
    for (const { sheet, r, c } of this.cells()) {
      scanned++;
      re.lastIndex = 0;
      const t = this.textAt(sheet, r, c);
      if (t !== '' && re.test(this.fold(t))) out.push({ sheet, row: r, col: c, pos: scanned - 1 });
    }
    this.total = scanned;
    this.matches = out;
    return out;
  }
  /** The scan position just after cell (r, c) of `sheet`, or null when the finder does not search it. */
  private positionAfter(sheet: SheetData, r: number, c: number): number | null {
    const area = this.areas.findIndex(({ sheet: s, rect }) => s === sheet && r >= rect.row && r < rect.row + rect.numRows && c >= rect.col && c < rect.col + rect.numCols);
    if (area < 0) return null;
    let scanned = 0;
    for (const x of this.cells()) {
      if (x.area > area || (x.area === area && (x.r > r || (x.r === r && x.c > c)))) return scanned;
      scanned++;
    }
    return scanned;
  }
  private rangeOf(m: { sheet: SheetData; row: number; col: number }): GoogleAppsScript.Spreadsheet.Range {
    return this.svc.range(m.sheet, { row: m.row, col: m.col, numRows: 1, numCols: 1 });
  }
  private reset(): GTF {
    this.matches = null;
    this.current = null;
    this.currentCell = null;
    this.startPos = 0;
    return this.self();
  }
  /** The cell the last find returned (it stays current even if a replace made it stop matching). */
  private currentMatch(): Match | null {
    return this.currentCell;
  }
  findAll(): GoogleAppsScript.Spreadsheet.Range[] {
    const all = this.fresh();
    this.svc.ctx.acct.searched(this.total);
    return all.map((m) => this.rangeOf(m));
  }
  /** Searches on from the current match: the cells up to the next one (or to the end) are searched. */
  findNext(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this.fresh();
    const from = this.current !== null ? this.current + 1 : this.startPos;
    const m = all.find((x) => x.pos >= from);
    if (!m) {
      this.svc.ctx.acct.searched(Math.max(0, this.total - from));
      return null;
    }
    this.current = m.pos;
    this.currentCell = m;
    this.svc.ctx.acct.searched(Math.max(1, m.pos + 1 - from));
    return this.rangeOf(m);
  }
  /** Searches back from the current match (or from where startFrom put the search). */
  findPrevious(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this.fresh();
    const before = this.current !== null ? this.current : this.startPos;
    let m: Match | undefined;
    for (const x of all) if (x.pos < before) m = x;
    if (!m) {
      this.svc.ctx.acct.searched(Math.max(0, before));
      return null;
    }
    this.current = m.pos;
    this.currentCell = m;
    this.svc.ctx.acct.searched(Math.max(1, before - m.pos));
    return this.rangeOf(m);
  }
  getCurrentMatch(): GoogleAppsScript.Spreadsheet.Range | null {
    const m = this.currentMatch();
    return m ? this.rangeOf(m) : null;
  }
  ignoreDiacritics(v: boolean): GTF {
    this.diacritics = !bool('ignoreDiacritics', v);
    return this.reset();
  }
  matchCase(v: boolean): GTF {
    this.caseSensitive = bool('matchCase', v);
    return this.reset();
  }
  matchEntireCell(v: boolean): GTF {
    this.entire = bool('matchEntireCell', v);
    return this.reset();
  }
  matchFormulaText(v: boolean): GTF {
    this.formulas = bool('matchFormulaText', v);
    return this.reset();
  }
  useRegularExpression(v: boolean): GTF {
    this.regex = bool('useRegularExpression', v);
    if (this.regex) checkRe2(this.fold(this.text));
    return this.reset();
  }
  /**
   * "Configures the search to start searching immediately after the specified cell range": after
   * its last (bottom-right) cell, in the finder's row-by-row order. A range the finder does not
   * search is refused (*model*: the page is silent).
   */
  startFrom(startRange: GoogleAppsScript.Spreadsheet.Range): GTF {
    const raw = (startRange && typeof startRange === 'object' ? unwrap(startRange as object) : null) as { _sheet?: SheetData; _rect?: Rect } | null;
    if (!raw || !raw._sheet || !raw._rect) throw signature('startFrom', startRange);
    const { row, col, numRows, numCols } = raw._rect;
    const pos = this.positionAfter(raw._sheet, row + numRows - 1, col + numCols - 1);
    if (pos === null) throw new Error('Invalid argument: startRange (outside the cells this TextFinder searches)');
    this.current = null;
    this.currentCell = null;
    this.startPos = pos;
    return this.self();
  }
  /** Replaces every match; returns the occurrences replaced (*model*: the page's summary counts none). */
  replaceAllWith(replaceText: string): number {
    if (typeof replaceText !== 'string') throw signature('replaceAllWith', replaceText);
    const all = this.fresh();
    this.svc.ctx.acct.searched(this.total);
    let n = 0;
    let cells = 0;
    for (const m of all) {
      const k = this.replaceAt(m, replaceText);
      n += k;
      if (k) cells++;
    }
    this.svc.ctx.acct.wrote(cells);
    this.reset();
    return n;
  }
  /** "Replaces the search text in the currently matched cell … and returns the number of occurrences replaced." */
  replaceWith(replaceText: string): number {
    if (typeof replaceText !== 'string') throw signature('replaceWith', replaceText);
    const m = this.currentMatch();
    if (!m) return 0;
    const n = this.replaceAt(m, replaceText);
    if (n) this.svc.ctx.acct.wrote(1);
    return n;
  }
  /** The replacement for one occurrence: literal text, or with a regular expression $0…$9 its groups. */
  private substitute(replaceText: string, o: Occurrence): string {
    if (!this.regex) return replaceText;
    return replaceText.replace(/\$(\d)/g, (_, d: string) => o.groups[Number(d)] ?? '');
  }
  private replaceIn(t: string, replaceText: string): { text: string; count: number } {
    const occ = this.occurrences(t);
    let out = '';
    let at = 0;
    for (const o of occ) {
      out += t.slice(at, o.start) + this.substitute(replaceText, o);
      at = o.end;
    }
    return { text: out + t.slice(at), count: occ.length };
  }
  /** Replaces in one cell; returns the occurrences replaced there. */
  private replaceAt(m: Match, replaceText: string): number {
    const row = m.sheet.rows[m.row - 1]!;
    const v = row[m.col - 1];
    if (v === undefined) return 0;
    if (v instanceof Formula) {
      // Found by its value: a computed value cannot be replaced.
      if (!this.formulas) return 0;
      const { text, count } = this.replaceIn(v.src, replaceText);
      if (count) row[m.col - 1] = parseTyped(text, this.svc.wb.timeZone, this.svc.wb.locale).cell;
      return count;
    }
    if (typeof v === 'string') {
      const { text, count } = this.replaceIn(v, replaceText);
      if (count) row[m.col - 1] = text === '' ? undefined : text;
      return count;
    }
    // A number, date or boolean was found by its display text: the new text is read as typed.
    const { text, count } = this.replaceIn(this.textAt(m.sheet, m.row, m.col), replaceText);
    if (!count) return 0;
    const plain = m.sheet.fmt.numberFormat.get(m.row, m.col) === TEXT_FORMAT;
    row[m.col - 1] = plain ? text || undefined : parseTyped(text, this.svc.wb.timeZone, this.svc.wb.locale).cell;
    return count;
  }
}

export function newTextFinder(svc: Svc, areas: Array<{ sheet: SheetData; rect: Rect }>, text: string): GTF {
  return exposeSelf(new TextFinderImpl(svc, areas, String(text)), 'TextFinder', svc) as unknown as GTF;
}
