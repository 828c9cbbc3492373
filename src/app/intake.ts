// Ticket intake: the form's model, and submitTicket — validate everything, then allocate the ID
// and append the row under the document lock in a constant handful of spreadsheet calls.
import { catalog, t } from '../domain/i18n';
import { LIMITS, validateSubmission } from '../domain/intake';
import { requesterEmail } from '../domain/requesterEmail';
import { titleLength } from '../domain/titleLength';
import { urgencyHint } from '../domain/urgencyHints';
import type { Urgency } from '../domain/schema';
import type { FieldKey } from '../domain/schema';
import { ENUMS, enumLabel, headerLabel } from '../domain/schema';
import type { AuditEntry, Ticket } from '../domain/ticket';
import { parseTicketId } from '../domain/ticketId';
import { appendAudit } from '../gas/auditSheet';
import { blankTicket } from '../domain/ticket';
import { recordOf } from '../domain/record';
import { formatLocal } from '../domain/zone';
import { saveConfig } from '../gas/config';
import type { SubmitToken } from '../gas/properties';
import { readSubmitTokens, writeSubmitTokens } from '../gas/properties';
import { errorCode, rethrowDefect } from '../domain/errors';
import { withTrackerLock } from '../gas/lock';
import { runsAsBoundScript } from '../gas/scope';
import { visitorEmail } from './myTickets';
import type { Lang } from '../domain/schema';
import type { Services } from '../gas/services';
import { applyTicketFormat } from '../gas/ticketFormat';
import type { TicketSheet } from '../gas/ticketSheet';
import { hintOf, idCandidates, newRow, plainTextColumns } from '../gas/ticketSheet';
import { writeTextValues } from '../gas/textValues';
import type { IntakeFormModel, SubmitResult } from './contracts';
import { slaFields } from './slaContext';
import type { Allocation } from './ticketIds';
import { allocateTicketId, writeIdCounter } from './ticketIds';
import { notify } from './notify';
import type { Tracker } from './tracker';
import { actingEmail, openTickets, openTracker } from './tracker';

const LOCK_WAIT_MS = 10_000;
const TOKENS_KEPT = 100;

export function getIntakeForm(svc: Services): IntakeFormModel {
  const tr = openTracker(svc);
  const { lang } = tr;
  const text = catalog(lang);
  const help = text.intakeHelp;
  const field = (key: keyof typeof help, required: boolean, maxLength?: number) => ({ key, label: headerLabel(key, lang), help: help[key], required, maxLength });
  const mine = myTicketsLink(svc, lang);
  // The "email for updates" is the last resort (requesterEmail): a person Google names gets their
  // updates at that address, so the form says so instead of offering the field.
  const google = requesterEmail(requesterGoogleEmail(svc), '', '');
  const updatesTo = google.source === 'google' ? google.address : '';
  return {
    lang,
    title: text.sidebarTitle.intake,
    ...(mine ? { myTickets: mine } : {}),
    ...(updatesTo ? { updatesTo: { email: updatesTo, text: t(lang, 'updatesToGoogle', { email: updatesTo }) } } : {}),
    fields: [
      field('title', true, titleLength('', lang).max),
      field('department', true, LIMITS.department),
      field('description', true, LIMITS.description),
      field('urgency', true),
      field('category', false),
      field('submitter', true, LIMITS.submitter),
      field('contact', true, LIMITS.contact),
      ...(updatesTo ? [] : [{ ...field('notifyEmail', false, LIMITS.notifyEmail), label: text.intakeForm.notifyEmailLabel }]),
    ],
    departments: tr.config.settings.departments,
    // The hints follow the settings sheet's resolution targets.
    urgencies: ENUMS.urgency.map((u) => ({ value: u.code, label: u[lang], hint: urgencyHint(u.code as Urgency, tr.config.settings, lang) })),
    categories: ENUMS.category.map((c) => ({ value: c.code, label: c[lang] })),
    text: {
      submit: text.intakeForm.submit,
      submitting: text.intakeForm.submitting,
      success: text.intakeForm.success,
      another: text.intakeForm.another,
      suggestions: text.intakeForm.suggestions,
      suggestionsEmpty: t(lang, 'suggestionsEmpty'),
      solvedIt: text.intakeForm.solvedIt,
      thanks: text.intakeForm.thanks,
      counter: '{n}/{max}',
      required: t(lang, 'required', { field: '{field}' }),
      requiredChoice: t(lang, 'requiredChoice', { field: '{field}' }),
      vague: t(lang, 'vagueDescription'),
      mobile: t(lang, 'personalMobile'),
      failed: text.intakeForm.failed,
      offline: t(lang, 'submitOffline'),
      failedKept: t(lang, 'submitFailedKept', { detail: '{detail}' }),
      retry: t(lang, 'retry'),
      tooLong: t(lang, 'titleTooLong', { max: '{max}', n: '{n}' }),
      controlChars: t(lang, 'controlChars', { field: '{field}' }),
      brokenChars: t(lang, 'brokenChars', { field: '{field}' }),
      bidiChars: t(lang, 'bidiChars', { field: '{field}' }),
    },
  };
}

