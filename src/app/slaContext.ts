// Settings → the SLA engine's calendar and policy, and the due times/state a ticket gets when it
// is created or changes (so colours are right before the next sweep).
import type { CalendarSettings } from '../domain/calendar';
import type { Settings } from '../domain/settings';
import type { SlaEvaluation, SlaPolicy } from '../domain/sla';
import { defaultPolicy, dueTimes, evaluate, formatSlaStatus } from '../domain/sla';
import type { Lang } from '../domain/schema';
import type { Ticket } from '../domain/ticket';
import type { Zone } from '../domain/zone';
import { lastLogAt } from '../domain/worklog';
import { waitOf, waitPauses } from '../domain/waiting';

export function calendarOf(settings: Settings, zone: Zone): CalendarSettings {
  return {
    zone,
    workDays: settings.workDays,
    workStart: settings.workStart,
    workEnd: settings.workEnd,
    breaks: [],
    holidays: settings.holidays,
    extraWorkDays: settings.extraWorkDays,
  };
}

export function policyOf(settings: Settings): SlaPolicy {
  return { ...defaultPolicy(), ...settings.targets, atRiskShare: settings.atRiskShare };
}

/**
 * The progress-update clock's measure: while the tracker mails requesters, only progress they
 * received counts (the ticket's last-reply stamp); otherwise every work-log entry, as before.
 */
export function replyClock(settings: Settings, tk: Pick<Ticket, 'lastReplyAt'>): { lastReplyAt?: number | null } {
  return settings.notifyRequesters === true ? { lastReplyAt: tk.lastReplyAt } : {};
}

export interface SlaFields {
  responseDueAt: number | null;
  resolveDueAt: number | null;
  slaStatus: string;
}

/** Due times and the `SLA状态` text for a ticket as it stands at `now`. */
export function slaFields(tk: Ticket, now: number, settings: Settings, zone: Zone, lang: Lang): { fields: SlaFields; evaluation: SlaEvaluation } {
  const cal = calendarOf(settings, zone);
  const policy = policyOf(settings);
  // A waiting ticket's clocks stop (domain/waiting.ts): its due times are "if the wait ended now".
  const wait = waitOf(tk);
  const due = dueTimes(tk, policy, cal, waitPauses(wait, now));
  const evaluation = evaluate({ ...tk }, now, policy, cal, { lastWorkLogAt: lastLogAt(tk.workLog, zone), wait, ...replyClock(settings, tk) });
  return { fields: { ...due, slaStatus: formatSlaStatus(evaluation, lang) }, evaluation };
}
