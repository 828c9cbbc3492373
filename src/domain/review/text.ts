// The weekly review's labels (titles, column headers, what each figure counts by: in the message
// catalog, src/domain/messages) and the value orders its tables use.
import type { Category, Lang, Rating, Status, Urgency } from '../schema';
import { ENUMS } from '../schema';
import { CATALOG } from '../i18n';

/** The review's labels by language (from the message catalog, src/domain/messages). */
export const TEXT = { zh: CATALOG.zh.review, en: CATALOG.en.review };

/** The labels of one language. */
export type ReviewText = (typeof TEXT)[Lang];

/** The data sheet's, pivot sheet's, trend's and backlog list's labels by language. */
export const DATA_TEXT = { zh: CATALOG.zh.reviewData, en: CATALOG.en.reviewData };
export type ReviewDataText = (typeof DATA_TEXT)[Lang];

export const URGENCIES: Urgency[] = ['high', 'medium', 'low'];
export const CATEGORIES = ENUMS.category.map((v) => v.code as Category);
export const STATUSES = ENUMS.status.map((v) => v.code as Status);
export const RATINGS: Rating[] = ['satisfied', 'basic', 'unsatisfied'];
