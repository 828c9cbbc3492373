// User-facing messages in both languages. The text itself is in the catalog, one file per language
// (src/domain/messages/zh.ts, en.ts); this module picks the sheet's language and fills placeholders.
import type { Lang } from './schema';
import { en } from './messages/en';
import type { Placeholders } from './messages/types';
import { zh } from './messages/zh';

type Zh = typeof zh;

/** The catalog of one language (groups of labels as well as the flat messages `t` fills). */
export type Catalog = Zh | typeof en;

export const CATALOG: { readonly [L in Lang]: Catalog } = { zh, en };

/** The catalog of a language. */
export function catalog(lang: Lang): Catalog {
  return CATALOG[lang];
}

/** Keys of the flat, parameterised messages (the catalog's string entries). */
export type MessageKey = { [K in keyof Zh]: Zh[K] extends string ? K : never }[keyof Zh];

/** The parameters a message takes: none, or one value for each of its `{name}` placeholders. */
export type MessageParams<K extends MessageKey> = [Placeholders<Zh[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<Zh[K]>, string | number>];

export function t<K extends MessageKey>(lang: Lang, key: K, ...args: MessageParams<K>): string {
  const params: Record<string, string | number> = args[0] ?? {};
  const text = CATALOG[lang][key] as string;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The spreadsheet locale decides the language: English for `en*`, Chinese otherwise. */
export function langOfLocale(locale: string | null | undefined): Lang {
  return /^en/i.test(locale ?? '') ? 'en' : 'zh';
}
