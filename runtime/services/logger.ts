// Logger (reference/base/logger) and the `console` Apps Script routes to Cloud Logging: recorded
// in the runtime's log, printed only when the runtime is verbose.
import type { RuntimeContext } from '../context';
import { isDate } from '../context';

export interface LogEntry {
  at: number;
  level: 'log' | 'info' | 'warn' | 'error' | 'debug' | 'logger';
  message: string;
}

export class LogBook {
  entries: LogEntry[] = [];
  verbose = false;
  constructor(private ctx: RuntimeContext) {}

  add(level: LogEntry['level'], message: string): void {
    this.entries.push({ at: this.ctx.clock.now(), level, message });
    if (this.verbose) process.stderr.write(`[${level}] ${message}\n`);
  }
}

export function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDate(v)) return (v as Date).toString();
  if (v instanceof Error || (v && typeof v === 'object' && 'stack' in (v as object) && 'message' in (v as object))) {
    return String((v as Error).stack ?? (v as Error).message);
  }
  try {
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch (e) {
    // JSON.stringify refuses a cycle or a BigInt with a TypeError: the value is logged as a string.
    if (!(e instanceof TypeError)) throw e;
    return String(v);
  }
}

/** Logger.log(format, ...values) substitutes %s in order. */
export class LocalLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  private lines: string[] = [];
  constructor(private book: LogBook) {}

  log(data: any, ...values: any[]): GoogleAppsScript.Base.Logger {
    let msg = show(data);
    if (values.length) {
      let i = 0;
      msg = msg.replace(/%s/g, () => show(values[i++]));
    }
    this.lines.push(msg);
    this.book.add('logger', msg);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }

  getLog(): string {
    return this.lines.map((l) => `${l}\n`).join('');
  }

  clear(): void {
    this.lines = [];
  }
}

export function recordingConsole(book: LogBook) {
  const line = (level: LogEntry['level']) => (...args: unknown[]) => book.add(level, args.map(show).join(' '));
  return { log: line('log'), info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug') };
}
