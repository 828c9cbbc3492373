// CacheService (developers.google.com/apps-script/reference/cache/cache). Expiry follows the
// runtime clock: default 600 s, at most 21600 s (6 h), values up to 100 KB, keys up to 250
// characters. Google may evict earlier; `evictAll()` lets tests model that.
import { expose } from '../instrument';
import type { RuntimeContext } from '../context';

export const DEFAULT_EXPIRATION_S = 600;
export const MAX_EXPIRATION_S = 21600;
export const MAX_VALUE_BYTES = 100 * 1024;
export const MAX_KEY_CHARS = 250;
/**
 * "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the
 * 900 items farthest from expiration. This limit might change." (reference/cache/cache#putkey,-value)
 */
export const MAX_ITEMS = 1000;
export const ITEMS_KEPT = 900;

export type CacheEntries = Record<string, { value: string; expiresAt: number }>;

export interface CachesJson {
  document: CacheEntries;
  script: CacheEntries;
  user: Record<string, CacheEntries>;
}

export const emptyCaches = (): CachesJson => ({ document: {}, script: {}, user: {} });

export class LocalCache implements GoogleAppsScript.Cache.Cache {
  constructor(
    private ctx: RuntimeContext,
    private entries: () => CacheEntries,
  ) {}

  private live(key: string): string | null {
    const e = this.entries()[key];
    if (!e) return null;
    if (e.expiresAt <= this.ctx.clock.now()) {
      delete this.entries()[key];
      return null;
    }
    return e.value;
  }

  private checkKey(key: string): void {
    if (String(key).length > MAX_KEY_CHARS) throw new Error('Argument too large: key');
  }

  get(key: string): string | null {
    this.checkKey(key);
    return this.live(key);
  }

  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.live(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds: number = DEFAULT_EXPIRATION_S): void {
    this.store(key, value, expirationInSeconds);
    this.capItems();
  }

  private store(key: string, value: string, expirationInSeconds: number): void {
    this.checkKey(key);
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    // "The minimum is 1 second and the maximum is 21600 seconds (6 hours)" (cache#putkey,-value,-expirationinseconds).
    // What Google does outside is not documented: the stricter answer, refused (self-test cache.expiration-bounds).
    const secs = Number(expirationInSeconds);
    if (!Number.isFinite(secs) || secs < 1 || secs > MAX_EXPIRATION_S) throw new Error('Invalid argument: expirationInSeconds');
    // Re-inserted so the store's order is the order of writing (capItems keeps the later of a tie).
    delete this.entries()[String(key)];
    this.entries()[String(key)] = { value: v, expiresAt: this.ctx.clock.now() + secs * 1000 };
  }

  /** Over MAX_ITEMS live items, keeps the ITEMS_KEPT farthest from expiration (ties: the later written). */
  private capItems(): void {
    const all = this.entries();
    const now = this.ctx.clock.now();
    for (const [k, e] of Object.entries(all)) if (e.expiresAt <= now) delete all[k];
    const keys = Object.keys(all);
    if (keys.length <= MAX_ITEMS) return;
    const order = keys.map((k, i) => ({ k, i, at: all[k].expiresAt }));
    order.sort((a, b) => b.at - a.at || b.i - a.i);
    for (const { k } of order.slice(ITEMS_KEPT)) delete all[k];
  }

  putAll(values: { [key: string]: string }, expirationInSeconds: number = DEFAULT_EXPIRATION_S): void {
    // all or nothing: every entry is checked before any is stored
    for (const [k, v] of Object.entries(values)) {
      this.checkKey(k);
      if (Buffer.byteLength(String(v), 'utf8') > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    }
    for (const [k, v] of Object.entries(values)) this.store(k, v, expirationInSeconds);
    this.capItems();
  }

  remove(key: string): void {
    delete this.entries()[key];
  }

  removeAll(keys: string[]): void {
    for (const k of keys) delete this.entries()[k];
  }
}

export class LocalCacheService implements Pick<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'> {
  constructor(
    private ctx: RuntimeContext,
    private data: () => CachesJson,
    private hasDocument: () => boolean,
  ) {}

  private wrap(entries: () => CacheEntries): GoogleAppsScript.Cache.Cache {
    return expose(new LocalCache(this.ctx, entries) as GoogleAppsScript.Cache.Cache, 'Cache', this.ctx.acct);
  }

  /** null outside a document (reference/cache/cache-service#getdocumentcache). */
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    return this.hasDocument() ? this.wrap(() => this.data().document) : null;
  }

  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return this.wrap(() => this.data().script);
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    const user = this.ctx.user.effective;
    return this.wrap(() => (this.data().user[user] ??= {}));
  }

  /** Models Google dropping cached values early ("may vanish"). */
  evictAll(): void {
    const d = this.data();
    d.document = {};
    d.script = {};
    d.user = {};
  }
}
