// Ticket intake through the built bundle on the local runtime (issue: tracker setup and intake).
import type { LocalRuntime } from '../../runtime';
import { FORM, T0, column, holdTrackerLock, newRuntime, setUp, submit, submitAs, submitHidden, ticketRows, token, trackerRuntime } from './helpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

const HOUR = 3_600_000;

describe('submitTicket', () => {
  it('writes one row with a dated ID, the fields, the pending status and due times', () => {
    const rt = trackerRuntime();
    const r = submit(rt);
    expect(r).toEqual({ ok: true, id: 'IT20240501001', duplicate: false, warnings: [] });
    const [header, row] = ticketRows(rt);
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('问题编号')).toBe('IT20240501001');
    expect(cell('问题标题')).toBe(FORM.title);
    expect(cell('紧急程度')).toBe('高');
    expect(cell('问题类型')).toBe('软件');
    expect(cell('当前状态')).toBe('待处理');
    expect(cell('支持级别')).toBe('一线');
    expect(cell('联系方式')).toBe('内线8888');
    expect((cell('提交时间') as Date).getTime()).toBe(T0);
    // 高: 1 working hour to respond, 2 hours round the clock to resolve.
    expect((cell('响应截止') as Date).getTime()).toBe(T0 + HOUR);
    expect((cell('解决截止') as Date).getTime()).toBe(T0 + 2 * HOUR);
    expect(cell('SLA状态')).toMatch(/响应/);
  });

  it('numbers tickets per day, across days and past 999', () => {
    const rt = trackerRuntime();
    expect(submit(rt).id).toBe('IT20240501001');
    expect(submit(rt).id).toBe('IT20240501002');
    rt.clock.set(T0 + 24 * HOUR);
    expect(submit(rt).id).toBe('IT20240502001');
    // A sheet already holding serial 999 for the day continues at 1000, then 1001 (the stored
    // counter lost, so the sheet is what counts: app/ticketIds.ts).
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    sheet.getRange(sheet.getLastRow() + 1, 1).setValue('IT20240502999');
    const props = rt.services.PropertiesService.getDocumentProperties();
    props.deleteProperty('intake.counter');
    props.deleteProperty('intake.lastId');
    expect(submit(rt).id).toBe('IT202405021000');
    expect(submit(rt).id).toBe('IT202405021001');
  });

  it('takes the ID date from the spreadsheet time zone, not the script zone', () => {
    // 2024-05-01 23:30 in Shanghai is still 2024-05-01 17:30 in London.
    const rt = trackerRuntime({ timeZone: 'Europe/London', now: Date.parse('2024-05-01T23:30:00+01:00') });
    expect(submit(rt).id).toBe('IT20240501001');
  });

  it('gives 20 interleaved submits 20 distinct IDs and 20 rows', () => {
    const rt = trackerRuntime();
    const calls = Array.from({ length: 20 }, () => ({ name: 'submitTicket', args: [FORM, token()] }));
    const results = rt.concurrently(calls, { client: true });
    const ids = results.map((r) => (r.result as { id: string }).id);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(ids).size).toBe(20);
    expect(column(rt, '问题编号').filter(Boolean).sort()).toEqual([...ids].sort());
  });

  it('returns the first ID for a retried or double-clicked submit (same client token)', () => {
    const rt = trackerRuntime();
    const tok = token();
    const first = submit(rt, FORM, tok);
    const again = submit(rt, FORM, tok);
    expect(again).toMatchObject({ ok: true, id: first.id, duplicate: true });
    expect(column(rt, '问题编号').filter(Boolean)).toEqual([first.id]);
  });

  it('says busy and writes nothing when the lock cannot be had', () => {
    const rt = trackerRuntime();
    holdTrackerLock(rt);
    const r = submit(rt);
    expect(r.ok).toBe(false);
    expect(r.errors[0].message).toMatch(/繁忙/);
    expect(ticketRows(rt)).toHaveLength(1);
  });

  it('stores formula-like text as text and reads it back unchanged', () => {
    const rt = trackerRuntime();
    const texts = ['=IMPORTDATA("x.cn")', '+1', '-5', '@me', '2024-05-01', '8888'];
    const ids = texts.map((title) => submit(rt, { ...FORM, title, description: `${title} 打不开系统,提示错误,影响 3 人` }).id);
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const titles = sheet.getRange(2, 2, texts.length, 1);
    expect(titles.getFormulas().every((r) => r[0] === '')).toBe(true);
    expect(titles.getValues().every((r) => typeof r[0] === 'string')).toBe(true);
    // What people and the add-on read back is exactly what was typed.
    const shown = ids.map((id) => okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result).fields.find((f) => f.key === 'title')?.value);
    expect(shown).toEqual(texts);
  });

  it.each([
    ['a missing title', { title: '' }, 'title', /请填写问题标题/],
    ['a 21-character title', { title: '一二三四五六七八九十一二三四五六七八九十一' }, 'title', /不能超过 20 个字/],
    ['a personal mobile number', { contact: '+86 138-1234-5678' }, 'contact', /个人手机号/],
    ['an urgency outside the list', { urgency: '超高' }, 'urgency', /只能是/],
    ['a description over 50,000 characters', { description: 'x'.repeat(50_001) }, 'description', /太长/],
    ['control characters', { submitter: '小明\u0007' }, 'submitter', /控制字符/],
    ['a non-string field', { title: ['CRM'] }, 'title', /格式不正确/],
  ])('refuses %s with a message beside the field and writes nothing', (_what, change, field, message) => {
    const rt = trackerRuntime();
    const r = submit(rt, { ...FORM, ...change });
    expect(r.ok).toBe(false);
    const err = r.errors.find((e) => e.field === field);
    expect(err?.message).toMatch(message);
    expect(ticketRows(rt)).toHaveLength(1);
  });

  it.each([[null], [[1, 2]], ['form'], [42]])('refuses a tampered form %p', (form) => {
    const rt = trackerRuntime();
    const r = rt.callFromClient('submitTicket', form, token()).result as { ok: boolean; errors: { message: string }[] };
    expect(r.ok).toBe(false);
    expect(r.errors[0].message).toMatch(/格式不正确/);
    expect(ticketRows(rt)).toHaveLength(1);
  });

  it('refuses a Date argument as google.script.run does', () => {
    const rt = trackerRuntime();
    expect(() => rt.callFromClient('submitTicket', { ...FORM, title: new Date() })).toThrow();
  });

  it('warns about a vague description without refusing it', () => {
    const rt = trackerRuntime();
    const r = submit(rt, { ...FORM, description: '系统不好用' });
    expect(r.ok).toBe(true);
    expect(r.warnings[0]).toMatchObject({ field: 'description' });
  });

  it('speaks English on an English spreadsheet', () => {
    const rt = trackerRuntime({ locale: 'en_US' });
    const r = submit(rt, { ...FORM, urgency: 'High', category: 'Software', contact: '13812345678' });
    expect(r.errors[0].message).toMatch(/personal mobile/);
    expect(submit(rt, { ...FORM, urgency: 'High', category: 'Software' }).id).toBe('IT20240501001');
    expect(column(rt, 'Urgency', 'Tickets')).toEqual(['High']);
    const form = rt.callFromClient('getIntakeForm').result as { fields: { label: string }[] };
    expect(form.fields.map((f) => f.label)).toContain('Title');
  });

  it('makes the same number of spreadsheet calls (≤ 7) whatever the sheet size, reading no ID column', () => {
    const rt = trackerRuntime();
    submit(rt);
    submit(rt);
    const small = { ...rt.stats };
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const ids = Array.from({ length: 3000 }, (_, i) => [`IT20240430${String(i + 1).padStart(3, '0')}`]);
    sheet.insertRowsAfter(sheet.getMaxRows(), 3000);
    sheet.getRange(3, 1, ids.length, 1).setValues(ids);
    submit(rt);
    const large = { ...rt.stats };
    expect(large.spreadsheetCalls).toBe(small.spreadsheetCalls);
    expect(large.spreadsheetCalls).toBeLessThanOrEqual(7);
    // the header row only: no ID column
    expect(large.cellsRead).toBe(small.cellsRead);
    expect(large.cellsRead).toBeLessThan(200);
  });

  it('formats the rows new tickets land in: the grid end is looked at before the formats run out', () => {
    const rt = trackerRuntime();
    submit(rt);
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const formatted = sheet.getMaxRows();
    // Rows pasted below the tickets up to just before the formats' end, behind the counter's back.
    const n = formatted - sheet.getLastRow() - 5;
    sheet.getRange(sheet.getLastRow() + 1, 1, n, 1).setValues(Array.from({ length: n }, (_, i) => [`IT20240430${String(i + 1).padStart(3, '0')}`]));
    // At most 100 submits pass without a look at the grid's end (intake.ts CHECK_EVERY).
    for (let i = 0; i < 101; i++) submit(rt);
    expect(sheet.getMaxRows()).toBeGreaterThan(formatted);
    const last = sheet.getLastRow();
    expect(sheet.getRange(last, 1).getNumberFormat()).toBe('@');
  });
});

