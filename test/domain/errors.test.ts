// One coded error type: callers branch on `code`, which survives the trip out of the bundle's realm
// (an error thrown in the local runtime's vm context is no instance of the host's classes).
import * as vm from 'vm';
import { ERROR_CODES, TrackerError, errorCode } from '../../src/domain/errors';
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
