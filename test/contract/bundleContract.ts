// Checks a built Code.js the way Apps Script will load it: one global scope, ES2019 script syntax,
// no Node globals, and no service touched while the file evaluates.
import * as acorn from 'acorn';
import vm from 'node:vm';

export const SERVICE_NAMES = [
  'SpreadsheetApp', 'HtmlService', 'LockService', 'ScriptApp', 'PropertiesService', 'CacheService',
  'Utilities', 'Session', 'MailApp', 'Logger', 'UrlFetchApp', 'DriveApp', 'CardService',
];

export interface ContractResult {
  problems: string[];
  globals: string[];
  serviceTouches: string[];
}

/** A service whose every member access is recorded (and throws), so top-level use cannot hide. */
function trap(name: string, touches: string[]): unknown {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        touches.push(`${name}.${String(prop)}`);
        throw new Error(`service touched at load time: ${name}.${String(prop)}`);
      },
    },
  );
}

export function checkBundle(code: string, expectedEntryPoints: readonly string[]): ContractResult {
  const problems: string[] = [];
  try {
    acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' });
  } catch (e) {
    problems.push(`not ES2019 script syntax: ${(e as Error).message}`);
  }
  const touches: string[] = [];
  const sandbox: Record<string, unknown> = {};
  for (const s of SERVICE_NAMES) sandbox[s] = trap(s, touches);
  const context = vm.createContext(sandbox);
  const before = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[]);
  try {
    vm.runInContext(code, context, { filename: 'Code.js' });
  } catch (e) {
    problems.push(`evaluating Code.js failed: ${(e as Error).message}`);
  }
  if (touches.length) problems.push(`services used at top level: ${touches.join(', ')}`);
  const names = (vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[]).filter((n) => !before.has(n));
  const globals = names.filter((n) => typeof context[n] === 'function').sort();
  const expected = [...expectedEntryPoints].sort();
  const extra = globals.filter((g) => !expected.includes(g));
  const missing = expected.filter((g) => !globals.includes(g));
  if (extra.length) problems.push(`functions that are not entry points: ${extra.join(', ')}`);
  if (missing.length) problems.push(`entry points missing: ${missing.join(', ')}`);
  return { problems, globals, serviceTouches: touches };
}
