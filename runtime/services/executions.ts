// Which "execution" (one entry-point call, trigger run or client call) is running, and the seams
// where a test can slip another execution in. The runtime is single-threaded, so concurrency is
// modelled explicitly: a hook registered for a point (before a lock is taken, during a sleep) runs
// a second call to completion at that instant, exactly as if Google had scheduled it there.

/** 'lock': before a lock is tried; 'locked': just after one was taken (another call then meets it held). */
export type InterleavePoint = 'lock' | 'locked' | 'sleep';

export interface PointInfo {
  point: InterleavePoint;
  /** Execution that reached the point. */
  execution: number;
  /** 'document' | 'script' | 'user' for lock and locked points. */
  detail?: string;
}

type Hook = { point: InterleavePoint; fn: (info: PointInfo) => void; remaining: number };

export class Executions {
  private next = 1;
  private stack: number[] = [];
  private hooks: Hook[] = [];
  private endListeners: Array<(id: number) => void> = [];

  /** The running execution (0 when no call is running: tests using services directly). */
  get current(): number {
    return this.stack.length ? this.stack[this.stack.length - 1] : 0;
  }

  get depth(): number {
    return this.stack.length;
  }

  run<T>(fn: () => T): T {
    const id = this.next++;
    this.stack.push(id);
    try {
      return fn();
    } finally {
      this.stack.pop();
      // Google releases whatever an execution still holds when it ends.
      for (const l of this.endListeners) l(id);
    }
  }

  onEnd(fn: (id: number) => void): void {
    this.endListeners.push(fn);
  }

  /**
   * Runs `fn` the next `times` time(s) any execution reaches `point`. Inside `fn`, call the
   * runtime again (e.g. `rt.call('submitTicket', …)`): that call runs while the first is paused.
   */
  at(point: InterleavePoint, fn: (info: PointInfo) => void, times = 1): () => void {
    const hook: Hook = { point, fn, remaining: times };
    this.hooks.push(hook);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
    };
  }

  /** Called by services at an interleaving point. Hooks are consumed before running (no recursion loops). */
  reach(point: InterleavePoint, detail?: string): void {
    const due = this.hooks.filter((h) => h.point === point && h.remaining > 0);
    if (!due.length) return;
    for (const h of due) h.remaining--;
    this.hooks = this.hooks.filter((h) => h.remaining > 0);
    for (const h of due) h.fn({ point, execution: this.current, detail });
  }

  clearHooks(): void {
    this.hooks = [];
  }
}
