// The add-on's own use cases, end to end on the scratch spreadsheet, through the same app-layer
// functions the entry points hand Apps Script's services to (src/entry.ts), with the services
// timed. Observations leave out what depends on the day (a ticket ID shows as IT{today}001).
import { archiveClosedTickets } from '../src/app/archive';
import { applyTicketAction, getTicketView } from '../src/app/agent';
import { handleEdit } from '../src/app/handEdit';
import { submitTicket } from '../src/app/intake';
import { runScheduledWork } from '../src/app/scheduled';
import { setupTracker } from '../src/app/setup';
import { runSweep } from '../src/app/sweep';
import { buildWeeklyReview } from '../src/app/weekly';
import { SHEET_NAMES, enumLabel } from '../src/domain/schema';
import { defaultSettings } from '../src/domain/settings';
import { readTriggerIds } from '../src/gas/properties';
import { locateTicketSheet } from '../src/gas/ticketSheet';
import { EDIT_HANDLER, TIMER_HANDLER } from '../src/gas/triggers';
import type { Services } from '../src/gas/services';
import type { Case } from './suite';
import { REF } from './suite';

export const FORM = {
  title: 'CRM系统数据库连接错误',
  department: '销售部/北京分公司',
  description: '上午9点打开CRM系统提示“数据库连接错误”,3名销售无法录入客户;重启电脑无效',
  urgency: '高',
  category: '软件',
  submitter: '小明',
  contact: '内线8888',
};

/** The add-on's two triggers in this project, by handler. */
export function triggerCounts(svc: Services): [number, number] {
  const all = svc.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
  return [all.filter((h) => h === EDIT_HANDLER).length, all.filter((h) => h === TIMER_HANDLER).length];
}

export function deleteAddonTriggers(svc: Services): void {
  for (const t of svc.ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === EDIT_HANDLER || t.getHandlerFunction() === TIMER_HANDLER) svc.ScriptApp.deleteTrigger(t);
  }
}

/**
 * A web-form request as Google runs it, from inside a menu run: getDocumentLock() and
 * getDocumentCache() return null "from a standalone script or webapp"
 * (reference/lock/lock-service#getdocumentlock, reference/cache/cache-service#getdocumentcache) and
 * there is no editor UI. A script cannot make itself a web request; the doGet probe checks the real one.
 */
export function webRequestServices(svc: Services): Services {
  const lock = svc.LockService;
  const LockService = { getDocumentLock: () => null, getScriptLock: () => lock.getScriptLock(), getUserLock: () => lock.getUserLock() };
  const cache = svc.CacheService;
  const CacheService = { getDocumentCache: () => null, getScriptCache: () => cache.getScriptCache(), getUserCache: () => cache.getUserCache() };
  const app = svc.SpreadsheetApp;
  const SpreadsheetApp = new Proxy(app as object, {
    get: (t, p) => (p === 'getUi' ? () => { throw new Error('Cannot call SpreadsheetApp.getUi() from this context.'); } : (t as any)[p]),
  });
  return { ...svc, LockService, CacheService, SpreadsheetApp } as unknown as Services;
}

/** `IT20240501001` → `IT{today}001` when the date is today in the spreadsheet zone. */
export function idShape(svc: Services, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, id: unknown): string {
  const today = svc.Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyyMMdd');
  return typeof id === 'string' ? id.replace(`IT${today}`, 'IT{today}') : String(id);
}

const G = 'developers.google.com/apps-script/guides/';

/** Asked which sheet holds tickets (the scratch spreadsheet holds the suite's own sheets): a new one. */
const NEW_SHEET = () => ({ cancelled: false, answer: '' });

