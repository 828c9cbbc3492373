// Who is acting (src/app/tracker.ts actingEmail): Google may refuse to say, which reads as nobody
// named; a defect in the code around it is not taken for a refusal (issue 21: narrowed catches).
import { actingEmail } from '../../src/app/tracker';
import type { Services } from '../../src/gas/services';

const withSession = (session: unknown): Services => ({ Session: session }) as unknown as Services;
const user = (email: string) => ({ getEmail: () => email });

describe('actingEmail', () => {
  it('names the active user, or in a sidebar the effective user when the active one is hidden', () => {
    expect(actingEmail(withSession({ getActiveUser: () => user('a@x.test'), getEffectiveUser: () => user('b@x.test') }), 'user')).toBe('a@x.test');
    expect(actingEmail(withSession({ getActiveUser: () => user(''), getEffectiveUser: () => user('b@x.test') }), 'user')).toBe('b@x.test');
    expect(actingEmail(withSession({ getActiveUser: () => user(''), getEffectiveUser: () => user('b@x.test') }), 'triggerOwner')).toBe('');
  });

  it('Google refusing to say (no authorisation in this context) reads as nobody named', () => {
    const refusing = {
      getActiveUser: () => {
        throw new Error('Exception: You do not have permission to call Session.getActiveUser.');
      },
    };
    expect(actingEmail(withSession(refusing), 'user')).toBe('');
  });

  it('a defect (a TypeError) is not taken for a refusal: it surfaces', () => {
    expect(() => actingEmail(withSession({ getActiveUser: () => undefined }), 'user')).toThrow(TypeError);
  });
});
