// Event objects Google passes to trigger functions (developers.google.com/apps-script/guides/triggers/events).
// Time-driven fields are in UTC with `timezone: 'UTC'`, as in Google's documented example.

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface OpenEvent {
  authMode: AuthModeName;
  source: unknown;
  user: unknown;
  triggerUid?: string;
}

export interface EditEvent {
  authMode: AuthModeName;
  range: unknown;
  source: unknown;
  user: unknown;
  value?: unknown;
  /** Single-cell edits of a cell that had a value only. */
  oldValue?: unknown;
  triggerUid?: string;
}

export interface TimeEvent {
  authMode: AuthModeName;
  triggerUid: string;
  year: number;
  month: number;
  'day-of-month': number;
  /** 1 = Monday … 7 = Sunday. */
  'day-of-week': number;
  'week-of-year': number;
  hour: number;
  minute: number;
  second: number;
  timezone: string;
}

export function timeEvent(epochMs: number, triggerUid: string): TimeEvent {
  const d = new Date(epochMs);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: 'FULL',
    triggerUid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': ((d.getUTCDay() + 6) % 7) + 1,
    'week-of-year': Math.floor((epochMs - jan1) / (7 * 86_400_000)) + 1,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}
