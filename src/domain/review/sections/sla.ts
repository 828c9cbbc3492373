// SLA compliance per target and urgency: tickets due or done in the week, met / missed / pending.
import { ratio } from '../../stats';
import type { ReviewSection, SlaCell, UrgencyKey } from '../model';
import type { SlaState } from '../../schema';
import { emptyByUrgency, inRange, type ReviewScope } from '../scope';
import { perTargetRows, targets } from './targets';

export type SlaFigure = { response: Record<UrgencyKey, SlaCell>; resolution: Record<UrgencyKey, SlaCell> };

export type SlaOutcome = 'met' | 'missed' | 'pending';

/** Final or not: breached or missed is missed (ever breached stays missed), met is met, the rest not final. */
export const slaOutcome = (state: SlaState | null): SlaOutcome =>
  state === 'breached' || state === 'missed' ? 'missed' : state === 'met' ? 'met' : 'pending';

export function slaSection(scope: ReviewScope): { section: ReviewSection; figure: SlaFigure } {
  const { T, tickets, weekPositions, start, end, urgKey, slaAt } = scope;
  const emptySla = (): SlaCell => ({ inScope: 0, met: 0, missed: 0, pending: 0, compliance: null });
  const slaFig: SlaFigure = { response: emptyByUrgency(emptySla), resolution: emptyByUrgency(emptySla) };
  for (const target of targets(scope)) {
    // Only tickets with an instant in the week can be due or done in it.
    for (const i of weekPositions) {
      const t = tickets[i];
      if (!inRange(target.due(t), start, end) && !inRange(target.done(t), start, end)) continue;
      const outcome = slaOutcome(slaAt(i)[target.key]);
      for (const k of [urgKey(t.urgency), 'all'] as UrgencyKey[]) {
        const c = slaFig[target.key][k];
        c.inScope++;
        c[outcome]++;
      }
    }
    for (const c of Object.values(slaFig[target.key])) c.compliance = ratio(c.met, c.met + c.missed);
  }
  const section: ReviewSection = {
    key: 'sla',
    title: T.sla,
    basis: T.slaBasis,
    table: {
      header: T.slaCols,
      rows: perTargetRows(
        scope,
        slaFig,
        (c) => c.inScope,
        (c) => [c.inScope, c.met, c.missed, c.pending, c.compliance],
      ),
      formats: ['text', 'text', 'int', 'int', 'int', 'int', 'percent'],
    },
    notes: [T.slaNote],
  };
  return { section, figure: slaFig };
}
