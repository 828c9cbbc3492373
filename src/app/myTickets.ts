// "My tickets" on the web form (issue 18): a visitor whom Google names (Session.getActiveUser()
// reveals them: the same Workspace domain as the owner, reference/base/session#getactiveuser) sees
// the tickets reported with their address — status, last reply, due time — and nothing about
// anyone else. Who they are comes only from Google, never from the request: the page takes no
// parameter that could name someone else.
import { rethrowDefect } from '../domain/errors';
import { catalog } from '../domain/i18n';
import { langOfLocale } from '../domain/i18n';
import type { Lang } from '../domain/schema';
import { enumLabel } from '../domain/schema';
import type { Ticket } from '../domain/ticket';
import { runsAsBoundScript } from '../gas/scope';
import type { Services } from '../gas/services';
import type { TicketSheet } from '../gas/ticketSheet';
import { columnLetter } from '../domain/columns';
import type { Tracker } from './tracker';
import { openTickets, openTracker, ticketOfRow } from './tracker';
import { escapeHtml, fill } from './verifyPage';

/** The newest tickets shown (each costs one row read). */
export const MY_TICKETS_SHOWN = 10;

/** The columns that hold a requester's address: the contact field (and the update address, when the sheet has one). */
const ADDRESS_FIELDS = ['notifyEmail', 'contact'];

/** The visitor's address as Google gives it, lower case; '' when Google hides it. */
export function visitorEmail(svc: Services): string {
  try {
    return svc.Session.getActiveUser().getEmail().trim().toLowerCase();
  } catch (e) {
    rethrowDefect(e);
    // Session refused (no userinfo.email grant in this context): no address, as Google hides it elsewhere.
    return '';
  }
}

export interface MyTicket {
  id: string;
  title: string;
  status: string;
  /** What support last told the requester (the solution, once resolved), and when. */
  lastReply: string;
  lastReplyAt: string;
  /** When it is due (response or resolution), '' once resolved. */
  due: string;
}

/** The rows whose address cell is exactly `email` (case aside), newest last. */
function rowsOf(ts: TicketSheet, email: string): number[] {
  const rows = new Set<number>();
  for (const key of ADDRESS_FIELDS) {
    const col = (ts.columns as Record<string, number | undefined>)[key];
    if (col === undefined) continue;
    const letter = columnLetter(col + 1);
    for (const hit of ts.sheet.getRange(`${letter}${ts.headerRow + 1}:${letter}`).createTextFinder(email).matchEntireCell(true).findAll()) rows.add(hit.getRow());
  }
  return [...rows].sort((a, b) => a - b);
}

const lastReplyAt = (tk: Ticket): number | null => {
  const v = (tk as unknown as Record<string, unknown>).lastReplyAt;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

function shown(tr: Tracker, tk: Ticket): MyTicket {
  const done = tk.status === 'resolved' || tk.status === 'closed';
  const due = done ? null : tk.firstResponseAt === null ? tk.responseDueAt : tk.resolveDueAt;
  return {
    id: tk.id,
    title: tk.title,
    status: tk.status ? enumLabel('status', tk.status, tr.lang) : '',
    lastReply: done ? tk.solution : '',
    // 最近回复时间: when support's last reply reached the requester (requester mail, issue 18).
    lastReplyAt: lastReplyAt(tk) !== null ? tr.stamp(lastReplyAt(tk) as number) : done && tk.resolvedAt !== null ? tr.stamp(tk.resolvedAt) : '',
    due: due === null ? '' : tr.stamp(due),
  };
}

/**
 * The visitor's tickets, newest first: every row found by their address is read back and kept
 * only when its address cell is theirs (the search is case-insensitive and could match a cell a
 * person typed differently). Null when Google does not name the visitor.
 */
export function myTickets(tr: Tracker, email: string): MyTicket[] | null {
  if (!email) return null;
  const ts = openTickets(tr);
  if (!ts) return [];
  const out: MyTicket[] = [];
  for (const row of rowsOf(ts, email).reverse()) {
    if (out.length >= MY_TICKETS_SHOWN) break;
    const tk = ticketOfRow(tr, ts.sheet.getSheetValues(row, 1, 1, ts.width)[0], ts.columns);
    const cells = ADDRESS_FIELDS.map((k) => String((tk as unknown as Record<string, unknown>)[k] ?? '').trim().toLowerCase());
    if (tk.id && cells.includes(email)) out.push(shown(tr, tk));
  }
  return out;
}

function page(lang: Lang, body: string): string {
  const T = catalog(lang).myTickets;
  return `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(T.title)}</title><style>
body{font-family:Arial,"Microsoft YaHei",sans-serif;margin:0;padding:24px;color:#202124}h1{font-size:20px;margin:0 0 12px}
table{border-collapse:collapse;width:100%;max-width:960px}th,td{border-bottom:1px solid #dadce0;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f4}td.reply{white-space:pre-wrap;max-width:360px}.muted{color:#5f6368}</style></head><body><h1>${escapeHtml(T.title)}</h1>${body}</body></html>`;
}

/** doGet with `view=mine`: the visitor's tickets, or why none can be listed. */
export function serveMyTickets(svc: Services): GoogleAppsScript.HTML.HtmlOutput {
  const out = (lang: Lang, html: string) => svc.HtmlService.createHtmlOutput(html).setTitle(catalog(lang).myTickets.title).addMetaTag('viewport', 'width=device-width, initial-scale=1');
  if (!runsAsBoundScript(svc)) {
    const lang = langOfLocale(svc.Session.getActiveUserLocale());
    return out(lang, page(lang, `<p>${escapeHtml(catalog(lang).webFormNeedsBoundScript)}</p>`));
  }
  const tr = openTracker(svc);
  const T = catalog(tr.lang).myTickets;
  const email = visitorEmail(svc);
  const list = myTickets(tr, email);
  if (list === null) return out(tr.lang, page(tr.lang, `<p data-result="anonymous">${escapeHtml(T.anonymous)}</p>`));
  if (!list.length) return out(tr.lang, page(tr.lang, `<p data-result="none">${escapeHtml(fill(T.none, { email }))}</p>`));
  const cell = (s: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(s)}</td>`;
  const rows = list.map((m) => `<tr data-id="${escapeHtml(m.id)}">${cell(m.id)}${cell(m.title)}${cell(m.status)}${cell(m.lastReply ? `${m.lastReplyAt} ${m.lastReply}` : T.noReply, 'reply')}${cell(m.due || T.noDue)}</tr>`).join('');
  const note = list.length >= MY_TICKETS_SHOWN ? `<p class="muted">${escapeHtml(fill(T.newestOnly, { n: MY_TICKETS_SHOWN }))}</p>` : '';
  return out(
    tr.lang,
    page(tr.lang, `<p class="muted">${escapeHtml(fill(T.intro, { email }))}</p><table><thead><tr>${T.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>${note}`),
  );
}