/**
 * The link to "my tickets" (the web app's own page, `?view=mine`) for a web-form visitor Google
 * names, in a script bound to the sheet with its web app deployed; none otherwise — nor for the
 * person the script runs as (the sidebar's user, the owner: they have the sheet). Service calls only.
 */
function myTicketsLink(svc: Services, lang: Lang): { label: string; url: string } | null {
  if (!runsAsBoundScript(svc)) return null;
  const visitor = visitorEmail(svc);
  if (!visitor || visitor === svc.Session.getEffectiveUser().getEmail().trim().toLowerCase()) return null;
  const base = svc.ScriptApp.getService().getUrl();
  return base ? { label: catalog(lang).myTickets.link, url: `${base}${base.includes('?') ? '&' : '?'}view=mine` } : null;
}

const validToken = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(v);

export function submitTicket(svc: Services, form: unknown, clientToken?: unknown): SubmitResult {
  const tr = openTracker(svc);
  const { lang } = tr;
  const checked = validateSubmission(form, lang);
  if (!checked.ok) return { ok: false, code: 'invalid', errors: checked.errors };
  if (clientToken !== undefined && clientToken !== null && !validToken(clientToken)) {
    return { ok: false, code: 'invalid', errors: [{ field: null, message: t(lang, 'badRequest') }] };
  }
  const token = validToken(clientToken) ? clientToken : null;
  const s = checked.value;
  try {
    return withTrackerLock(svc, LOCK_WAIT_MS, t(lang, 'busy'), () => {
      // A retried or double-clicked submit returns the first ticket instead of writing again. The
      // token is stored before the row (never after it), with a hash of the form it came with.
      const tokens = readSubmitTokens(tr.props);
      const hash = formHash(s);
      const seen = token ? tokens.find(([k]) => k === token) : undefined;
      // The same token with another form is another problem: never answered as a duplicate.
      const same = seen && (seen[2] === undefined || seen[2] === hash) ? seen : undefined;

      const ts = openTickets(tr);
      if (!ts) return { ok: false as const, code: 'noTicketSheet' as const, errors: [{ field: null, message: t(lang, 'noTicketSheet') }] };
      const now = Date.now();
      const today = formatLocal(now, tr.zone, 'compact');
      // Written already — or from another day, so perhaps archived since: the first ticket it is.
      // Only a retry whose first attempt stopped before its row gets here and writes it (same ID).
      if (same && (parseTicketId(same[1])?.date !== today || hasTicketRow(ts, same[1])))
        return { ok: true as const, id: same[1], duplicate: true, warnings: checked.warnings };
      // The stored counter gives the ID without reading the ID column (ticketIds.ts).
      const alloc: Allocation = same ? { id: same[1], consulted: false, checkIn: 0 } : allocateTicketId(tr, ts, today);
      const id = alloc.id;
      const checkIn = growFormattedRows(tr, ts, alloc);
      // Google's address first, whatever the call carried (a tampered call cannot redirect the mail).
      const notifyEmail = requesterEmail(requesterGoogleEmail(svc), s.contact, s.notifyEmail).address;
      const ticket: Ticket = { ...blankTicket(), id, ...s, notifyEmail, submittedAt: now, status: 'pending', tier: 'tier1' };
      Object.assign(ticket, slaFields(ticket, now, tr.config.settings, tr.zone, lang).fields);
      // Its initial state is recorded with the row: hand edits are judged against it (record.ts).
      ticket.record = recordOf(ticket);

      // Order: what a retry needs (the ID counter, the token) first, then the audit row, then the
      // ticket row. A failure at any step leaves a trace (a skipped ID, an audit row naming the ID
      // the retry will write) and an error the requester sees; never a ticket nobody recorded.
      if (!same) {
        writeIdCounter(tr.props, { last: id, checkIn });
        if (token) writeSubmitTokens(tr.props, [...tokens.filter(([k]) => k !== token), [token, id, hash] as SubmitToken].slice(-TOKENS_KEPT));
      }
      appendAudit(tr.ss, creationEntries(tr, ticket, actingEmail(svc, 'user')), lang);
      // appendRow writes after the last row with content: never onto anything already there.
      const row = newRow(ts, ticket, lang);
      ts.sheet.appendRow(row);
      // Formula-like text (`=1+1`) goes in exactly as typed, as Rich Text, in the row just appended:
      // the last row, once its ID says it is this ticket's (a row a person added meanwhile is never
      // written over). Asked only then: 4 calls more for such a submit (docs/performance.md).
      writeTextValues(svc.SpreadsheetApp, ts.sheet, () => appendedRow(ts, id), 1, [row], plainTextColumns(ts.columns));
      // After the row: the requester is told only of a ticket that exists (two MailApp calls).
      notify(tr, ticket, { kind: 'received' });
      return { ok: true as const, id, duplicate: false, warnings: checked.warnings };
    });
  } catch (e) {
    if (errorCode(e) === 'busy') return { ok: false, code: 'busy', errors: [{ field: null, message: (e as Error).message }] };
    throw e;
  }
}

