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
import { globalServices } from './gas/services';

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(globalServices(), e);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

export function setupTrackerFromMenu() {
  return runSetupFromMenu(globalServices());
}

export function showIntakeSidebar(): void {
  showSidebar(globalServices(), 'Intake');
}

export function showTicketSidebar(): void {
  showSidebar(globalServices(), 'Ticket');
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

export function getTicketView(id?: unknown) {
  return ticketView(globalServices(), id);
}

export function applyTicketAction(id: unknown, action: unknown, payload: unknown, version?: unknown) {
  return applyAction(globalServices(), id, action, payload, version);
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
  const svc = globalServices();
  const result = runSweep(svc, 'menu');
  return reportSweep(svc, result);
}

/** Builds (or rebuilds) a week's review sheet: `2024-W19`, or last week when omitted. */
export function buildWeeklyReview(week?: unknown) {
  return buildWeekly(globalServices(), week);
}

export function buildWeeklyReviewFromMenu() {
  return buildWeeklyFromMenu(globalServices());
}

/** Menu: moves closed tickets older than the configured age to the archive sheet (confirm first). */
export function archiveFromMenu() {
  return archiveMenu(globalServices());
}
