// LockService fidelity: reference/lock/lock and reference/lock/lock-service.
import { LockTable, LocalLockService, LOCK_TIMEOUT_MESSAGE } from '../../../runtime/services/lock';
import { testContext, T0 } from './helpers';

function setup(hasDocument = true) {
  const { ctx, executions } = testContext();
  const table = new LockTable(ctx, executions);
  const svc = new LocalLockService(ctx, table, executions, () => hasDocument);
  return { ctx, executions, table, svc };
}

describe('LockService', () => {
  // reference/lock/lock-service#getdocumentlock: "null if … the script is not bound to a document"
  test('getDocumentLock() is null without a document', () => {
    expect(setup(false).svc.getDocumentLock()).toBeNull();
    expect(setup(true).svc.getDocumentLock()).not.toBeNull();
  });

  // Each row: who holds the lock, for how long, the timeout asked; expected outcome and clock after.
  const rows: Array<{ ref: string; holdUntil?: number; timeout: number; method: 'tryLock' | 'waitLock'; ok: boolean; waited: number }> = [
    { ref: 'lock#trylocktimeoutinmillis (free)', timeout: 1000, method: 'tryLock', ok: true, waited: 0 },
    { ref: 'lock#trylocktimeoutinmillis (held 5 s, wait 10 s)', holdUntil: T0 + 5000, timeout: 10000, method: 'tryLock', ok: true, waited: 5000 },
    { ref: 'lock#trylocktimeoutinmillis (held 30 s, wait 10 s → false)', holdUntil: T0 + 30000, timeout: 10000, method: 'tryLock', ok: false, waited: 10000 },
    { ref: 'lock#waitlocktimeoutinmillis (held 2 s)', holdUntil: T0 + 2000, timeout: 10000, method: 'waitLock', ok: true, waited: 2000 },
    { ref: 'lock#waitlocktimeoutinmillis (held forever → throws)', holdUntil: Infinity, timeout: 10000, method: 'waitLock', ok: false, waited: 10000 },
  ];
  test.each(rows)('$ref', ({ holdUntil, timeout, method, ok, waited }) => {
    const { ctx, executions, table, svc } = setup();
    if (holdUntil !== undefined) table.holdDocumentLock(holdUntil);
    executions.run(() => {
      const lock = svc.getDocumentLock();
      if (method === 'tryLock') expect(lock.tryLock(timeout)).toBe(ok);
      else if (ok) lock.waitLock(timeout);
      else expect(() => lock.waitLock(timeout)).toThrow(LOCK_TIMEOUT_MESSAGE);
      expect(lock.hasLock()).toBe(ok);
    });
    expect(ctx.clock.now() - T0).toBe(waited);
  });

  test('tryLock(0) tries once without waiting; a negative or non-number timeout is refused (undocumented: the stricter answer)', () => {
    const { executions, svc } = setup();
    executions.run(() => {
      const l = svc.getScriptLock();
      for (const bad of [-1, NaN, '10' as unknown as number]) {
        expect(() => l.tryLock(bad)).toThrow(/timeoutInMillis/);
        expect(() => l.waitLock(bad)).toThrow(/timeoutInMillis/);
      }
      expect(l.hasLock()).toBe(false);
      expect(l.tryLock(0)).toBe(true);
      expect(l.releaseLock()).toBeUndefined();
    });
  });

  test('tryLock on a lock already held, and releaseLock without it, have no effect (lock#trylocktimeoutinmillis, lock#releaselock)', () => {
    const { executions, svc } = setup();
    executions.run(() => {
      const l = svc.getScriptLock();
      expect(l.releaseLock()).toBeUndefined(); // "no effect if the lock has not been acquired"
      expect(l.hasLock()).toBe(false); // "false if tryLock … or waitLock … were never called"
      expect(l.tryLock(1000)).toBe(true);
      expect(l.tryLock(1000)).toBe(true); // "no effect if the lock has already been acquired"
      expect(l.hasLock()).toBe(true);
      l.releaseLock();
      expect(l.hasLock()).toBe(false); // "… or if releaseLock() was called"
    });
  });

  test('released at the end of the execution; releaseLock frees it for the next one', () => {
    const { executions, svc } = setup();
    executions.run(() => expect(svc.getDocumentLock().tryLock(0)).toBe(true));
    executions.run(() => {
      const l = svc.getDocumentLock();
      expect(l.tryLock(0)).toBe(true);
      l.releaseLock();
      expect(l.hasLock()).toBe(false);
    });
  });

  test('an execution paused while holding the lock makes another time out (contention from an interleaved call)', () => {
    const { ctx, executions, svc } = setup();
    let inner: unknown;
    executions.run(() => {
      const l = svc.getDocumentLock();
      l.waitLock(1000);
      // Another execution runs while this one holds the lock.
      executions.run(() => {
        try {
          svc.getDocumentLock().waitLock(3000);
        } catch (e) {
          inner = (e as Error).message;
        }
      });
      expect(l.hasLock()).toBe(true);
    });
    expect(inner).toBe(LOCK_TIMEOUT_MESSAGE);
    expect(ctx.clock.now() - T0).toBe(3000);
  });

  test("interleave hook at 'lock' runs another execution before the lock is taken", () => {
    const { executions, svc } = setup();
    const order: string[] = [];
    executions.at('lock', () => executions.run(() => {
      svc.getDocumentLock().waitLock(1000);
      order.push('B holds');
    }));
    executions.run(() => {
      order.push('A asks');
      svc.getDocumentLock().waitLock(1000);
      order.push('A holds');
    });
    expect(order).toEqual(['A asks', 'B holds', 'A holds']);
  });

  test("interleave hook at 'locked' runs another execution while the lock is held: it times out", () => {
    const { ctx, executions, svc } = setup();
    const order: string[] = [];
    executions.at('locked', (info) => executions.run(() => {
      order.push(`B sees ${info.detail} held`);
      order.push(svc.getScriptLock().tryLock(2000) ? 'B holds' : 'B busy');
    }));
    executions.run(() => {
      expect(svc.getScriptLock().tryLock(1000)).toBe(true);
      order.push('A holds');
    });
    expect(order).toEqual(['B sees script held', 'B busy', 'A holds']);
    expect(ctx.clock.now() - T0).toBe(2000);
  });

  test('script and user locks are separate from the document lock', () => {
    const { executions, table, svc } = setup();
    table.holdDocumentLock();
    executions.run(() => {
      expect(svc.getScriptLock().tryLock(0)).toBe(true);
      expect(svc.getUserLock().tryLock(0)).toBe(true);
      expect(svc.getDocumentLock().tryLock(0)).toBe(false);
    });
  });
});
