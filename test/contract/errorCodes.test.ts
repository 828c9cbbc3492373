// The sidebars' results carry a code (domain/errors.ts) the client branches on, never the
// translated message: refused input, a missing ticket, a concurrent change, a held lock.
import { FORM, holdTrackerLock, submit, trackerRuntime } from '../app/helpers';

describe('failed results carry their code', () => {
  it('submit: invalid input, busy lock', () => {
    const rt = trackerRuntime();
    expect(submit(rt, { ...FORM, title: '' })).toMatchObject({ ok: false, code: 'invalid' });
    holdTrackerLock(rt, rt.clock.now() + 60_000);
    expect(submit(rt)).toMatchObject({ ok: false, code: 'busy' });
  });

  it('ticket view and actions: not found, invalid, conflict', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt);
    expect(rt.callFromClient('getTicketView', 'IT19990101001').result).toMatchObject({
      ok: false,
      code: 'notFound',
    });
    expect(rt.callFromClient('getTicketView', 42).result).toMatchObject({ ok: false, code: 'invalid' });
    const view = rt.callFromClient('getTicketView', id).result as { version: string };
    expect(rt.callFromClient('applyTicketAction', id, 'resolve', {}, view.version).result).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(rt.callFromClient('applyTicketAction', id, 'accept', {}, view.version).result).toMatchObject({
      ok: true,
    });
    expect(
      rt.callFromClient('applyTicketAction', id, 'note', { text: 'x' }, view.version).result,
    ).toMatchObject({
      ok: false,
      code: 'conflict',
      conflict: true,
    });
  });
});
