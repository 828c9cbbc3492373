// Per assignee: tickets handled in the week (created or resolved in it) and open at week end.
import type { Ticket } from '../../ticket';
import type { Cell, ReviewSection } from '../model';
import { inRange, sortedEntries, type ReviewScope } from '../scope';

export function assigneeSection(scope: ReviewScope): ReviewSection {
  const { T, tickets, start, end, openAtEnd } = scope;
  const m = new Map<string, { handled: number; created: number; resolved: number; open: number }>();
  const handled = tickets.filter(
    (t) => inRange(t.submittedAt, start, end) || inRange(t.resolvedAt, start, end),
  );
  const get = (t: Ticket) => {
    const k = String(t.assignee ?? '').trim() || T.unassigned;
    let v = m.get(k);
    if (!v) m.set(k, (v = { handled: 0, created: 0, resolved: 0, open: 0 }));
    return v;
  };
  for (const t of handled) {
    const v = get(t);
    v.handled++;
    if (inRange(t.submittedAt, start, end)) v.created++;
    if (inRange(t.resolvedAt, start, end)) v.resolved++;
  }
  // Open at week end counts like the backlog: every open ticket, handled this week or not.
  for (const t of openAtEnd) get(t).open++;
  const rows: Cell[][] = sortedEntries(m, (v) => [v.handled]).map(([k, v]) => [
    k,
    v.handled,
    v.created,
    v.resolved,
    v.open,
  ]);
  const sum = (f: 'handled' | 'created' | 'resolved' | 'open'): number =>
    Array.from(m.values()).reduce((s, v) => s + v[f], 0);
  rows.push([T.total, sum('handled'), sum('created'), sum('resolved'), sum('open')]);
  const section: ReviewSection = {
    key: 'assignee',
    title: T.assignee,
    basis: T.assigneeBasis,
    table: { header: [T.assignee, ...T.assigneeCols], rows, formats: ['text', 'int', 'int', 'int', 'int'] },
    notes: [],
  };
  return section;
}
