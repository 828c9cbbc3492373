// Per department: created and resolved in the week, open at week end.
import type { Ticket } from '../../ticket';
import type { Cell, ReviewSection } from '../model';
import { sortedEntries, type ReviewScope } from '../scope';

export function departmentSection(scope: ReviewScope): ReviewSection {
  const { T, createdInWeek, resolvedInWeek, openAtEnd } = scope;
  const m = new Map<string, { created: number; resolved: number; open: number }>();
  const get = (t: Ticket) => {
    const k = String(t.department ?? '').trim() || T.unset;
    let v = m.get(k);
    if (!v) m.set(k, (v = { created: 0, resolved: 0, open: 0 }));
    return v;
  };
  for (const t of createdInWeek) get(t).created++;
  for (const t of resolvedInWeek) get(t).resolved++;
  for (const t of openAtEnd) get(t).open++;
  const rows: Cell[][] = sortedEntries(m, (v) => [v.created, v.open, v.resolved]).map(([k, v]) => [
    k,
    v.created,
    v.resolved,
    v.open,
  ]);
  rows.push([T.total, createdInWeek.length, resolvedInWeek.length, openAtEnd.length]);
  const section: ReviewSection = {
    key: 'department',
    title: T.department,
    basis: T.departmentBasis,
    table: { header: [T.department, ...T.departmentCols], rows, formats: ['text', 'int', 'int', 'int'] },
    notes: [],
  };
  return section;
}
