// Fidelity of the emulated Spreadsheet service, DataValidation: builders, script writes and hand edits.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { isDate } from '../../../../runtime/context';
import { handEdit, renderSheet } from '../../../../runtime/spreadsheet';
import { NOW, sh } from '../helpers';
import { REF, runCases, type Case } from './cases';

const ms = (d: unknown) => (d as Date).getTime();

const cases: Case[] = [
  {
    name: 'validation builder: list with dropdown, allowInvalid defaults to true, help text',
    ref: REF + 'data-validation-builder#setallowinvalidallowinvaliddata',
    run: ({ app, sheet }) => {
      const b = app.newDataValidation().requireValueInList(['高', '中', '低'], true);
      expect(b.getAllowInvalid()).toBe(true);
      const rule = b.setAllowInvalid(false).setHelpText('选择 高/中/低').build();
      expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
      expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
      expect(rule.getCriteriaValues()).toEqual([['高', '中', '低'], true]);
      expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, '选择 高/中/低']);
      sheet.getRange('E2:E5').setDataValidation(rule);
      const per = sheet.getRange('E1:E3').getDataValidations();
      expect(per[0][0]).toBeNull();
      expect(per[1][0]!.getHelpText()).toBe('选择 高/中/低');
      expect(rule.copy().setAllowInvalid(true).build().getAllowInvalid()).toBe(true);
      sheet.getRange('E2:E3').clearDataValidations();
      expect(sheet.getRange('E2').getDataValidation()).toBeNull();
      expect(sheet.getRange('E4').getDataValidation()).not.toBeNull();
    },
  },
  {
    name: 'a rule without help text answers null for it ("or null if no help text is set")',
    ref: REF + 'data-validation#gethelptext',
    run: ({ app, sheet }) => {
      const rule = app.newDataValidation().requireValueInList(['a', 'b'], true).setAllowInvalid(false).build();
      expect(rule.getHelpText()).toBeNull();
      sheet.getRange('A1').setDataValidation(rule);
      expect(sheet.getRange('A1').getDataValidation()!.getHelpText()).toBeNull();
    },
  },
  {
    name: 'requireValueInList: at least one value, at most 500 (an empty list is not documented: refused, the stricter answer)',
    ref: REF + 'data-validation-builder#requirevalueinlistvalues',
    run: ({ app }) => {
      expect(() => app.newDataValidation().requireValueInList([])).toThrow('The data validation list must contain at least one item.');
      expect(() => app.newDataValidation().requireValueInList(Array.from({ length: 501 }, (_, i) => `v${i}`))).toThrow('more than 500 items');
      expect(app.newDataValidation().requireValueInList(['only']).build().getCriteriaValues()[0]).toEqual(['only']);
    },
  },
  {
    name: 'script writes bypass validation: an off-list value is stored',
    ref: 'developers.google.com/apps-script/reference/spreadsheet/data-validation-builder',
    run: ({ app, sheet }) => {
      sheet
        .getRange('A1')
        .setDataValidation(
          app.newDataValidation().requireValueInList(['a', 'b']).setAllowInvalid(false).build(),
        );
      sheet.getRange('A1').setValue('zzz');
      expect(sheet.getRange('A1').getValue()).toBe('zzz');
    },
  },
  {
    name: 'hand edits: rejected with the help text when allowInvalid=false; kept and marked when true',
    ref: REF + 'data-validation#getallowinvalid',
    run: ({ app, sheet, wb, ctx }) => {
      const name = sheet.getName();
      sheet
        .getRange('A2')
        .setDataValidation(
          app
            .newDataValidation()
            .requireValueInList(['高', '中'])
            .setAllowInvalid(false)
            .setHelpText('只能选 高/中')
            .build(),
        );
      sheet.getRange('B2').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
      expect(handEdit(wb, ctx, `${name}!A2`, '急')).toEqual({ ok: false, reason: '只能选 高/中', refusal: { kind: 'validation', criteria: 'VALUE_IN_LIST', help: '只能选 高/中' } });
      expect(sheet.getRange('A2').getValue()).toBe('');
      const ok = handEdit(wb, ctx, `${name}!A2`, '高');
      expect(ok).toEqual({
        ok: true,
        sheetName: name,
        a1: 'A2',
        value: '高',
        oldValue: undefined,
        multi: false,
      });
      const warned = handEdit(wb, ctx, `${name}!B2`, 'y');
      expect(warned.ok).toBe(true);
      expect(renderSheet(wb, name, NOW).rows[1][1].invalid).toBe(true);
    },
  },
  {
    name: 'hand edits parse typed text; e.value/e.oldValue are strings, absent for multi-cell edits',
    ref: 'developers.google.com/apps-script/guides/triggers/events#edit',
    run: ({ sheet, wb, ctx }) => {
      const name = sheet.getName();
      sheet.getRange('A1').setValue('old');
      const r = handEdit(wb, ctx, `${name}!A1`, '12');
      expect(r).toMatchObject({ ok: true, value: '12', oldValue: 'old', multi: false });
      expect(sheet.getRange('A1').getValue()).toBe(12);
      const m = handEdit(wb, ctx, `${name}!A2:B2`, [['1', '2024-05-01']]);
      expect(m).toEqual({ ok: true, sheetName: name, a1: 'A2:B2', multi: true });
      expect(isDate(sheet.getRange('B2').getValue())).toBe(true);
    },
  },
  {
    name: 'requireValueInRange: the dropdown lists the range; hand edits outside it are refused',
    ref: REF + 'data-validation-builder#requirevalueinrangerange,-showdropdown',
    run: ({ app, ss, sheet, wb, ctx }) => {
      const settings = ss.insertSheet('设置');
      settings.getRange('A1:A3').setValues([['张三'], ['李四'], ['']]);
      const rule = app
        .newDataValidation()
        .requireValueInRange(settings.getRange('A1:A3'), true)
        .setAllowInvalid(false)
        .build();
      expect((rule.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe(
        'A1:A3',
      );
      sheet.getRange('C2').setDataValidation(rule);
      expect(renderSheet(wb, sheet.getName(), NOW).rows[0]).toBeDefined();
      expect(handEdit(wb, ctx, `${sheet.getName()}!C2`, '王五').ok).toBe(false);
      expect(handEdit(wb, ctx, `${sheet.getName()}!C2`, '李四').ok).toBe(true);
      expect(renderSheet(wb, sheet.getName(), NOW).rows[1][2].list).toEqual(['张三', '李四']);
    },
  },
  {
    name: 'date criteria values come back as Dates of the bundle realm',
    ref: REF + 'data-validation#getcriteriavalues',
    run: ({ app, BundleDate }) => {
      const rule = app
        .newDataValidation()
        .requireDateAfter(new BundleDate(sh(2024, 1, 1)))
        .build();
      const [d] = rule.getCriteriaValues();
      expect(d).toBeInstanceOf(BundleDate);
      expect(ms(d)).toBe(sh(2024, 1, 1));
    },
  },
  {
    name: 'criteria values read back as each require…() sets them: Numbers stay numbers, text stays text, a list or range keeps showDropdown (true when left out)',
    ref: REF + 'data-validation-builder#getcriteriavalues',
    run: ({ app, sheet }) => {
      const fresh = app.newDataValidation();
      expect([fresh.getCriteriaType(), fresh.getCriteriaValues(), fresh.getHelpText()]).toEqual([null, [], null]);
      const read = (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => [String(b.getCriteriaType()), b.getCriteriaValues()];
      const dv = () => app.newDataValidation();
      expect(read(dv().requireNumberBetween(1, 10))).toEqual(['NUMBER_BETWEEN', [1, 10]]);
      expect(read(dv().requireNumberNotBetween(2.5, -1))).toEqual(['NUMBER_NOT_BETWEEN', [2.5, -1]]);
      for (const [method, criteria] of [
        ['requireNumberEqualTo', 'NUMBER_EQUAL_TO'],
        ['requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO'],
        ['requireNumberGreaterThan', 'NUMBER_GREATER_THAN'],
        ['requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO'],
        ['requireNumberLessThan', 'NUMBER_LESS_THAN'],
        ['requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO'],
      ]) {
        expect([method, ...read((dv() as unknown as Record<string, (n: number) => GoogleAppsScript.Spreadsheet.DataValidationBuilder>)[method](3))]).toEqual([method, criteria, [3]]);
      }
      expect(read(dv().requireTextContains('Google'))).toEqual(['TEXT_CONTAINS', ['Google']]);
      expect(read(dv().requireTextDoesNotContain('@'))).toEqual(['TEXT_DOES_NOT_CONTAIN', ['@']]);
      expect(read(dv().requireTextEqualTo('Yes'))).toEqual(['TEXT_EQUAL_TO', ['Yes']]);
      expect(read(dv().requireTextIsEmail())).toEqual(['TEXT_IS_VALID_EMAIL', []]);
      expect(read(dv().requireTextIsUrl())).toEqual(['TEXT_IS_VALID_URL', []]);
      expect(read(dv().requireDate())).toEqual(['DATE_IS_VALID_DATE', []]);
      expect(read(dv().requireFormulaSatisfied('=EQ(A1,B1)'))).toEqual(['CUSTOM_FORMULA', ['=EQ(A1,B1)']]);
      expect(read(dv().requireCheckbox())).toEqual(['CHECKBOX', []]);
      expect(read(dv().requireCheckbox('APPROVED'))).toEqual(['CHECKBOX', ['APPROVED']]);
      expect(read(dv().requireCheckbox('APPROVED', 'PENDING'))).toEqual(['CHECKBOX', ['APPROVED', 'PENDING']]);
      expect(read(dv().requireValueInList(['Yes', 'No']))).toEqual(['VALUE_IN_LIST', [['Yes', 'No'], true]]);
      const inRange = dv().requireValueInRange(sheet.getRange('B1:B10')).build().getCriteriaValues();
      expect([String(dv().requireValueInRange(sheet.getRange('B1:B10')).getCriteriaType()), (inRange[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation(), inRange[1]]).toEqual(['VALUE_IN_RANGE', 'B1:B10', true]);
      expect(dv().requireValueInRange(sheet.getRange('B1:B10'), false).getCriteriaValues()[1]).toBe(false);
    },
  },
  {
    name: 'requireDate…: "The time fields of the Date object are ignored": the day in the spreadsheet zone is kept, read back at its midnight',
    ref: REF + 'data-validation-builder#requiredateafterdate',
    run: ({ app, BundleDate }) => {
      const at = (ms: number) => new BundleDate(ms);
      const one = app.newDataValidation().requireDateAfter(at(sh(2024, 5, 1, 15, 30))).build().getCriteriaValues();
      expect(one.map(ms)).toEqual([sh(2024, 5, 1)]);
      expect(one[0]).toBeInstanceOf(BundleDate);
      const two = app.newDataValidation().requireDateNotBetween(at(sh(2024, 5, 1, 23, 59)), at(sh(2024, 5, 31, 0, 1))).getCriteriaValues();
      expect(two.map(ms)).toEqual([sh(2024, 5, 1), sh(2024, 5, 31)]);
      for (const m of ['requireDateBefore', 'requireDateEqualTo', 'requireDateOnOrAfter', 'requireDateOnOrBefore']) {
        const b = (app.newDataValidation() as unknown as Record<string, (d: Date) => GoogleAppsScript.Spreadsheet.DataValidationBuilder>)[m](at(sh(2024, 2, 29, 8)));
        expect([m, b.getCriteriaValues().map(ms)]).toEqual([m, [sh(2024, 2, 29)]]);
      }
      const between = app.newDataValidation().withCriteria(app.DataValidationCriteria.DATE_BETWEEN, [at(sh(2013, 1, 1, 12)), at(sh(2013, 12, 31, 12))]);
      expect(between.getCriteriaValues().map(ms)).toEqual([sh(2013, 1, 1), sh(2013, 12, 31)]);
    },
  },
  {
    name: 'arguments that match no require…() signature are refused (a String for a Number, a text for a Date, a non-Boolean showDropdown, missing text); withCriteria checks them as the method would',
    ref: REF + 'data-validation-builder#withcriteriacriteria,-args',
    run: ({ app, sheet }) => {
      const dv = () => app.newDataValidation() as unknown as Record<string, (...a: unknown[]) => unknown>;
      const C = app.DataValidationCriteria;
      for (const [method, args] of [
        ['requireNumberBetween', ['1', 10]],
        ['requireNumberEqualTo', [Number.NaN]],
        ['requireNumberGreaterThan', []],
        ['requireDateAfter', ['2024-01-01']],
        ['requireDateBetween', [new Date(), 5]],
        ['requireTextContains', [5]],
        ['requireTextEqualTo', []],
        ['requireFormulaSatisfied', [null]],
        ['requireValueInRange', [sheet.getRange('A1:A3'), 'no']],
        ['requireValueInList', [['a'], 1]],
        ['withCriteria', ['NO_SUCH_CRITERIA', []]],
        ['withCriteria', [C.NUMBER_BETWEEN, [1]]],
        ['withCriteria', [C.NUMBER_BETWEEN, 1]],
        ['withCriteria', [C.TEXT_IS_VALID_EMAIL, ['x']]],
        ['withCriteria', [C.VALUE_IN_LIST, [['a'], true, 'extra']]],
        ['withCriteria', [C.DATE_AFTER, ['2024-01-01']]],
        ['setAllowInvalid', ['false']],
        ['setAllowInvalid', []],
        ['setHelpText', []],
        ['setHelpText', [42]],
      ] as Array<[string, unknown[]]>) {
        expect([method, args, (() => { try { dv()[method](...args); return 'returned'; } catch { return 'threw'; } })()]).toEqual([method, args, 'threw']);
      }
      expect(() => app.newDataValidation().setHelpText('h').build()).toThrow('You must specify a criteria type');
      const b = app.newDataValidation().withCriteria(C.VALUE_IN_RANGE, [sheet.getRange('A1:A3')]);
      expect(b.getCriteriaValues()[1]).toBe(true);
      expect(app.newDataValidation().withCriteria(C.CHECKBOX, []).getCriteriaValues()).toEqual([]);
    },
  },
  {
    name: 'copy(): a builder with the rule\'s settings; changing it changes neither the rule nor the builder copied (the page\'s 2013 → 2014 example)',
    ref: REF + 'data-validation#copy',
    run: ({ app, sheet, BundleDate }) => {
      const d = (y: number, mo: number, day: number) => new BundleDate(sh(y, mo, day));
      sheet.getRange('A1:A2').setDataValidation(app.newDataValidation().requireDateBetween(d(2013, 1, 1), d(2013, 12, 31)).setHelpText('2013').build());
      const rules = sheet.getRange('A1:A2').getDataValidations();
      const rule = rules[0][0]!;
      const args = rule.getCriteriaValues();
      expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.DATE_BETWEEN);
      rules[0][0] = rule.copy().withCriteria(rule.getCriteriaType(), [d(2014, 1, 1), d(2014, 12, 31)]).build();
      sheet.getRange('A1:A2').setDataValidations(rules);
      expect(sheet.getRange('A1').getDataValidation()!.getCriteriaValues().map(ms)).toEqual([sh(2014, 1, 1), sh(2014, 12, 31)]);
      expect(sheet.getRange('A1').getDataValidation()!.getHelpText()).toBe('2013');
      expect(sheet.getRange('A2').getDataValidation()!.getCriteriaValues().map(ms)).toEqual(args.map(ms));
      const b = app.newDataValidation().requireValueInList(['a', 'b']).setHelpText('pick');
      const c = b.copy().requireNumberGreaterThan(3).setAllowInvalid(false);
      expect([String(b.getCriteriaType()), b.getAllowInvalid(), String(c.getCriteriaType()), c.getAllowInvalid(), c.getHelpText()]).toEqual(['VALUE_IN_LIST', true, 'NUMBER_GREATER_THAN', false, 'pick']);
      const values = b.build().getCriteriaValues();
      (values[0] as string[]).push('z');
      expect(b.getCriteriaValues()[0]).toEqual(['a', 'b']);
    },
  },
];

runCases('DataValidation', cases);
