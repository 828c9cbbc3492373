// The satisfaction sections (src/domain/review/sections/satisfaction.ts) on their own: ratings of the
// tickets resolved in the week, "no answer" (auto-closed) counted apart, and the unsatisfied list,
// which includes tickets reopened in the week by a "no" answer.
import { satisfactionSections } from '../../../../src/domain/review/sections/satisfaction';
import { at, scopeOf, statusChange, tk } from '../helpers';

const TICKETS = [
  tk('S1', { submittedAt: at('05-06 09:00'), resolvedAt: at('05-06 12:00'), status: 'closed', feedback: 'yes:satisfied' }),
  tk('S2', { title: 'Slow PC', assignee: '张工', submittedAt: at('05-07 09:00'), resolvedAt: at('05-08 12:00'), status: 'closed', feedback: 'yes:unsatisfied' }),
  // Closed by itself, nobody answered (issue 18): not a rating.
  tk('S3', { submittedAt: at('05-07 09:00'), resolvedAt: at('05-07 12:00'), status: 'closed', feedback: 'none' }),
  // Resolved, no answer yet.
  tk('S4', { submittedAt: at('05-08 09:00'), resolvedAt: at('05-09 12:00'), status: 'resolved' }),
  // Answered "no" in the week: reopened, Resolved at cleared.
  tk('S5', { title: 'Mail', submittedAt: at('05-01 09:00'), status: 'inProgress', feedback: 'no:basic' }),
  // Resolved the week before.
  tk('S6', { submittedAt: at('05-01 09:00'), resolvedAt: at('05-02 12:00'), status: 'closed', feedback: 'yes:basic' }),
];
const AUDIT = [statusChange('S5', '05-03 10:00', 'In progress', 'Resolved'), statusChange('S5', '05-08 10:00', 'Resolved', 'In progress')];

describe('satisfactionSections', () => {
  it('counts ratings of the week’s resolved tickets, "no answer" apart, and lists the unsatisfied', () => {
    const scope = scopeOf(TICKETS, { audit: AUDIT });
    const { T } = scope;
    const { figure, sections } = satisfactionSections(scope);
    // Resolved in W19: S1–S4; with a rating: S1, S2.
    expect(figure).toEqual({
      resolved: 4,
      withFeedback: 2,
      responseRate: 0.5,
      ratings: { satisfied: 1, basic: 0, unsatisfied: 1 },
      yes: 2,
      no: 0,
      noAnswer: 1,
      unsatisfiedIds: ['S2', 'S5'],
    });
    const [table, list] = sections;
    expect(table.table.rows).toEqual([
      ['Satisfied', 1, 0, 1],
      ['Basically satisfied', 0, 0, 0],
      ['Unsatisfied', 1, 0, 1],
      [T.total, 2, 0, 2],
    ]);
    expect(table.notes).toEqual([T.responseRate(2, 4, '50%'), T.noAnswer(1)]);
    // S2 by its Resolved at; S5 (no Resolved at any more) last.
    expect(list.table.rows).toEqual([
      ['S2', 'Slow PC', '张工', 'Yes; Unsatisfied', '2024-05-08 12:00'],
      ['S5', 'Mail', T.unassigned, 'No; Basically satisfied', ''],
    ]);
  });

  it('a "no" answer on a ticket still resolved in the week counts as a no', () => {
    const scope = scopeOf([tk('N1', { submittedAt: at('05-06 09:00'), resolvedAt: at('05-07 09:00'), status: 'resolved', feedback: 'no:satisfied' })]);
    const { figure, sections } = satisfactionSections(scope);
    expect([figure.yes, figure.no, figure.ratings.satisfied, figure.unsatisfiedIds]).toEqual([0, 1, 1, ['N1']]);
    expect(sections[0].table.rows[0]).toEqual(['Satisfied', 0, 1, 1]);
  });

  it('a reopening outside the week does not list the ticket', () => {
    const { figure } = satisfactionSections(scopeOf(TICKETS, { audit: AUDIT.slice(0, 1) }));
    expect(figure.unsatisfiedIds).toEqual(['S2']);
  });

  it('an empty week: no response rate, no "no answer" note, nobody unsatisfied', () => {
    const scope = scopeOf([]);
    const { T } = scope;
    const { figure, sections } = satisfactionSections(scope);
    expect([figure.resolved, figure.withFeedback, figure.responseRate, figure.noAnswer]).toEqual([0, 0, null, 0]);
    expect(sections[0].notes).toEqual([T.responseRate(0, 0, '–')]);
    expect([sections[1].table.rows, sections[1].notes]).toEqual([[], [T.none]]);
  });
});
