// Issue 16, "visible apostrophes": text a requester or agent types that starts like a formula (`=1+1`,
// `+86…`, `-5`, `@all`) or with an apostrophe is shown exactly as typed, in the ticket sheet, the
// archive and the exported .xlsx, and is never a formula. It goes in as a Rich Text value (text by
// type: reference/spreadsheet/rich-text-value) after its row's write (src/gas/textValues.ts).
import ExcelJS from 'exceljs';
import type { LocalRuntime } from '../../runtime';
import { exportXlsx } from '../../runtime/spreadsheet';
import { FORM, T0, submit, trackerRuntime } from '../app/helpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

const DAY = 86_400_000;
const TYPED = { title: '=1+1', description: '-5 度以下机房空调报警,显示 +SUM(A1) 错误', submitter: "'小明", contact: '+86 10 8888 8888' };

const sheet = (rt: LocalRuntime, name = '工单') => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;

/** The ticket's row as a person sees it, by header, with its formulas. */
function shown(rt: LocalRuntime, id: string, name = '工单'): { display: Record<string, string>; formulas: string[] } {
  const sh = sheet(rt, name);
  const all = sh.getDataRange();
  const header = all.getValues()[0].map(String);
  const rows = all.getDisplayValues();
  const i = rows.findIndex((r) => r[0] === id);
  if (i < 0) throw new Error(`no row ${id} in ${name}`);
  return { display: Object.fromEntries(header.map((h, c) => [h, rows[i][c]])), formulas: all.getFormulas()[i] };
}

function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}): EntryResult<'applyTicketAction'> {
  const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version).result;
}

const expectExact = (rt: LocalRuntime, id: string, name = '工单') => {
  const { display, formulas } = shown(rt, id, name);
  expect([display['问题标题'], display['问题描述'], display['提交人'], display['联系方式']]).toEqual([TYPED.title, TYPED.description, TYPED.submitter, TYPED.contact]);
  expect(formulas.every((f) => f === '')).toBe(true);
};

describe('formula-like text is shown exactly as typed (issue 16: visible apostrophes)', () => {
  it('a submit stores it as Rich Text with no apostrophe and no formula; 4 calls more than a plain submit, none for a plain one', () => {
    const rt = trackerRuntime();
    submit(rt);
    submit(rt); // the first submit of a sheet also looks at the grid's end
    const plain = rt.stats.spreadsheetCalls;
    expect(plain).toBe(7);
    const r = submit(rt, { ...FORM, ...TYPED });
    expect(r.ok).toBe(true);
    expectExact(rt, r.id);
    // getLastRow, the ID read back, getRange, setRichTextValues: one run over title…contact
    expect(rt.stats.spreadsheetCalls).toBe(plain + 4);
    expect(rt.stats.byMethod['Range.setRichTextValues']).toBe(1);
    // the sidebar reads back what was typed
    const view = rt.callFromClient('getTicketView', r.id).result as { fields: { key: string; value: string }[] };
    expect(view.fields.find((f) => f.key === 'title')?.value).toBe(TYPED.title);
    expect(view.fields.find((f) => f.key === 'submitter')?.value).toBe(TYPED.submitter);
    expect(sheet(rt).getRange(sheet(rt).getLastRow(), 2).getRichTextValue()?.getText()).toBe('=1+1');
  });

  it('a row a person appends meanwhile is never written over: the protected form stays until the next action', () => {
    const rt = trackerRuntime();
    submit(rt); // the first submit also looks at the grid's end (getLastRow)
    const sh = sheet(rt);
    // A person adds a row below, between the submit's appendRow and its getLastRow.
    const onCall = rt.ctx.acct.fault;
    let typed = false;
    rt.ctx.acct.fault = (className, method) => {
      if (className === 'Sheet' && method === 'getLastRow' && !typed) {
        typed = true;
        sh.appendRow(['', '打印机卡纸']);
      }
      return onCall?.(className, method);
    };
    const r = submit(rt, { ...FORM, ...TYPED });
    rt.ctx.acct.fault = onCall;
    expect(typed).toBe(true);
    expect(r.ok).toBe(true);
    const last = sh.getLastRow();
    expect(sh.getRange(last, 1, 1, 2).getValues()).toEqual([['', '打印机卡纸']]);
    expect(shown(rt, r.id).display['问题标题']).toBe("'=1+1"); // safe: text, never a formula
    expect(act(rt, r.id, 'accept').ok).toBe(true);
    expectExact(rt, r.id);
  });

  it('every agent action keeps it exact, and a formula-like solution is exact too', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, { ...FORM, ...TYPED });
    expect(act(rt, id, 'accept').ok).toBe(true);
    expectExact(rt, id);
    expect(act(rt, id, 'note', { text: '=HYPERLINK("http://x")' }).ok).toBe(true);
    expectExact(rt, id);
    expect(act(rt, id, 'resolve', { solution: '+重启服务' }).ok).toBe(true);
    expect(shown(rt, id).display['解决方案']).toBe('+重启服务');
    expect(act(rt, id, 'feedback', { resolved: true, rating: 'satisfied' }).ok).toBe(true);
    expect(act(rt, id, 'close').ok).toBe(true);
    expectExact(rt, id);
    expect(shown(rt, id).display['处理过程记录']).toContain('=HYPERLINK("http://x")');
    // the knowledge base entry (automatic format: the apostrophe is Sheets' invisible text marker)
    const kb = sheet(rt, '知识库').getDataRange();
    const row = kb.getDisplayValues().find((r) => r.includes('=1+1'));
    expect(row).toBeDefined();
    expect(row).toContain('+重启服务');
    expect(kb.getFormulas().flat().every((f) => f === '')).toBe(true);
  });

  it('an apostrophe an older version left in a plain-text cell is taken off at the next action', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const sh = sheet(rt);
    sh.getRange(sh.getLastRow(), 2).setValue("'=1+1"); // as the old writer left it: visible in '@'
    expect(shown(rt, id).display['问题标题']).toBe("'=1+1");
    expect(act(rt, id, 'accept').ok).toBe(true);
    expect(shown(rt, id).display['问题标题']).toBe('=1+1');
  });

  it('archiving moves it exactly', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, { ...FORM, ...TYPED });
    act(rt, id, 'accept');
    act(rt, id, 'resolve', { solution: '处理完毕' });
    act(rt, id, 'close');
    rt.clock.set(T0 + 100 * DAY);
    rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    expect(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result).toMatchObject({ ok: true, archived: 1 });
    expectExact(rt, id, '归档');
  });

  it('the exported .xlsx holds the text itself, as text', async () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, { ...FORM, ...TYPED });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportXlsx(rt.workbook, rt.clock.now())) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('工单')!;
    let found = 0;
    ws.eachRow((row) => {
      if (row.getCell(1).value !== id) return;
      found++;
      for (const [col, text] of [[2, TYPED.title], [4, TYPED.description], [6, TYPED.submitter], [7, TYPED.contact]] as const) {
        expect(row.getCell(col).value).toBe(text);
        expect(row.getCell(col).type).toBe(ExcelJS.ValueType.String);
      }
    });
    expect(found).toBe(1);
  });
});
