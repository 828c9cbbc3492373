// What each entry point returns (src/entry.ts), for tests that call the built bundle through the
// local runtime: `rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer')`. The runtime cannot know these
// types (it must not import src/, issue 21), so the tests name them; they are the very types the
// add-on's code declares, so a changed result shape fails the typecheck of the tests that read it.
import type * as Entry from '../src/entry';

type Entries = typeof Entry;
export type EntryName = { [K in keyof Entries]: Entries[K] extends (...args: never[]) => unknown ? K : never }[keyof Entries];
export type EntryResult<K extends EntryName> = ReturnType<Entries[K]>;

/** A result that succeeded, narrowed to its `ok: true` shape; anything else fails the test, showing it. */
export function okOf<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok: true, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/** A result that failed, narrowed to its `ok: false` shape; a success fails the test, showing it. */
export function failOf<T extends { ok: boolean }>(r: T): Extract<T, { ok: false }> {
  if (r.ok) throw new Error(`expected ok: false, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: false }>;
}

/** The member of a result union that has `key` (the archive's run, not a cancelled confirmation); else the test fails. */
export function withKey<T extends object, K extends string>(r: T, key: K): Extract<T, { [P in K]: unknown }> {
  if (!(key in r)) throw new Error(`expected a result with ${key}, got ${JSON.stringify(r)}`);
  return r as Extract<T, { [P in K]: unknown }>;
}
