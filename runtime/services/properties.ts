// PropertiesService (developers.google.com/apps-script/reference/properties). Stores hold strings
// only: every value goes through String(), as on Google. Quotas from
// developers.google.com/apps-script/guides/services/quotas: 9 KB a value, 500 KB a property store.
import { expose } from '../instrument';
import type { RuntimeContext } from '../context';

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
/** Messages Google is reported to throw (the exact text is not in the reference; VERIFY on a live script). */
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

export type PropertyMap = Record<string, string>;

/** All property stores of the runtime, persisted with it. */
export interface PropertiesJson {
  document: PropertyMap;
  script: PropertyMap;
  user: Record<string, PropertyMap>;
}

export const emptyProperties = (): PropertiesJson => ({ document: {}, script: {}, user: {} });

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class LocalProperties implements GoogleAppsScript.Properties.Properties {
  constructor(private store: () => PropertyMap) {}

  private check(next: PropertyMap, changed: string[]): void {
    for (const k of changed) if (bytes(next[k]) > VALUE_LIMIT_BYTES) throw new Error(VALUE_TOO_LARGE);
    let total = 0;
    for (const [k, v] of Object.entries(next)) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT_BYTES) throw new Error(STORE_FULL);
  }

  private commit(next: PropertyMap): void {
    const s = this.store();
    for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, next);
  }

  getProperty(key: string): string | null {
    const s = this.store();
    return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    const next = { ...this.store(), [String(key)]: String(value) };
    this.check(next, [String(key)]);
    this.commit(next);
    return this;
  }

  getProperties(): { [key: string]: string } {
    return { ...this.store() };
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GoogleAppsScript.Properties.Properties {
    const incoming: PropertyMap = {};
    for (const [k, v] of Object.entries(properties ?? {})) incoming[k] = String(v);
    const next = deleteAllOthers ? incoming : { ...this.store(), ...incoming };
    this.check(next, Object.keys(incoming));
    this.commit(next);
    return this;
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    delete this.store()[key];
    return this;
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.commit({});
    return this;
  }

  getKeys(): string[] {
    return Object.keys(this.store());
  }
}

export class LocalPropertiesService implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'> {
  constructor(
    private ctx: RuntimeContext,
    private data: () => PropertiesJson,
    private hasDocument: () => boolean,
  ) {}

  private wrap(store: () => PropertyMap) {
    return expose(new LocalProperties(store) as GoogleAppsScript.Properties.Properties, 'Properties', this.ctx.acct);
  }

  /** null outside a document (reference/properties/properties-service#getdocumentproperties). */
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    if (!this.hasDocument()) return null as unknown as GoogleAppsScript.Properties.Properties;
    return this.wrap(() => this.data().document);
  }

  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return this.wrap(() => this.data().script);
  }

  getUserProperties(): GoogleAppsScript.Properties.Properties {
    const user = this.ctx.user.effective;
    return this.wrap(() => (this.data().user[user] ??= {}));
  }
}
