// The ticket sheet's header row deleted (issue 17): a structural change that fires no edit trigger,
// after which a ticket sits where the header was. The next hand edit or sweep finds the sheet by
// what it holds (the stored column map over its ticket IDs), puts a row back in above that ticket
// with the header (audited), and then checks the edit as an edit of tickets — the ticket that moved
// up included, never taken for the header. Submits keep working throughout; without the stored
// configuration they say to run repair (never "missing" for ever), and repair puts it back.
import type { LocalRuntime } from '../../../runtime';
import { holdTrackerLock } from '../../app/helpers';
import { FORM, token } from '../../app/helpers';
import { t } from '../../../src/domain/i18n';
import type { May } from './invariants';
import { AUDIT_SHEETS, TICKET_SHEETS, cellOf, expectIntact, snapshot } from './invariants';
import type { StatusName } from './world';
import { STATUS_LABEL, headerOf, open, world } from './world';

const ORDER: StatusName[] = ['pending', 'inProgress', 'resolved', 'closed'];
const LABELS = {
  zh: { status: '当前状态', notes: '备注', id: '问题编号', sheet: '工单' },
  en: { status: 'Status', notes: 'Notes', id: 'Ticket ID', sheet: 'Tickets' },
} as const;
const EN_STATUS: Record<StatusName, string> = { pending: 'Pending', inProgress: 'In progress', resolved: 'Resolved', closed: 'Closed' };
const MIN = 60_000;
type Lang = keyof typeof LABELS;
const WORLDS = { zh: world(ORDER), en: world(ORDER, { locale: 'en_US' }) };

const ss = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet();
const ticketSheet = (rt: LocalRuntime) => TICKET_SHEETS.map((n) => ss(rt).getSheetByName(n)).find(Boolean)!;
const letter = (header: string[], label: string) => String.fromCharCode(65 + header.indexOf(label));
const auditLen = (rt: LocalRuntime) => AUDIT_SHEETS.map((n) => ss(rt).getSheetByName(n)).find(Boolean)!.getLastRow();
const label = (lang: Lang, s: StatusName) => (lang === 'zh' ? STATUS_LABEL[s] : EN_STATUS[s]);

/** Sheet rows after the deletion: ticket i (0-based, was row i + 2) is now row i + 1. */
interface Case {
  name: string;
  /** The hand edit, in the rows as they are after the deletion. */
  edit: (rt: LocalRuntime, lang: Lang, header: string[]) => ReturnType<LocalRuntime['edit']>;
  /** What each ticket (by position) ends with in the status column. */
  want: StatusName[];
  may: (ids: string[]) => May;
}

const STATUS_MOVED = (lang: Lang) =>
  lang === 'zh' ? ['当前状态', '最近更新时间', '首次响应时间', '解决时间', '响应截止', '解决截止', 'SLA状态'] : ['Status', 'Last update at', 'First response at', 'Resolved at', 'Response due', 'Resolution due', 'SLA status'];

const CASES = (lang: Lang): Case[] => [
  {
    name: 'the ticket that moved up (row 1) typed to in progress',
    edit: (rt, l, h) => rt.edit(`${LABELS[l].sheet}!${letter(h, LABELS[l].status)}1`, label(l, 'inProgress')),
    want: ['inProgress', 'inProgress', 'resolved', 'closed'],
    may: (ids) => ({ tickets: { [ids[0]]: STATUS_MOVED(lang) } }),
  },
  {
    name: 'the closed ticket (now row 4) typed back to in progress: refused, put back',
    edit: (rt, l, h) => rt.edit(`${LABELS[l].sheet}!${letter(h, LABELS[l].status)}4`, label(l, 'inProgress')),
    want: ORDER,
    may: () => ({}),
  },
  {
    name: 'a block pasted over rows 1-2 of the status column (pending → closed without a note: refused)',
    edit: (rt, l, h) => rt.edit(`${LABELS[l].sheet}!${letter(h, LABELS[l].status)}1:${letter(h, LABELS[l].status)}2`, [[label(l, 'closed')], [label(l, 'closed')]]),
    want: ['pending', 'inProgress', 'resolved', 'closed'],
    may: () => ({}),
  },
  {
    name: 'a note typed on the ticket in row 1',
    edit: (rt, l, h) => rt.edit(`${LABELS[l].sheet}!${letter(h, LABELS[l].notes)}1`, 'called back'),
    want: ORDER,
    may: (ids) => ({ tickets: { [ids[0]]: lang === 'zh' ? ['备注', '最近更新时间'] : ['Notes', 'Last update at'] } }),
  },
];

