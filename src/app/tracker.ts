// The per-call context every use case starts from: the services, the spreadsheet, the stored
// config (where the ticket sheet is, zone, language, settings) and the clock.
import { rethrowDefect } from '../domain/errors';
import type { ColumnMap } from '../domain/columns';
import { rowToTicket, ticketDecoder } from '../domain/columns';
import type { Lang } from '../domain/schema';
import type { Ticket } from '../domain/ticket';
import type { Zone } from '../domain/zone';
import { formatLocal } from '../domain/zone';
import { langOfLocale } from '../domain/i18n';
import type { Services } from '../gas/services';
import type { TrackerConfig } from '../gas/config';
import { loadConfig, saveConfig } from '../gas/config';
import type { TicketSheet } from '../gas/ticketSheet';
import { hintOf, openTicketSheet } from '../gas/ticketSheet';
import { utilitiesZone } from '../gas/zone';
import { defaultSettings } from '../domain/settings';

export interface Tracker {
  svc: Services;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  props: GoogleAppsScript.Properties.Properties;
  config: TrackerConfig;
  lang: Lang;
  zone: Zone;
  now: number;
  /** `yyyy-MM-dd HH:mm` in the spreadsheet zone. */
  stamp: (ms: number) => string;
}

/** Before setup has stored a configuration: the spreadsheet's own zone and language. */
function firstConfig(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TrackerConfig {
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  return { version: 1, tickets: null, timeZone: ss.getSpreadsheetTimeZone(), lang, settings: defaultSettings(lang), addon: true };
}

/**
 * One spreadsheet call (getActiveSpreadsheet) when setup has stored the config; a sheet never set
 * up costs two more (zone and locale) and gets defaults. `source`: the spreadsheet an event names
 * (e.source), when the caller has one: one call less.
 */
export function openTracker(svc: Services, source?: GoogleAppsScript.Spreadsheet.Spreadsheet): Tracker {
  const ss = source ?? svc.SpreadsheetApp.getActiveSpreadsheet();
  const props = svc.PropertiesService.getDocumentProperties();
  const config: TrackerConfig = loadConfig(props) ?? firstConfig(ss);
  const zone = utilitiesZone(svc.Utilities, config.timeZone);
  return { svc, ss, props, config, lang: config.lang, zone, now: Date.now(), stamp: (ms) => formatLocal(ms, zone, 'minute') };
}

/**
 * The acting person's email, or '' when Google hides it. A sidebar or menu runs as the person
 * using it, so its effective user is them too; an installable trigger runs as whoever set it up,
 * so there only the active user can name the editor.
 */
export function actingEmail(svc: Services, runsAs: 'user' | 'triggerOwner'): string {
  try {
    const email = svc.Session.getActiveUser().getEmail();
    return email || (runsAs === 'user' ? svc.Session.getEffectiveUser().getEmail() : '');
  } catch (e) {
    rethrowDefect(e);
    // Session refused (no userinfo.email grant in this context): no address, as Google hides it elsewhere.
    return '';
  }
}

/** The acting person: the agent whose email matches, else the email, else ''. */
export function actingUser(tr: Tracker, runsAs: 'user' | 'triggerOwner' = 'user'): { email: string; name: string } {
  const email = actingEmail(tr.svc, runsAs);
  const agent = tr.config.settings.agents.find((a) => a.email && a.email.toLowerCase() === email.toLowerCase());
  return { email, name: agent ? agent.name : email };
}

/**
 * The ticket sheet, through the stored hint (one header read; `known`, the hinted sheet when the
 * caller already holds it, saves the lookup by name); when the hint was stale and the
 * sheet was found by scanning, the fresh hint is stored so the next call is cheap again.
 */
export function openTickets(tr: Tracker, known?: GoogleAppsScript.Spreadsheet.Sheet): TicketSheet | null {
  const ts = openTicketSheet(tr.ss, tr.config.tickets, tr.lang, known);
  if (!ts) return null;
  const hint = hintOf(ts, tr.config.tickets);
  if (JSON.stringify(hint) !== JSON.stringify(tr.config.tickets)) {
    tr.config = { ...tr.config, tickets: hint };
    saveConfig(tr.props, tr.config);
  }
  return ts;
}

/**
 * A ticket row as a Ticket, read through the adopted sheet's mapping (issue 23): the team's words
 * by parseEnum's vocabulary and its text dates in the day/month order adoption kept. Every use case
 * decodes rows here (a test keeps it so), never with rowToTicket directly.
 */
export function ticketOfRow(tr: Tracker, row: readonly unknown[], columns: ColumnMap): Ticket {
  return rowToTicket(row, columns, tr.zone, tr.config.tickets?.dateOrders);
}

/** ticketOfRow for the many rows of one read (whole-sheet readers): the columns resolved once. */
export function ticketRowReader(tr: Tracker, columns: ColumnMap): (row: readonly unknown[]) => Ticket {
  return ticketDecoder(columns, tr.zone, tr.config.tickets?.dateOrders);
}
