// Fidelity of the emulated Spreadsheet service, Rich Text (runtime/spreadsheet/richText.ts):
// RichTextValueBuilder, RichTextValue, TextStyle, Range.getRichTextValue(s)/setRichTextValue(s), and
// Range.setTextStyle(s) (runtime/spreadsheet/textStyles.ts).
// Issue 16: formula-like user text is written as a Rich Text value, which is text by type.
import { NotProvidedError } from '../../../../runtime/instrument';
import { REF, runCases, type Case } from './cases';

const cases: Case[] = [
  {
    name: 'setRichTextValue stores the text as typed: no formula, number, date or boolean, in any number format',
    ref: REF + 'rich-text-value',
    run: ({ app, sheet }) => {
      const rich = (t: string) => app.newRichTextValue().setText(t).build();
      const texts = ['=1+1', '+1', '-1', '0012', '2024-05-01', 'TRUE', "'=1+1"];
      const auto = sheet.getRange(1, 1, 1, texts.length);
      const plain = sheet.getRange(2, 1, 1, texts.length).setNumberFormat('@');
      for (const r of [auto, plain]) {
        r.setRichTextValues([texts.map(rich)]);
        expect(r.getValues()).toEqual([texts]);
        expect(r.getFormulas()).toEqual([texts.map(() => '')]);
        expect(r.getDisplayValues()).toEqual([texts]);
      }
      expect(auto.getNumberFormats()[0].every((f) => f === '0.###############')).toBe(true);
    },
  },
  {
    name: 'getRichTextValue: a text cell gives its text as one run; a number, boolean or date gives null; an empty cell empty text',
    ref: REF + 'range#getrichtextvalue',
    run: ({ sheet }) => {
      sheet.getRange('A1:D1').setValues([['abc', 5, true, '2024-05-01']]);
      const [a, b, c, d] = sheet.getRange('A1:D1').getRichTextValues()[0];
      expect(a?.getText()).toBe('abc');
      expect(a?.getRuns().map((r) => [r.getText(), r.getStartIndex(), r.getEndIndex()])).toEqual([['abc', 0, 3]]);
      expect([b, c, d]).toEqual([null, null, null]);
      expect(sheet.getRange('E1').getRichTextValue()?.getText()).toBe('');
      // a formula's value: text when its result is text
      sheet.getRange('F1').setFormula('=A1&"!"');
      sheet.getRange('G1').setFormula('=1+1');
      expect(sheet.getRange('F1').getRichTextValue()?.getText()).toBe('abc!');
      expect(sheet.getRange('G1').getRichTextValue()).toBeNull();
    },
  },
  {
    name: "a cell's Rich Text value carries the cell's text format as its style",
    ref: REF + 'text-style',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1').setValue('x').setFontWeight('bold').setFontColor('#FF0000').setFontSize(12).setFontFamily('Courier New');
      const st = r.getRichTextValue()!.getTextStyle();
      expect([st.getFontFamily(), st.getFontSize(), st.getForegroundColor(), st.isBold(), st.isItalic(), st.isUnderline(), st.isStrikethrough()]).toEqual([
        'Courier New', 12, '#ff0000', true, false, false, false,
      ]);
      expect(r.getRichTextValue()!.getLinkUrl()).toBeNull();
    },
  },
  {
    name: 'setRichTextValue on a range sets every cell; an empty text clears; setRichTextValues must match the shape',
    ref: REF + 'range#setrichtextvaluevalue',
    run: ({ app, sheet }) => {
      const r = sheet.getRange('A1:B2');
      expect(r.setRichTextValue(app.newRichTextValue().setText('=x').build())).toBe(r);
      expect(r.getValues()).toEqual([['=x', '=x'], ['=x', '=x']]);
      r.setRichTextValue(app.newRichTextValue().setText('').build());
      expect(r.isBlank()).toBe(true);
      expect(() => r.setRichTextValues([[app.newRichTextValue().setText('a').build()]])).toThrow(/number of rows/);
      expect(() => sheet.getRange('A1').setRichTextValue('text' as never)).toThrow(/don't match the method signature/);
      expect(() => sheet.getRange('A1').setRichTextValue(app.newRichTextValue().setText('x'.repeat(50001)).build())).toThrow(/50000 characters/);
      expect(sheet.getRange('A1').getValue()).toBe('');
    },
  },
  {
    name: 'builder: setText clears styles; runs split where the style or link changes; copy() starts from the value',
    ref: REF + 'rich-text-value-builder',
    run: ({ app }) => {
      const bold = app.newTextStyle().setBold(true).build();
      const v = app.newRichTextValue().setText('foo bar baz').setTextStyle(4, 7, bold).setLinkUrl(8, 11, 'https://example.com').build();
      expect(v.getRuns().map((r) => r.getText())).toEqual(['foo ', 'bar', ' ', 'baz']);
      expect(v.getRuns()[1].getTextStyle().isBold()).toBe(true);
      expect(v.getTextStyle(0, 3).isBold()).toBeNull();
      expect(v.getTextStyle().isBold()).toBeNull(); // differs within the value
      expect(v.getLinkUrl(8, 11)).toBe('https://example.com');
      expect(v.getLinkUrl()).toBeNull(); // several (or no) links
      expect(() => v.getTextStyle(5, 20)).toThrow();
      const again = v.copy().setText('plain').build();
      expect(again.getRuns()).toHaveLength(1);
      expect(again.getTextStyle().isBold()).toBeNull();
      expect(bold.copy().setItalic(true).build().isBold()).toBe(true);
      expect(app.newTextStyle().build().getFontFamily()).toBeNull();
      expect(() => app.newRichTextValue().setText('ab').setTextStyle(0, 3, bold)).toThrow();
    },
  },
  {
    name: 'styled runs and links inside a cell are not modelled: writing them fails clearly instead of dropping them',
    ref: REF + 'range#setrichtextvaluevalue',
    run: ({ app, sheet }) => {
      const linked = app.newRichTextValue().setText('go').setLinkUrl('https://example.com').build();
      expect(() => sheet.getRange('A1').setRichTextValue(linked)).toThrow(NotProvidedError);
      expect(() => sheet.getRange('A1').setRichTextValue(linked)).toThrow(/not provided by the local runtime: Range.setRichTextValue/);
      // a value read from a cell (its style is the cell's) can be written back
      sheet.getRange('B1').setValue('kept').setFontWeight('bold');
      sheet.getRange('C1').setRichTextValue(sheet.getRange('B1').getRichTextValue()!);
      expect(sheet.getRange('C1').getValue()).toBe('kept');
    },
  },
  {
    name: 'font family and font line of a fresh cell: Arial, none; setters read back, null resets',
    ref: REF + 'range#getfontfamily',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1:B1');
      expect(r.getFontFamily()).toBe('Arial');
      expect(String(r.getFontLine())).toBe('none');
      r.setFontFamilies([['Roboto', null]]).setFontLine('underline' as never);
      expect(r.getFontFamilies()).toEqual([['Roboto', 'Arial']]);
      expect(r.getFontLines().map((row) => row.map(String))).toEqual([['underline', 'underline']]);
      r.setFontFamily(null).setFontLine(null);
      expect([r.getFontFamily(), String(r.getFontLine())]).toEqual(['Arial', 'none']);
      expect(() => r.setFontLine('double' as never)).toThrow();
    },
  },
  {
    name: "getTextStyle(s) give the cells' text format; getTextDirection is null (automatic); colour objects per cell",
    ref: REF + 'range#gettextstyle',
    run: ({ sheet }) => {
      const r = sheet.getRange('A1:B1');
      sheet.getRange('B1').setFontStyle('italic').setFontColor('#00ff00').setBackground('#0000ff');
      expect(r.getTextStyles()[0].map((t) => [t.isItalic(), t.getForegroundColor(), t.getFontSize()])).toEqual([
        [false, '#000000', 10],
        [true, '#00ff00', 10],
      ]);
      expect(r.getTextStyle().isItalic()).toBe(false);
      expect(r.getTextDirection()).toBeNull();
      expect(r.getTextDirections()).toEqual([[null, null]]);
      expect(r.getBackgroundObjects()[0].map((c) => c.asRgbColor().asHexString())).toEqual(['#ffffff', '#0000ff']);
      expect(r.getFontColorObjects()[0].map((c) => c.asRgbColor().asHexString())).toEqual(['#000000', '#00ff00']);
    },
  },
  {
    name: "the spreadsheet's getters answer for its active sheet",
    ref: REF + 'spreadsheet#getdatarange',
    run: ({ ss, sheet }) => {
      sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
      sheet.setFrozenRows(1);
      expect(ss.getDataRange().getA1Notation()).toBe('A1:B2');
      expect([ss.getFrozenRows(), ss.getFrozenColumns(), ss.getColumnWidth(1), ss.getRowHeight(1)]).toEqual([1, 0, 100, 21]);
      expect(ss.getSheetValues(1, 1, 2, 2)).toEqual([[1, 2], [3, 4]]);
      expect(ss.getCurrentCell()?.getA1Notation()).toBe('A1');
    },
  },
  {
    name: 'setTextStyles: each cell takes its style’s set attributes and keeps the rest (a style is a partial format)',
    ref: REF + 'range#settextstylesstyles',
    run: ({ app, sheet }) => {
      const r = sheet.getRange('A1:B2');
      r.setFontStyle('italic').setFontColor('#00ff00');
      const bold = app.newTextStyle().setBold(true).setForegroundColor('#ff0000').setFontSize(14).build();
      const plain = app.newTextStyle().setBold(false).build();
      const family = app.newTextStyle().setFontFamily('Georgia').setUnderline(true).build();
      const none = app.newTextStyle().build();
      r.setTextStyles([
        [bold, plain],
        [family, none],
      ]);
      expect(r.getFontWeights()).toEqual([['bold', 'normal'], ['normal', 'normal']]);
      expect(r.getFontColors()).toEqual([['#ff0000', '#00ff00'], ['#00ff00', '#00ff00']]);
      expect(r.getFontSizes()).toEqual([[14, 10], [10, 10]]);
      expect(r.getFontStyles()).toEqual([['italic', 'italic'], ['italic', 'italic']]);
      expect(r.getFontFamilies()).toEqual([['Arial', 'Arial'], ['Georgia', 'Arial']]);
      expect(r.getFontLines()).toEqual([['none', 'none'], ['underline', 'none']]);
      expect(r.getTextStyles()[0][0].isBold()).toBe(true);
    },
  },
  {
    name: 'setTextStyle: one style on every cell; setTextStyles refuses a grid of the wrong size or a null style',
    ref: REF + 'range#settextstylestyle',
    run: ({ app, sheet }) => {
      const r = sheet.getRange('A1:C1');
      r.setTextStyle(app.newTextStyle().setItalic(true).setFontSize(12).build());
      expect(r.getFontStyles()).toEqual([['italic', 'italic', 'italic']]);
      expect(r.getFontSizes()).toEqual([[12, 12, 12]]);
      expect(r.getFontWeights()).toEqual([['normal', 'normal', 'normal']]);
      const s = app.newTextStyle().setBold(true).build();
      expect(() => r.setTextStyles([[s, s]])).toThrow();
      expect(() => r.setTextStyles([[s, null as never, s]])).toThrow('Invalid argument');
      // Underline and strikethrough in one cell: the workbook keeps one font line, so the runtime says so.
      expect(() => sheet.getRange('D1').setTextStyle(app.newTextStyle().setUnderline(true).setStrikethrough(true).build())).toThrow(NotProvidedError);
    },
  },
  {
    name: 'RichTextValueBuilder.setTextStyle(null) does nothing; a style overwrites only the fields it sets; setLinkUrl(null) clears',
    ref: REF + 'rich-text-value-builder#settextstyletextstyle',
    run: ({ app }) => {
      const bold = app.newTextStyle().setBold(true).build();
      const red = app.newTextStyle().setForegroundColor('#ff0000').build();
      const v = app.newRichTextValue().setText('abcd').setTextStyle(bold).setTextStyle(null as never).setTextStyle(0, 2, null as never).setTextStyle(1, 3, red).build();
      expect(v.getTextStyle().isBold()).toBe(true);
      expect(v.getRuns().map((r) => [r.getText(), r.getTextStyle().getForegroundColor()])).toEqual([['a', null], ['bc', '#ff0000'], ['d', null]]);
      const unlinked = app.newRichTextValue().setText('go').setLinkUrl('https://example.com').setLinkUrl(null as never).build();
      expect(unlinked.getLinkUrl()).toBeNull();
      expect(() => app.newRichTextValue().setText('ab').setTextStyle(0, 3, null as never)).toThrow('Invalid offsets');
    },
  },
  {
    name: 'TextStyle colour objects: getForegroundColorObject is an RGB Color (null when unset); setForegroundColorObject takes a Color',
    ref: REF + 'text-style#getforegroundcolorobject',
    run: ({ app, sheet }) => {
      const st = app.newTextStyle().setForegroundColor('#1A2B3C').build();
      const c = st.getForegroundColorObject()!;
      expect([String(c.getColorType()), c.asRgbColor().asHexString(), c.asRgbColor().getRed()]).toEqual(['RGB', '#1a2b3c', 26]);
      expect(app.newTextStyle().build().getForegroundColorObject()).toBeNull();
      const cellColor = sheet.getRange('A1').setFontColor('#00ff00').getFontColorObject();
      expect(app.newTextStyle().setForegroundColorObject(cellColor).build().getForegroundColor()).toBe('#00ff00');
      expect(() => app.newTextStyle().setForegroundColorObject('#00ff00' as never)).toThrow(
        "The parameters (String) don't match the method signature for SpreadsheetApp.TextStyleBuilder.setForegroundColorObject.",
      );
      expect(() => app.newTextStyle().setBold('yes' as never)).toThrow('Invalid argument: bold');
      expect(() => app.newTextStyle().setFontSize(0)).toThrow('Invalid argument: fontSize');
    },
  },
];

runCases('RichTextValue', cases);
