// SLA compliance per target and urgency: tickets due or done in the week, met / missed / pending.
import type { Ticket } from '../../ticket';
import { ratio } from '../../stats';
import type { ReviewSection, SlaCell, SlaOf, UrgencyKey } from '../model';
import { emptyByUrgency, inRange, type ReviewScope } from '../scope';
import { perTargetRows, targets } from './targets';

export type SlaFigure = { response: Record<UrgencyKey, SlaCell>; resolution: Record<UrgencyKey, SlaCell> };

export function slaSection(scope: ReviewScope): { section: ReviewSection; figure: SlaFigure } {
  const { input, T, tickets, start, end, urgKey } = scope;
  const slaCache = new Map<Ticket, SlaOf>();
  const slaOf = (t: Ticket): SlaOf => {
    let v = slaCache.get(t);
    if (!v) {
      const r = input.sla(t);
      v = { response: r?.response ?? null, resolution: r?.resolution ?? null };
      slaCache.set(t, v);
    }
    return v;
  };
  const emptySla = (): SlaCell => ({ inScope: 0, met: 0, missed: 0, pending: 0, compliance: null });
  const slaFig: SlaFigure = { response: emptyByUrgency(emptySla), resolution: emptyByUrgency(emptySla) };
  for (const target of targets(scope)) {
    for (const t of tickets) {
      if (!inRange(target.due(t), start, end) && !inRange(target.done(t), start, end)) continue;
      const state = slaOf(t)[target.key];
      const outcome: 'met' | 'missed' | 'pending' =
        state === 'breached' || state === 'missed' ? 'missed' : state === 'met' ? 'met' : 'pending';
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
