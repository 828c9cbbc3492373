// Slicer (developers.google.com/apps-script/reference/spreadsheet/slicer) and
// Sheet.insertSlicer(range, anchorRowPos, anchorColPos[, offsetX, offsetY]). A slicer filters, "in
// a non-collaborative manner", the pivot tables on its sheet built over its data range, once it
// has a column and criteria and while isAppliedToPivotTables() (Sheets API SlicerSpec
// applyToPivotTables: "If not set, default to True"). Charts and plain ranges it would also
// filter on Google are not filtered here (docs/fidelity.md).
//
// Strict where the page is silent (selftest pivot.slicer-*): a column position outside the data
// range and an anchor outside the sheet throw; a removed slicer throws on use.
import { containerInfo } from '../chart';
import { exposeSelf, Exposable, GRange, normColor, Svc, toInt } from '../common';
import { rangeToStored } from '../validation';
import type { SheetData } from '../workbook';
import { criteriaSpecOf, filterCriteriaObj } from './criteria';
import type { SlicerSpec } from './model';

type GSlicer = GoogleAppsScript.Spreadsheet.Slicer;

const ALIGN = ['left', 'center', 'right'];

class SlicerImpl implements Pick<GSlicer, 'getRange' | 'remove' | 'setTitle'>, Exposable {
  _self: unknown;
  constructor(
    private svc: Svc,
    private sheet: SheetData,
    readonly _spec: SlicerSpec,
  ) {}
  private live(): SlicerSpec {
    if (!this.sheet.slicers.includes(this._spec) || !this.svc.wb.sheets.includes(this.sheet)) throw new Error('The slicer no longer exists.');
    return this._spec;
  }
  private chain(fn: (s: SlicerSpec) => void): GSlicer {
    fn(this.live());
    return this._self as GSlicer;
  }
  getBackgroundColor(): string | null {
    return this.live().background;
  }
  getColumnPosition(): number | null {
    return this.live().colPos;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.live().position, this.svc);
  }
  getFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteria | null {
    const c = this.live().criteria;
    return c ? filterCriteriaObj(c, this.svc) : null;
  }
  getRange(): GRange {
    const s = this.live().source;
    const src = this.svc.wb.sheetById(s.sheetId);
    if (!src) throw new Error('The data range of this slicer was deleted.');
    return this.svc.range(src, { ...s.rect });
  }
  getTitle(): string {
    return this.live().title;
  }
  getTitleHorizontalAlignment(): string {
    return this.live().titleAlign;
  }
  isAppliedToPivotTables(): boolean {
    return this.live().applyToPivots;
  }
  remove(): void {
    this.live();
    this.sheet.slicers = this.sheet.slicers.filter((s) => s !== this._spec);
  }
  setApplyToPivotTables(applyToPivotTables: boolean): GSlicer {
    return this.chain((s) => (s.applyToPivots = !!applyToPivotTables));
  }
  setBackgroundColor(color: string | null): GSlicer {
    const c = normColor(color) ?? null;
    return this.chain((s) => (s.background = c));
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria | null): GSlicer {
    const s = this.live();
    const pos = toInt(columnPosition);
    if (pos < 1 || pos > s.source.rect.numCols) throw new Error('Invalid argument: columnPosition (outside the slicer data range)');
    const criteria = filterCriteria === null || filterCriteria === undefined ? null : criteriaSpecOf(filterCriteria);
    return this.chain((x) => {
      x.colPos = pos;
      x.criteria = criteria;
    });
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GSlicer {
    const pos = checkedPosition(this.sheet, anchorRowPos, anchorColPos, offsetX, offsetY);
    return this.chain((s) => (s.position = pos));
  }
  setRange(rangeApi: GRange): GSlicer {
    const source = rangeToStored(rangeApi);
    return this.chain((s) => {
      s.source = source;
      // the column no longer fits the new range: the filter goes (as Sheets clears it) VERIFY
      if (s.colPos !== null && s.colPos > source.rect.numCols) {
        s.colPos = null;
        s.criteria = null;
      }
    });
  }
  setTitle(title: string): GSlicer {
    return this.chain((s) => (s.title = String(title)));
  }
  setTitleHorizontalAlignment(horizontalAlignment: string | null): GSlicer {
    const a = horizontalAlignment === null ? 'left' : String(horizontalAlignment).toLowerCase();
    if (!ALIGN.includes(a)) throw new Error('Invalid argument: horizontalAlignment');
    return this.chain((s) => (s.titleAlign = a));
  }
}

function checkedPosition(sheet: SheetData, row: unknown, col: unknown, offsetX: unknown = 0, offsetY: unknown = 0) {
  const r = toInt(row);
  const c = toInt(col);
  if (r < 1 || r > sheet.maxRows || c < 1 || c > sheet.maxCols)
    throw new Error('Invalid argument: the slicer anchor is outside the sheet.');
  return { row: r, col: c, offsetX: toInt(offsetX), offsetY: toInt(offsetY) };
}

export function slicerObj(svc: Svc, sheet: SheetData, spec: SlicerSpec): GSlicer {
  return exposeSelf(new SlicerImpl(svc, sheet, spec), 'Slicer', svc) as unknown as GSlicer;
}

export function insertSlicer(
  svc: Svc,
  sheet: SheetData,
  range: unknown,
  anchorRowPos: unknown,
  anchorColPos: unknown,
  offsetX?: unknown,
  offsetY?: unknown,
): GSlicer {
  const source = rangeToStored(range);
  const spec: SlicerSpec = {
    id: svc.wb.newId(),
    source,
    colPos: null,
    criteria: null,
    applyToPivots: true,
    title: '',
    titleAlign: 'left',
    background: null,
    position: checkedPosition(sheet, anchorRowPos, anchorColPos, offsetX ?? 0, offsetY ?? 0),
  };
  sheet.slicers.push(spec);
  return slicerObj(svc, sheet, spec);
}

export function slicersOf(svc: Svc, sheet: SheetData): GSlicer[] {
  return sheet.slicers.map((s) => slicerObj(svc, sheet, s));
}
