// Time spent waiting (issue 18): per kind, the tickets that waited during the week and the working
// hours they waited within it, and how many were waiting at week end. From each ticket's record
// (waiting.ts); shown only once some ticket has ever waited, so reviews of trackers that never
// use waiting states keep their shape.
import { round } from '../../stats';
import type { WaitKind } from '../../waiting';
import { waitOf, waitPeriods, WAIT_KINDS } from '../../waiting';
import type { ReviewSection, WaitingFigure } from '../model';
import { HOUR, type ReviewScope } from '../scope';

export function waitingSection(scope: ReviewScope): { section: ReviewSection | null; figure: WaitingFigure | null } {
  const { input, T, tickets, start, asOf } = scope;
  const figure: WaitingFigure = { requester: { tickets: 0, hours: 0 }, vendor: { tickets: 0, hours: 0 }, atEnd: 0 };
  let ever = false;
  // Indexed: runs over every ticket once per build, mostly before the engine optimises it.
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i];
    const w = waitOf(t);
    if (!w.current && !w.periods.length) continue;
    ever = true;
    const seen = new Set<WaitKind>();
    for (const p of waitPeriods(w, asOf)) {
      const from = Math.max(p.from, start);
      const to = Math.min(p.to, asOf);
      if (to <= from) continue;
      figure[p.kind].hours += Math.max(0, input.workingMs(from, to)) / HOUR;
      seen.add(p.kind);
    }
    for (const k of seen) figure[k].tickets++;
    if (w.current && w.current.since < asOf) figure.atEnd++;
  }
  if (!ever) return { section: null, figure: null };
  for (const k of WAIT_KINDS) figure[k].hours = round(figure[k].hours) ?? 0;
  const section: ReviewSection = {
    key: 'waiting',
    title: T.waiting,
    basis: T.waitingBasis,
    table: {
      header: T.waitingCols,
      rows: [
        [T.waitingKinds[0], figure.requester.tickets, figure.requester.hours],
        [T.waitingKinds[1], figure.vendor.tickets, figure.vendor.hours],
        [T.waitingAtEnd, figure.atEnd, null],
      ],
      formats: ['text', 'int', 'hours'],
    },
    notes: [T.waitingNote],
  };
  return { section, figure };
}
