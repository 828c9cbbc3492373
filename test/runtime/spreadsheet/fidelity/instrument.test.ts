// Fidelity of the emulated Spreadsheet service, the runtime contract: members not provided, calls counted.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { NotProvidedError } from '../../../../runtime/instrument';
import { runCases, type Case } from './cases';

const cases: Case[] = [
  {
    name: 'members the runtime does not provide throw a clear error',
    ref: 'runtime/instrument.ts',
    run: ({ sheet, app }) => {
      // (Range.merge is provided since issue 23; randomize is not.)
      const r = sheet.getRange('A1') as unknown as { randomize(): void };
      expect(() => r.randomize()).toThrow(NotProvidedError);
      expect(() => r.randomize()).toThrow('not provided by the local runtime: Range.randomize');
      expect(() => (app.ProtectionType as unknown as Record<string, unknown>).NOPE).toThrow(
        'ProtectionType.NOPE',
      );
    },
  },
  {
    name: 'calls and cells are counted (getValues/setValues count cells, builders are local)',
    ref: 'developers.google.com/apps-script/guides/support/best-practices',
    run: ({ sheet, app, ctx }) => {
      ctx.acct.reset();
      const r = sheet.getRange(1, 1, 10, 3);
      r.setValues(Array.from({ length: 10 }, () => ['a', 'b', 'c']));
      r.getValues();
      r.getBackgrounds();
      app.newDataValidation().requireValueInList(['a']).build();
      const s = ctx.acct.stats;
      expect(s.cellsWritten).toBe(30);
      expect(s.cellsRead).toBe(60);
      expect(s.byMethod['Range.setValues']).toBe(1);
      expect(s.byMethod['Sheet.getRange']).toBe(1);
      // getRange, setValues, getValues, getBackgrounds; newDataValidation and the builder are local
      expect(s.spreadsheetCalls).toBe(4);
      expect(s.byMethod['DataValidationBuilder.requireValueInList']).toBe(1);
    },
  },
];

runCases('the runtime contract', cases);
