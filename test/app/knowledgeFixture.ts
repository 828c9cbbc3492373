// A ticket played to resolved, confirmed or not, and closed by its agent through the sidebar's calls:
// shared by the knowledge base's module test (test/app/suggest.test.ts) and the filing-at-close
// journey (test/scenarios/knowledgeAtClose.test.ts).
import type { LocalRuntime } from '../../runtime';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

/** The 知识库 sheet of a runtime's spreadsheet. */
export const kbSheet = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库')!;
export const knowledgeRows = (rt: LocalRuntime): unknown[][] => kbSheet(rt).getDataRange().getValues().slice(1);
export const KB_FORM = {
  title: '打印机卡纸无法打印',
  department: '财务部/总部',
  description: '三楼打印机持续卡纸,已清理两次仍然出现',
  urgency: '中',
  category: '硬件',
  submitter: '小明',
  contact: '内线8888',
};
let n = 0;
export const actAs = (rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}) => {
  rt.ctx.user.active = rt.ctx.user.effective = 'zhang@example.com';
  const v = okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
  return { view: v, result: rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version).result };
};
export const resolved = (rt: LocalRuntime, confirmed: boolean | null, title = KB_FORM.title) => {
  const { id } = okOf(rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', { ...KB_FORM, title }, `kb-token-${++n}-abcdef`).result);
  actAs(rt, id, 'accept');
  actAs(rt, id, 'resolve', { solution: '清理定影器处的碎纸后恢复' });
  if (confirmed !== null) actAs(rt, id, 'feedback', { resolved: confirmed, rating: 'satisfied' });
  return id;
};
export const closeAction = (rt: LocalRuntime, id: string) =>
  actAs(rt, id, 'note', { text: 'x' }).view.actions.find((a) => a.name === 'close');
