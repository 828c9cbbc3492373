// Tickets created in the week by category × urgency.
import type { Category, Urgency } from '../../schema';
import type { Cell, CellFormat, ReviewSection } from '../model';
import { CATEGORIES, URGENCIES } from '../text';
import type { ReviewScope } from '../scope';

export function categoryUrgencySection(scope: ReviewScope): ReviewSection {
  const { T, createdInWeek, catLabel, urgLabel } = scope;
  const cats: (Category | null)[] = [...CATEGORIES];
  if (createdInWeek.some((t) => t.category === null)) cats.push(null);
  const urgs: (Urgency | null)[] = [...URGENCIES];
  if (createdInWeek.some((t) => t.urgency === null)) urgs.push(null);
  const count = (c: Category | null | undefined, u: Urgency | null | undefined): number =>
    createdInWeek.filter((t) => (c === undefined || t.category === c) && (u === undefined || t.urgency === u))
      .length;
  const rows: Cell[][] = cats.map((c) => [catLabel(c), ...urgs.map((u) => count(c, u)), count(c, undefined)]);
  rows.push([T.total, ...urgs.map((u) => count(undefined, u)), createdInWeek.length]);
  const section: ReviewSection = {
    key: 'categoryUrgency',
    title: T.categoryUrgency,
    basis: T.basisCreated,
    table: {
      header: [`${T.category} \\ ${T.urgency}`, ...urgs.map(urgLabel), T.total],
      rows,
      formats: ['text', ...urgs.map((): CellFormat => 'int'), 'int'],
    },
    notes: [],
  };
  return section;
}
