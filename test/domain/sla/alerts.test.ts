// SLA alert mails (src/domain/sla/alerts.ts): who is told of what, once, and the alert keys recorded
// per ticket.
import { type SlaHint, type SlaState } from '../../../src/domain/schema';
import { alertsFor, formatAlertKeys, parseAlertKeys, type SlaSummary } from '../../../src/domain/sla';

describe('alerts', () => {
  const s = (response: SlaState | null, resolution: SlaState | null, hints: SlaHint[] = []): SlaSummary => ({
    response,
    resolution,
    hints,
  });

  test('at risk → assignee, once', () => {
    const a = alertsFor([], s('met', 'atRisk'));
    expect(a.alerts).toEqual([
      { key: 'resolution:atRisk', target: 'resolution', state: 'atRisk', hint: null, to: ['assignee'] },
    ]);
    expect(a.sent).toEqual(['resolution:atRisk']);
    expect(alertsFor(a.sent, s('met', 'atRisk')).alerts).toEqual([]);
  });

  test('breach → assignee, tier 2 and lead; no late at-risk mail', () => {
    const a = alertsFor(['resolution:atRisk'], s('met', 'breached'));
    expect(a.alerts.map((x) => [x.key, x.to])).toEqual([
      ['resolution:breached', ['assignee', 'tier2', 'lead']],
    ]);
    const jump = alertsFor([], s('breached', 'onTrack'));
    expect(jump.alerts.map((x) => x.key)).toEqual(['response:breached']);
    expect(jump.sent).toEqual(['response:atRisk', 'response:breached']);
    expect(alertsFor(jump.sent, s('breached', 'onTrack')).alerts).toEqual([]);
  });

  test('hints, done states and the stored string', () => {
    const a = alertsFor('', s('onTrack', 'onTrack', ['needsEscalation', 'updateOverdue']));
    expect(a.alerts.map((x) => [x.key, x.to])).toEqual([
      ['needsEscalation', ['tier2']],
      ['updateOverdue', ['assignee']],
    ]);
    expect(alertsFor([], s('met', 'missed')).alerts).toEqual([]);
    const stored = formatAlertKeys(a.sent);
    expect(stored).toBe('needsEscalation,updateOverdue');
    expect(parseAlertKeys(stored)).toEqual(a.sent);
    expect(alertsFor(stored, s('onTrack', 'onTrack', ['updateOverdue'])).alerts).toEqual([]);
    expect(parseAlertKeys('junk, response:atRisk;;x')).toEqual(['response:atRisk']);
    expect(parseAlertKeys(null)).toEqual([]);
  });
});
