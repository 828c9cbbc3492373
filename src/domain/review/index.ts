// The weekly review (`周报 2024-W19`): pure statistics over tickets and the audit log for one ISO
// week in the spreadsheet's time zone, returned as a plain structure (sections of 2-D tables plus
// notes, and chart series) that the sheet writer renders. Every figure says which date it counts by.
//
// Working time and SLA states come in as functions (the calendar and SLA engines live elsewhere),
// so this folder depends only on zone, schema, ticket, knowledge and stats. Layout:
//   week.ts      ISO weeks, their bounds, sheet names, when the scheduled build is due
//   model.ts     the review's input and output types
//   text.ts      zh/en labels
//   history.ts   status history from the audit log (what was open when)
//   scope.ts     what every section reads, built once per review
//   sections/    one module per section, each a function of the scope
//   recurring.ts grouping of similar tickets into recurring problems

import { formatIsoWeek, formatLocal } from '../zone';
import type { Review, ReviewInput } from './model';
import { reviewScope } from './scope';
import { reviewSheetName } from './week';
import { summarySection } from './sections/summary';
import { categoryUrgencySection } from './sections/categoryUrgency';
import { departmentSection } from './sections/department';
import { statusSection } from './sections/status';
import { assigneeSection } from './sections/assignee';
import { slaSection } from './sections/sla';
import { timesSection } from './sections/times';
import { backlogAgeSection } from './sections/backlogAge';
import { overdueSection } from './sections/overdue';
import { recurringSection } from './sections/recurring';
import { satisfactionSections } from './sections/satisfaction';
import { reviewCharts } from './sections/charts';
import { trendSection } from './sections/trend';
import { backlogListSection } from './sections/backlogList';
import { reviewData } from './data';
import { waitingSection } from './sections/waiting';

export * from './week';
export * from './model';
export { recurringProblems } from './recurring';
export { REVIEW_DATA_KEYS, type ReviewData, type ReviewDataKey } from './data';
export { TREND_WEEKS, type TrendWeek } from './sections/trend';

export function buildReview(input: ReviewInput): Review {
  const scope = reviewScope(input);
  const { week, zone, lang, now, T, start, end, asOf, fmt } = scope;
  const summary = summarySection(scope);
  const sla = slaSection(scope);
  const times = timesSection(scope);
  const age = backlogAgeSection(scope);
  const trend = trendSection(scope);
  const backlogList = backlogListSection(scope);
  const overdue = overdueSection(scope);
  const recurring = recurringSection(scope);
  const satisfaction = satisfactionSections(scope);
  const waiting = waitingSection(scope);
  const sections = [
    summary.section,
    trend.section,
    categoryUrgencySection(scope),
    departmentSection(scope),
    statusSection(scope),
    assigneeSection(scope),
    sla.section,
    times.section,
    age.section,
    backlogList.section,
    overdue.section,
    ...(waiting.section ? [waiting.section] : []),
    recurring.section,
    ...satisfaction.sections,
  ];
  const charts = reviewCharts(scope, satisfaction.figure.ratings);

  const weekLabel = formatIsoWeek(week);
  return {
    week: { year: week.year, week: week.week },
    weekLabel,
    sheetName: reviewSheetName(week, lang),
    lang,
    zone: zone.id,
    start,
    end,
    asOf,
    generatedAt: now,
    title: `${T.title} ${weekLabel}`,
    period: `${formatLocal(start, zone, 'date')} – ${formatLocal(end - 1, zone, 'date')} (${zone.id}); ${T.generated} ${fmt(now)}`,
    figures: {
      counts: summary.counts,
      previous: summary.previous,
      sla: sla.figure,
      times: times.figure,
      backlogAge: age.backlogAge,
      overdueIds: overdue.overdue.map((t) => t.id),
      recurring: recurring.recurring,
      recurringWindow: { start: recurring.windowStart, end },
      satisfaction: satisfaction.figure,
      ...(waiting.figure ? { waiting: waiting.figure } : {}),
    },
    sections,
    charts,
    trend: trend.weeks,
    data: reviewData(scope, recurring.recurring),
  };
}
