// The web form: the intake page served by doGet from the script bound to the sheet, deployed
// "Execute as: Me". Visitors may report problems and read suggestions, and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { createLocalRuntime } from '../../runtime';
import { FORM, T0, column, holdTrackerLock, setUp, submit, token, trackerRuntime } from './helpers';
import type { EntryResult } from '../entries';
import type { SubmitAnswer } from './helpers';

const OWNER = 'li@example.com'; // trackerRuntime's user: ran setup, deploys the web app
const VISITOR = 'xiaoming@gmail.com';

describe('the web form', () => {
  it('serves the intake page, titled in the sheet language, to anyone the deployment admits', () => {
    const rt = trackerRuntime();
    const page = rt.webApp(VISITOR).get().result;
    expect(page.title).toBe('提交技术问题');
    // The very page the sidebar shows (it widens itself on a wide screen).
    expect(page.content).toBe(fs.readFileSync(path.join(__dirname, '../../dist/Intake.html'), 'utf8'));
  });

  it('lets a visitor report a problem and see suggestions, written like a sidebar submit', () => {
    const rt = trackerRuntime();
    const web = rt.webApp(VISITOR);
    // The same form as the sidebar's, but for where the updates go: Google names the sidebar's
    // user (issue 18), not this visitor, who gets the "email for updates" field instead.
    const visitorForm = web.run<EntryResult<'getIntakeForm'>>('getIntakeForm').result;
    const sidebarForm = rt.callFromClient<EntryResult<'getIntakeForm'>>('getIntakeForm').result;
    expect(sidebarForm.updatesTo).toEqual({ email: OWNER, text: `处理进展将发到您登录的 Google 账号邮箱 ${OWNER}。` });
    expect(visitorForm.updatesTo).toBeUndefined();
    expect(visitorForm.fields.find((f) => f.key === 'notifyEmail')).toMatchObject({ label: '接收通知邮箱', help: '选填：仅在联系方式不是邮箱时使用，处理进展发到这个邮箱', required: false });
    expect(sidebarForm.fields.find((f) => f.key === 'notifyEmail')).toBeUndefined();
    const { updatesTo: _named, ...sidebarRest } = sidebarForm;
    expect({ ...visitorForm, fields: visitorForm.fields.filter((f) => f.key !== 'notifyEmail') }).toEqual(sidebarRest);
    const r = web.run<SubmitAnswer>('submitTicket', FORM, token()).result;
    expect(r).toMatchObject({ ok: true, id: 'IT20240501001' });
    expect(column(rt, '问题编号')).toEqual(['IT20240501001']);
    expect(column(rt, '提交人')).toEqual(['小明']);
    // IDs keep counting across the sidebar and the web form (one sheet, one document lock).
    expect(submit(rt).id).toBe('IT20240501002');
    expect(Array.isArray(web.run('suggestArticles', '打印机').result)).toBe(true);
  });

  it('a visitor of the owner’s Workspace domain is named by Google: the form says where the updates go; a tampered call cannot send them elsewhere', () => {
    const rt = trackerRuntime();
    const named = rt.webApp('ming@example.com');
    const form = named.run<EntryResult<'getIntakeForm'>>('getIntakeForm').result;
    expect(form.updatesTo).toEqual({ email: 'ming@example.com', text: '处理进展将发到您登录的 Google 账号邮箱 ming@example.com。' });
    expect(form.fields.map((f) => f.key)).not.toContain('notifyEmail');
    expect(named.run<SubmitAnswer>('submitTicket', { ...FORM, notifyEmail: 'attacker@evil.example' }, token()).result.ok).toBe(true);
    // A hidden visitor's typed address is used: their contact is an extension.
    expect(rt.webApp(VISITOR).run<SubmitAnswer>('submitTicket', { ...FORM, notifyEmail: 'xiaoming@corp.example.com' }, token()).result.ok).toBe(true);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@example.com', 'xiaoming@corp.example.com']);
  });

  it('gets no document lock, as on Google, and still submits', () => {
    const rt = trackerRuntime();
    // getDocumentLock() "returns null … from a standalone script or webapp" (reference/lock/lock-service#getdocumentlock).
    let seen: unknown = 'not run';
    rt.interleave('lock', () => {
      seen = rt.services.LockService.getDocumentLock();
    });
    expect(rt.webApp(VISITOR).run<SubmitAnswer>('submitTicket', FORM, token()).result).toMatchObject({ ok: true, id: 'IT20240501001' });
    expect(seen).toBeNull();
  });

  it('interleaved with sidebar submits at every lock, web-form submits get unique IDs and rows', () => {
    const rt = trackerRuntime();
    const web = rt.webApp(VISITOR);
    const ids: string[] = [];
    // Each submit, on reaching the lock, lets the next one (the other channel) run first.
    const chain = (i: number): void => {
      if (i >= 8) return;
      const cancel = rt.interleave('lock', () => chain(i + 1));
      const r = i % 2 ? web.run<SubmitAnswer>('submitTicket', FORM, token()).result : submit(rt);
      cancel();
      expect(r.ok).toBe(true);
      ids.push(r.id);
    };
    chain(0);
    expect(new Set(ids).size).toBe(8);
    expect(column(rt, '问题编号').filter(Boolean).sort()).toEqual([...ids].sort());
  });

  it.each([
    ['a sidebar submit holds the lock: a web-form submit', 'sidebar'],
    ['a web-form submit holds the lock: a sidebar submit', 'web'],
  ])('%s waits for it (here: busy after the wait), never writes alongside', (_name, first) => {
    const rt = trackerRuntime();
    const web = rt.webApp(VISITOR);
    const sidebar = () => submit(rt);
    const viaWeb = () => web.run<SubmitAnswer>('submitTicket', FORM, token()).result;
    let inner = null as SubmitAnswer | null;
    // The second submit starts the moment the first has taken its lock.
    rt.interleave('locked', () => {
      inner = first === 'sidebar' ? viaWeb() : sidebar();
    });
    const outer = first === 'sidebar' ? sidebar() : viaWeb();
    expect(outer).toMatchObject({ ok: true, id: 'IT20240501001' });
    expect(inner?.ok).toBe(false);
    expect(inner?.errors[0].message).toMatch(/繁忙/);
    expect(column(rt, '问题编号').filter(Boolean)).toEqual(['IT20240501001']);
  });

  it('"this solved it" from the web form waits for a sidebar submit holding the lock', () => {
    const rt = trackerRuntime();
    const kb = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库')!;
    kb.getRange(2, 1, 1, 7).setValues([['IT20240401001', '打印机无法连接', '硬件', '三楼打印机脱机', '重启打印服务', new Date(T0), 0]]);
    holdTrackerLock(rt, T0 + 5_000); // another execution (a sidebar submit) for 5 s
    expect(rt.webApp('wang@example.com').run('markArticleHelpful', 'IT20240401001').result).toBe(true);
    expect(rt.clock.now()).toBe(T0 + 5_000);
    expect(kb.getRange(2, 7).getValue()).toBe(1);
  });

  it.each([
    ['getTicketView', ['IT20240501001']],
    ['applyTicketAction', ['IT20240501001', 'close', {}]],
    ['setupTrackerFromMenu', []],
    ['buildWeeklyReview', ['2024-W18']],
    ['runSlaSweepFromMenu', []],
    ['archiveFromMenu', []],
    ['showTicketSidebar', []],
  ])('refuses a tampered call to %s and changes nothing', (name, args) => {
    const rt = trackerRuntime();
    submit(rt);
    const before = JSON.stringify(rt.workbook.toJSON());
    for (const visitor of [VISITOR, 'wang@example.com']) {
      // Also a colleague of the owner's domain: they run on the owner's authority all the same.
      expect(() => rt.webApp(visitor).run(name, ...args)).toThrow('此功能只对工单表的使用者开放');
    }
    expect(JSON.stringify(rt.workbook.toJSON())).toBe(before);
  });

  it('counts "this solved it" once per person and entry, however often a visitor sends it', () => {
    const rt = trackerRuntime();
    const kb = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库')!;
    kb.getRange(2, 1, 1, 7).setValues([['IT20240401001', '打印机无法连接', '硬件', '三楼打印机脱机', '重启打印服务', new Date(T0), 0]]);
    const helpful = () => kb.getRange(2, 7).getValue();
    const colleague = rt.webApp('wang@example.com');
    for (let i = 0; i < 5; i++) expect(colleague.run('markArticleHelpful', 'IT20240401001').result).toBe(true);
    expect(helpful()).toBe(1);
    rt.webApp('zhao@example.com').run('markArticleHelpful', 'IT20240401001');
    expect(helpful()).toBe(2);
    // Someone Google does not name (another domain) cannot be told apart: counted each time.
    rt.webApp(VISITOR).run('markArticleHelpful', 'IT20240401001');
    rt.webApp(VISITOR).run('markArticleHelpful', 'IT20240401001');
    expect(helpful()).toBe(4);
  });

  it('lets the owner, running as themselves, read tickets through it', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    expect(rt.webApp(OWNER).run<EntryResult<'getTicketView'>>('getTicketView', id).result).toMatchObject({ ok: true, id });
  });

  it('in an add-on, submits take the document lock, never the script lock every sheet would share', () => {
    const rt = createLocalRuntime({ now: T0, locale: 'zh-CN', user: OWNER, addonMode: true });
    setUp(rt);
    rt.locks.holdScriptLock(); // some other sheet using the add-on
    expect(submit(rt)).toMatchObject({ ok: true, id: 'IT20240501001' });
    rt.locks.holdDocumentLock();
    expect(submit(rt).ok).toBe(false);
  });

  it('in an add-on, where a web app has no spreadsheet, says how to deploy it instead', () => {
    const rt = createLocalRuntime({ now: T0, locale: 'zh-CN', user: OWNER, addonMode: true });
    setUp(rt);
    const page = rt.webApp(VISITOR).get().result;
    expect(page.content).toContain('绑定到工单表的脚本');
    expect(page.content).not.toContain('google.script.run');
  });
});
