// The runtime declares its services on its own (runtime/services/types.ts); the add-on declares
// what it needs (src/gas/services.ts). The assignments below are checked by `tsc --noEmit`
// (npm test runs it first): a service the add-on needs that the runtime lacks, or one typed
// differently, fails the type check. The jest part checks the live object has the same names.
import type { Services } from '../../src/gas/services';
import { LocalRuntime, type RuntimeServices } from '../../runtime';

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Compile-time: the runtime's services can be handed in wherever the add-on takes its Services …
const fits: (s: RuntimeServices) => Services = (s) => s;
// … and neither side has a service the other lacks.
const sameNames: Exactly<keyof RuntimeServices, keyof Services> = true;

describe("the runtime's services fit the add-on's seam", () => {
  it('has the services the add-on names, and no others', () => {
    const rt = new LocalRuntime({ bundle: false, now: Date.UTC(2024, 4, 8) });
    const handed: Services = fits(rt.services);
    const expected: Record<keyof Services, true> = {
      SpreadsheetApp: true,
      HtmlService: true,
      LockService: true,
      ScriptApp: true,
      PropertiesService: true,
      CacheService: true,
      Utilities: true,
      Session: true,
      MailApp: true,
    };
    expect(sameNames).toBe(true);
    expect(Object.keys(handed).sort()).toEqual(Object.keys(expected).sort());
  });
});
