// Chart series: tickets created by category, satisfaction ratings, created and resolved per day.
import type { Category, Rating } from '../../schema';
import { fromDayNumber, toLocal } from '../../zone';
import type { Cell, ReviewChart } from '../model';
import { CATEGORIES, RATINGS } from '../text';
import type { ReviewScope } from '../scope';
import { mondayNumber } from '../week';

export function reviewCharts(scope: ReviewScope, ratings: Record<Rating, number>): ReviewChart[] {
  const { T, week, zone, createdInWeek, resolvedInWeek, catLabel, ratingLabel } = scope;
  const charts: ReviewChart[] = [];
  const cats: (Category | null)[] = [...CATEGORIES];
  if (createdInWeek.some((t) => t.category === null)) cats.push(null);
  charts.push({
    key: 'byCategory',
    title: T.chartCategory,
    kind: 'column',
    basis: T.basisCreated,
    table: {
      header: T.chartCategoryCols,
      rows: cats.map((c) => [catLabel(c), createdInWeek.filter((t) => t.category === c).length]),
      formats: ['text', 'int'],
    },
  });
  charts.push({
    key: 'satisfaction',
    title: T.chartSatisfaction,
    kind: 'pie',
    basis: T.satisfactionBasis,
    table: {
      header: T.chartSatisfactionCols,
      rows: RATINGS.map((r) => [ratingLabel(r), ratings[r]]),
      formats: ['text', 'int'],
    },
  });
  const monday = mondayNumber(week);
  const perDay = (v: number | null): number => (v === null ? -1 : toLocal(v, zone).weekday - 1);
  const rows: Cell[][] = T.weekdays.map((name, i) => {
    const d = fromDayNumber(monday + i);
    return [
      `${name} ${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
      createdInWeek.filter((t) => perDay(t.submittedAt) === i).length,
      resolvedInWeek.filter((t) => perDay(t.resolvedAt) === i).length,
    ];
  });
  charts.push({
    key: 'createdResolvedByDay',
    title: T.chartByDay,
    kind: 'column',
    basis: T.chartByDayBasis,
    table: { header: T.chartByDayCols, rows, formats: ['text', 'int', 'int'] },
  });
  return charts;
}
