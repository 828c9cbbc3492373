// Fidelity of the emulated Spreadsheet service, TextFinder: finding cells by text.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { REF, runCases, type Case } from './cases';

const cases: Case[] = [
  {
    name: 'TextFinder finds cells by display text',
    ref: REF + 'text-finder',
    run: ({ sheet }) => {
      sheet.getRange('A1:A3').setValues([['IT20240501001'], ['IT20240501002'], ['it20240501001x']]);
      const all = sheet.createTextFinder('IT20240501001').matchEntireCell(true).findAll();
      expect(all.map((r) => r.getA1Notation())).toEqual(['A1']);
      expect(sheet.getRange('A1:A3').createTextFinder('0501001').findAll()).toHaveLength(2);
    },
  },
  {
    name: 'replaceWith and replaceAllWith return the occurrences replaced, not the cells',
    ref: REF + 'text-finder#replacewithreplacetext',
    run: ({ sheet }) => {
      sheet.getRange('A1:A3').setValues([['a-a-a'], ['b'], ['xa']]);
      const f = sheet.createTextFinder('a');
      expect(f.replaceWith('z')).toBe(0); // no current match yet
      expect(f.findNext()!.getA1Notation()).toBe('A1');
      expect(f.replaceWith('z')).toBe(3);
      expect(sheet.getRange('A1').getValue()).toBe('z-z-z');
      expect(sheet.createTextFinder('z').replaceAllWith('y')).toBe(3);
      sheet.getRange('B1:B2').setValues([['aa'], ['a']]);
      expect(sheet.createTextFinder('a').replaceAllWith('q')).toBe(4); // xa, aa, a
      expect(sheet.getRange('A3:B3').getValues()).toEqual([['xq', '']]);
      expect(sheet.getRange('B1:B2').getValues()).toEqual([['qq'], ['q']]);
    },
  },
  {
    name: 'without useRegularExpression the replacement is literal text ($& and $1 stay as typed)',
    ref: REF + 'text-finder#replaceallwithreplacetext',
    run: ({ sheet }) => {
      sheet.getRange('A1:A2').setValues([['cost 5'], ['a.b']]);
      sheet.createTextFinder('5').replaceAllWith('$&$1$$');
      sheet.createTextFinder('.').replaceAllWith('-');
      expect(sheet.getRange('A1:A2').getValues()).toEqual([['cost $&$1$$'], ['a-b']]);
    },
  },
  {
    name: 'with useRegularExpression, $1 in the replacement is a group; RE2-only syntax: lookaround and backreferences refused',
    ref: REF + 'text-finder#useregularexpressionusereg',
    run: ({ sheet }) => {
      sheet.getRange('A1:A2').setValues([['IT-001'], ['IT-002']]);
      expect(sheet.createTextFinder('IT-(\\d+)').useRegularExpression(true).replaceAllWith('T$1/$&')).toBe(2);
      expect(sheet.getRange('A1:A2').getValues()).toEqual([['T001/$&'], ['T002/$&']]);
      for (const re of ['T(?=0)', '(?<=T)0', '(?!x)T', '(0)\\1', '(?<!a)T'])
        expect(() => sheet.createTextFinder(re).useRegularExpression(true)).toThrow('RE2');
      // An escaped parenthesis or backslash is no construct.
      expect(sheet.createTextFinder('\\(?=').useRegularExpression(true).findAll()).toEqual([]);
      expect(sheet.createTextFinder('T\\\\1').useRegularExpression(true).findAll()).toEqual([]);
    },
  },
  {
    name: 'a number found by its display text is replaced in that text and read back as typed; a formula only with matchFormulaText',
    ref: REF + 'text-finder#matchformulatextmatchformulatext',
    run: ({ sheet }) => {
      sheet.getRange('A1:A3').setValues([[123], ['=1+1'], ['=A1&"2"']]);
      expect(sheet.createTextFinder('2').replaceAllWith('9')).toBe(1); // A1 only: the formulas' values are not replaceable
      expect(sheet.getRange('A1').getValue()).toBe(193);
      expect(sheet.getRange('A2:A3').getFormulas()).toEqual([['=1+1'], ['=A1&"2"']]);
      expect(sheet.createTextFinder('1').matchFormulaText(true).replaceAllWith('2')).toBe(4); // 193, =1+1 twice, =A1&"2"
      expect(sheet.getRange('A1').getValue()).toBe(293);
      expect(sheet.getRange('A2:A3').getFormulas()).toEqual([['=2+2'], ['=A2&"2"']]);
    },
  },
  {
    name: 'ignoreDiacritics(true) replaces the accented text itself',
    ref: REF + 'text-finder#ignorediacriticsignorediacritics',
    run: ({ sheet }) => {
      sheet.getRange('A1').setValue('Café crème');
      expect(sheet.createTextFinder('cafe creme').ignoreDiacritics(true).replaceAllWith('tea')).toBe(1);
      expect(sheet.getRange('A1').getValue()).toBe('tea');
    },
  },
  {
    name: 'startFrom: after the range\'s last cell; findPrevious from there; no current match until a find',
    ref: REF + 'text-finder#startfromstartrange',
    run: ({ sheet }) => {
      sheet.getRange('A1:B4').setValues([['k', ''], ['k', ''], ['', 'k'], ['k', '']]);
      const f = sheet.createTextFinder('k').startFrom(sheet.getRange('A2:B2'));
      expect(f.getCurrentMatch()).toBeNull();
      expect(f.findNext()!.getA1Notation()).toBe('B3');
      const g = sheet.createTextFinder('k').startFrom(sheet.getRange('A3'));
      expect(g.findPrevious()!.getA1Notation()).toBe('A2');
      expect(g.findPrevious()!.getA1Notation()).toBe('A1');
      expect(g.findPrevious()).toBeNull();
      expect(() => sheet.getRange('A1:A2').createTextFinder('k').startFrom(sheet.getRange('C9'))).toThrow('startRange');
    },
  },
  {
    name: 'the option setters take booleans only, with Apps Script\'s signature message',
    ref: REF + 'text-finder#matchcasematchcase',
    run: ({ sheet }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the case calls with arguments the typings forbid: the runtime must refuse them with Apps Script's message
      const f = sheet.createTextFinder('x') as any;
      expect(() => f.matchCase('true')).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.TextFinder.matchCase.");
      expect(() => f.matchEntireCell(1)).toThrow('TextFinder.matchEntireCell');
      expect(() => f.ignoreDiacritics()).toThrow('The parameters ()');
      expect(() => f.matchFormulaText(null)).toThrow('(null)');
      expect(() => f.useRegularExpression('yes')).toThrow('TextFinder.useRegularExpression');
      expect(() => f.replaceAllWith(5)).toThrow('TextFinder.replaceAllWith');
    },
  },
  {
    name: 'each find searches the cells as they are now; after replaceWith the replaced cell stays the current match',
    ref: REF + 'text-finder#findnext',
    run: ({ sheet }) => {
      sheet.getRange('A1:A3').setValues([['k'], [''], ['']]);
      const f = sheet.createTextFinder('k');
      expect(f.findNext()!.getA1Notation()).toBe('A1');
      sheet.getRange('A3').setValue('k2'); // written after the finder's first search
      expect(f.replaceWith('x')).toBe(1); // A3 is not current: A1 is
      expect(f.getCurrentMatch()!.getA1Notation()).toBe('A1');
      expect(f.findNext()!.getA1Notation()).toBe('A3');
      expect(sheet.getRange('A1:A3').getValues()).toEqual([['x'], [''], ['k2']]);
    },
  },
];

runCases('TextFinder', cases);
