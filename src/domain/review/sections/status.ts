// Current status of the tickets created in the week and of all tickets.
import type { Status } from '../../schema';
import type { Cell, ReviewSection } from '../model';
import { STATUSES } from '../text';
import type { ReviewScope } from '../scope';

export function statusSection(scope: ReviewScope): ReviewSection {
  const { T, tickets, createdInWeek, statusLabel } = scope;
  // One counting pass each (not a filter per status over every ticket).
  const count = (list: readonly { status: Status | null }[]): Map<Status | null, number> => {
    const m = new Map<Status | null, number>();
    for (let i = 0; i < list.length; i++) m.set(list[i].status, (m.get(list[i].status) ?? 0) + 1);
    return m;
  };
  const created = count(createdInWeek);
  const all = count(tickets);
  const statuses: (Status | null)[] = [...STATUSES];
  if (all.has(null)) statuses.push(null);
  const rows: Cell[][] = statuses.map((s) => [statusLabel(s), created.get(s) ?? 0, all.get(s) ?? 0]);
  rows.push([T.total, createdInWeek.length, tickets.length]);
  const section: ReviewSection = {
    key: 'status',
    title: T.status,
    basis: T.statusBasis,
    table: { header: [T.status, ...T.statusCols], rows, formats: ['text', 'int', 'int'] },
    notes: [],
  };
  return section;
}
