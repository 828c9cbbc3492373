// Setup / repair: a new spreadsheet, adopting a hand-kept sheet, running twice, and keeping what
// the team already had (issue: tracker setup and intake).
import type { LocalRuntime } from '../../runtime';
import { FIELDS } from '../../src/domain/schema';
import { T0, newRuntime, setUp, submit } from './helpers';
import { changedCells, snapshotCells } from './originalCells';
import type { EntryResult } from '../entries';

const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();

describe('setup on a new spreadsheet', () => {
  it('creates the ticket sheet with every column, the side sheets, dropdowns, protections and triggers', () => {
    const rt = newRuntime();
    const report = setUp(rt);
    expect(report).toMatchObject({ ok: true, created: true, sheet: '工单' });
    const sheet = ss(rt).getSheetByName('工单')!;
    expect(sheet.getRange(1, 1, 1, FIELDS.length).getValues()[0]).toEqual(FIELDS.map((f) => f.zh));
    expect(sheet.getFrozenRows()).toBe(1);
    for (const name of ['设置', '操作日志', '知识库']) expect(ss(rt).getSheetByName(name)).not.toBeNull();

    const urgency = sheet.getRange('E2').getDataValidation()!;
    expect(urgency.getCriteriaValues()[0]).toEqual(['高', '中', '低']);
    expect(urgency.getAllowInvalid()).toBe(false);
    expect(urgency.getHelpText()).toMatch(/核心业务/);
    const department = sheet.getRange('C2').getDataValidation()!;
    expect(department.getAllowInvalid()).toBe(true); // free text allowed
    expect(sheet.getRange('B2').getNumberFormat()).toBe('@');

    const protections = ss(rt).getProtections(rt.services.SpreadsheetApp.ProtectionType.RANGE);
    // One protection per run of adjacent auto-filled columns, naming each column it covers.
    const protectedCols = protections
      .flatMap((p) => Array.from({ length: p.getRange().getNumColumns() }, (_, i) => p.getRange().getColumn() + i))
      .sort((a, b) => a - b);
    expect(protectedCols).toEqual(FIELDS.map((f, i) => (f.auto ? i + 1 : 0)).filter(Boolean));
    expect(protections.every((p) => p.isWarningOnly())).toBe(true);
    expect(protections.map((p) => p.getDescription())).toContain('IT tracker: 最近回复时间、首次响应时间、最近更新时间、响应截止、解决截止、SLA状态、等待、系统记录');
    expect(protections).toHaveLength(4);

    const handlers = rt.services.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()).sort();
    expect(handlers).toEqual(['onSlaTimer', 'onTrackerEdit']);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
  });

  it('opens on the ticket sheet and leaves no empty 工作表1 / Sheet1 behind (issue 20)', () => {
    for (const [locale, tickets, blank] of [
      ['zh-CN', '工单', '工作表1'],
      ['en_US', 'Tickets', 'Sheet1'],
    ]) {
      const rt = newRuntime({ locale });
      expect(ss(rt).getSheets().map((s) => s.getName())).toEqual([blank]);
      setUp(rt);
      expect(ss(rt).getSheetByName(blank)).toBeNull();
      expect(ss(rt).getActiveSheet().getName()).toBe(tickets);
      expect(ss(rt).getSheets()[0].getName()).toBe(tickets);
    }
  });

  it('keeps a default-named sheet that holds anything, and a team sheet it adopted stays put', () => {
    const rt = newRuntime();
    ss(rt).getSheetByName('工作表1')!.getRange('C3').setValue('笔记');
    setUp(rt);
    expect(ss(rt).getSheetByName('工作表1')!.getRange('C3').getValue()).toBe('笔记');
    expect(ss(rt).getActiveSheet().getName()).toBe('工单');

    const adopted = newRuntime();
    ss(adopted).getSheetByName('工作表1')!.getRange(1, 1, 1, FIELDS.length).setValues([FIELDS.map((f) => f.zh)]);
    setUp(adopted);
    expect(ss(adopted).getSheetByName('工作表1')).not.toBeNull();
    expect(ss(adopted).getActiveSheet().getName()).toBe('工作表1');
  });

  it('builds the menu in the sheet language without touching the spreadsheet in AuthMode.NONE', () => {
    const rt = newRuntime({ locale: 'en_US' });
    rt.open({ authMode: 'NONE' });
    const menu = rt.ui.menus.pop()!;
    expect(menu.addon).toBe(true);
    expect(menu.items.map((i) => ('caption' in i ? i.caption : undefined)).filter(Boolean)).toContain('Report a problem');
  });

  it('writes English headers and dropdowns on an English spreadsheet', () => {
    const rt = newRuntime({ locale: 'en_US' });
    setUp(rt);
    const sheet = ss(rt).getSheetByName('Tickets')!;
    expect(sheet.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['Ticket ID', 'Title', 'Department / Location']);
    expect(sheet.getRange('I2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Pending', 'In progress', 'Resolved', 'Closed']);
    expect(ss(rt).getSheetByName('Settings')).not.toBeNull();
  });

  it('changes nothing when run a second time', () => {
    const rt = newRuntime();
    setUp(rt);
    submit(rt);
    const before = JSON.stringify(rt.workbook.toJSON());
    const triggers = rt.services.ScriptApp.getProjectTriggers().length;
    const report = setUp(rt);
    expect(report.ok).toBe(true);
    expect(JSON.stringify(rt.workbook.toJSON())).toBe(before);
    expect(rt.services.ScriptApp.getProjectTriggers()).toHaveLength(triggers);
  });
});

