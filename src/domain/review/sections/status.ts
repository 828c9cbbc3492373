// Current status of the tickets created in the week and of all tickets.
import type { Status } from '../../schema';
import type { Cell, ReviewSection } from '../model';
import { STATUSES } from '../text';
import type { ReviewScope } from '../scope';

export function statusSection(scope: ReviewScope): ReviewSection {
  const { T, tickets, createdInWeek, statusLabel } = scope;
  const statuses: (Status | null)[] = [...STATUSES];
  if (tickets.some((t) => t.status === null)) statuses.push(null);
  const rows: Cell[][] = statuses.map((s) => [
    statusLabel(s),
    createdInWeek.filter((t) => t.status === s).length,
    tickets.filter((t) => t.status === s).length,
  ]);
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
