// Utilities (developers.google.com/apps-script/reference/utilities/utilities). sleep() advances the
// simulated clock instead of blocking, and is an interleaving point: a test can run another call
// "while" this one sleeps. Members not listed here throw NotProvidedError through `expose`.
import { randomUUID, createHash, createHmac } from 'node:crypto';
import type { RuntimeContext } from '../context';
import { isDate } from '../context';
import type { Executions } from './executions';
import { formatDate } from './formatDate';
import { isValidZone } from '../zone';

/** Utilities.sleep allows at most 5 minutes (reference/utilities/utilities#sleepmilliseconds). */
const MAX_SLEEP_MS = 300_000;

const DIGESTS: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

const CHARSETS = ['US_ASCII', 'UTF_8'];

/**
 * The bytes of `text` in `charset` (a Utilities.Charset; UTF-8 when none). US-ASCII, as Java's
 * encoder, writes '?' for a character it cannot encode (it did write Latin-1 bytes); another
 * charset is refused.
 */
export function textBytes(text: string, charset?: unknown): Buffer {
  if (charset === undefined || String(charset) === 'UTF_8') return Buffer.from(text, 'utf8');
  if (!CHARSETS.includes(String(charset))) throw new Error('Exception: Invalid argument: charset');
  return Buffer.from(Array.from(text, (ch) => (ch.codePointAt(0)! < 128 ? ch.codePointAt(0)! : 0x3f)));
}

export class LocalUtilities
  implements Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'getUuid' | 'sleep' | 'base64Encode' | 'base64Decode' | 'base64EncodeWebSafe' | 'base64DecodeWebSafe' | 'computeDigest' | 'computeHmacSha256Signature' | 'formatString'>
{
  DigestAlgorithm = Object.fromEntries(Object.keys(DIGESTS).map((k) => [k, k])) as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  Charset = Object.fromEntries(CHARSETS.map((k) => [k, k])) as unknown as typeof GoogleAppsScript.Utilities.Charset;

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
    if (typeof data === 'string') return textBytes(data, charset).toString('base64');
    return Buffer.from((data as number[]).map((b) => b & 0xff)).toString('base64');
  }

  base64Decode(encoded: string): GoogleAppsScript.Byte[] {
    // "Decodes a base-64 encoded string" (utilities#base64decodeencoded): text outside the base-64
    // alphabet is not that, and is refused (Node would skip it silently; the wording is the
    // runtime's, as base64DecodeWebSafe's).
    const s = String(encoded);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new Error('Exception: Invalid argument: encoded');
    // Java bytes are signed.
    return Array.from(Buffer.from(s, 'base64')).map((b) => (b > 127 ? b - 256 : b));
  }

  /**
   * The web-safe alphabet (RFC 4648 §5: '-' and '_' for '+' and '/'), padding '=' kept as Java's
   * URL encoder keeps it (reference/utilities/utilities#base64encodewebsafedata): a caller putting
   * the text in a URL must deal with the '=' itself.
   */
  base64EncodeWebSafe(data: any, charset?: any): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }

  /** Decodes the web-safe alphabet only: '+' or '/' (the other alphabet) is refused, as Java's URL decoder does. */
  base64DecodeWebSafe(encoded: string): GoogleAppsScript.Byte[] {
    const s = String(encoded);
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) throw new Error('Exception: Invalid argument: encoded');
    return this.base64Decode(s.replace(/-/g, '+').replace(/_/g, '/'));
  }

  /**
   * HMAC-SHA256 of value with key (reference/utilities/utilities#computehmacsha256signaturevalue,-key):
   * two strings (UTF-8, or the charset given) or two byte arrays, never a mix; signed bytes like Java.
   */
  computeHmacSha256Signature(value: any, key: any, charset?: any): GoogleAppsScript.Byte[] {
    if (value === undefined || value === null || key === undefined || key === null) throw new Error('Exception: Invalid argument: value');
    const isBytes = (x: unknown) => Array.isArray(x);
    if (isBytes(value) !== isBytes(key)) throw new Error('Exception: The parameters (' + (isBytes(value) ? 'number[],String' : 'String,number[]') + ') don\'t match the method signature for Utilities.computeHmacSha256Signature.');
    if (isBytes(value) && charset !== undefined) throw new Error('Exception: The parameters (number[],number[],Charset) don\'t match the method signature for Utilities.computeHmacSha256Signature.');
    const buf = (x: any) => (isBytes(x) ? Buffer.from((x as number[]).map((b) => b & 0xff)) : textBytes(String(x), charset));
    return Array.from(createHmac('sha256', buf(key)).update(buf(value)).digest()).map((b) => (b > 127 ? b - 256 : b));
  }

  computeDigest(algorithm: any, value: any, charset?: any): GoogleAppsScript.Byte[] {
    const alg = DIGESTS[String(algorithm)];
    if (!alg) throw new Error('Exception: Invalid argument: algorithm');
    const buf = typeof value === 'string' ? textBytes(value, charset) : Buffer.from((value as number[]).map((b) => b & 0xff));
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