/** The end-to-end steps, in order; they share the tickets they create. */
export function endToEndSteps(): Case[] {
  const ids: string[] = [];
  const agent = defaultSettings('zh').agents[0].name;
  // Escalation hands over to a tier-2 agent (issue 18).
  const tier2 = defaultSettings('zh').agents.find((a) => a.tier === 'tier2')?.name ?? agent;
  const ticketRow = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, id: string) => {
    const ts = locateTicketSheet(ss)!;
    const n = ts.sheet.getLastRow() - ts.headerRow;
    const col = ts.sheet.getSheetValues(ts.headerRow + 1, ts.columns.id! + 1, n, 1).map((r) => r[0]);
    return { ts, row: ts.headerRow + 1 + col.indexOf(id) };
  };
  const submit = (svc: Services, token: string) => {
    const r = submitTicket(svc, FORM, token);
    if (r.ok && !r.duplicate) ids.push(r.id);
    return r;
  };
  return [
    {
      id: 'e2e.setup',
      ref: G + 'triggers/installable',
      expected: [true, false, [1, 1]],
      how: 'setupTracker on the blank scratch spreadsheet (confirmation answered yes); [ok, cancelled, [edit triggers, timer triggers] from getProjectTriggers()]',
      run: ({ svc }) => {
        const r = setupTracker(svc, () => true, { ask: NEW_SHEET });
        return [r.ok, r.cancelled, triggerCounts(svc)];
      },
    },
    {
      id: 'e2e.submit-sidebar',
      ref: REF + 'lock/lock#trylocktimeoutinmillis',
      expected: [true, 'IT{today}001', false],
      how: 'submitTicket(form, token) as the sidebar calls it; [ok, ID, duplicate]',
      run: ({ svc, ss }) => {
        const r = submit(svc, 'selftest-token-0001');
        return r.ok ? [r.ok, idShape(svc, ss, r.id), r.duplicate] : [false, r.errors.map((e) => e.message).join('; ')];
      },
    },
    {
      id: 'e2e.submit-retried',
      ref: REF + 'properties/properties#getpropertykey',
      expected: [true, 'IT{today}001', true],
      how: 'the same submit again with the same token (a retried click): the first ticket, no second row',
      run: ({ svc, ss }) => {
        const r = submit(svc, 'selftest-token-0001');
        return r.ok ? [r.ok, idShape(svc, ss, r.id), r.duplicate] : [false, r.errors.map((e) => e.message).join('; ')];
      },
    },
    {
      id: 'e2e.submit-web-form',
      ref: REF + 'lock/lock-service#getdocumentlock',
      expected: [true, 'IT{today}002', false],
      how: 'submitTicket with the services a web-app request gets (getDocumentLock() null, no Ui): simulated inside this run; web.submit checks the real web app',
      run: ({ svc, ss }) => {
        const r = submit(webRequestServices(svc), 'selftest-token-0002');
        return r.ok ? [r.ok, idShape(svc, ss, r.id), r.duplicate] : [false, r.errors.map((e) => e.message).join('; ')];
      },
    },
    {
      id: 'e2e.agent-actions',
      ref: REF + 'spreadsheet/range#setvaluesvalues',
      expected: ['accept', 'assign', 'note', 'escalate', 'resolve', 'feedback', 'resolve', 'reopen', 'resolve', 'feedback', 'close'].map((a) => `${a} ok`),
      how: 'every agent action on ticket 001 through applyTicketAction with the version from the last view',
      run: ({ svc }) => {
        const id = ids[0];
        const view = getTicketView(svc, id);
        let version = view.ok ? view.version : '';
        const steps: [string, Record<string, unknown>][] = [
          ['accept', {}], ['assign', { assignee: agent }], ['note', { text: 'checked the cable' }], ['escalate', { reason: 'needs tier 2', assignee: tier2 }],
          ['resolve', { solution: 'restarted the database service' }], ['feedback', { resolved: false, rating: 'unsatisfied' }],
          ['resolve', { solution: 'restarted the database service' }], ['reopen', { reason: 'came back' }],
          ['resolve', { solution: 'replaced the connection pool' }], ['feedback', { resolved: true, rating: 'satisfied' }], ['close', {}],
        ];
        return steps.map(([action, payload]) => {
          const r = applyTicketAction(svc, id, action, payload, version);
          if (r.ok) version = r.view.version;
          return `${action} ${r.ok ? 'ok' : r.errors.map((e) => e.message).join('; ')}`;
        });
      },
    },
    {
      id: 'e2e.hand-edit',
      ref: G + 'triggers/events#edit',
      expected: [true, true, enumLabel('status', 'pending', 'zh')],
      how: 'a third ticket; its status cell cleared by the script, then onTrackerEdit\'s handler called with a built event {range, oldValue, source, user} (a script cannot make a real edit: the hand-edit cases check real events); [handled, put back, status after]',
      run: ({ svc, ss }) => {
        const r = submit(svc, 'selftest-token-0003');
        if (!r.ok) return [false, r.errors.map((e) => e.message).join('; ')];
        const { ts, row } = ticketRow(ss, r.id);
        const cell = ts.sheet.getRange(row, ts.columns.status! + 1);
        const before = cell.getValue();
        cell.setValue('');
        const out = handleEdit(svc, { range: cell, oldValue: before, source: ss, authMode: svc.ScriptApp.AuthMode.FULL, user: svc.Session.getActiveUser() } as never);
        return [out.handled, out.reverted.length > 0, cell.getValue()];
      },
    },
    {
      id: 'e2e.sweep',
      ref: G + 'support/best-practices',
      expected: [true, 3],
      how: "runSweep(svc, 'menu'); [ok, tickets swept: 001 (closed, settled rows count too), 002 (web form), 003 (hand edit)]",
      run: ({ svc }) => {
        const r = runSweep(svc, 'menu');
        return [r.ok, r.tickets];
      },
    },
    {
      id: 'e2e.weekly-review',
      ref: REF + 'spreadsheet/embedded-chart-builder',
      expected: [true, true],
      how: 'buildWeeklyReview(svc) for last week; [ok, its sheet is 周报 <week>]',
      run: ({ svc }) => {
        const r = buildWeeklyReview(svc);
        return r.ok ? [true, r.sheet.startsWith(`${SHEET_NAMES.review.zh} `)] : [false, JSON.stringify(r)];
      },
    },
    {
      id: 'e2e.archive',
      ref: REF + 'spreadsheet/sheet#deleterowsrowposition,-howmany',
      expected: ['close ok', true, 1],
      how: "close ticket 002 (pending, with a reason); make it an old ticket (ID and stamps 200 days back: today's IDs are never archived); archiveClosedTickets(svc, {via: 'menu'}); [close, ok, archived]",
      run: ({ svc, ss }) => {
        const id = ids[1];
        const c = applyTicketAction(svc, id, 'close', { reason: 'duplicate of 001' });
        const { ts, row } = ticketRow(ss, id);
        const old = new Date(Date.now() - 200 * 864e5);
        const oldDay = svc.Utilities.formatDate(old, ss.getSpreadsheetTimeZone(), 'yyyyMMdd');
        ts.sheet.getRange(row, ts.columns.id! + 1).setValue(`IT${oldDay}001`);
        for (const key of ['submittedAt', 'firstResponseAt', 'lastUpdateAt', 'resolvedAt'] as const) {
          const col = ts.columns[key];
          if (col !== undefined && (key === 'submittedAt' || ts.sheet.getRange(row, col + 1).getValue() !== '')) ts.sheet.getRange(row, col + 1).setValue(old);
        }
        const r = archiveClosedTickets(svc, { via: 'menu' });
        return [c.ok ? 'close ok' : c.errors.map((e) => e.message).join('; '), r.ok, r.archived];
      },
    },
    {
      id: 'e2e.scheduled-run',
      ref: G + 'triggers/installable#time-driven_triggers',
      expected: [true, null],
      how: 'runScheduledWork(svc), what onSlaTimer does; [sweep ok, weekly error]',
      run: ({ svc }) => {
        const r = runScheduledWork(svc);
        return [r.sweep.ok, r.weekly.error ?? null];
      },
    },
    {
      id: 'e2e.setup-again',
      ref: REF + 'script/trigger#getuniqueid',
      expected: [true, [1, 1], true, []],
      how: 'setupTracker again; [ok, [edit triggers, timer triggers], the unique IDs setup remembered are exactly the two getProjectTriggers() lists, what setup reports installing]: no second trigger',
      run: ({ svc }) => {
        const r = setupTracker(svc, () => true, { ask: NEW_SHEET });
        const ids = readTriggerIds(svc.PropertiesService.getDocumentProperties());
        const listed = svc.ScriptApp.getProjectTriggers()
          .filter((t) => t.getHandlerFunction() === EDIT_HANDLER || t.getHandlerFunction() === TIMER_HANDLER)
          .map((t) => t.getUniqueId())
          .sort();
        return [r.ok, triggerCounts(svc), JSON.stringify([ids.edit, ids.timer].sort()) === JSON.stringify(listed), r.triggers];
      },
    },
    {
      id: 'e2e.cleanup',
      ref: REF + 'script/script-app#deletetriggertrigger',
      expected: [0, 0],
      how: "the add-on's triggers deleted (the scratch spreadsheet keeps no sweep running); [edit, timer] left",
      run: ({ svc }) => {
        deleteAddonTriggers(svc);
        return triggerCounts(svc);
      },
    },
  ];
}