/**
 * The requester's address as Google gives it: the active user only (reference/base/session
 * #getActiveUser: blank across domains, for consumer accounts, and for a web app's visitor unless
 * they share the owner's Workspace domain). Never the effective user: in the web app that is the
 * owner, not the requester.
 */
function requesterGoogleEmail(svc: Services): string {
  try {
    return svc.Session.getActiveUser().getEmail() || '';
  } catch (e) {
    rethrowDefect(e);
    // Session refused (no userinfo.email grant in this context): no address, as Google hides it elsewhere.
    return '';
  }
}

/** The fields a form carries, hashed: a token reused for another form is another submit. */
function formHash(s: object): string {
  const o = s as Record<string, unknown>;
  const text = JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(36)}.${text.length.toString(36)}`;
}

/** Whether a row holds ticket `id` (TextFinder over the ID column: only a retried token asks). */
/** The row appendRow just wrote this ticket to: the last row, if it holds the ID; else null. */
function appendedRow(ts: TicketSheet, id: string): number | null {
  const last = ts.sheet.getLastRow();
  const idCol = (ts.columns.id as number) + 1;
  return String(ts.sheet.getSheetValues(last, idCol, 1, 1)[0][0]).trim() === id ? last : null;
}

function hasTicketRow(ts: TicketSheet, id: string): boolean {
  for (const row of idCandidates(ts, id)) if (String(ts.sheet.getRange(row, (ts.columns.id as number) + 1).getValue()).trim() === id) return true;
  return false;
}

/** The audit row of a new ticket: who reported it (a web-form visitor too), and how it started. */
function creationEntries(tr: Tracker, tk: Ticket, email: string): AuditEntry[] {
  const entry = (key: FieldKey, value: string): AuditEntry => ({ at: tk.submittedAt ?? tr.now, user: email, ticketId: tk.id, field: headerLabel(key, tr.lang), oldValue: '', newValue: value, via: 'form' });
  return [
    entry('id', tk.id),
    entry('status', enumLabel('status', 'pending', tr.lang)),
    entry('submitter', tk.submitter),
    entry('contact', tk.contact),
    ...(tk.notifyEmail ? [entry('notifyEmail', tk.notifyEmail)] : []),
    entry('title', tk.title),
  ];
}

/** Rows the grid and its formats grow by when a new ticket would land below them. */
const GROW_ROWS = 1000;
/** The formats are grown this many rows before they run out. */
const GROW_MARGIN = 50;
/**
 * At most this many submits pass without looking at the grid's end: rows a person pastes below
 * the tickets use up formatted rows the counter does not know of.
 */
const CHECK_EVERY = 100;

/**
 * appendRow writes below the last row; past the rows setup formatted, a ticket would have no
 * colours, dropdowns, plain-text format or protection. The last row is not asked on every submit:
 * the counter remembers how many submits can pass before the formats could run out (at most
 * CHECK_EVERY), so one submit in that many costs one call more. When the end is near, the grid
 * grows by a block (when full) and is formatted again, once per GROW_ROWS tickets. Returns the
 * countdown to store after this submit.
 */
function growFormattedRows(tr: Tracker, ts: TicketSheet, alloc: Allocation): number {
  const covered = tr.config.tickets?.formattedRows;
  if (covered === undefined) return CHECK_EVERY;
  if (alloc.lastRow === undefined && alloc.checkIn > 0) return alloc.checkIn - 1;
  let lastRow = alloc.lastRow ?? ts.sheet.getLastRow();
  let formatted = covered;
  if (lastRow + GROW_MARGIN >= covered) {
    const maxRows = ts.sheet.getMaxRows();
    if (lastRow + GROW_MARGIN >= maxRows) ts.sheet.insertRowsAfter(maxRows, GROW_ROWS);
    formatted = applyTicketFormat(tr.svc.SpreadsheetApp, ts, tr.lang, tr.config.settings, tr.config.tickets?.original);
    tr.config = { ...tr.config, tickets: { ...hintOf(ts, tr.config.tickets), formattedRows: formatted } };
    saveConfig(tr.props, tr.config);
  }
  lastRow += 1; // the row this submit appends
  return Math.max(0, Math.min(CHECK_EVERY, formatted - lastRow - GROW_MARGIN));
}

// Suggestions and "this solved it" live in ./suggest; the entry points import them from here.
export { markArticleHelpful, suggestArticles } from './suggest';
