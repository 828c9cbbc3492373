// Shared by the SLA tests: the default calendar and policy in Asia/Shanghai, local times written as
// people read them, and a ticket with defaults.
import { defaultCalendar } from '../../../src/domain/calendar';
import { defaultPolicy, type SlaTicket } from '../../../src/domain/sla';
import { formatLocal, fromLocal, intlZone } from '../../../src/domain/zone';

export const MIN = 60_000;
export const zone = intlZone('Asia/Shanghai');
export const cal = defaultCalendar(zone);
export const policy = defaultPolicy();

/** Local `yyyy-MM-dd HH:mm` in Shanghai. 2024-05-15 is a Wednesday. */
export function at(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new Error(s);
  return fromLocal({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] }, zone);
}
export const show = (ms: number | null): string | null =>
  ms === null ? null : formatLocal(ms, zone, 'minute');

export function ticket(p: Partial<SlaTicket> = {}): SlaTicket {
  return {
    urgency: 'medium',
    submittedAt: at('2024-05-15 10:00'),
    status: 'pending',
    tier: 'tier1',
    firstResponseAt: null,
    resolvedAt: null,
    lastUpdateAt: null,
    slaStatus: '',
    ...p,
  };
}
