// RangeList (reference/spreadsheet/range-list): "A collection of one or more Range instances in the
// same sheet", from Sheet.getRangeList(a1Notations), "a non-empty list of A1 notations". One call
// hands back every range (getRanges), so a script that needs several ranges of one sheet (the
// anchors of the pivots on the review pivot sheet) asks once. The setters apply to each range in
// turn, as that range's own setter does (its checks included).
import { unwrap } from '../instrument';
import { exposeSelf, Exposable, GRange, Svc } from './common';

type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;

class RangeListImpl implements Pick<GRangeList, 'getRanges' | 'setNumberFormat' | 'setValue' | 'clearContent'>, Exposable {
  _self: unknown;
  constructor(private readonly _ranges: GRange[]) {}
  private self(): GRangeList {
    return this._self as GRangeList;
  }
  /** "Returns a list of one or more Range instances in the same sheet." A copy: the list keeps its ranges. */
  getRanges(): GRange[] {
    return [...this._ranges];
  }
  setNumberFormat(format: string): GRangeList {
    for (const r of this._ranges) unwrap(r).setNumberFormat(format);
    return this.self();
  }
  /** range-list#setvaluevalue takes one value; with none the call matches no signature (as Range.setValue). */
  setValue(value: unknown): GRangeList {
    if (arguments.length === 0) throw new Error("The parameters () don't match the method signature for SpreadsheetApp.RangeList.setValue.");
    for (const r of this._ranges) unwrap(r).setValue(value);
    return this.self();
  }
  clearContent(): GRangeList {
    for (const r of this._ranges) unwrap(r).clearContent();
    return this.self();
  }
}

/**
 * Sheet.getRangeList(a1Notations): each notation read as Sheet.getRange(a1) reads it (a range of
 * another sheet, a bad notation or one outside the grid throws); an empty list or not a list throws.
 */
export function rangeListOf(svc: Svc, a1Notations: unknown, rangeOf: (a1: string) => GRange): GRangeList {
  if (!Array.isArray(a1Notations) || a1Notations.length === 0 || a1Notations.some((a) => typeof a !== 'string'))
    throw new Error('Invalid argument: a1Notations');
  const ranges = (a1Notations as string[]).map(rangeOf);
  return exposeSelf(new RangeListImpl(ranges), 'RangeList', svc) as unknown as GRangeList;
}
