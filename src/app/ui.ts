// Menu actions that talk to the person: sidebars, the setup confirmation and its report.

import { catalog } from '../domain/i18n';
import type { Services } from '../gas/services';
import { setupTracker } from './setup';
import type { SetupReport } from './setup';
import { openTracker } from './tracker';

export function showSidebar(svc: Services, page: 'Intake' | 'Ticket'): void {
  const { lang } = openTracker(svc);
  const html = svc.HtmlService.createHtmlOutputFromFile(page).setTitle(catalog(lang).sidebarTitle[page === 'Intake' ? 'intake' : 'ticket']);
  svc.SpreadsheetApp.getUi().showSidebar(html);
}

export function runSetupFromMenu(svc: Services): SetupReport {
  const ui = svc.SpreadsheetApp.getUi();
  const report = setupTracker(
    svc,
    (message) => ui.alert(message, ui.ButtonSet.YES_NO) === ui.Button.YES,
    {
      ask: (message) => {
        const r = ui.prompt(message, ui.ButtonSet.OK_CANCEL);
        return { cancelled: r.getSelectedButton() !== ui.Button.OK, answer: r.getResponseText() };
      },
    },
  );
  const lines = [...report.triggers, ...report.messages];
  if (!report.cancelled) ui.alert(lines.join('\n'));
  else ui.alert(report.messages.join('\n'));
  return report;
}