describe.each(['zh', 'en'] as Lang[])('header row deleted (%s)', (lang) => {
  const w = WORLDS[lang];
  const ids = w.tickets.map((x) => x.id);

  it.each(CASES(lang).map((c) => [c.name, c] as const))('then %s: header back above it, the edit checked as a ticket edit', (_n, c) => {
    const rt = open(w);
    const header = headerOf(rt);
    const before = snapshot(rt);
    const audit0 = auditLen(rt);
    ticketSheet(rt).deleteRow(1);
    expect(c.edit(rt, lang, header).ok).toBe(true);
    expect(headerOf(rt)).toEqual(header);
    const after = expectIntact(rt, before, c.may(ids));
    ids.forEach((id, i) => expect([id, cellOf(after, id, LABELS[lang].status)]).toEqual([id, label(lang, c.want[i])]));
    // Every ticket is back under the header, in its own row.
    ids.forEach((id, i) => expect(ticketSheet(rt).getRange(i + 2, header.indexOf(LABELS[lang].id) + 1).getValue()).toBe(id));
    // The restoration is in the audit log (one row), and said.
    expect(auditLen(rt)).toBeGreaterThan(audit0);
    expect(rt.ui.toasts.map((x) => x.message).join('\n')).toContain(t(lang, 'headerRowRestored', { row: 2 }));
  });

  it('then the sweep: header back, every ticket swept, nothing else changed', () => {
    const rt = open(w);
    const header = headerOf(rt);
    const before = snapshot(rt);
    ticketSheet(rt).deleteRow(1);
    rt.clock.set(rt.clock.now() + 3 * 3_600_000);
    const r = rt.call<{ ok: boolean; tickets: number }>('runSlaSweepFromMenu').result;
    expect(r.ok).toBe(true);
    expect(r.tickets).toBe(4);
    expect(headerOf(rt)).toEqual(header);
    expectIntact(rt, before, { anyTicket: lang === 'zh' ? ['响应截止', '解决截止', 'SLA状态'] : ['Response due', 'Resolution due', 'SLA status'] });
  });

  it('then an edit while the lock is busy: queued (never dropped), healed and checked by the sweep', () => {
    const rt = open(w);
    const header = headerOf(rt);
    const before = snapshot(rt);
    ticketSheet(rt).deleteRow(1);
    holdTrackerLock(rt, rt.clock.now() + MIN);
    expect(rt.edit(`${LABELS[lang].sheet}!${letter(header, LABELS[lang].status)}1`, label(lang, 'inProgress')).ok).toBe(true);
    rt.clock.set(rt.clock.now() + 2 * MIN);
    expect(rt.call<{ ok: boolean }>('runSlaSweepFromMenu').result.ok).toBe(true);
    expect(headerOf(rt)).toEqual(header);
    const after = expectIntact(rt, before, { tickets: { [ids[0]]: STATUS_MOVED(lang) }, anyTicket: STATUS_MOVED(lang).slice(4) });
    expect(cellOf(after, ids[0], LABELS[lang].status)).toBe(label(lang, 'inProgress'));
  });

  it('then a submit: works before any repair (from the stored column map); the next sweep puts the header back', () => {
    const rt = open(w);
    const header = headerOf(rt);
    const before = snapshot(rt);
    ticketSheet(rt).deleteRow(1);
    const r = rt.callFromClient<{ ok: boolean; id: string }>('submitTicket', { ...FORM, title: 'after the header went' }, token()).result;
    expect(r.ok).toBe(true);
    expect(rt.call<{ ok: boolean; tickets: number }>('runSlaSweepFromMenu').result.tickets).toBe(5);
    expect(headerOf(rt)).toEqual(header);
    const after = expectIntact(rt, before, { newTickets: 1, newTicketsAudited: true });
    expect(cellOf(after, r.id, LABELS[lang].status)).toBe(label(lang, 'pending'));
  });
});

describe('header row deleted and the stored configuration lost', () => {
  it('a submit says to run repair (clearly, in the sheet’s language); repair puts the header back; then submits work', () => {
    const w = WORLDS.zh;
    const rt = open(w);
    const header = headerOf(rt);
    const before = snapshot(rt);
    ticketSheet(rt).deleteRow(1);
    rt.services.PropertiesService.getDocumentProperties().deleteAllProperties();
    const r = rt.callFromClient<{ ok: boolean; code?: string; errors?: { message: string }[] }>('submitTicket', { ...FORM, title: 'x' }, token()).result;
    expect(r.ok).toBe(false);
    expect(r.code).toBe('noTicketSheet');
    expect(r.errors?.[0].message).toBe(t('zh', 'noTicketSheet'));
    rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    expect(rt.call<{ ok: boolean }>('setupTrackerFromMenu').result.ok).toBe(true);
    expect(headerOf(rt).slice(0, header.length)).toEqual(header);
    expect(rt.callFromClient<{ ok: boolean }>('submitTicket', { ...FORM, title: 'y' }, token()).result.ok).toBe(true);
    expectIntact(rt, before, { newTickets: 1 });
  });
});
