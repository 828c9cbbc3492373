// Runs dist/Code.js the way Apps Script does: one global scope holding only the services and the
// language's own builtins (no require, process, module, Buffer, timers), a `Date` whose clock is the
// runtime's, and only top-level function declarations callable. Dates the runtime hands in are made
// by this realm's Date (`realm.newDate`) so `instanceof Date` holds inside the bundle.
import fs from 'node:fs';
import vm from 'node:vm';
import type { Realm } from './context';
import type { FunctionCtor } from './services/html';

export interface LoadedBundle {
  realm: Realm;
  /** Callable entry points: top-level functions not ending in `_` (private on Google). */
  entryPoints: string[];
  has(name: string): boolean;
  /** Calls an entry point (no accounting: the runtime wraps this). */
  invoke(name: string, args: unknown[]): unknown;
  /** Deep copy of JSON-safe data into the bundle's realm (arrays/objects of its own prototypes). */
  fromHost<T>(v: T): T;
  functionCtor: () => FunctionCtor;
  context: vm.Context;
}

/** Installed inside the context: a Date that reads the runtime clock, sharing the realm's prototype. */
const CLOCK_DATE = `(function (now) {
  var RealDate = Date;
  function ClockDate(a, b, c, d, e, f, g) {
    if (!new.target) return new RealDate(now()).toString();
    var n = arguments.length;
    var x = n === 0 ? new RealDate(now()) : n === 1 ? new RealDate(a) : new RealDate(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0);
    if (new.target !== ClockDate) Object.setPrototypeOf(x, new.target.prototype);
    return x;
  }
  Object.defineProperty(ClockDate, 'length', { value: 7 });
  ClockDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true, enumerable: false });
  ClockDate.now = function now_() { return now(); };
  ClockDate.parse = RealDate.parse;
  ClockDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true, enumerable: false });
  return function newDate(ms) { return new RealDate(ms); };
})`;

const FORBIDDEN = ['require', 'process', 'module', 'exports', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'fetch', 'global'];

export function loadBundle(code: string, globals: Record<string, unknown>, now: () => number, filename = 'Code.js'): LoadedBundle {
  const context = vm.createContext(Object.create(null), { name: 'apps-script', codeGeneration: { strings: true, wasm: false } });
  const newDate = vm.runInContext(CLOCK_DATE, context)(now) as (ms: number) => Date;
  for (const k of FORBIDDEN) vm.runInContext(`delete globalThis[${JSON.stringify(k)}]`, context);
  for (const [k, v] of Object.entries(globals)) {
    Object.defineProperty(context, k, { value: v, writable: true, configurable: true, enumerable: false });
  }
  const before = new Set(Object.getOwnPropertyNames(context));
  vm.runInContext(code, context, { filename });
  const entryPoints = Object.getOwnPropertyNames(context)
    .filter((k) => !before.has(k) && typeof (context as any)[k] === 'function' && !k.endsWith('_'))
    .sort();
  const ctxJSON = vm.runInContext('JSON', context) as JSON;
  return {
    realm: { newDate },
    entryPoints,
    context,
    has: (name) => entryPoints.includes(name),
    invoke(name, args) {
      if (!entryPoints.includes(name)) throw new Error(`Script function not found: ${name}`);
      return ((context as any)[name] as (...a: unknown[]) => unknown)(...args);
    },
    fromHost: <T>(v: T): T => (v === undefined ? v : (ctxJSON.parse(JSON.stringify(v)) as T)),
    functionCtor: () => vm.runInContext('Function', context) as FunctionCtor,
  };
}

export function loadBundleFile(file: string, globals: Record<string, unknown>, now: () => number): LoadedBundle {
  return loadBundle(fs.readFileSync(file, 'utf8'), globals, now, file);
}
