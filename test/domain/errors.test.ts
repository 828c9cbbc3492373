// One coded error type: callers branch on `code`, which survives the trip out of the bundle's realm
// (an error thrown in the local runtime's vm context is no instance of the host's classes).
import * as vm from 'vm';
import { ERROR_CODES, TrackerError, errorCode, isDefect, rethrowDefect, rethrowUnless } from '../../src/domain/errors';
import { CalendarError } from '../../src/domain/calendar';
import { BusyError } from '../../src/gas/lock';
import { ConfigTooLargeError } from '../../src/gas/config';

describe('TrackerError', () => {
  it('carries its code and message', () => {
    const e = new TrackerError('notFound', 'Ticket IT1 was not found.');
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.message, e.name]).toEqual(['notFound', 'Ticket IT1 was not found.', 'TrackerError']);
    expect(errorCode(e)).toBe('notFound');
  });

  it('the named errors are coded ones', () => {
    expect(errorCode(new BusyError('busy now'))).toBe('busy');
    expect(new BusyError('x')).toBeInstanceOf(TrackerError);
    expect(errorCode(new CalendarError('no working time'))).toBe('noWorkingTime');
    expect(errorCode(new ConfigTooLargeError('too big'))).toBe('configTooLarge');
  });

  it('reads the code of an error from another realm, and of nothing else', () => {
    const foreign = vm.runInNewContext("const e = new Error('held'); e.code = 'busy'; e");
    expect(foreign instanceof Error).toBe(false);
    expect(errorCode(foreign)).toBe('busy');
    expect(errorCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeNull();
    expect(errorCode(new Error('busy'))).toBeNull();
    expect(errorCode('busy')).toBeNull();
    expect(errorCode(null)).toBeNull();
  });

  it('every code names itself', () => {
    for (const [k, v] of Object.entries(ERROR_CODES)) expect(k).toBe(v);
  });
});

describe('narrowed catches: a defect is rethrown, what a service or the data throws is not (issue 21)', () => {
  const thrown = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  const googleRefusal = new Error('Service error: Session');
  const typeError = thrown(() => (undefined as unknown as { x: number }).x);
  const referenceError = vm.runInNewContext('(() => { try { missingLocal; } catch (e) { return e; } })()');

  it('a TypeError or ReferenceError is a defect, from this realm or the bundle’s', () => {
    const foreignTypeError = vm.runInNewContext('(() => { try { null.x; } catch (e) { return e; } })()');
    expect(foreignTypeError instanceof TypeError).toBe(false);
    expect([typeError, foreignTypeError, referenceError].map(isDefect)).toEqual([true, true, true]);
    expect([googleRefusal, new SyntaxError('x'), new RangeError('x'), 'TypeError', null].map(isDefect)).toEqual([false, false, false, false, false]);
  });

  it('rethrowDefect rethrows a defect and lets a refusal through', () => {
    expect(() => rethrowDefect(typeError)).toThrow(TypeError);
    expect(() => rethrowDefect(referenceError)).toThrow(/missingLocal/);
    expect(() => rethrowDefect(googleRefusal)).not.toThrow();
  });

  it('rethrowUnless lets through only the named kind', () => {
    const bad = thrown(() => JSON.parse('{'));
    expect(() => rethrowUnless(bad, 'SyntaxError')).not.toThrow();
    expect(() => rethrowUnless(vm.runInNewContext("(() => { try { JSON.parse('{'); } catch (e) { return e; } })()"), 'SyntaxError')).not.toThrow();
    expect(() => rethrowUnless(thrown(() => decodeURIComponent('%')), 'URIError')).not.toThrow();
    expect(() => rethrowUnless(typeError, 'SyntaxError')).toThrow(TypeError);
    expect(() => rethrowUnless(googleRefusal, 'RangeError')).toThrow('Service error: Session');
  });
});
