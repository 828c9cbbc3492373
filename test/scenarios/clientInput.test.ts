// Tampered or malformed input through the client-callable entry points (google.script.run and the
// web form): a clear message in the sheet's language, never an uncaught exception, and nothing in
// the sheet lost or half-written.
import type { LocalRuntime } from '../../runtime';
import { FORM, column, submit, ticketRows, token, trackerRuntime } from '../app/helpers';
import type { EntryResult } from '../entries';
import { okOf, failOf } from '../entries';

const VISITOR = 'xiaoming@gmail.com';

function view(rt: LocalRuntime, id: string): EntryResult<'getTicketView'> {
  return rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result;
}

function act(rt: LocalRuntime, id: string, action: string, payload: unknown = {}, version?: unknown): EntryResult<'applyTicketAction'> {
  const v = version === undefined ? okOf(view(rt, id)).version : version;
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v).result;
}

function cell(rt: LocalRuntime, id: string, header: string): unknown {
  const rows = ticketRows(rt, /^[A-Za-z]/.test(header) ? 'Tickets' : '工单');
  const row = rows.find((r) => r[0] === id);
  return row ? row[rows[0].indexOf(header)] : undefined;
}

const sheetNames = (rt: LocalRuntime) =>
  rt.services.SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((s) => s.getName());

