// Range, RangeList and Selection members read one by one against their reference pages (issue 16,
// docs/fidelity.md "Member by member: Range, RangeList, Selection"): where the runtime was made
// stricter, or the page is silent and the runtime takes the stricter answer, Google confirms it here.
// Local model and runtime test: runtime/spreadsheet/range.ts, rangeList.ts,
// test/runtime/spreadsheet/fidelity/range.test.ts (same behaviour names).
import type { Case } from '../suite';
import { REF, threw } from '../suite';

const S = REF + 'spreadsheet/';

export const RANGE_CASES: Case[] = [
  {
    id: 'range.activate-keeps-hidden',
    ref: S + 'range#activate',
    expected: [true, 'B2:C3', true],
    how: "hideSheet() on the scratch sheet, then B2:C3.activate(): [its sheet is the active one, the active range, isSheetHidden()] (the page does not say it shows the sheet; Sheet.activate \"does not alter the sheet itself\")",
    run: ({ scratch, ss }) => {
      const sh = scratch();
      sh.hideSheet();
      sh.getRange('B2:C3').activate();
      return [ss.getActiveSheet().getSheetId() === sh.getSheetId(), ss.getActiveRange()?.getA1Notation(), sh.isSheetHidden()];
    },
  },
  {
    id: 'range.activate-as-current-cell',
    ref: S + 'range#activateascurrentcell',
    expected: ['threw', 'B2:D4', 'C3', 'F9', 'F9'],
    how: "B2:D4.activate(); [A1:B1.activateAsCurrentCell() ('must consist of one cell, otherwise it throws'), then C3.activateAsCurrentCell(): selection active range and current cell, then F9.activateAsCurrentCell(): the same]",
    run: ({ scratch, ss }) => {
      const sh = scratch();
      sh.getRange('B2:D4').activate();
      const bad = threw(() => sh.getRange('A1:B1').activateAsCurrentCell());
      sh.getRange('C3').activateAsCurrentCell();
      const a = ss.getSelection();
      const inside = [a.getActiveRange()?.getA1Notation(), a.getCurrentCell()?.getA1Notation()];
      sh.getRange('F9').activateAsCurrentCell();
      const b = ss.getSelection();
      return [bad, ...inside, b.getActiveRange()?.getA1Notation(), b.getCurrentCell()?.getA1Notation()];
    },
  },
  {
    id: 'selection.active-range-list',
    ref: S + 'selection#getactiverangelist',
    expected: ['B2:C3'],
    how: "B2:C3.activate(); getSelection().getActiveRangeList().getRanges() as A1 ('If there is a single range selected, this behaves as a getActiveRange() call')",
    run: ({ scratch, ss }) => {
      scratch().getRange('B2:C3').activate();
      const list = ss.getSelection().getActiveRangeList();
      return list ? list.getRanges().map((r) => r.getA1Notation()) : null;
    },
  },
  {
    id: 'range.clear-format-and-validation',
    ref: S + 'range#clearformat',
    expected: ['0.00', '#ffffff', true, false, true, false, 'n'],
    how: "A1 with number format 0.00, a red background, a list rule and a note: clearFormat() → [getNumberFormat(), getBackground(), rule kept?]; clear({formatOnly: true}) → rule kept?; clear({contentsOnly: true}) → rule kept?; clear() → rule kept?, getNote() (clearFormat 'does not reset any number formatting rules'; formatOnly 'also clears data validation rules'; whether clear() keeps notes: the runtime's model)",
    run: ({ scratch, svc }) => {
      const rule = () => svc.SpreadsheetApp.newDataValidation().requireValueInList(['x']).build();
      const r = scratch().getRange('A1');
      r.setNumberFormat('0.00').setBackground('#ff0000').setDataValidation(rule()).setNote('n');
      r.clearFormat();
      const out: unknown[] = [r.getNumberFormat(), r.getBackground(), r.getDataValidation() !== null];
      r.clear({ formatOnly: true });
      out.push(r.getDataValidation() !== null);
      r.setDataValidation(rule());
      r.clear({ contentsOnly: true });
      out.push(r.getDataValidation() !== null);
      r.clear();
      out.push(r.getDataValidation() !== null, r.getNote());
      return out;
    },
  },
  {
    id: 'range.bounded-flags',
    ref: S + 'range#isstartrowbounded',
    expected: [[true, true, true, true], [false, true, false, true], [true, false, true, false], [true, true, false, true]],
    how: "[isStartRowBounded(), isStartColumnBounded(), isEndRowBounded(), isEndColumnBounded()] of getRange('A1:B10'), ('B:B'), ('3:7'), ('A2:C') (the page's own examples)",
    run: ({ scratch }) => {
      const sh = scratch();
      return ['A1:B10', 'B:B', '3:7', 'A2:C'].map((a1) => {
        const r = sh.getRange(a1);
        return [r.isStartRowBounded(), r.isStartColumnBounded(), r.isEndRowBounded(), r.isEndColumnBounded()];
      });
    },
  },
  {
    id: 'range.a1-row-end',
    ref: S + 'range#isendcolumnbounded',
    expected: [[true, true, true, false], 1, 1, 5, 'A1:5'],
    how: "getRange('A1:5') (the page's example of a range \"bound only to particular rows at the end\"): its four bounded flags, getRow(), getColumn(), getNumRows(), getA1Notation() (the notation read back is the runtime's model)",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1:5');
      return [
        [r.isStartRowBounded(), r.isStartColumnBounded(), r.isEndRowBounded(), r.isEndColumnBounded()],
        r.getRow(),
        r.getColumn(),
        r.getNumRows(),
        r.getA1Notation(),
      ];
    },
  },
  {
    id: 'range.set-border-signature',
    ref: S + 'range#setbordertop,-left,-bottom,-right,-vertical,-horizontal',
    expected: ['returned', 'returned', 'threw', 'threw', 'threw'],
    how: "setBorder(true, null, true, null, false, false); setBorder(…six…, 'red', BorderStyle.DASHED); setBorder(true, true) (two arguments); setBorder('yes', …) (a side that is not a boolean or null); setBorder(…six…, 'red', 'WAVY') (no such style): the last three matched to no signature is the runtime's model",
    run: ({ scratch, svc }) => {
      const r = scratch().getRange('A1:B2');
      const call = (...a: unknown[]) => threw(() => (r.setBorder as unknown as (...x: unknown[]) => unknown).apply(r, a));
      return [
        call(true, null, true, null, false, false),
        call(true, null, true, null, false, false, 'red', svc.SpreadsheetApp.BorderStyle.DASHED),
        call(true, true),
        call('yes', true, true, true, true, true),
        call(true, true, true, true, true, true, 'red', 'WAVY'),
      ];
    },
  },
  {
    id: 'range.can-edit-owner',
    ref: S + 'range#canedit',
    expected: [true, true, 'returned', 'x'],
    how: "B2:C3.protect().removeEditors(its editors) by the spreadsheet's owner: [protection.canEdit(), B2.canEdit(), setValue('x') on B2 threw?, B2's value] ('The spreadsheet owner is always able to edit protected ranges and sheets'; run the self-test as the owner)",
    run: ({ scratch }) => {
      const sh = scratch();
      const p = sh.getRange('B2:C3').protect();
      p.removeEditors(p.getEditors());
      const out: unknown[] = [p.canEdit(), sh.getRange('B2').canEdit(), threw(() => sh.getRange('B2').setValue('x')), sh.getRange('B2').getValue()];
      p.remove();
      return out;
    },
  },
  {
    id: 'range-list.set-value-no-argument',
    ref: S + 'range-list#setvaluevalue',
    expected: ['threw', ''],
    how: "getRangeList(['A1','C2']).setValue() with no value: [threw?, A1's value] (as Range.setValue with none; the runtime's model)",
    run: ({ scratch }) => {
      const sh = scratch();
      const list = sh.getRangeList(['A1', 'C2']);
      return [threw(() => (list as unknown as { setValue(): void }).setValue()), sh.getRange('A1').getValue()];
    },
  },
];
