// The recurring-problems section (src/domain/review/sections/recurring.ts) on its own: the last four
// weeks' tickets grouped by similar titles (the grouping itself: ../recurring.test.ts), each group
// with its knowledge-base article or "needs an article".
import { recurringSection } from '../../../../src/domain/review/sections/recurring';
import type { KbEntry } from '../../../../src/domain/knowledge';
import { at, scopeOf, tk } from '../helpers';

// The window: W16 (Mon 04-15) to the end of W19 (Mon 05-13 00:00).
const TICKETS = [
  tk('P1', { title: 'printer cannot connect', category: 'hardware', submittedAt: at('04-16 10:00') }),
  tk('P2', { title: 'printer cannot connect', category: 'hardware', submittedAt: at('05-07 10:00') }),
  tk('P3', { title: 'printer cannot connect', category: 'hardware', submittedAt: at('05-09 10:00') }),
  // Before the window, and one of a kind, and untitled: none of them recurring.
  tk('P0', { title: 'printer cannot connect', category: 'hardware', submittedAt: at('04-14 23:59') }),
  tk('V1', { title: 'vpn drops every hour', category: 'network', submittedAt: at('05-08 10:00') }),
  tk('E1', { title: ' ', category: 'network', submittedAt: at('05-08 11:00') }),
  tk('E2', { title: ' ', category: 'network', submittedAt: at('05-08 12:00') }),
];
const KB: KbEntry[] = [
  { id: 'KB001', title: 'printer cannot connect', category: 'Hardware', description: 'printer offline', solution: 'restart the spooler', date: null },
];

describe('recurringSection', () => {
  it('one recurring problem over the window, linked to its article', () => {
    const scope = scopeOf(TICKETS, { knowledge: KB });
    const { T } = scope;
    const { recurring, windowStart, section } = recurringSection(scope);
    expect(windowStart).toBe(at('04-15 00:00'));
    expect(recurring.map((p) => [p.title, p.count, p.inWeek, p.ticketIds])).toEqual([['printer cannot connect', 3, 2, ['P1', 'P2', 'P3']]]);
    expect(section.table.rows).toEqual([[1, 'Hardware', 'printer cannot connect', 3, 2, 'P1, P2, P3', 'KB001', 'printer cannot connect']]);
    expect(section.notes).toEqual([T.recurringNote('2024-04-15', '2024-05-12')]);
  });

  it('without an article the row says one is needed', () => {
    const scope = scopeOf(TICKETS);
    const { section } = recurringSection(scope);
    expect(section.table.rows).toEqual([[1, 'Hardware', 'printer cannot connect', 3, 2, 'P1, P2, P3', scope.T.needsArticle, '']]);
  });

  it('the limit caps the list; nothing recurring leaves the note "none"', () => {
    expect(recurringSection(scopeOf(TICKETS, { recurringLimit: 0 })).recurring).toEqual([]);
    const scope = scopeOf(TICKETS.filter((t) => t.id !== 'P2' && t.id !== 'P3'));
    const { recurring, section } = recurringSection(scope);
    expect(recurring).toEqual([]);
    expect(section.notes).toEqual([scope.T.recurringNote('2024-04-15', '2024-05-12'), scope.T.none]);
  });
});