describe('bad input from a sidebar or the web form', () => {
  it.each(['999999999:x', '1e9:x', 'Infinity:x'])(
    'applyTicketAction with a forged version row %s answers with a message, not a range exception',
    (version) => {
      for (const locale of ['zh-CN', 'en-US']) {
        const rt = trackerRuntime({ locale });
        const { id } = submit(
          rt,
          locale === 'zh-CN' ? FORM : { ...FORM, urgency: 'High', category: 'Software' },
        );
        const log = cell(rt, id, locale === 'zh-CN' ? '处理过程记录' : 'Work log');
        let out = null as EntryResult<'applyTicketAction'> | null;
        expect(() => (out = act(rt, id, 'note', { text: '检查网络' }, version))).not.toThrow();
        // The fingerprint does not match: the usual "changed by someone, reload" refusal.
        expect(out).toMatchObject({ ok: false, conflict: true });
        expect(failOf(out!).errors[0].message).toMatch(locale === 'zh-CN' ? /重新加载/ : /reload/);
        expect(cell(rt, id, locale === 'zh-CN' ? '处理过程记录' : 'Work log')).toBe(log);
      }
    },
  );

  it.each([
    ['a formula-like description of 50,000 characters', '=' + 'x'.repeat(49_999)],
    ['25,001 emoji (50,002 UTF-16 units) in the description', '😀'.repeat(25_001)],
  ])('submitTicket refuses %s with a message instead of a cell-size exception', (_, description) => {
    const rt = trackerRuntime();
    let out = null as EntryResult<'submitTicket'> | null;
    expect(
      () => (out = rt.webApp(VISITOR).run<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, description }, token()).result),
    ).not.toThrow();
    expect(out?.ok).toBe(false);
    expect(failOf(out!).errors[0]).toMatchObject({ field: 'description' });
    expect(failOf(out!).errors[0].message).toMatch(/问题描述太长/);
    expect(column(rt, '问题编号')).toEqual([]);
  });

  // A cell holds 50,000 characters: text that fills it at intake would break the knowledge-base
  // copy at close (where it gains an apostrophe), after the row was already closed.
  it('refuses a description that would not fit a cell once protected from becoming a number', () => {
    const rt = trackerRuntime();
    const r = rt
      .webApp(VISITOR)
      .run<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, description: '1'.repeat(50_000) }, token()).result;
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'description' }] });
    expect(column(rt, '问题编号')).toEqual([]);
  });

  it('a note that would overflow the work-log cell is written, the oldest entries moved out (issue 17)', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    expect(act(rt, id, 'accept').ok).toBe(true);
    const text = '检'.repeat(4_990);
    let out = null as EntryResult<'applyTicketAction'> | null;
    for (let i = 0; i < 9; i++) expect(act(rt, id, 'note', { text }).ok).toBe(true);
    const before = String(cell(rt, id, '处理过程记录'));
    expect(() => (out = act(rt, id, 'note', { text }))).not.toThrow();
    expect(out?.ok).toBe(true);
    const after = String(cell(rt, id, '处理过程记录'));
    expect(after.length).toBeLessThan(50_000);
    expect(after.split('\n')[0]).toMatch(/工作日志归档/);
    const moved = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工作日志归档')!.getDataRange().getValues();
    const kept = `${moved.map((r) => r[2]).join('\n')}\n${after}`;
    for (const line of before.split('\n')) expect(kept).toContain(line);
  });

  it.each([
    ['note', 'text', 'too long', 'pending', { text: 'x'.repeat(5_001) }],
    ['note', 'text', 'control-character', 'pending', { text: 'a\u0007b' }],
    ['escalate', 'reason', 'too long', 'pending', { reason: 'x'.repeat(5_001) }],
    ['close', 'reason', 'too long', 'pending', { reason: 'x'.repeat(5_001) }],
    ['resolve', 'solution', 'too long', 'inProgress', { solution: 'x'.repeat(5_001) }],
  ])('%s: a %s that is %s is not answered "please fill in"', (action, field, _kind, status, payload) => {
    for (const locale of ['zh-CN', 'en-US']) {
      const rt = trackerRuntime({ locale });
      const { id } = submit(
        rt,
        locale === 'zh-CN' ? FORM : { ...FORM, urgency: 'High', category: 'Software' },
      );
      if (status === 'inProgress') expect(act(rt, id, 'accept').ok).toBe(true);
      const out = act(rt, id, action, payload);
      expect(out).toMatchObject({ ok: false, errors: [{ field }] });
      // The text was filled in: the message must say what is wrong with it.
      expect(failOf(out).errors[0].message).not.toMatch(/请填写|Please fill in|Please give|Please write/);
      expect(failOf(out).errors[0].message).toMatch(/太长|控制字符|too long|control characters/);
    }
  });

  it('reopen with a too long reason is refused, not reopened with the reason silently dropped', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    act(rt, id, 'accept');
    act(rt, id, 'resolve', { solution: '重启服务' });
    const out = act(rt, id, 'reopen', { reason: 'x'.repeat(5_001) });
    expect(out).toMatchObject({ ok: false, errors: [{ field: 'reason' }] });
    expect(cell(rt, id, '当前状态')).toBe('已解决');
  });

  it('getTicketView with a blank ID does not show a row without ID as a ticket', () => {
    const rt = trackerRuntime();
    submit(rt);
    submit(rt);
    // People insert rows: an empty row between tickets.
    rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!.insertRowsAfter(2, 1);
    const out = view(rt, '   ');
    expect(out.ok).toBe(false);
    expect(typeof failOf(out).message).toBe('string');
  });

  it.each(['0024-W18', '0000-W01'])(
    'buildWeeklyReview(%s) is refused, not built from another century',
    (week) => {
      const rt = trackerRuntime();
      submit(rt);
      const sheetsBefore = sheetNames(rt);
      const out = rt.callFromClient<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', week).result;
      expect(out.ok).toBe(false);
      expect(failOf(out).message).toMatch(/无法识别周次/);
      expect(sheetNames(rt)).toEqual(sheetsBefore);
    },
  );

  it('the view of a pending ticket asks for the reason that closing it requires', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    const v = okOf(view(rt, id));
    const close = v.actions.find((a) => a.name === 'close');
    // The sidebar sends only the inputs `needs` lists (src/ui/ticket.ts payload()).
    const payload: Record<string, string> = {};
    for (const need of close?.needs ?? []) payload[need] = '与其他工单重复';
    const out = rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, 'close', payload, v.version).result;
    expect(out.ok).toBe(true);
    expect(cell(rt, id, '当前状态')).toBe('已关闭');
  });
});
