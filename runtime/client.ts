// What crosses google.script.run (developers.google.com/apps-script/guides/html/reference/run#myFunction):
// "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as
// JavaScript objects and arrays that are composed of primitives, objects, and arrays … Requests
// fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited
// type, including prohibited types inside objects or arrays. Objects that create circular
// references will also fail, and undefined fields within arrays become null."
// Return values: the same rules apply; a return value holding a Date reaches the success handler as
// `null` (widely reported, e.g. tanaikech's google.script.run value report; VERIFY). The runtime
// models that: any Date anywhere in the result turns the whole result into null.
import { isDate } from './context';

/** The failure Google's client reports for an illegal argument (wording as reported; VERIFY). */
export class IllegalValueError extends Error {
  constructor(property: string) {
    super(`Failed due to illegal value in property: ${property}`);
    this.name = 'IllegalValueError';
  }
}

const isPlainObject = (v: object) => {
  const p = Object.getPrototypeOf(v);
  return p === null || Object.getPrototypeOf(p) === null; // Object.prototype of any realm
};

/** Copies client arguments the way google.script.run serialises them, or throws IllegalValueError. */
export function marshalArgs(args: unknown[]): unknown[] {
  const seen = new Set<object>();
  const walk = (v: unknown, prop: string): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (v === undefined) return undefined;
    if (typeof v !== 'object' || isDate(v)) throw new IllegalValueError(prop);
    if (seen.has(v)) throw new IllegalValueError(prop);
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((x, i) => (x === undefined ? null : walk(x, String(i))));
      if (!isPlainObject(v)) throw new IllegalValueError(prop);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const c = walk(x, k);
        if (c !== undefined) out[k] = c;
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return args.map((a, i) => walk(a, String(i)));
}

function containsDate(v: unknown, seen = new Set<object>()): boolean {
  if (isDate(v)) return true;
  if (!v || typeof v !== 'object' || seen.has(v)) return false;
  seen.add(v);
  return Object.values(v).some((x) => containsDate(x, seen));
}

/** What the page's success handler receives. */
export function marshalResult(v: unknown): unknown {
  if (v === undefined) return null;
  if (containsDate(v)) return null;
  if (typeof v === 'function') return null;
  return JSON.parse(JSON.stringify(v) ?? 'null');
}