/** A hand-kept English sheet: other order, extra columns, mixed values, 200 rows. */
function handKeptSheet(rt: LocalRuntime): unknown[][] {
  const sheet = ss(rt).insertSheet('Issues');
  const header = ['Title', 'Owner', 'Status', 'Priority', 'Our ref', 'Submitted', 'Requester', 'Contact', 'Description', 'Department', 'Cost centre'];
  const statuses = ['Open', 'In progress', 'done', '已关闭', 'waiting??'];
  const urgencies = ['High', '紧急', 'low', 'Medium', 'P9'];
  const rows: unknown[][] = [header];
  for (let i = 0; i < 200; i++) {
    const day = 1 + (i % 5);
    rows.push([
      `Printer ${i} offline`,
      i % 3 ? '张工' : '',
      statuses[i % statuses.length],
      urgencies[i % urgencies.length],
      `REF-${1000 + i}`,
      // Hand-typed times, some as text, in reverse order so submit order ≠ sheet order.
      i % 2 ? new Date(Date.parse(`2024-04-0${day}T${String(18 - (i % 9)).padStart(2, '0')}:00:00+08:00`)) : `2024-04-0${day} ${String(18 - (i % 9)).padStart(2, '0')}:00`,
      `User ${i}`,
      `ext ${8000 + i}`,
      `The printer on floor ${i % 7} shows offline since morning`,
      'Sales/Beijing',
      i % 4 ? `CC-${i % 4}` : '',
    ]);
  }
  sheet.insertRowsAfter(sheet.getMaxRows(), 10);
  sheet.getRange(1, 1, rows.length, header.length).setValues(rows);
  // The team's own formula column must survive too.
  sheet.getRange('L1').setValue('Days open');
  sheet.getRange('L2').setFormula('=1+1');
  return rows;
}

