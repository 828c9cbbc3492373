// Shared by the review tests (test/domain/review.test.ts, review/*.test.ts, review/sections/*.test.ts):
// times in Asia/Shanghai written as people read them, the zones and the week most cases use, and a
// section's scope built from a few hand-made tickets.
import { intlZone } from '../../../src/domain/zone';
import { blankTicket, type AuditEntry, type Ticket } from '../../../src/domain/ticket';
import type { ReviewInput } from '../../../src/domain/review/model';
import { reviewScope, type ReviewScope } from '../../../src/domain/review/scope';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const SH = intlZone('Asia/Shanghai');
export const LONDON = intlZone('Europe/London');
export const W19 = { year: 2024, week: 19 }; // Mon 2024-05-06 – Sun 05-12

/** 'MM-DD HH:mm' in 2024, or 'YYYY-MM-DD HH:mm', Asia/Shanghai (UTC+8, no DST). */
export function at(s: string): number {
  const [d, t] = s.split(' ');
  const parts = d.split('-').map(Number);
  const [y, M, D] = parts.length === 3 ? parts : [2024, ...parts];
  const [h, m] = t.split(':').map(Number);
  return Date.UTC(y, M - 1, D, h - 8, m);
}

/** A ticket with every field empty but its ID (also its title) and what the case sets. */
export function tk(id: string, x: Partial<Ticket> = {}): Ticket {
  return { ...blankTicket(), id, title: id, ...x };
}

/** A status change in the audit log, as the sidebar writes it (values in the sheet's words). */
export function statusChange(ticketId: string, when: string, oldValue: string, newValue: string): AuditEntry {
  return { at: at(when), user: 'a@example.com', ticketId, field: 'status', oldValue, newValue, via: 'sidebar' };
}

/** When the cases build the review: Monday 05-13 09:30, after W19 ended. */
export const AFTER_W19 = at('05-13 09:30');

/**
 * The scope one section reads (src/domain/review/scope.ts), for W19 in Asia/Shanghai, in English,
 * built Monday after the week; working time is wall time and no ticket has an SLA state, unless a
 * case says otherwise.
 */
export function scopeOf(tickets: Ticket[], x: Partial<ReviewInput> = {}): ReviewScope {
  return reviewScope({
    week: W19,
    zone: SH,
    tickets,
    audit: [],
    now: AFTER_W19,
    workingMs: (a, b) => b - a,
    sla: () => ({ response: null, resolution: null }),
    knowledge: [],
    lang: 'en',
    ...x,
  });
}
