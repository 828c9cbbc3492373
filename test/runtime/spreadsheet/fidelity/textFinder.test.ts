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
];

runCases('TextFinder', cases);
