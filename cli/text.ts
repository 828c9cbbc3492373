// The command line's own words (help, the readable report) come from the message catalog
// (src/domain/messages/{zh,en}.ts, group `cli`), in the workbook's language: a Chinese workbook's
// report is Chinese, an English one's English. Help, which runs before any workbook is loaded,
// speaks the language of the workbook file when there is one, else the shell's (LC_ALL,
// LC_MESSAGES, LANG: zh… is Chinese, anything else English). Errors follow the same rule (cli/local.ts;
// their words are the catalog's cli.errors). The JSON line's keys never change.
import fs from 'node:fs';
import type { LocalRuntime } from '../runtime';
import type { EditRefusal } from '../runtime/spreadsheet';
import { readStateFile } from '../runtime/state';
import { rethrowDefect } from '../src/domain/errors';
import { catalog, langOfLocale } from '../src/domain/i18n';
import type { Lang } from '../src/domain/schema';

export type CliText = ReturnType<typeof catalog>['cli'];
export type CommandName = keyof CliText['summaries'];

export const cliText = (lang: Lang): CliText => catalog(lang).cli;

/** The catalog's words of the runtime's workbook. */
export const textOf = (rt: LocalRuntime): CliText => cliText(langOfLocale(rt.workbook.locale));

/** `{name}` placeholders filled. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * Why Sheets refused a typed value, as Sheets says it in `lang` (the CLI's `edit`, the preview's
 * grid): a validation rule's own help text as is, else the words of the catalog.
 */
export function refusalText(lang: Lang, r: EditRefusal): string {
  const words = cliText(lang).errors.editRefusal;
  switch (r.kind) {
    case 'rangeNotFound':
      return fill(words.rangeNotFound, { range: r.range });
    case 'sheetNotFound':
      return fill(words.sheetNotFound, { sheet: r.sheet });
    case 'validation': {
      if (r.help) return r.help;
      const CRITERIA: Record<string, 'inList' | 'email' | 'url' | 'formula'> = {
        VALUE_IN_LIST: 'inList',
        VALUE_IN_RANGE: 'inList',
        TEXT_IS_VALID_EMAIL: 'email',
        TEXT_IS_VALID_URL: 'url',
        CUSTOM_FORMULA: 'formula',
      };
      return words[CRITERIA[r.criteria] ?? 'rule'];
    }
    default:
      return words[r.kind];
  }
}

/** The shell's language: LC_ALL, then LC_MESSAGES, then LANG; English unless it says Chinese. */
export function langOfEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(v) ? 'zh' : 'en';
}

/** Help's language: the workbook file's, when it exists and reads; else the shell's. */
export function helpLang(workbookFile: string, env: NodeJS.ProcessEnv = process.env): Lang {
  try {
    if (fs.existsSync(workbookFile)) {
      const locale = (readStateFile(workbookFile) as { workbook?: { locale?: unknown } }).workbook?.locale;
      if (typeof locale === 'string' && locale) return langOfLocale(locale);
    }
  } catch (e) {
    rethrowDefect(e);
    // A damaged file is the command's business to report; help just speaks the shell's language.
  }
  return langOfEnv(env);
}
