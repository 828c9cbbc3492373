// What every section of the weekly review reads: the week as instants, the tickets and their
// status history, which tickets were created, resolved and open in the week, and the labels.
// Built once per review; each section (./sections/*) is a function of it, testable alone.
import type { Ticket } from '../ticket';
import type { Category, Lang, Rating, Status, Urgency } from '../schema';
import { RATING_VALUES, enumLabel } from '../schema';
import type { Zone } from '../zone';
import { formatLocal } from '../zone';
import type { ReviewInput, SlaOf, UrgencyKey } from './model';
import { DATA_TEXT, TEXT, type ReviewDataText, type ReviewText } from './text';
import { isOpenStatus, statusAt, statusHistory, type StatusEvent } from './history';
import { shiftIsoWeek, weekBounds, type IsoWeek } from './week';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface ReviewScope {
  input: ReviewInput;
  week: IsoWeek;
  zone: Zone;
  lang: Lang;
  now: number;
  T: ReviewText;
  /** Labels of the data sheet, pivots, trend and backlog list. */
  D: ReviewDataText;
  /** Tickets with an ID. */
  tickets: Ticket[];
  /** The week: Monday 00:00 local (inclusive) to the next Monday (exclusive). */
  start: number;
  end: number;
  /** The week's end, or now while the week is running: what "at week end" means. */
  asOf: number;
  prev: { start: number; end: number };
  prevAsOf: number;
  history: Map<string, StatusEvent[]>;
  /** A ticket's status events (a ticket of `tickets`), in time order. */
  eventsOf(t: Ticket): StatusEvent[] | undefined;
  /**
   * Positions in `tickets` of those with an instant in the week (submitted, first response,
   * resolved, response or resolution due), ascending: the sections that count what was done or
   * due in the week read these, not every ticket.
   */
  weekPositions: number[];
  createdInWeek: Ticket[];
  resolvedInWeek: Ticket[];
  /** The status at week end of each ticket in openAtEnd. */
  statusAtEnd: Map<Ticket, Status | null>;
  openAtEnd: Ticket[];
  catLabel(c: Category | null): string;
  urgLabel(u: Urgency | null): string;
  statusLabel(s: Status | null): string;
  ratingLabel(r: Rating): string;
  /** `yyyy-MM-dd HH:mm` in the zone, '' for none. */
  fmt(ms: number | null): string;
  urgKey(u: Urgency | null): UrgencyKey;
  /** The SLA states of `tickets[i]` (input.sla, asked once per ticket: the sections, trend and data rows share it). */
  slaAt(i: number): SlaOf;
}

export function reviewScope(input: ReviewInput): ReviewScope {
  const { week, zone, lang, now } = input;
  const T = TEXT[lang] ?? TEXT.zh;
  const D = DATA_TEXT[lang] ?? DATA_TEXT.zh;
  const tickets = input.tickets.filter((t) => t && String(t.id ?? '').trim() !== '');
  const { start, end } = weekBounds(week, zone);
  const prev = weekBounds(shiftIsoWeek(week, -1), zone);
  const asOf = Math.min(end, now);
  const prevAsOf = Math.min(prev.end, now);
  const history = statusHistory(input.audit);
  // Each ticket's events found by its ID once; the sections then ask by ticket, from a map holding
  // only the tickets that have events (none for a sheet adopted without its history).
  const byTicket = new Map<Ticket, StatusEvent[]>();
  if (history.size)
    for (let i = 0; i < tickets.length; i++) {
      const events = history.get(String(tickets[i].id).trim());
      if (events) byTicket.set(tickets[i], events);
    }
  const eventsOf = (t: Ticket): StatusEvent[] | undefined =>
    byTicket.size === 0 ? undefined : byTicket.get(t);
  const weekPositions: number[] = [];
  const createdInWeek: Ticket[] = [];
  const resolvedInWeek: Ticket[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i];
    const created = inRange(t.submittedAt, start, end);
    const resolved = inRange(t.resolvedAt, start, end);
    if (created) createdInWeek.push(t);
    if (resolved) resolvedInWeek.push(t);
    if (
      created ||
      resolved ||
      inRange(t.firstResponseAt, start, end) ||
      inRange(t.responseDueAt, start, end) ||
      inRange(t.resolveDueAt, start, end)
    )
      weekPositions.push(i);
  }
  // Kept for the open tickets only (the lists that show it): not a map entry per ticket.
  const statusAtEnd = new Map<Ticket, Status | null>();
  const openAtEnd: Ticket[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i];
    const s = statusAt(t, asOf, eventsOf(t));
    if (!isOpenStatus(s)) continue;
    statusAtEnd.set(t, s);
    openAtEnd.push(t);
  }
  // By position in `tickets`, not a map keyed by ticket: asked of every ticket by several sections.
  const slaCache: (SlaOf | undefined)[] = new Array(tickets.length);
  const slaAt = (i: number): SlaOf => {
    let v = slaCache[i];
    if (!v) {
      const r = input.sla(tickets[i]);
      // The answer as given when it has both fields (the add-on's always does): no copy per ticket.
      v =
        r && r.response !== undefined && r.resolution !== undefined
          ? r
          : { response: r?.response ?? null, resolution: r?.resolution ?? null };
      slaCache[i] = v;
    }
    return v;
  };
  return {
    input,
    week,
    zone,
    lang,
    now,
    T,
    D,
    tickets,
    start,
    end,
    asOf,
    prev,
    prevAsOf,
    history,
    eventsOf,
    weekPositions,
    createdInWeek,
    resolvedInWeek,
    statusAtEnd,
    openAtEnd,
    catLabel: (c) => (c ? enumLabel('category', c, lang) : T.unset),
    urgLabel: (u) => (u ? enumLabel('urgency', u, lang) : T.unset),
    statusLabel: (s) => (s ? enumLabel('status', s, lang) : T.unset),
    ratingLabel: (r) => RATING_VALUES.find((v) => v.code === r)![lang],
    fmt: (ms) => (ms === null ? '' : formatLocal(ms, zone, 'minute')),
    urgKey: (u) => u ?? 'unset',
    slaAt,
  };
}

export const inRange = (v: number | null, start: number, end: number): boolean =>
  v !== null && v >= start && v < end;

export function emptyByUrgency<T>(make: () => T): Record<UrgencyKey, T> {
  return { high: make(), medium: make(), low: make(), unset: make(), all: make() };
}

/** Map entries sorted by the numeric keys (descending, in order), then by name. */
export function sortedEntries<T>(m: Map<string, T>, keys: (v: T) => number[]): [string, T][] {
  return Array.from(m.entries()).sort((a, b) => {
    const ka = keys(a[1]);
    const kb = keys(b[1]);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  });
}

export const percentText = (r: number | null): string => (r === null ? '–' : `${Math.round(r * 1000) / 10}%`);
