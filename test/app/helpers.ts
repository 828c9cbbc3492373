// Shared set-up for use-case tests: the built bundle (dist/Code.js, what clasp pushes) running on
// the local runtime, with a tracker already set up.
import { createLocalRuntime } from '../../runtime';
import type { LocalRuntime } from '../../runtime';
import type { SubmitResult } from '../../src/app/contracts';
import type { SetupReport } from '../../src/app/setup';

/** A submit's answer with every field of both outcomes (a test reads whichever it expects). */
export type SubmitAnswer = Extract<SubmitResult, { ok: true }> & Omit<Extract<SubmitResult, { ok: false }>, 'ok'> & { ok: boolean };

export const T0 = Date.parse('2024-05-01T09:15:00+08:00'); // a Wednesday, working hours in Shanghai

export function newRuntime(opts: { locale?: string; timeZone?: string; now?: number; user?: string; mailQuota?: number } = {}): LocalRuntime {
  return createLocalRuntime({
    now: opts.now ?? T0,
    locale: opts.locale ?? 'zh-CN',
    timeZone: opts.timeZone ?? 'Asia/Shanghai',
    user: opts.user ?? 'li@example.com',
    mailQuota: opts.mailQuota,
  });
}

/**
 * Another execution holds the lock the tracker takes (src/gas/lock.ts) until `untilMs`: the script
 * lock in a bound script, the document lock in an add-on.
 */
export function holdTrackerLock(rt: LocalRuntime, untilMs = Infinity): void {
  if (String(rt.services.ScriptApp.getInstallationSource()) === 'NONE') rt.locks.holdScriptLock(untilMs);
  else rt.locks.holdDocumentLock(untilMs);
}

/** Runs setup from the menu, answering YES to its confirmation. */
export function setUp(rt: LocalRuntime): SetupReport {
  rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
  return rt.call<SetupReport>('setupTrackerFromMenu').result;
}

export function trackerRuntime(opts: Parameters<typeof newRuntime>[0] = {}): LocalRuntime {
  const rt = newRuntime(opts);
  setUp(rt);
  return rt;
}

export const FORM = {
  title: 'CRM系统数据库连接错误',
  department: '销售部/北京分公司',
  description: '上午9点打开CRM系统提示“数据库连接错误”,3名销售无法录入客户;重启电脑无效',
  urgency: '高',
  category: '软件',
  submitter: '小明',
  contact: '内线8888',
};

let tokenSeq = 0;
export const token = (): string => `test-token-${++tokenSeq}-${Math.random().toString(36).slice(2, 8)}`;

export function submit(rt: LocalRuntime, form: Record<string, unknown> = FORM, tok: string | null = token()): SubmitAnswer {
  return rt.callFromClient<SubmitAnswer>('submitTicket', form, ...(tok ? [tok] : [])).result;
}

/**
 * A submit from the sidebar by `requester`: Google names them (Session.getActiveUser()), so their
 * updates go to that address whatever the form says (issue 18, src/domain/requesterEmail.ts).
 */
export function submitAs(rt: LocalRuntime, requester: string, form: Record<string, unknown> = FORM, tok: string | null = token()): SubmitAnswer {
  const before = { ...rt.ctx.user };
  rt.ctx.user.active = rt.ctx.user.effective = requester;
  try {
    return submit(rt, form, tok);
  } finally {
    Object.assign(rt.ctx.user, before);
  }
}

/** A web-form visitor Google does not name (a consumer account): who they are comes only from the form. */
export const HIDDEN_VISITOR = 'requester@gmail.com';

/** A submit from the web form by a visitor Google hides: the contact, else the typed email for updates, is the address. */
export function submitHidden(rt: LocalRuntime, form: Record<string, unknown> = FORM, tok: string | null = token()): SubmitAnswer {
  return rt.webApp(HIDDEN_VISITOR).run<SubmitAnswer>('submitTicket', form, ...(tok ? [tok] : [])).result;
}

/** The ticket sheet as rows of values (header first). */
export function ticketRows(rt: LocalRuntime, name = '工单'): unknown[][] {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

/** The cell under `header` in the row of ticket `id` (undefined when there is no such row). */
export function ticketCell(rt: LocalRuntime, id: string, header: string, name = '工单'): unknown {
  const rows = ticketRows(rt, name);
  const row = rows.find((r) => r[0] === id);
  return row ? row[(rows[0] as unknown[]).indexOf(header)] : undefined;
}

export function column(rt: LocalRuntime, header: string, name = '工单'): unknown[] {
  const rows = ticketRows(rt, name);
  const c = rows[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  return rows.slice(1).map((r) => r[c]);
}
