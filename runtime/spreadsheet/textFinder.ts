// TextFinder: searches the display text of cells (or formula text), row by row, as Sheets' find.
import { exposeSelf, Exposable, Svc } from './common';
import { evaluateFormula, FErr } from './formula';
import { Formula, formatDisplay, Scalar } from './values';
import type { Rect, SheetData } from './workbook';

type GTF = GoogleAppsScript.Spreadsheet.TextFinder;

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
  private cursor = -1;
  private matches: Array<{ sheet: SheetData; row: number; col: number }> | null = null;

  constructor(
    private svc: Svc,
    private areas: Array<{ sheet: SheetData; rect: Rect }>,
    private text: string,
  ) {}
  private self(): GTF {
    return this._self as GTF;
  }
  private pattern(): RegExp {
    const src = this.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(this.entire ? `^(?:${src})$` : src, this.caseSensitive ? 'g' : 'gi');
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
  private all(): Array<{ sheet: SheetData; row: number; col: number }> {
    if (this.matches) return this.matches;
    const re = this.pattern();
    const out: Array<{ sheet: SheetData; row: number; col: number }> = [];
    let scanned = 0;
    for (const { sheet, rect } of this.areas) {
      const lastRow = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
      for (let r = rect.row; r <= lastRow; r++) {
        if (!sheet.rows[r - 1]) continue;
        for (let c = rect.col; c < rect.col + rect.numCols; c++) {
          scanned++;
          re.lastIndex = 0;
          const t = this.textAt(sheet, r, c);
          if (t !== '' && re.test(t)) out.push({ sheet, row: r, col: c });
        }
      }
    }
    this.svc.ctx.acct.read(scanned);
    this.matches = out;
    return out;
  }
  private rangeOf(m: { sheet: SheetData; row: number; col: number }): GoogleAppsScript.Spreadsheet.Range {
    return this.svc.range(m.sheet, { row: m.row, col: m.col, numRows: 1, numCols: 1 });
  }
  private reset(): GTF {
    this.matches = null;
    this.cursor = -1;
    return this.self();
  }
  findAll(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.all().map((m) => this.rangeOf(m));
  }
  findNext(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this.all();
    if (this.cursor + 1 >= all.length) return null;
    return this.rangeOf(all[++this.cursor]);
  }
  findPrevious(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this.all();
    if (this.cursor <= 0) return null;
    return this.rangeOf(all[--this.cursor]);
  }
  getCurrentMatch(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this.all();
    return this.cursor >= 0 && this.cursor < all.length ? this.rangeOf(all[this.cursor]) : null;
  }
  ignoreDiacritics(_v: boolean): GTF {
    return this.self();
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
    return this.self();
  }
  replaceAllWith(replaceText: string): number {
    const all = this.all();
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
  private replaceAt(m: { sheet: SheetData; row: number; col: number }, replaceText: string): void {
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
