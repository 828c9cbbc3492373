// The summary: created, resolved, closed, reopened and backlog, this week against the previous.
import type { ReviewSection, WeekCounts, Cell } from '../model';
import { isOpenStatus, statusAt } from '../history';
import { inRange, type ReviewScope } from '../scope';

export function summarySection(scope: ReviewScope): {
  section: ReviewSection;
  counts: WeekCounts;
  previous: WeekCounts;
} {
  const { T, tickets, start, end, asOf, prev, prevAsOf, history, eventsOf, createdInWeek, resolvedInWeek, openAtEnd } = scope;
  const countsFor = (s: number, e: number, backlogAt: number): WeekCounts => {
    // The reviewed week's created, resolved and backlog at its end are the scope's own lists.
    const own = s === start && e === end && backlogAt === asOf;
    const closed = new Set<string>();
    const reopened = new Set<string>();
    // forEach and indexed loops: these run over every ticket once per build, mostly before the
    // engine optimises them, where for…of allocates an iteration result per step.
    history.forEach((events, id) => {
      for (let i = 0; i < events.length; i++) {
        const ev = events[i];
        if (ev.at < s || ev.at >= e) continue;
        if (ev.to === 'closed') closed.add(id);
        if (ev.from === 'resolved' && ev.to === 'inProgress') reopened.add(id);
      }
    });
    // A ticket with no status change in the audit log (an adopted team's history, issue 23) closed
    // at its own Resolved at. Not at Last updated: cancelled / on-hold rows read as closed too
    // (schema NOT_OPEN_STATUSES) and adoption gives them no Resolved at, so they are not counted.
    for (let i = 0; i < tickets.length; i++) {
      const t = tickets[i];
      if (t.status !== 'closed' || eventsOf(t)?.length) continue;
      if (inRange(t.resolvedAt, s, e)) closed.add(String(t.id).trim());
    }
    if (own) return { created: createdInWeek.length, resolved: resolvedInWeek.length, closed: closed.size, reopened: reopened.size, backlog: openAtEnd.length };
    let created = 0;
    let resolved = 0;
    let backlog = 0;
    for (let i = 0; i < tickets.length; i++) {
      const t = tickets[i];
      if (inRange(t.submittedAt, s, e)) created++;
      if (inRange(t.resolvedAt, s, e)) resolved++;
      if (isOpenStatus(statusAt(t, backlogAt, eventsOf(t)))) backlog++;
    }
    return { created, resolved, closed: closed.size, reopened: reopened.size, backlog };
  };
  const counts = countsFor(start, end, asOf);
  const previous = countsFor(prev.start, prev.end, prevAsOf);

  const row = (label: string, key: keyof WeekCounts, basis: string): Cell[] => [
    label,
    counts[key],
    previous[key],
    counts[key] - previous[key],
    basis,
  ];
  const section: ReviewSection = {
    key: 'summary',
    title: T.summary,
    basis: T.summaryBasis,
    table: {
      header: [T.figure, T.thisWeek, T.previousWeek, T.change, T.countsBy],
      rows: [
        row(T.created, 'created', T.basisCreated),
        row(T.resolved, 'resolved', T.basisResolved),
        row(T.closed, 'closed', T.basisClosed),
        row(T.reopened, 'reopened', T.basisReopened),
        row(T.backlog, 'backlog', T.basisBacklog),
      ],
      formats: ['text', 'int', 'int', 'int', 'text'],
    },
    notes: [T.countsAreTickets],
  };
  return { section, counts, previous };
}
