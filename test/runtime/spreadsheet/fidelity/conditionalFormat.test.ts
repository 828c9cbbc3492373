// Fidelity of the emulated Spreadsheet service, ConditionalFormatRule: rules, their getters and their evaluation.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { renderSheet } from '../../../../runtime/spreadsheet';
import { NOW, sh } from '../helpers';
import { REF, runCases, type Case } from './cases';

const cases: Case[] = [
  {
    name: 'setConditionalFormatRules replaces ALL rules of the sheet',
    ref: REF + 'sheet#setconditionalformatrulesrules',
    run: ({ app, sheet }) => {
      const mk = (t: string) =>
        app
          .newConditionalFormatRule()
          .whenTextEqualTo(t)
          .setBackground('#ff0000')
          .setRanges([sheet.getRange('A1:A9')])
          .build();
      sheet.setConditionalFormatRules([mk('a'), mk('b')]);
      sheet.setConditionalFormatRules([mk('c')]);
      const rules = sheet.getConditionalFormatRules();
      expect(rules).toHaveLength(1);
      expect(rules[0].getBooleanCondition()!.getCriteriaValues()).toEqual(['c']);
      // the documented way to add one: read, append, write back
      sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), mk('d')]);
      expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    },
  },
  {
    name: 'conditional-format rule getters: ranges, criteria, background',
    ref: REF + 'conditional-format-rule#getbooleancondition',
    run: ({ app, sheet }) => {
      const rule = app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$A2="x"')
        .setBackground('#FFCCCC')
        .setBold(true)
        .setRanges([sheet.getRange('A2:D100')])
        .build();
      const c = rule.getBooleanCondition()!;
      expect(c.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
      expect([c.getCriteriaValues(), c.getBackground(), c.getBold(), c.getFontColor()]).toEqual([
        ['=$A2="x"'],
        '#ffcccc',
        true,
        null,
      ]);
      expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:D100']);
      expect(rule.copy().setBackground(null).build().getBooleanCondition()!.getBackground()).toBeNull();
    },
  },
  {
    name: 'custom-formula rules evaluate relative to the rule range, with NOW() at the clock',
    ref: REF + 'conditional-format-rule-builder#whenformulasatisfiedformula',
    run: ({ app, sheet, wb, ctx }) => {
      const name = sheet.getName();
      sheet.getRange('A1:B1').setValues([['status', 'due']]);
      sheet.getRange('A2:B3').setValues([
        ['处理中', new Date(sh(2024, 5, 1, 11, 0))],
        ['处理中', new Date(sh(2024, 5, 1, 9, 0))],
      ]);
      const overdue = app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=AND($A2<>"已关闭",$B2<>"",$B2<NOW())')
        .setBackground('#f4c7c3')
        .setRanges([sheet.getRange('A2:B100')])
        .build();
      sheet.setConditionalFormatRules([overdue]);
      let view = renderSheet(wb, name, NOW); // 10:00
      expect(view.rows[1].map((c) => c.background)).toEqual(['#ffffff', '#ffffff']);
      expect(view.rows[2].map((c) => c.background)).toEqual(['#f4c7c3', '#f4c7c3']);
      ctx.clock.set(sh(2024, 5, 1, 12, 0));
      view = renderSheet(wb, name, ctx.clock.now());
      expect(view.rows[1][0].background).toBe('#f4c7c3');
      expect(view.rows[0][0].background).toBe('#ffffff'); // header is outside the rule range
    },
  },
  {
    name: 'text conditions and the first matching rule wins',
    ref: REF + 'conditional-format-rule-builder#whentextcontainstext',
    run: ({ app, sheet, wb }) => {
      sheet.getRange('A1:B3').setValues([
        ['高', ''],
        ['中', ''],
        ['', 'row 3 has content'],
      ]);
      const r = sheet.getRange('A1:A3');
      sheet.setConditionalFormatRules([
        app.newConditionalFormatRule().whenTextEqualTo('高').setBackground('#ff0000').setRanges([r]).build(),
        app
          .newConditionalFormatRule()
          .whenCellNotEmpty()
          .setBackground('#00ff00')
          .setFontColor('#ffffff')
          .setRanges([r])
          .build(),
        app.newConditionalFormatRule().whenCellEmpty().setBackground('#0000ff').setRanges([r]).build(),
      ]);
      const v = renderSheet(wb, sheet.getName(), NOW, { maxRows: 3 });
      expect(v.rows.map((row) => row[0].background)).toEqual(['#ff0000', '#00ff00', '#0000ff']);
      expect(v.rows[1][0].fontColor).toBe('#ffffff');
    },
  },
  {
    name: 'builder: build() needs a condition and at least one range; a format flag takes a Boolean or null (null removes it), a missing colour or flag is refused',
    ref: REF + 'conditional-format-rule-builder#setrangesranges',
    run: ({ app, sheet }) => {
      const r = sheet.getRange('A1:B3');
      expect(() => app.newConditionalFormatRule().setBackground('#ff0000').setRanges([r]).build()).toThrow('must have a condition');
      expect(() => app.newConditionalFormatRule().whenCellEmpty().build()).toThrow('at least one range');
      expect(() => app.newConditionalFormatRule().whenCellEmpty().setRanges([r]).setRanges([]).build()).toThrow('at least one range');
      const loose = app.newConditionalFormatRule() as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const [method, args] of [
        ['setBold', ['yes']],
        ['setItalic', [1]],
        ['setUnderline', []],
        ['setStrikethrough', [undefined]],
        ['setBackground', []],
        ['setFontColor', ['not a colour']],
        ['setRanges', ['A1:B3']],
        ['setRanges', [[sheet.getRange('A1'), 'B2']]],
      ] as Array<[string, unknown[]]>) {
        expect([method, args, (() => { try { loose[method](...args); return 'returned'; } catch { return 'threw'; } })()]).toEqual([method, args, 'threw']);
      }
      const b = app.newConditionalFormatRule().whenCellEmpty().setRanges([r]).setBold(true).setItalic(false).setUnderline(true).setStrikethrough(false).setBackground('#FF0000').setFontColor('red');
      const c = b.build().getBooleanCondition()!;
      expect([c.getBold(), c.getItalic(), c.getUnderline(), c.getStrikethrough(), c.getBackground(), c.getFontColor()]).toEqual([true, false, true, false, '#ff0000', '#ff0000']);
      b.setBold(null).setItalic(null).setUnderline(null).setStrikethrough(null).setBackground(null).setFontColor(null);
      const cleared = b.build().getBooleanCondition()!;
      expect([cleared.getBold(), cleared.getItalic(), cleared.getUnderline(), cleared.getStrikethrough(), cleared.getBackground(), cleared.getFontColor()]).toEqual([null, null, null, null, null, null]);
    },
  },
  {
    name: 'getBooleanCondition is null until a condition is set; getGradientCondition is null for a boolean rule; getRanges as set',
    ref: REF + 'conditional-format-rule-builder#getbooleancondition',
    run: ({ app, sheet }) => {
      const b = app.newConditionalFormatRule();
      expect([b.getBooleanCondition(), b.getGradientCondition(), b.getRanges()]).toEqual([null, null, []]);
      b.whenNumberBetween(1, 10).setRanges([sheet.getRange('A1:B3'), sheet.getRange('D4:F6')]);
      expect(String(b.getBooleanCondition()!.getCriteriaType())).toBe('NUMBER_BETWEEN');
      const rule = b.build();
      expect([rule.getGradientCondition(), rule.getRanges().map((x) => x.getA1Notation())]).toEqual([null, ['A1:B3', 'D4:F6']]);
      expect(() => b.setRanges([sheet.getRange('A1'), app.getActiveSpreadsheet().insertSheet('Other').getRange('A1')])).toThrow('same sheet');
    },
  },
  {
    name: 'copy(): a builder preset with the rule\'s settings; changing it changes neither the rule nor the builder copied',
    ref: REF + 'conditional-format-rule#copy',
    run: ({ app, sheet }) => {
      const b = app.newConditionalFormatRule().whenTextEqualTo('hello').setBackground('#FF0000').setRanges([sheet.getRange('A1:B3')]);
      const rule = b.build();
      const changed = rule.copy().whenTextContains('bye').setBackground('#000000').setRanges([sheet.getRange('C1')]).build();
      const read = (x: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => {
        const c = x.getBooleanCondition()!;
        return [String(c.getCriteriaType()), c.getCriteriaValues(), c.getBackground(), x.getRanges().map((r) => r.getA1Notation())];
      };
      expect(read(rule)).toEqual(['TEXT_EQUAL_TO', ['hello'], '#ff0000', ['A1:B3']]);
      expect(read(changed)).toEqual(['TEXT_CONTAINS', ['bye'], '#000000', ['C1']]);
      b.copy().whenCellNotEmpty().setBold(true);
      expect([String(b.getBooleanCondition()!.getCriteriaType()), b.getBooleanCondition()!.getBold()]).toEqual(['TEXT_EQUAL_TO', null]);
      // the page's withCriteria example: a new rule from an existing condition's type and values
      const cond = rule.getBooleanCondition()!;
      const again = app.newConditionalFormatRule().withCriteria(cond.getCriteriaType(), cond.getCriteriaValues()).setBackground('#000000').setRanges([sheet.getRange('A1')]).build();
      expect(read(again)).toEqual(['TEXT_EQUAL_TO', ['hello'], '#000000', ['A1']]);
    },
  },
];

runCases('ConditionalFormatRule', cases);
