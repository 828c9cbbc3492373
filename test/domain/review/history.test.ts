// Status history (src/domain/review/history.ts statusAt), issue 23: an adopted team's tickets have
// no status changes in the audit log, only their own created / resolved dates and statuses. A past
// week's review counts them from those: closed and resolved in the week of Resolved at, open at week
// end until then. A closed row without Resolved at (how adoption leaves cancelled / on-hold rows) is
// not counted as closed in any week. Tickets that do have status changes in the log keep counting by
// the log.
import { buildReview, type SlaOf } from '../../../src/domain/review';
import { intlZone } from '../../../src/domain/zone';
import { blankTicket, type AuditEntry, type Ticket } from '../../../src/domain/ticket';
import type { Status } from '../../../src/domain/schema';

const SH = intlZone('Asia/Shanghai');
const at = (s: string): number => Date.parse(`${s}+08:00`);

const t = (id: string, submitted: string, status: Status, resolved: string | null, extra: Partial<Ticket> = {}): Ticket => ({
  ...blankTicket(),
  id,
  title: id,
  urgency: 'high',
  submittedAt: at(submitted),
  resolvedAt: resolved ? at(resolved) : null,
  status,
  ...extra,
});

// W18 is Mon 2024-04-29 – Sun 05-05; W17 the week before.
const TICKETS: Ticket[] = [
  t('A1', '2024-04-24T09:00:00', 'closed', '2024-04-30T10:00:00'), // closed W18 (team's date)
  t('A2', '2024-04-29T10:00:00', 'closed', '2024-04-29T15:00:00'), // closed W18
  t('A3', '2024-04-22T10:00:00', 'closed', '2024-04-25T10:00:00'), // closed W17
  t('A4', '2024-04-30T10:00:00', 'resolved', '2024-05-02T10:00:00'), // resolved W18, not closed
  t('A5', '2024-04-23T10:00:00', 'closed', null, { lastUpdateAt: at('2024-05-03T10:00:00') }), // closed, no Resolved at: not in the closed count; open until Last updated
  t('A6', '2024-04-30T10:00:00', 'closed', '2024-05-08T10:00:00'), // closed W19: open at W18's end
  t('A7', '2024-04-30T10:00:00', 'inProgress', null), // open
  // A ticket of ours: its status changes are in the log, which says closed in W17, whatever its dates say.
  t('N1', '2024-04-22T10:00:00', 'closed', '2024-04-30T10:00:00'),
];
const AUDIT: AuditEntry[] = [
  { at: at('2024-04-23T10:00:00'), user: 'a@x', ticketId: 'N1', field: 'status', oldValue: '处理中', newValue: '已关闭', via: 'sidebar' },
];

function review(sla: (t: Ticket) => SlaOf = () => ({ response: null, resolution: null })) {
  return buildReview({
    week: { year: 2024, week: 18 },
    zone: SH,
    tickets: TICKETS,
    audit: AUDIT,
    now: at('2024-05-15T11:00:00'),
    lang: 'en',
    knowledge: [],
    workingMs: (a, b) => Math.max(0, b - a),
    sla,
  });
}

describe('a past week from an adopted team’s own dates and statuses', () => {
  test('closed, resolved and the backlog come from the team’s Resolved at when the log has no status change', () => {
    const r = review();
    // closed W18: A1 A2 (N1 closed in W17 by the log, not by its Resolved at); W17: A3 N1
    // resolved W18: A1 A2 A4 N1 (Resolved at); W17: A3
    // backlog at W18's end: A6 A7; at W17's end: A1 A5 (N1 closed by the log)
    expect(r.figures.counts).toMatchObject({ created: 4, resolved: 4, closed: 2, backlog: 2 });
    expect(r.figures.previous).toMatchObject({ created: 4, resolved: 1, closed: 2, backlog: 2 });
    const summary = r.sections.find((s) => s.key === 'summary')!;
    expect(summary.table.rows.find((row) => row[0] === 'Closed')?.slice(1, 3)).toEqual([2, 2]);
  });

  test('the SLA figures count the team’s tickets in the week they were resolved', () => {
    const r = review((x) => ({ response: 'met', resolution: x.id === 'A2' ? 'missed' : 'met' }));
    // resolution done in W18: A1 A2 A4 N1 (no due dates); A2 missed
    expect(r.figures.sla.resolution.all).toMatchObject({ inScope: 4, met: 3, missed: 1 });
    // response: a resolved/closed ticket without a response stamp responded when resolved
    expect(r.figures.sla.response.all).toMatchObject({ inScope: 4, met: 4 });
  });
});
