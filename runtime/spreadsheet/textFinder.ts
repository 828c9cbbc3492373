// TextFinder (developers.google.com/apps-script/reference/spreadsheet/text-finder): searches the
// display text of cells (or formula text), row by row, as Sheets' find. Partial and
// case-insensitive by default; matchEntireCell, matchCase, useRegularExpression, ignoreDiacritics
// and matchFormulaText narrow it. findNext/findPrevious step through the matches and return null
// past either end; findAll returns them all. The search runs on Google's side: the cells it looks
// at are counted as searched (CallStats.cellsSearched), not read — only the matched ranges come
// back to the script. Every member is one call (a builder on Google's side, not a local one).
import { exposeSelf, Exposable, Svc } from './common';
import { evaluateFormula, FErr } from './formula';
import { Formula, formatDisplay, Scalar } from './values';
import type { Rect, SheetData } from './workbook';

type GTF = GoogleAppsScript.Spreadsheet.TextFinder;
type Match = { sheet: SheetData; row: number; col: number; pos: number };

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
  private cursor = -1;
  /** Scan position the next findNext starts from when there is no current match (startFrom). */
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
    const src = this.regex ? text : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(this.entire ? `^(?:${src})$` : src, this.caseSensitive ? 'g' : 'gi');
  }
  /** With ignoreDiacritics(true), é matches e: both sides lose their combining marks. */
  private fold(t: string): string {
    return this.diacritics ? t : t.normalize('NFD').replace(/\p{M}/gu, '');
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
  private all(): Match[] {
    if (this.matches) return this.matches;
    const re = this.pattern();
    const out: Match[] = [];
    let scanned = 0;
    for (const { sheet, rect } of this.areas) {
      const lastRow = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
      for (let r = rect.row; r <= lastRow; r++) {
        const row = sheet.rows[r - 1];
        if (!row) continue;
        // Cells past a row's stored end are empty: nothing there to search.
        const lastCol = Math.min(rect.col + rect.numCols - 1, row.length);
        for (let c = rect.col; c <= lastCol; c++) {
          scanned++;
          re.lastIndex = 0;
          const t = this.textAt(sheet, r, c);
          if (t !== '' && re.test(this.fold(t))) out.push({ sheet, row: r, col: c, pos: scanned - 1 });
        }
      }
    }
    this.total = scanned;
    this.matches = out;
    return out;
  }
  private rangeOf(m: { sheet: SheetData; row: number; col: number }): GoogleAppsScript.Spreadsheet.Range {
    return this.svc.range(m.sheet, { row: m.row, col: m.col, numRows: 1, numCols: 1 });
  }
  private reset(): GTF {
    this.matches = null;
    this.cursor = -1;
    this.startPos = 0;
    return this.self();
  }
  /** Where the search stands: just after the current match, or where startFrom put it. */
  private here(all: Match[]): number {
    return this.cursor >= 0 && this.cursor < all.length ? all[this.cursor].pos + 1 : this.startPos;
  }
  findAll(): GoogleAppsScript.Spreadsheet.Range[] {
    const all = this.all();
    this.svc.ctx.acct.searched(this.total);
    return all.map((m) => this.rangeOf(m));
  }
  /** Searches on from the current match: the cells up to the next one (or to the end) are searched. */
  findNext(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this.all();
    const from = this.here(all);
    if (this.cursor + 1 >= all.length) {
      this.svc.ctx.acct.searched(Math.max(0, this.total - from));
      return null;
    }
    const m = all[++this.cursor];
    this.svc.ctx.acct.searched(Math.max(1, m.pos + 1 - from));
    return this.rangeOf(m);
  }
  findPrevious(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this.all();
    const from = this.cursor >= 0 && this.cursor < all.length ? all[this.cursor].pos : this.startPos;
    if (this.cursor <= 0) {
      this.svc.ctx.acct.searched(Math.max(0, from));
      return null;
    }
    const m = all[--this.cursor];
    this.svc.ctx.acct.searched(Math.max(1, from - m.pos));
    return this.rangeOf(m);
  }
  getCurrentMatch(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this.all();
    return this.cursor >= 0 && this.cursor < all.length ? this.rangeOf(all[this.cursor]) : null;
  }
  ignoreDiacritics(v: boolean): GTF {
    this.diacritics = !v;
    return this.reset();
  }
  matchCase(v: boolean): GTF {
    this.caseSensitive = !!v;
    return this.reset();
  }
  matchEntireCell(v: boolean): GTF {
    this.entire = !!v;
    return this.reset();
  }
  matchFormulaText(v: boolean): GTF {
    this.formulas = !!v;
    return this.reset();
  }
  useRegularExpression(v: boolean): GTF {
    this.regex = !!v;
    return this.reset();
  }
  startFrom(startRange: GoogleAppsScript.Spreadsheet.Range): GTF {
    const r = startRange.getRow();
    const c = startRange.getColumn();
    const all = this.all();
    const i = all.findIndex((m) => m.row > r || (m.row === r && m.col > c));
    this.cursor = (i < 0 ? all.length : i) - 1;
    this.startPos = this.cursor >= 0 ? all[this.cursor].pos + 1 : 0;
    return this.self();
  }
  replaceAllWith(replaceText: string): number {
    const all = this.all();
    this.svc.ctx.acct.searched(this.total);
    for (const m of all) this.replaceAt(m, replaceText);
    this.svc.ctx.acct.wrote(all.length);
    this.reset();
    return all.length;
  }
  replaceWith(replaceText: string): number {
    const all = this.all();
    if (this.cursor < 0 || this.cursor >= all.length) return 0;
    this.replaceAt(all[this.cursor], replaceText);
    this.svc.ctx.acct.wrote(1);
    return 1;
  }
  private replaceAt(m: Match, replaceText: string): void {
    const row = m.sheet.rows[m.row - 1]!;
    const v = row[m.col - 1];
    if (typeof v === 'string') row[m.col - 1] = v.replace(this.pattern(), replaceText);
    else if (v instanceof Formula && this.formulas)
      row[m.col - 1] = new Formula(v.src.replace(this.pattern(), replaceText));
  }
}

export function newTextFinder(svc: Svc, areas: Array<{ sheet: SheetData; rect: Rect }>, text: string): GTF {
  return exposeSelf(new TextFinderImpl(svc, areas, String(text)), 'TextFinder', svc) as unknown as GTF;
}
