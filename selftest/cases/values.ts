// What a cell holds after a script writes it, and what reading it back gives: the add-on writes
// tickets with setValues/appendRow and reads them with getValues/getSheetValues, so every type
// conversion here is one it relies on. Local model and runtime test: runtime/spreadsheet/values.ts,
// test/runtime/spreadsheet/fidelity/<class>.test.ts (same behaviour names).
import type { Case } from '../suite';
import { REF, threw } from '../suite';

const S = REF + 'spreadsheet/';
const isDate = (v: unknown): boolean => Object.prototype.toString.call(v) === '[object Date]';

/** The zones issue 16 names: each had a local-mean-time offset with seconds in 1899. */
export const TIME_ZONES = ['Asia/Shanghai', 'Asia/Kolkata', 'Europe/Moscow', 'America/New_York'];

export const VALUE_CASES: Case[] = [
  {
    id: 'values.formula',
    ref: S + 'range#setvaluevalue',
    expected: ['=1+2*3', 7],
    how: "setValue('=1+2*3'); [getFormula(), getValue()]",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1');
      r.setValue('=1+2*3');
      return [r.getFormula(), r.getValue()];
    },
  },
  {
    id: 'values.apostrophe',
    ref: S + 'range#setvaluevalue',
    expected: ['=1+1', '', '=1+1'],
    how: "setValue(\"'=1+1\") in a cell with the automatic format; [getValue(), getFormula(), getDisplayValue()]",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1');
      r.setValue("'=1+1");
      return [r.getValue(), r.getFormula(), r.getDisplayValue()];
    },
  },
  {
    id: 'values.plain-text-cells',
    ref: S + 'range#setnumberformatnumberformat',
    expected: [['=1+1', '0012', '2024-05-01', 'TRUE', '1,234'], ['', '', '', '', '']],
    how: "setNumberFormat('@') on A1:E1, setValues of formula-, number-, date- and boolean-like text; [getValues()[0], getFormulas()[0]] (the reference is silent: the runtime's model, issue 16 'visible apostrophes')",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1:E1');
      r.setNumberFormat('@');
      r.setValues([['=1+1', '0012', '2024-05-01', 'TRUE', '1,234']]);
      return [r.getValues()[0], r.getFormulas()[0]];
    },
  },
  {
    id: 'values.plain-text-apostrophe',
    ref: S + 'range#setnumberformatnumberformat',
    expected: ["'=1+1", "'=1+1"],
    how: "setNumberFormat('@'), setValue(\"'=1+1\"); [getValue(), getDisplayValue()]: is the apostrophe kept visibly? (README: to confirm)",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1');
      r.setNumberFormat('@');
      r.setValue("'=1+1");
      return [r.getValue(), r.getDisplayValue()];
    },
  },
  {
    id: 'richtext.formula-like-text',
    ref: S + 'rich-text-value',
    expected: [['=1+1', '+1', '-1', '0012', 'TRUE'], ['', '', '', '', '']],
    how: "setRichTextValues of newRichTextValue().setText(t).build() for '=1+1', '+1', '-1', '0012', 'TRUE' in cells with the automatic format; [getValues()[0], getFormulas()[0]] (a Rich Text value is \"a stylized text string used to represent cell text\": text by type; issue 16 writes formula-like user text this way)",
    run: ({ scratch, svc }) => {
      const texts = ['=1+1', '+1', '-1', '0012', 'TRUE'];
      const r = scratch().getRange(1, 1, 1, texts.length);
      r.setRichTextValues([texts.map((t) => svc.SpreadsheetApp.newRichTextValue().setText(t).build())]);
      return [r.getValues()[0], r.getFormulas()[0]];
    },
  },
  {
    id: 'richtext.plain-text-cell',
    ref: S + 'range#setrichtextvaluevalue',
    expected: ['=1+1', '=1+1', '', '=1+1'],
    how: "setNumberFormat('@'), setRichTextValue(newRichTextValue().setText('=1+1').build()); [getValue(), getDisplayValue(), getFormula(), getRichTextValue().getText()]: exactly what was typed, no apostrophe",
    run: ({ scratch, svc }) => {
      const r = scratch().getRange('A1');
      r.setNumberFormat('@');
      r.setRichTextValue(svc.SpreadsheetApp.newRichTextValue().setText('=1+1').build());
      return [r.getValue(), r.getDisplayValue(), r.getFormula(), r.getRichTextValue()?.getText() ?? null];
    },
  },
  {
    id: 'richtext.not-text-is-null',
    ref: S + 'range#getrichtextvalue',
    expected: ['abc', null, null, ''],
    how: "setValues([['abc', 5, true]]); getRichTextValues()[0] as texts, then an empty cell's getRichTextValue().getText() (\"null if the cell value is not text\"; the empty cell's answer is the runtime's model)",
    run: ({ scratch }) => {
      const sh = scratch();
      const r = sh.getRange('A1:C1');
      r.setValues([['abc', 5, true]]);
      const [a, b, c] = r.getRichTextValues()[0].map((v) => (v === null ? null : v.getText()));
      const empty = sh.getRange('D1').getRichTextValue();
      return [a, b, c, empty === null ? null : empty.getText()];
    },
  },
  {
    id: 'format.fresh-cell-defaults',
    ref: S + 'range#getfontfamily',
    expected: ['Arial', 'none', 10, '#000000', 'normal', 'normal', 'general', 'bottom', '0.###############', '', '#ffffff', false],
    how: 'a fresh cell: [getFontFamily(), getFontLine(), getFontSize(), getFontColor(), getFontWeight(), getFontStyle(), getHorizontalAlignment(), getVerticalAlignment(), getNumberFormat(), getNote(), getBackground(), getWrap()] (the reference gives no defaults: the runtime\'s model)',
    run: ({ scratch }) => {
      const r = scratch().getRange('A1');
      return [
        r.getFontFamily(), String(r.getFontLine()), r.getFontSize(), r.getFontColor(), String(r.getFontWeight()), String(r.getFontStyle()),
        r.getHorizontalAlignment(), r.getVerticalAlignment(), r.getNumberFormat(), r.getNote(), r.getBackground(), r.getWrap(),
      ];
    },
  },
  {
    id: 'format.set-text-styles-partial',
    ref: S + 'range#settextstylesstyles',
    expected: [['bold', '#ff0000', 14, 'italic'], ['normal', '#00ff00', 10, 'italic']],
    how: "setFontStyle('italic') and setFontColor('#00ff00') on A1:A2, then setTextStyles([[bold + #ff0000 + 14pt], [an empty newTextStyle().build()]]); per cell [getFontWeight(), getFontColor(), getFontSize(), getFontStyle()]: an attribute a style leaves unset keeps the cell's (the reference does not say: the runtime's model, runtime/spreadsheet/textStyles.ts; the weekly snapshot styles its grid this way)",
    run: ({ scratch, svc }) => {
      const r = scratch().getRange('A1:A2');
      r.setFontStyle('italic').setFontColor('#00ff00');
      const ts = () => svc.SpreadsheetApp.newTextStyle();
      r.setTextStyles([[ts().setBold(true).setForegroundColor('#ff0000').setFontSize(14).build()], [ts().build()]]);
      return [0, 1].map((i) => {
        const c = r.offset(i, 0, 1, 1);
        return [String(c.getFontWeight()), c.getFontColor(), c.getFontSize(), String(c.getFontStyle())];
      });
    },
  },
  {
    id: 'values.number-text',
    ref: S + 'range#setvaluesvalues',
    expected: [12, 1234.5, 0.035],
    how: "setValues([['12', '1,234.5', '3.5%']]) in a zh_CN spreadsheet; getValues()[0]",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1:C1');
      r.setValues([['12', '1,234.5', '3.5%']]);
      return r.getValues()[0];
    },
  },
  {
    id: 'values.date-text',
    ref: S + 'range#getvalues',
    expected: [true, '2024-05-01 09:15'],
    how: "setValue('2024-05-01 09:15'); [getValue() is a Date, Utilities.formatDate(it, spreadsheet zone, 'yyyy-MM-dd HH:mm')]",
    run: ({ scratch, ss, svc }) => {
      const r = scratch().getRange('A1');
      r.setValue('2024-05-01 09:15');
      const v = r.getValue();
      return [isDate(v), isDate(v) ? svc.Utilities.formatDate(v as Date, ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm') : v];
    },
  },
  {
    id: 'values.boolean-text',
    ref: S + 'range#setvaluesvalues',
    expected: [true, false],
    how: "setValues([['TRUE', 'false']]); getValues()[0]",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1:B1');
      r.setValues([['TRUE', 'false']]);
      return r.getValues()[0];
    },
  },
  {
    id: 'values.typed-values',
    ref: S + 'range#setvaluesvalues',
    expected: [5, true, '2024-05-01T01:15:00.000Z'],
    how: 'setValues([[5, true, a Date]]); getValues()[0] (the Date as ISO text)',
    run: ({ scratch }) => {
      const r = scratch().getRange('A1:C1');
      r.setValues([[5, true, new Date(Date.UTC(2024, 4, 1, 1, 15))]]);
      const [a, b, c] = r.getValues()[0];
      return [a, b, isDate(c) ? (c as Date).toISOString() : c];
    },
  },
  {
    id: 'values.empty-cells',
    ref: S + 'range#getvalues',
    expected: [['', ''], '', ''],
    how: "a new sheet: [getRange('A1:B1').getValues()[0], getValue(), getFormula()]",
    run: ({ scratch }) => {
      const sh = scratch();
      return [sh.getRange('A1:B1').getValues()[0], sh.getRange('A1').getValue(), sh.getRange('A1').getFormula()];
    },
  },
  {
    id: 'values.cell-limit',
    ref: 'developers.google.com/apps-script/guides/services/quotas',
    expected: ['threw', '', 'returned'],
    how: 'setValue of 50,001 characters, then getValue(); then setValue of exactly 50,000',
    run: ({ scratch }) => {
      const r = scratch().getRange('A1');
      const over = threw(() => r.setValue('x'.repeat(50001)));
      const after = r.getValue();
      return [over, after, threw(() => r.setValue('y'.repeat(50000)))];
    },
  },
  {
    id: 'values.wrong-shape',
    ref: S + 'range#setvaluesvalues',
    expected: ['threw', 'threw'],
    how: 'setValues on A1:B2 with one row, then with three columns',
    run: ({ scratch }) => {
      const r = scratch().getRange('A1:B2');
      return [threw(() => r.setValues([[1, 2]])), threw(() => r.setValues([[1, 2, 3], [4, 5, 6]]))];
    },
  },
  {
    id: 'values.sheet-values',
    ref: S + 'sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns',
    expected: [[1, 'a'], [2, 'b']],
    how: 'setValues on A1:B2; getSheetValues(1, 1, 2, 2)',
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1:B2').setValues([[1, 'a'], [2, 'b']]);
      return sh.getSheetValues(1, 1, 2, 2);
    },
  },
  {
    id: 'values.sheet-values-minus-one',
    ref: S + 'sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns',
    expected: [[['c', 3]], [[3]], 'threw'],
    how: 'A1:B3 filled; getSheetValues(-1, 1, 1, 2) and getSheetValues(3, -1, 1, 1) ("A -1 value given as the row or column position is equivalent to getting the very last row or column that has data"); getSheetValues(1, 1, -1, 1): a count of -1 (the page speaks of positions only: the runtime refuses it, the stricter reading)',
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1:B3').setValues([['a', 1], ['b', 2], ['c', 3]]);
      return [sh.getSheetValues(-1, 1, 1, 2), sh.getSheetValues(3, -1, 1, 1), threw(() => sh.getSheetValues(1, 1, -1, 1))];
    },
  },
  {
    id: 'values.set-value-no-argument',
    ref: S + 'range#setvaluevalue',
    expected: ['threw', 'kept'],
    how: "A1 holds 'kept'; setValue() with no argument (the call matches no signature); [outcome, A1 afterwards]",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1');
      r.setValue('kept');
      return [threw(() => (r as unknown as { setValue(): void }).setValue()), r.getValue()];
    },
  },
  {
    id: 'values.date-display',
    ref: S + 'range#getdisplayvalue',
    expected: '2024-05-01 09:15',
    how: "a Date (09:15 Shanghai) with setNumberFormat('yyyy-mm-dd hh:mm') in an Asia/Shanghai spreadsheet; getDisplayValue()",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1');
      r.setValue(new Date(Date.UTC(2024, 4, 1, 1, 15)));
      r.setNumberFormat('yyyy-mm-dd hh:mm');
      return r.getDisplayValue();
    },
  },
  {
    id: 'values.number-formats',
    ref: S + 'range#getnumberformats',
    expected: [['@', 'yyyy-mm-dd hh:mm']],
    how: "setNumberFormats([['@', 'yyyy-mm-dd hh:mm']]); getNumberFormats()",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1:B1');
      r.setNumberFormats([['@', 'yyyy-mm-dd hh:mm']]);
      return r.getNumberFormats();
    },
  },
  {
    id: 'values.time-only-cells',
    ref: S + 'range#getvalue',
    expected: TIME_ZONES.map((z) => `${z} true 1899-12-30 09:00:00`),
    how: "for each zone: setSpreadsheetTimeZone(zone), setValue('09:00'); getValue() is a Date and Utilities.formatDate(it, zone, 'yyyy-MM-dd HH:mm:ss') (1899 local mean time offsets with seconds)",
    run: ({ scratch, ss, svc }) => {
      const sh = scratch();
      const original = ss.getSpreadsheetTimeZone();
      try {
        return TIME_ZONES.map((z, i) => {
          ss.setSpreadsheetTimeZone(z);
          const r = sh.getRange(i + 1, 1);
          r.setValue('09:00');
          const v = r.getValue();
          return `${z} ${isDate(v)} ${isDate(v) ? svc.Utilities.formatDate(v as Date, z, 'yyyy-MM-dd HH:mm:ss') : String(v)}`;
        });
      } finally {
        ss.setSpreadsheetTimeZone(original);
      }
    },
  },
];
