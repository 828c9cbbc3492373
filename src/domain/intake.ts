// Server-side truth for the intake form: every field re-validated, whatever the client sent.
import type { Category, Lang, Urgency } from './schema';
import { enumLabels, headerLabel, parseEnum } from './schema';
import { t } from './i18n';
import { TITLE_WIDTH_MAX, titleLength } from './titleLength';
import { codePointLength, containsPersonalMobile, hasVisibleText, isEmail, literalText, unsafeTextKind, CELL_MAX_CHARS } from './text';

export interface Submission {
  title: string;
  department: string;
  description: string;
  urgency: Urgency;
  category: Category;
  submitter: string;
  contact: string;
  /** Optional "email for updates" (issue 18): '' when not given; used only as the last resort (requesterEmail). */
  notifyEmail: string;
}

export type SubmissionField = keyof Submission;

export interface FieldMessage {
  /** The form field concerned, or null for the form as a whole. */
  field: SubmissionField | null;
  message: string;
}

export type IntakeResult =
  | { ok: true; value: Submission; warnings: FieldMessage[] }
  | { ok: false; errors: FieldMessage[] };

// The title's real limit is its width (titleLength.ts: 20 字 or 60 Latin characters); 60 code
// points is only the ceiling that width implies.
export const LIMITS = { title: TITLE_WIDTH_MAX, department: 100, description: CELL_MAX_CHARS, submitter: 50, contact: 100, notifyEmail: 254 } as const;

const TEXT_FIELDS: Exclude<keyof typeof LIMITS, 'notifyEmail'>[] = ['title', 'department', 'description', 'submitter', 'contact'];

// Phrases the worksheet guide (docs/worksheet-guide.zh.md) calls vague ("系统不好用") when they are most of the description.
const VAGUE = /^(系统|电脑|网络|软件|打印机|它)?(不好用|不能用|用不了|有问题|坏了|出错了?|不行|很慢|卡)[。!!.]*$|^(it )?(doesn'?t|does not|won'?t) work\.?$|^(broken|not working|help)\.?$/i;

export function isVagueDescription(s: string): boolean {
  const text = s.trim();
  return VAGUE.test(text) || codePointLength(text) < 10;
}

export function validateSubmission(raw: unknown, lang: Lang): IntakeResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: [{ field: null, message: t(lang, 'badRequest') }] };
  const input = raw as Record<string, unknown>;
  const errors: FieldMessage[] = [];
  const text: Partial<Record<SubmissionField, string>> = {};
  const label = (f: SubmissionField) => headerLabel(f, lang);

  for (const field of TEXT_FIELDS) {
    const v = input[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      errors.push({ field, message: t(lang, 'badRequest') });
      continue;
    }
    // Titles are one line; other fields keep their line breaks but lose trailing blanks.
    const s = (v ?? '').normalize('NFC').trim();
    const unsafe = unsafeTextKind(s);
    if (!hasVisibleText(s)) errors.push({ field, message: t(lang, 'required', { field: label(field) }) });
    else if (unsafe) errors.push({ field, message: t(lang, unsafe, { field: label(field) }) });
    else if (field !== 'description' && /[\r\n\t\u2028\u2029]/.test(s)) errors.push({ field, message: t(lang, 'controlChars', { field: label(field) }) });
    else if (field === 'title' && titleLength(s, lang).over) errors.push({ field, message: t(lang, 'titleTooLong', titleLength(s, lang)) });
    // The text must also fit a cell as written (an emoji counts twice, a protected start adds `'`).
    else if (codePointLength(s) > LIMITS[field] || literalText(s).length > CELL_MAX_CHARS) errors.push({ field, message: t(lang, 'tooLong', { field: label(field), max: LIMITS[field] }) });
    else text[field] = s;
  }

  // Enum values must be strings: parseEnum would coerce `['高']` or `1` into a value.
  const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && !v.trim());
  const urgency = typeof input.urgency === 'string' ? (parseEnum('urgency', input.urgency) as Urgency | null) : null;
  if (!urgency) {
    errors.push({
      field: 'urgency',
      message: blank(input.urgency)
        ? t(lang, 'requiredChoice', { field: label('urgency') })
        : typeof input.urgency !== 'string'
          ? t(lang, 'badRequest')
          : t(lang, 'notInList', { field: label('urgency'), values: enumLabels('urgency', lang).join(' / ') }),
    });
  }
  // Requesters may not know the category; the agent sets it at triage.
  const categoryGiven = !blank(input.category);
  const category = !categoryGiven ? 'other' : typeof input.category === 'string' ? (parseEnum('category', input.category) as Category | null) : null;
  if (!category) {
    errors.push({
      field: 'category',
      message:
        typeof input.category !== 'string'
          ? t(lang, 'badRequest')
          : t(lang, 'notInList', { field: label('category'), values: enumLabels('category', lang).join(' / ') }),
    });
  }

  const contact = text.contact;
  if (contact !== undefined) {
    if (containsPersonalMobile(contact)) errors.push({ field: 'contact', message: t(lang, 'personalMobile') });
    else if (!isEmail(contact) && !/\d{3,8}/.test(contact)) errors.push({ field: 'contact', message: t(lang, 'contactFormat') });
  }

  // Optional: an address for the updates when neither Google nor the contact field gives one.
  let notifyEmail = '';
  const given = input.notifyEmail;
  if (given !== undefined && given !== null && typeof given !== 'string') errors.push({ field: 'notifyEmail', message: t(lang, 'badRequest') });
  else if (typeof given === 'string' && given.trim()) {
    const s = given.normalize('NFC').trim();
    const problem = notifyEmailProblem(s);
    if (problem) errors.push({ field: 'notifyEmail', message: t(lang, problem) });
    else notifyEmail = s;
  }

  if (errors.length) return { ok: false, errors };
  const warnings: FieldMessage[] = isVagueDescription(text.description as string) ? [{ field: 'description', message: t(lang, 'vagueDescription') }] : [];
  return {
    ok: true,
    value: {
      title: text.title as string,
      department: text.department as string,
      description: text.description as string,
      urgency: urgency as Urgency,
      category: category as Category,
      submitter: text.submitter as string,
      contact: text.contact as string,
      notifyEmail,
    },
    warnings,
  };
}

/**
 * What is wrong with an address for updates (`s` trimmed; empty is fine: updates then follow the
 * contact), or null. The form and a hand edit of the 提交人邮箱 column share it.
 */
export function notifyEmailProblem(s: string): 'personalMobile' | 'notifyEmailFormat' | null {
  if (!s) return null;
  if (containsPersonalMobile(s)) return 'personalMobile';
  return codePointLength(s) > LIMITS.notifyEmail || !isEmail(s) || unsafeTextKind(s) ? 'notifyEmailFormat' : null;
}
