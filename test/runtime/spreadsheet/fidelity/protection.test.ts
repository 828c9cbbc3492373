// Fidelity of the emulated Spreadsheet service, Protection: range and sheet protection.
// Each case names the behaviour and the reference page (or guide) it follows, and asserts it on
// a fresh workbook.
import { handEdit } from '../../../../runtime/spreadsheet';
import { env } from '../helpers';
import { REF, runCases, type Case } from './cases';

const cases: Case[] = [
  {
    name: 'range.protect(): description, warning-only, editors copied from the spreadsheet, remove',
    ref: REF + 'protection',
    run: ({ app, ss, sheet }) => {
      ss.addEditor('agent@example.com');
      const p = sheet.getRange('A:A').protect().setDescription('auto ID').setWarningOnly(true);
      expect([p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]).toEqual([
        'auto ID',
        true,
        'A1:A1000',
      ]);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'agent@example.com']);
      expect(String(p.getProtectionType())).toBe('RANGE');
      p.removeEditors(['agent@example.com', 'owner@example.com']);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']); // the owner stays
      expect(p.canEdit()).toBe(true);
      expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
      expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
      ss.getProtections(app.ProtectionType.RANGE)[0].remove();
      expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    },
  },
  {
    name: 'sheet.protect() returns the existing sheet protection; hand edits by non-editors are refused',
    ref: REF + 'sheet#protect',
    run: ({ app, sheet, wb, ctx }) => {
      const p1 = sheet.protect().setDescription('locked');
      const p2 = sheet.protect();
      expect(p2.getDescription()).toBe('locked');
      expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
      const stranger = {
        ...ctx,
        user: { active: 'stranger@example.com', effective: 'stranger@example.com' },
      };
      expect(handEdit(wb, stranger, `${sheet.getName()}!A1`, 'x')).toMatchObject({ ok: false });
      p1.setWarningOnly(true);
      expect(handEdit(wb, stranger, `${sheet.getName()}!A1`, 'x')).toMatchObject({ ok: true });
    },
  },
  {
    name: 'setDomainEdit throws when a gmail.com account owns the spreadsheet; a Workspace owner may set it; no description is an empty string',
    ref: REF + 'protection#setdomainediteditable',
    run: () => {
      const consumer = env({ user: 'owner@gmail.com' });
      const p = consumer.sheet.getRange('A1').protect();
      expect(p.getDescription()).toBe('');
      expect(p.canDomainEdit()).toBe(false);
      expect(() => p.setDomainEdit(true)).toThrow('does not belong to a Google Workspace domain');
      const workspace = env({ user: 'owner@corp.example.com' });
      expect(workspace.sheet.getRange('A1').protect().setDomainEdit(true).canDomainEdit()).toBe(true);
      // setDomainEdit(editable: Boolean): another type matches no signature (was turned into a Boolean)
      const loose = workspace.sheet.getRange('A1').protect() as unknown as Record<string, (...a: unknown[]) => unknown>;
      expect(() => loose.setDomainEdit('yes')).toThrow('Invalid argument: editable');
      expect(() => loose.setDomainEdit()).toThrow('Invalid argument: editable');
    },
  },
  {
    name: 'setUnprotectedRanges: only on a sheet protection, and only ranges of that sheet',
    ref: REF + 'protection#setunprotectedrangesranges',
    run: ({ ss, sheet }) => {
      const other = ss.insertSheet('Other');
      const p = sheet.protect();
      expect(() => p.setUnprotectedRanges([other.getRange('A1')])).toThrow('must be on the protected sheet');
      expect(p.setUnprotectedRanges([sheet.getRange('B2:C3')]).getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B2:C3']);
      expect(() => sheet.getRange('A1').protect().setUnprotectedRanges([sheet.getRange('A1')])).toThrow();
    },
  },
  {
    name: 'setDescription takes a String, setWarningOnly a Boolean: a missing argument or another type is refused (was turned into one); not warning-based by default',
    ref: REF + 'protection#setwarningonlywarningonly',
    run: ({ sheet }) => {
      const p = sheet.getRange('A1:B2').protect();
      expect([p.isWarningOnly(), p.getDescription()]).toEqual([false, '']);
      const loose = p as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const [method, args] of [
        ['setWarningOnly', []],
        ['setWarningOnly', ['yes']],
        ['setWarningOnly', [1]],
        ['setDescription', []],
        ['setDescription', [5]],
        ['setDescription', [null]],
      ] as Array<[string, unknown[]]>) {
        expect([method, args, (() => { try { loose[method](...args); return 'returned'; } catch { return 'threw'; } })()]).toEqual([method, args, 'threw']);
      }
      expect([p.isWarningOnly(), p.getDescription()]).toEqual([false, '']);
      expect(p.setWarningOnly(true).setWarningOnly(false).setDescription('').isWarningOnly()).toBe(false);
    },
  },
];

runCases('Protection', cases);