describe('getIntakeForm', () => {
  it('offers the departments from settings and the urgency definitions', () => {
    const rt = newRuntime();
    setUp(rt);
    const form = rt.callFromClient('getIntakeForm').result as { departments: string[]; urgencies: { label: string; hint: string }[] };
    expect(form.departments).toContain('销售部/北京分公司');
    expect(form.urgencies.map((u) => u.label)).toEqual(['高', '中', '低']);
    expect(form.urgencies[0].hint).toMatch(/核心业务/);
  });

  it('the urgency hints follow the settings sheet’s resolution targets (issue 20)', () => {
    const rt = newRuntime();
    setUp(rt);
    const hints = () => (rt.callFromClient('getIntakeForm').result as { urgencies: { hint: string }[] }).urgencies.map((u) => u.hint);
    // The defaults: 2 h round the clock, 4 and 24 working hours (a 09:00–18:00 day: about 3 days).
    expect(hints()).toEqual([
      '影响核心业务（如生产系统中断），需立即处理，并电话通知支持团队；2 小时内解决',
      '影响部分工作，4 个工作小时内解决',
      '非紧急，约 3 个工作日内解决',
    ]);
    const settings = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置')!;
    const labels = settings.getRange(1, 1, settings.getLastRow(), 1).getValues().map((r) => String(r[0]));
    const row = labels.findIndex((l) => /解决时限/.test(l) && /低/.test(l)) + 1;
    expect(row).toBeGreaterThan(0);
    expect(rt.edit(`设置!B${row}`, '18h 工作时间').ok).toBe(true);
    expect(hints()[2]).toBe('非紧急，2 个工作日内解决');
  });

  it('the sidebar’s user is named by Google: the form says where the updates go and offers no "email for updates" (issue 18)', () => {
    const rt = trackerRuntime({ user: 'ming@example.com' });
    type Form = { updatesTo?: { email: string; text: string }; fields: { key: string }[] };
    const form = rt.callFromClient<Form>('getIntakeForm').result;
    expect(form.updatesTo).toEqual({ email: 'ming@example.com', text: '处理进展将发到您登录的 Google 账号邮箱 ming@example.com。' });
    expect(form.fields.map((f) => f.key)).toEqual(['title', 'department', 'description', 'urgency', 'category', 'submitter', 'contact']);
    const en = trackerRuntime({ locale: 'en_US', user: 'ming@example.com' });
    expect(en.callFromClient<Form>('getIntakeForm').result.updatesTo?.text).toBe(
      'Updates will go to ming@example.com, the Google account you are signed in with.',
    );
  });

  it('a sidebar submit stores Google’s address, even from a call that carries another (tampered or stale)', () => {
    const rt = trackerRuntime();
    expect(submitAs(rt, 'ming@example.com', { ...FORM, contact: 'ming.contact@corp.example.com', notifyEmail: 'attacker@evil.example' }).ok).toBe(true);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@example.com']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@example.com']);
    // Still checked: an address that is no address is refused, in the sheet's language.
    expect(submitAs(rt, 'ming@example.com', { ...FORM, notifyEmail: ['a@b.example'] }).errors).toEqual([{ field: 'notifyEmail', message: '提交的数据格式不正确，请刷新后重试。' }]);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@example.com']);
  });
});

