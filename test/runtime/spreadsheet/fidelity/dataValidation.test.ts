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
];

runCases('DataValidation', cases);
