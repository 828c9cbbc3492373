// The waiting section (src/domain/review/sections/waiting.ts) on its own (issue 18): per kind, the
// tickets that waited during the week and the working hours they waited within it; tickets still
// waiting at its end. Absent when no ticket ever waited.
import { waitingSection } from '../../../../src/domain/review/sections/waiting';
import { formatWaitSegment, type WaitState } from '../../../../src/domain/waiting';
import { recordOf } from '../../../../src/domain/record';
import type { Ticket } from '../../../../src/domain/ticket';
import { at, scopeOf, tk } from '../helpers';

/** A ticket whose record holds a waiting history (how the tracker keeps it: domain/waiting.ts). */
function waited(id: string, w: WaitState, x: Partial<Ticket> = {}): Ticket {
  const t = tk(id, { submittedAt: at('04-20 09:00'), status: 'inProgress', ...x });
  return { ...t, record: recordOf(t, formatWaitSegment(w)) };
}

const TICKETS = [
  // Requester 05-07 10:00–14:00 (4 h); vendor 05-02 10:00 – 05-06 02:00 (2 h of it in W19).
  waited('W1', {
    current: null,
    periods: [
      { kind: 'vendor', from: at('05-02 10:00'), to: at('05-06 02:00') },
      { kind: 'requester', from: at('05-07 10:00'), to: at('05-07 14:00') },
    ],
  }),
  // On a vendor since Friday 05-10 12:00, still at week end (05-13 00:00): 60 h.
  waited('W2', { current: { kind: 'vendor', since: at('05-10 12:00'), liaison: '王经理' }, periods: [] }),
  // Waited only the week before: not in the week's figures.
  waited('W3', { current: null, periods: [{ kind: 'requester', from: at('04-30 10:00'), to: at('05-01 10:00') }] }),
  tk('N1', { submittedAt: at('05-07 09:00'), status: 'pending' }),
];

describe('waitingSection', () => {
  it('tickets and hours per kind within the week, and those waiting at its end', () => {
    const scope = scopeOf(TICKETS);
    const { T } = scope;
    const { figure, section } = waitingSection(scope);
    expect(figure).toEqual({ requester: { tickets: 1, hours: 4 }, vendor: { tickets: 2, hours: 62 }, atEnd: 1 });
    expect(section?.table.rows).toEqual([
      [T.waitingKinds[0], 1, 4],
      [T.waitingKinds[1], 2, 62],
      [T.waitingAtEnd, 1, null],
    ]);
  });

  it('working hours as the calendar counts them, rounded to 2 decimals', () => {
    const { figure } = waitingSection(scopeOf(TICKETS.slice(0, 1), { workingMs: (a, b) => (b - a) / 3 }));
    expect(figure?.requester.hours).toBe(1.33);
    expect(figure?.vendor.hours).toBe(0.67);
  });

  it('a week not over yet counts up to now', () => {
    const { figure } = waitingSection(scopeOf(TICKETS, { now: at('05-10 18:00') }));
    expect(figure).toEqual({ requester: { tickets: 1, hours: 4 }, vendor: { tickets: 2, hours: 8 }, atEnd: 1 });
  });

  it('a tracker where no ticket ever waited has no waiting section', () => {
    expect(waitingSection(scopeOf([tk('N1', { submittedAt: at('05-07 09:00') })]))).toEqual({ section: null, figure: null });
  });

  it('a record of another row (a copied line) is no wait', () => {
    const copy = { ...TICKETS[1], id: 'W9' };
    expect(waitingSection(scopeOf([copy]))).toEqual({ section: null, figure: null });
  });
});
