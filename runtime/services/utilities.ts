// Utilities (developers.google.com/apps-script/reference/utilities/utilities). sleep() advances the
// simulated clock instead of blocking, and is an interleaving point: a test can run another call
// "while" this one sleeps. Members not listed here throw NotProvidedError through `expose`.
import { randomUUID, createHash } from 'node:crypto';
import type { RuntimeContext } from '../context';
import { isDate } from '../context';
import type { Executions } from './executions';
import { formatDate } from './formatDate';
import { isValidZone } from '../zone';

/** Utilities.sleep allows at most 5 minutes (reference/utilities/utilities#sleepmilliseconds). */
const MAX_SLEEP_MS = 300_000;

const DIGESTS: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

export class LocalUtilities
  implements Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'getUuid' | 'sleep' | 'base64Encode' | 'base64Decode' | 'computeDigest' | 'formatString'>
{
  DigestAlgorithm = Object.fromEntries(Object.keys(DIGESTS).map((k) => [k, k])) as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as unknown as typeof GoogleAppsScript.Utilities.Charset;

  constructor(
    private ctx: RuntimeContext,
    private executions: Executions,
  ) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new Error('Exception: Invalid argument: date');
    if (!isValidZone(String(timeZone))) throw new Error(`Exception: Invalid argument: timeZone`);
    return formatDate((date as Date).getTime(), String(timeZone), String(format));
  }

  getUuid(): string {
    return randomUUID();
  }

  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!(ms >= 0) || ms > MAX_SLEEP_MS) throw new Error('Exception: Invalid argument: milliseconds');
    this.ctx.clock.set(this.ctx.clock.now() + ms);
    this.executions.reach('sleep');
  }

  base64Encode(data: any, charset?: any): string {
    if (typeof data === 'string') return Buffer.from(data, charset === 'US_ASCII' ? 'latin1' : 'utf8').toString('base64');
    return Buffer.from((data as number[]).map((b) => b & 0xff)).toString('base64');
  }

  base64Decode(encoded: string): GoogleAppsScript.Byte[] {
    // Java bytes are signed.
    return Array.from(Buffer.from(encoded, 'base64')).map((b) => (b > 127 ? b - 256 : b));
  }

  computeDigest(algorithm: any, value: any, charset?: any): GoogleAppsScript.Byte[] {
    const alg = DIGESTS[String(algorithm)];
    if (!alg) throw new Error('Exception: Invalid argument: algorithm');
    const buf = typeof value === 'string' ? Buffer.from(value, charset === 'US_ASCII' ? 'latin1' : 'utf8') : Buffer.from((value as number[]).map((b) => b & 0xff));
    return Array.from(createHash(alg).update(buf).digest()).map((b) => (b > 127 ? b - 256 : b));
  }

  /** sprintf-like: %s %d %f %% (reference/utilities/utilities#formatstringtemplate,-args). */
  formatString(template: string, ...args: any[]): string {
    let i = 0;
    return String(template).replace(/%(%|s|d|i|f|\.\d+f)/g, (m, k: string) => {
      if (k === '%') return '%';
      const v = args[i++];
      if (k === 's') return String(v);
      if (k === 'd' || k === 'i') return String(Math.trunc(Number(v)));
      const digits = /\.(\d+)f/.exec(k);
      return digits ? Number(v).toFixed(Number(digits[1])) : String(Number(v));
    });
  }
}
