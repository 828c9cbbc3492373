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
  ...sheetWriterCases(),
];

runCases('Protection', cases);

// Sheet-level writers refuse, as Range's writers do (range#protect), a user a protection keeps out:
// one case per writer, each also showing a warning-only protection (the add-on's kind) lets it through.
function sheetWriterCases(): Case[] {
  const MSG = 'You are trying to edit a protected cell or object.';
  type Env = Parameters<Case['run']>[0];
  /** Protects A2:B3 (or the sheet), then runs as a user left out of the protection. */
  const asStranger = (e: Env, what: 'range' | 'sheet' = 'range') => {
    e.wb.owner = 'owner@example.com';
    e.sheet.getRange('A1:C4').setValues([['h1', 'h2', 'h3'], ['b', 2, 'x'], ['a', 1, 'y'], ['c', 3, 'z']]);
    e.sheet.getRange('E1').setNote('n');
    const p = what === 'sheet' ? e.sheet.protect() : e.sheet.getRange('A2:B3').protect();
    e.ctx.user = { active: 'stranger@example.com', effective: 'stranger@example.com' };
    return p;
  };
  const kept = (e: Env) => expect(e.sheet.getRange('A1:C4').getValues()).toEqual([['h1', 'h2', 'h3'], ['b', 2, 'x'], ['a', 1, 'y'], ['c', 3, 'z']]);
  const c = (name: string, ref: string, run: (e: Env) => void): Case => ({ name, ref: REF + ref, run });
  return [
    c('appendRow on a protected sheet is refused and writes nothing; warning-only lets it through', 'sheet#appendrowrowcontents', (e) => {
      const p = asStranger(e, 'sheet');
      expect(() => e.sheet.appendRow(['new'])).toThrow(MSG);
      expect(e.sheet.getLastRow()).toBe(4);
      p.setWarningOnly(true);
      expect(e.sheet.appendRow(['new']).getLastRow()).toBe(5);
    }),
    c('appendRow into a row a protected range covers is refused; below it, allowed', 'sheet#appendrowrowcontents', (e) => {
      asStranger(e);
      e.wb.protections[0].rect = { row: 5, col: 1, numRows: 1, numCols: 1 };
      expect(() => e.sheet.appendRow(['new'])).toThrow(MSG);
      expect(e.sheet.getLastRow()).toBe(4);
      e.wb.protections[0].rect = { row: 2, col: 1, numRows: 2, numCols: 2 };
      expect(e.sheet.appendRow(['new']).getLastRow()).toBe(5);
    }),
    c('insertRows*/insertColumns* on a protected sheet are refused, even beside its unprotected ranges', 'sheet#insertrowsbeforebeforeposition,-howmany', (e) => {
      const p = asStranger(e, 'sheet');
      p.setUnprotectedRanges([e.sheet.getRange('A10:Z20')]);
      expect(() => e.sheet.insertRowsBefore(12, 1)).toThrow(MSG);
      expect(() => e.sheet.insertRowsAfter(12, 2)).toThrow(MSG);
      expect(() => e.sheet.insertRowBefore(1)).toThrow(MSG);
      expect(() => e.sheet.insertRows(15)).toThrow(MSG);
      expect(() => e.sheet.insertColumnsBefore(2, 1)).toThrow(MSG);
      expect(() => e.sheet.insertColumnAfter(2)).toThrow(MSG);
      expect(() => e.sheet.insertColumns(3, 2)).toThrow(MSG);
      expect([e.sheet.getMaxRows(), e.sheet.getMaxColumns()]).toEqual([1000, 26]);
      p.setWarningOnly(true);
      e.sheet.insertRowsBefore(12, 1);
      e.sheet.insertColumnAfter(2);
      expect([e.sheet.getMaxRows(), e.sheet.getMaxColumns()]).toEqual([1001, 27]);
    }),
    c('inserting rows or columns inside a protected range (which would grow it) is refused; beside it, allowed', 'range#protect', (e) => {
      asStranger(e); // A2:B3
      expect(() => e.sheet.insertRowAfter(2)).toThrow(MSG);
      expect(() => e.sheet.insertRowsBefore(3, 2)).toThrow(MSG);
      expect(() => e.sheet.insertColumnAfter(1)).toThrow(MSG);
      expect(() => e.sheet.insertColumnsBefore(2, 1)).toThrow(MSG);
      kept(e);
      e.sheet.insertRowBefore(2); // above: the protection moves down, no new cell in it
      e.sheet.insertColumnAfter(2); // right of it
      expect([e.sheet.getMaxRows(), e.sheet.getMaxColumns()]).toEqual([1001, 27]);
    }),
    c('deleteRows/deleteColumns that take a protected range\'s rows or columns, or any on a protected sheet, are refused', 'sheet#deleterowsrowposition,-howmany', (e) => {
      const p = asStranger(e);
      expect(() => e.sheet.deleteRow(3)).toThrow(MSG);
      expect(() => e.sheet.deleteRows(1, 2)).toThrow(MSG);
      expect(() => e.sheet.deleteColumn(2)).toThrow(MSG);
      expect(() => e.sheet.deleteColumns(1, 3)).toThrow(MSG);
      kept(e);
      e.sheet.deleteRow(10);
      e.sheet.deleteColumn(3);
      expect([e.sheet.getMaxRows(), e.sheet.getMaxColumns()]).toEqual([999, 25]);
      p.remove();
      e.ctx.user = { active: 'owner@example.com', effective: 'owner@example.com' };
      e.sheet.protect();
      e.ctx.user = { active: 'stranger@example.com', effective: 'stranger@example.com' };
      expect(() => e.sheet.deleteRow(10)).toThrow(MSG);
      expect(() => e.sheet.deleteColumns(5, 1)).toThrow(MSG);
    }),
    c('Sheet.clear, clearContents, clearFormats and clearNotes touch every cell: refused where a protected range keeps the user out', 'sheet#clear', (e) => {
      const p = asStranger(e);
      e.sheet.getRange('C1').setBackground('#ff0000');
      expect(() => e.sheet.clear()).toThrow(MSG);
      expect(() => e.sheet.clear({ contentsOnly: true })).toThrow(MSG);
      expect(() => e.sheet.clearContents()).toThrow(MSG);
      expect(() => e.sheet.clearFormats()).toThrow(MSG);
      expect(() => e.sheet.clearNotes()).toThrow(MSG);
      kept(e);
      expect([e.sheet.getRange('C1').getBackground(), e.sheet.getRange('E1').getNote()]).toEqual(['#ff0000', 'n']);
      p.setWarningOnly(true);
      e.sheet.clearNotes().clearFormats().clearContents();
      expect([e.sheet.getLastRow(), e.sheet.getRange('E1').getNote(), e.sheet.getRange('C1').getBackground()]).toEqual([0, '', '#ffffff']);
    }),
    c('Sheet.sort, which rewrites the rows below the frozen ones, is refused when they hold a protected range', 'sheet#sortcolumnposition', (e) => {
      const p = asStranger(e);
      e.sheet.setFrozenRows(1);
      expect(() => e.sheet.sort(2)).toThrow(MSG);
      kept(e);
      p.setWarningOnly(true);
      e.sheet.sort(2);
      expect(e.sheet.getRange('A2:A4').getValues()).toEqual([['a'], ['b'], ['c']]);
    }),
    c('deleteSheet of a protected sheet, or of one holding a protected range, is refused; a warning-only one goes', 'spreadsheet#deletesheetsheet', (e) => {
      const p = asStranger(e, 'sheet');
      e.ctx.user = { active: 'owner@example.com', effective: 'owner@example.com' };
      const other = e.ss.insertSheet('Other');
      other.getRange('A1:B2').protect();
      e.ctx.user = { active: 'stranger@example.com', effective: 'stranger@example.com' };
      expect(() => e.ss.deleteSheet(e.sheet)).toThrow(MSG);
      expect(() => e.ss.deleteSheet(other)).toThrow(MSG);
      expect(e.ss.getNumSheets()).toBe(2);
      p.setWarningOnly(true);
      e.ss.deleteSheet(e.sheet);
      expect(e.ss.getSheets().map((s) => s.getName())).toEqual(['Other']);
    }),
  ];
}