describe('adopting a hand-kept sheet', () => {
  it('shows its plan, and changes nothing when the person says no', () => {
    const rt = newRuntime({ locale: 'en_US' });
    handKeptSheet(rt);
    const before = JSON.stringify(rt.workbook.toJSON());
    rt.ui.responder = (q) => ({ button: q.buttons.includes('NO') ? 'NO' : 'OK' });
    const report = rt.call<EntryResult<'setupTrackerFromMenu'>>('setupTrackerFromMenu').result;
    expect(report.cancelled).toBe(true);
    expect(rt.ui.asks[0].prompt).toMatch(/About to adopt sheet "Issues" \(200 rows/);
    expect(rt.ui.asks[0].prompt).toMatch(/Give 200 rows a ticket ID/);
    expect(JSON.stringify(rt.workbook.toJSON())).toBe(before);
  });

  it('keeps every value and column, adds the missing columns at the end, backfills IDs and maps synonyms', () => {
    const rt = newRuntime({ locale: 'en_US', now: T0 });
    const rows = handKeptSheet(rt);
    const before = snapshotCells(ss(rt).getSheetByName('Issues')!);
    const report = setUp(rt);
    expect(report).toMatchObject({ ok: true, created: false, sheet: 'Issues', backfilledIds: 200, mappedValues: 0 });
    const sheet = ss(rt).getSheetByName('Issues')!;
    const values = sheet.getDataRange().getValues();
    const header = values[0];
    // The team's columns and values are all still there.
    for (const h of ['Our ref', 'Cost centre', 'Days open']) expect(header).toContain(h);
    const col = (h: string) => values.slice(1, 201).map((r) => r[header.indexOf(h)]);
    expect(col('Our ref')).toEqual(rows.slice(1).map((r) => r[4]));
    expect(col('Cost centre')).toEqual(rows.slice(1).map((r) => r[10]));
    expect(col('Description')).toEqual(rows.slice(1).map((r) => r[8]));
    expect(sheet.getRange('L2').getFormula()).toBe('=1+1');
    // Missing columns are added after the last one, in the sheet's language.
    expect(header.slice(12)).toEqual(report.addedColumns);
    expect(report.addedColumns).toContain('Ticket ID');
    // IDs: dated from their submit time, numbered in submit order within a day.
    const ids = col('Ticket ID') as string[];
    expect(new Set(ids).size).toBe(200);
    const at = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(`${String(v).replace(' ', 'T')}:00+08:00`));
    const april1 = rows
      .slice(1)
      .map((r, i) => ({ at: at(r[5]), id: ids[i] }))
      .filter((x) => x.at < Date.parse('2024-04-02T00:00:00+08:00'))
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    expect(april1.map((x) => x.id)).toEqual(april1.map((_, k) => `IT20240401${String(k + 1).padStart(3, '0')}`));
    // The team's words stay as written (read through the mapping, issue 23); what cannot be read is listed.
    expect(col('Status')).toEqual(rows.slice(1).map((r) => r[rows[0].indexOf('Status')]));
    expect(col('Priority')).toEqual(rows.slice(1).map((r) => r[rows[0].indexOf('Priority')]));
    expect(changedCells(before, sheet)).toEqual([]);
    expect(report.unmapped).toHaveLength(80);
    expect(report.messages.join('\n')).toMatch(/could not be mapped/);
    // Each ticket setup gave an ID has one audit row: its new ID (no cell of the team's is changed).
    const audit = ss(rt).getSheetByName('Audit log')!.getDataRange().getValues().slice(1);
    expect(audit).toHaveLength(200);
    // (Setup works in short steps under the lock, so the rows come step by step, not in sheet order.)
    expect(audit.map((r) => r[2]).sort()).toEqual([...ids].sort());
    expect(audit.every((r) => r[1] === 'li@example.com' && r[6] === 'setup')).toBe(true);
    const lines = (r: unknown[]) => r.slice(3, 6).map((c) => String(c).split('\n'));
    const rowOf = (id: string) => audit.find((r) => r[2] === id) as unknown[];
    expect(lines(rowOf(ids[0]))).toEqual([['Ticket ID'], [''], [ids[0]]]);
    expect(lines(rowOf(ids[1]))).toEqual([['Ticket ID'], [''], [ids[1]]]);
  });

  it('keeps the team’s own conditional formats, validation on other columns and extra sheets', () => {
    const rt = newRuntime({ locale: 'en_US' });
    handKeptSheet(rt);
    const app = rt.services.SpreadsheetApp;
    const sheet = ss(rt).getSheetByName('Issues')!;
    const theirs = app.newConditionalFormatRule().whenTextEqualTo('VIP').setBackground('#00ff00').setRanges([sheet.getRange('K2:K201')]).build();
    sheet.setConditionalFormatRules([theirs]);
    sheet.getRange('K2:K201').setDataValidation(app.newDataValidation().requireValueInList(['CC-1', 'CC-2', 'CC-3', '']).build());
    ss(rt).insertSheet('Notes').getRange('A1').setValue('our notes');
    setUp(rt);
    setUp(rt);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(3);
    expect(rules[0].getBooleanCondition()!.getCriteriaValues()).toEqual(['VIP']);
    expect(sheet.getRange('K5').getDataValidation()!.getCriteriaValues()[0]).toEqual(['CC-1', 'CC-2', 'CC-3', '']);
    expect(ss(rt).getSheetByName('Notes')!.getRange('A1').getValue()).toBe('our notes');
  });
});

describe('an English spreadsheet', () => {
  it('starts with English sample departments and agents (settings sheet and intake form)', () => {
    const rt = newRuntime({ locale: 'en-US' });
    setUp(rt);
    const han = /[\u3400-\u9fff]/;
    // Column C is help text, which names the language choice "中文" on purpose.
    const settings = ss(rt).getSheetByName('Settings')!.getDataRange().getValues();
    expect(settings.flatMap((r) => r.filter((v, j) => j !== 2 && typeof v === 'string' && han.test(v)))).toEqual([]);
    const form = rt.callFromClient<EntryResult<'getIntakeForm'>>('getIntakeForm').result;
    expect(form.departments).toContain('Sales / Beijing');
    expect(form.departments.filter((d) => han.test(d))).toEqual([]);
  });
});
