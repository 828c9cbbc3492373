// LockService (developers.google.com/apps-script/reference/lock). The lock table lives in the
// runtime, keyed by scope, so contention is explicit: another execution is either a paused call of
// this runtime (it cannot release while we run, so we wait the full timeout) or a simulated holder
// from outside (`holdDocumentLock(untilMs)`), which releases at a clock time. Waiting advances the
// simulated clock by the time waited.
import { expose } from '../instrument';
import type { RuntimeContext } from '../context';
import type { Executions } from './executions';

/**
 * "how long to wait to acquire the lock in milliseconds" (reference/lock/lock#trylocktimeoutinmillis):
 * 0 tries once without waiting; a negative wait is not documented, so refused (the stricter answer;
 * self-test case lock.timeouts).
 */
function checkTimeout(ms: unknown): void {
  const n = Number(ms);
  if (typeof ms !== 'number' || !Number.isFinite(n) || n < 0) throw new Error('Invalid argument: timeoutInMillis');
}

/** Google's message (reference/lock/lock#waitlocktimeoutinmillis). */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

type Holder = { execution: number } | { externalUntil: number };

export class LockTable {
  private held = new Map<string, Holder>();

  constructor(private ctx: RuntimeContext, executions: Executions) {
    executions.onEnd((id) => this.releaseExecution(id));
  }

  /** Drops every lock execution `id` holds (its end; a dialog suspending it: reference/base/ui#alert). */
  releaseExecution(id: number): void {
    for (const [k, h] of this.held) if ('execution' in h && h.execution === id) this.held.delete(k);
  }

  /** Simulates another execution holding the document lock until the clock reaches `untilMs` (Infinity: forever). */
  holdDocumentLock(untilMs = Infinity): void {
    this.held.set('document', { externalUntil: untilMs });
  }

  holdScriptLock(untilMs = Infinity): void {
    this.held.set('script', { externalUntil: untilMs });
  }

  holdUserLock(user: string, untilMs = Infinity): void {
    this.held.set(`user:${user}`, { externalUntil: untilMs });
  }

  releaseAll(): void {
    this.held.clear();
  }

  holderOf(key: string): Holder | undefined {
    const h = this.held.get(key);
    if (h && 'externalUntil' in h && h.externalUntil <= this.ctx.clock.now()) {
      this.held.delete(key);
      return undefined;
    }
    return h;
  }

  /** Tries to take `key` for `execution`, waiting up to `timeoutMs` of simulated time. */
  acquire(key: string, execution: number, timeoutMs: number): boolean {
    const clock = this.ctx.clock;
    const h = this.holderOf(key);
    if (!h || ('execution' in h && h.execution === execution)) {
      this.held.set(key, { execution });
      return true;
    }
    const start = clock.now();
    if ('externalUntil' in h && h.externalUntil - start <= timeoutMs) {
      clock.set(h.externalUntil);
      this.held.set(key, { execution });
      return true;
    }
    // A paused execution of this runtime never releases while we wait: the full timeout passes.
    clock.set(start + Math.max(0, timeoutMs));
    return false;
  }

  release(key: string, execution: number): void {
    const h = this.held.get(key);
    if (h && 'execution' in h && h.execution === execution) this.held.delete(key);
  }

  isHeldBy(key: string, execution: number): boolean {
    const h = this.held.get(key);
    return !!h && 'execution' in h && h.execution === execution;
  }
}

export class LocalLock implements GoogleAppsScript.Lock.Lock {
  constructor(
    private table: LockTable,
    private executions: Executions,
    private key: string,
    private scope: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    checkTimeout(timeoutInMillis);
    this.executions.reach('lock', this.scope);
    const got = this.table.acquire(this.key, this.executions.current, timeoutInMillis);
    if (got) this.executions.reach('locked', this.scope);
    return got;
  }

  waitLock(timeoutInMillis: number): void {
    checkTimeout(timeoutInMillis);
    this.executions.reach('lock', this.scope);
    if (!this.table.acquire(this.key, this.executions.current, timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
    this.executions.reach('locked', this.scope);
  }

  releaseLock(): void {
    this.table.release(this.key, this.executions.current);
  }

  hasLock(): boolean {
    return this.table.isHeldBy(this.key, this.executions.current);
  }
}

export class LocalLockService implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  constructor(
    private ctx: RuntimeContext,
    private table: LockTable,
    private executions: Executions,
    /** False for a standalone script: getDocumentLock() returns null (reference/lock/lock-service#getdocumentlock). */
    private hasDocument: () => boolean,
  ) {}

  private lock(key: string, scope: string): GoogleAppsScript.Lock.Lock {
    return expose(new LocalLock(this.table, this.executions, key, scope), 'Lock', this.ctx.acct);
  }

  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return this.hasDocument() ? this.lock('document', 'document') : (null as unknown as GoogleAppsScript.Lock.Lock);
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('script', 'script');
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this.lock(`user:${this.ctx.user.effective}`, 'user');
  }
}