describe('the requester’s address from a hostile form (issue 18, attack)', () => {
  const audit = (rt: LocalRuntime, name = '操作日志') => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.getDataRange().getValues().slice(1);

  // Each passes a loose "x@y.z" check, yet is no single address mail can go to (MailApp takes a
  // comma-separated list, reference/mail/mail-app#sendemailrecipient,-subject,-body), or shows an
  // address it is not: accepted, the requester would be told "received" and then hear nothing.
  it.each([
    ['a list whose second part has no @', 'ming@corp.example,boss'],
    ['a semicolon list', 'ming@corp.example;boss.example'],
    ['a display name', 'Boss<boss@corp.example>'],
    ['a formula', '=HYPERLINK("http://evil.example","x")&"@corp.example"'],
    ['a zero-width space', 'ming\u200b@corp.example'],
    ['a Cyrillic look-alike', '\u0430dmin@corp.example'],
    ['a quoted local part', '"ming"@corp.example'],
  ])('refuses %s as the email for updates, in zh and en, storing nothing', (_what, typed) => {
    for (const [locale, sheet, log, message] of [
      ['zh-CN', '工单', '操作日志', '接收通知的邮箱格式不正确，如 name@company.com；也可以不填。'],
      ['en_US', 'Tickets', 'Audit log', 'The email for updates is not a valid address (e.g. name@company.com); you may also leave it empty.'],
    ]) {
      const rt = trackerRuntime({ locale });
      const logged = audit(rt, log).length;
      expect(submitHidden(rt, { ...FORM, notifyEmail: typed }).errors).toEqual([{ field: 'notifyEmail', message }]);
      expect(ticketRows(rt, sheet)).toHaveLength(1);
      expect(audit(rt, log)).toHaveLength(logged);
      expect(rt.mail).toEqual([]);
    }
  });

  it('a contact holding an address and an extension is no address: the typed email for updates gets the mail', () => {
    const rt = trackerRuntime();
    expect(submitHidden(rt, { ...FORM, contact: 'ming@corp.example;8888', notifyEmail: '  ming@corp.example ' }).ok).toBe(true);
    expect(column(rt, '联系方式')).toEqual(['ming@corp.example;8888']);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@corp.example']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@corp.example']);
  });

  it('an email contact with spaces around it wins over a typed address; the accepted submit is audited with it', () => {
    const rt = trackerRuntime();
    const logged = audit(rt).length;
    const r = submitHidden(rt, { ...FORM, contact: '  Ming@Corp.Example  ', notifyEmail: 'OTHER@corp.example' });
    expect(r.ok).toBe(true);
    expect(column(rt, '提交人邮箱')).toEqual(['Ming@Corp.Example']);
    expect(rt.mail.map((m) => m.to)).toEqual(['Ming@Corp.Example']);
    // One audit row for the creation, its fields one a line: the address among them.
    const created = audit(rt).slice(logged);
    expect(created).toHaveLength(1);
    const fields = String(created[0][3]).split('\n');
    expect(String(created[0][5]).split('\n')[fields.indexOf('提交人邮箱')]).toBe('Ming@Corp.Example');
  });

  it('a formula-like address that is a real one is stored as typed, never evaluated', () => {
    const rt = trackerRuntime();
    expect(submitHidden(rt, { ...FORM, notifyEmail: '=1+1@corp.example' }).ok).toBe(true);
    expect(column(rt, '提交人邮箱')).toEqual(['=1+1@corp.example']);
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    expect(sheet.getRange(2, 1, 1, sheet.getLastColumn()).getFormulas()[0].filter(Boolean)).toEqual([]);
  });
});
