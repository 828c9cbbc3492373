// The add-on's entry points: the only functions Code.js exposes as globals (menus, triggers and
// google.script.run). Each is a one-line hand-over to the app layer with Apps Script's services.
import { getIntakeForm as intakeForm, markArticleHelpful as markHelpful, submitTicket as submit, suggestArticles as suggest } from './app/intake';
import { applyTicketAction as applyAction, getTicketView as ticketView } from './app/agent';
import { archiveFromMenu as archiveMenu } from './app/archive';
import { handleEdit } from './app/handEdit';
import type { EditEvent } from './app/handEdit';
import { buildMenu } from './app/menu';
import { runScheduledWork } from './app/scheduled';
import { reportSweep, runSweep } from './app/sweep';
import { runSetupFromMenu, showSidebar } from './app/ui';
import { buildWeeklyReview as buildWeekly, buildWeeklyReviewFromMenu as buildWeeklyFromMenu } from './app/weekly';
import { serveMyTickets } from './app/myTickets';
import { answerVerification as answerLink, isVerifyRequest, serveVerifyPage } from './app/verify';
import { serveIntakeForm, teamOnly } from './app/webApp';
import type { Services } from './gas/services';
import { globalServices } from './gas/services';

/** Everything but the intake form is for the people working in the sheet, not web-form visitors. */
const forTeam = <T>(fn: (svc: Services) => T): T => {
  const svc = globalServices();
  return teamOnly(svc, () => fn(svc));
};

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(globalServices(), e);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

export function setupTrackerFromMenu() {
  return forTeam(runSetupFromMenu);
}

export function showIntakeSidebar(): void {
  forTeam((svc) => showSidebar(svc, 'Intake'));
}

export function showTicketSidebar(): void {
  forTeam((svc) => showSidebar(svc, 'Ticket'));
}

export function getIntakeForm() {
  return intakeForm(globalServices());
}

export function submitTicket(form: unknown, clientToken?: unknown) {
  return submit(globalServices(), form, clientToken);
}

export function suggestArticles(text: unknown) {
  return suggest(globalServices(), text);
}

export function markArticleHelpful(id: unknown) {
  return markHelpful(globalServices(), id);
}

export function getTicketView(id?: unknown, at?: unknown) {
  return forTeam((svc) => ticketView(svc, id, at));
}

export function applyTicketAction(id: unknown, action: unknown, payload: unknown, version?: unknown) {
  return forTeam((svc) => applyAction(svc, id, action, payload, version));
}

/** Installable onEdit trigger (installed by setup): a person's edit in the sheet. */
export function onTrackerEdit(e: EditEvent) {
  return handleEdit(globalServices(), e);
}

/** Time-driven trigger (installed by setup): the SLA sweep and scheduled work. */
export function onSlaTimer() {
  return runScheduledWork(globalServices());
}

export function runSlaSweepFromMenu() {
  return forTeam((svc) => reportSweep(svc, runSweep(svc, 'menu')));
}

/** Builds (or rebuilds) a week's review sheet: `2024-W19`, or last week when omitted. */
export function buildWeeklyReview(week?: unknown) {
  return forTeam((svc) => buildWeekly(svc, week));
}

export function buildWeeklyReviewFromMenu() {
  return forTeam(buildWeeklyFromMenu);
}

/** Menu: moves closed tickets older than the configured age to the archive sheet (confirm first). */
export function archiveFromMenu() {
  return forTeam(archiveMenu);
}

/**
 * The web app (bound-script deployment, "Execute as: Me"): the intake form for requesters, or the
 * answer page a verification link in a "resolved" mail opens (`?t=…`), or the visitor's own
 * tickets (`?view=mine`).
 */
export function doGet(e?: { parameter?: Record<string, unknown> }) {
  const svc = globalServices();
  if (e && isVerifyRequest(e.parameter)) return serveVerifyPage(svc, e.parameter as Record<string, unknown>);
  if (e?.parameter?.view === 'mine') return serveMyTickets(svc);
  return serveIntakeForm(svc);
}

/** The answer page's send (open to every visitor: the signed link is the permission, app/verify.ts). */
export function answerVerification(token: unknown, choice: unknown, at?: unknown) {
  return answerLink(globalServices(), token, choice, at);
}
