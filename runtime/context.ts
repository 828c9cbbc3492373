// What every emulated service shares: the call counter, the clock, the bundle's realm (so Dates
// handed to the bundle are its own `Date`, and `instanceof Date` holds there), the user, and the
// deployment mode.
import { Accounting } from './instrument';

export interface Realm {
  /** A Date of the bundle's realm (use for every Date returned to the bundle). */
  newDate(epochMs: number): Date;
}

/** Any realm's Date: `instanceof` fails across vm contexts. */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export interface Clock {
  now(): number;
  set(epochMs: number): void;
}

export function fixedClock(start = Date.now()): Clock {
  let t = start;
  return {
    now: () => t,
    set: (ms: number) => {
      t = ms;
    },
  };
}

export interface RuntimeContext {
  acct: Accounting;
  clock: Clock;
  realm: Realm;
  /** Active user's email ('' when Google would hide it). */
  user: { active: string; effective: string };
  /** Published editor add-on (hourly-at-most time triggers) vs a script bound to one sheet. */
  addonMode: boolean;
}

export function hostRealm(): Realm {
  return { newDate: (ms) => new Date(ms) };
}
