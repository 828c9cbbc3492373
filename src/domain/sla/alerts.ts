// SLA mail alerts: which alert each state change sends, to whom, once per ticket per key; the
// keys already sent are stored per ticket (`alerts.<ID>`, gas/properties.ts).
import type { SlaHint } from '../schema';
import type { SlaSummary } from './engine';
import { HINT_ORDER } from './text';

export type AlertKey =
  | 'response:atRisk'
  | 'response:breached'
  | 'resolution:atRisk'
  | 'resolution:breached'
  | 'needsEscalation'
  | 'updateOverdue';
export type AlertRecipient = 'assignee' | 'tier2' | 'lead';

export interface SlaAlert {
  key: AlertKey;
  target: 'response' | 'resolution' | null;
  state: 'atRisk' | 'breached' | null;
  hint: SlaHint | null;
  to: AlertRecipient[];
}

const ALERT_KEYS: AlertKey[] = [
  'response:atRisk',
  'response:breached',
  'resolution:atRisk',
  'resolution:breached',
  'needsEscalation',
  'updateOverdue',
];

/**
 * Store format for the keys already sent for one ticket: `response:atRisk,resolution:breached`.
 * @example
 * formatAlertKeys(['resolution:breached', 'response:atRisk']); // => 'response:atRisk,resolution:breached'
 */
export function formatAlertKeys(keys: readonly AlertKey[]): string {
  return ALERT_KEYS.filter((k) => keys.includes(k)).join(',');
}

/**
 * @example
 * parseAlertKeys('resolution:breached; response:atRisk junk'); // => ['response:atRisk', 'resolution:breached']
 * parseAlertKeys(null); // => []
 */
export function parseAlertKeys(text: unknown): AlertKey[] {
  if (typeof text !== 'string') return [];
  const parts = text.split(/[,;\s]+/);
  return ALERT_KEYS.filter((k) => parts.includes(k));
}

/**
 * Alerts to send for a ticket, once per ticket per key: at risk → the assignee; breached → the
 * assignee, tier 2 and the lead (a breach also marks the at-risk key as sent, so no late
 * "at risk" mail follows); needs escalation → tier 2; update overdue → the assignee.
 * `prevSent` is what was already sent for this ticket (keys, or their stored string). Store the
 * returned `sent` after the mails went out. To switch alerts on for an existing sheet without a
 * flood, store `alertsFor([], current).sent` for every ticket first.
 * @example
 * const now = { response: 'breached', resolution: 'onTrack', hints: ['needsEscalation'] };
 * const first = alertsFor('', now);
 * first.alerts.map((a) => [a.key, a.to]); // => [['response:breached', ['assignee', 'tier2', 'lead']], ['needsEscalation', ['tier2']]]
 * first.sent; // => ['response:atRisk', 'response:breached', 'needsEscalation']
 * alertsFor(first.sent, now).alerts; // => []
 */
export function alertsFor(
  prevSent: readonly AlertKey[] | string | null | undefined,
  next: SlaSummary,
): { alerts: SlaAlert[]; sent: AlertKey[] } {
  const already = new Set<AlertKey>(
    typeof prevSent === 'string' ? parseAlertKeys(prevSent) : (prevSent ?? []),
  );
  const sent = new Set<AlertKey>(already);
  const alerts: SlaAlert[] = [];
  for (const target of ['response', 'resolution'] as const) {
    const state = next[target];
    if (state === 'breached') {
      const key: AlertKey = `${target}:breached`;
      if (!already.has(key))
        alerts.push({ key, target, state, hint: null, to: ['assignee', 'tier2', 'lead'] });
      sent.add(key);
      sent.add(`${target}:atRisk`);
    } else if (state === 'atRisk') {
      const key: AlertKey = `${target}:atRisk`;
      if (!already.has(key)) alerts.push({ key, target, state, hint: null, to: ['assignee'] });
      sent.add(key);
    }
  }
  for (const hint of HINT_ORDER) {
    if (!next.hints.includes(hint)) continue;
    if (!already.has(hint))
      alerts.push({
        key: hint,
        target: null,
        state: null,
        hint,
        to: hint === 'needsEscalation' ? ['tier2'] : ['assignee'],
      });
    sent.add(hint);
  }
  return { alerts, sent: ALERT_KEYS.filter((k) => sent.has(k)) };
}
