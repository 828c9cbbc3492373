// The add-on's entry points: the only functions Code.js exposes as globals (menus, triggers and
// google.script.run). Each is a one-line hand-over to the app layer with Apps Script's services.
import { getIntakeForm as intakeForm, markArticleHelpful as markHelpful, submitTicket as submit, suggestArticles as suggest } from './app/intake';
import { buildMenu } from './app/menu';
import { runSetupFromMenu, showSidebar } from './app/ui';
import { globalServices } from './gas/services';

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(globalServices(), e);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

export function setupTrackerFromMenu(): void {
  runSetupFromMenu(globalServices());
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
