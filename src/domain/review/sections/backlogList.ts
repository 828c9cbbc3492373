// The backlog the meeting walks through: every ticket open at week end, oldest first, with its age,
// assignee, status and SLA state at week end (breached when a due time had passed undone by then).
import type { Ticket } from '../../ticket';
import { round } from '../../stats';
import type { ReviewSection } from '../model';
import { DAY, type ReviewScope } from '../scope';
import { targets } from './targets';

export type SlaAtEnd = 'breached' | 'onTrack' | 'none';

/** A target is breached at `at` when its due time passed before it and it was not done by its due time. */
export function slaAtEnd(scope: ReviewScope, t: Ticket, at: number): SlaAtEnd {
  let any = false;
  for (const target of targets(scope)) {
    const due = target.due(t);
    if (due === null) continue;
    any = true;
    const done = target.done(t);
    if (due < at && (done === null || done > due)) return 'breached';
  }
  return any ? 'onTrack' : 'none';
}

export function backlogListSection(scope: ReviewScope): { section: ReviewSection; backlog: Ticket[] } {
  const { D, T, asOf, openAtEnd, statusAtEnd, urgLabel, statusLabel, fmt } = scope;
  const backlog = [...openAtEnd].sort(
    (a, b) => (a.submittedAt as number) - (b.submittedAt as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const section: ReviewSection = {
    key: 'backlogList',
    title: D.backlogList,
    basis: D.backlogListBasis,
    table: {
      header: D.backlogListCols,
      rows: backlog.map((t) => [
        t.id,
        t.title,
        urgLabel(t.urgency),
        String(t.assignee ?? '').trim() || T.unassigned,
        fmt(t.submittedAt),
        round((asOf - (t.submittedAt as number)) / DAY, 1),
        statusLabel(statusAtEnd.get(t) ?? null),
        D.slaAtEnd[slaAtEnd(scope, t, asOf)],
      ]),
      formats: ['text', 'text', 'text', 'text', 'text', 'hours', 'text', 'text'],
    },
    notes: backlog.length ? [] : [T.none],
  };
  return { section, backlog };
}
