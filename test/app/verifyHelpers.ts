// Shared steps of the verification-link tests (issue 18): a ticket taken and resolved by the agent,
// the links its "resolved" mail would carry, and the web app a requester opens them in.
import type { LocalRuntime } from '../../runtime';
import { answerLinks } from '../../src/app/verify';
import type { AnswerLinks } from '../../src/app/verify';
import type { Services } from '../../src/gas/services';
import type { ActionOutcome, TicketViewResult } from '../../src/app/contracts';
import type { VerifyOutcome } from '../../src/app/verify';
import { column, submit } from './helpers';

export const REQUESTER = 'xiaoming@gmail.com';

/** Runs an agent action from the sidebar (as the owner), on the version the view shows. */
export function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}): ActionOutcome {
  const view = rt.callFromClient<TicketViewResult>('getTicketView', id).result;
  const version = view.ok ? view.version : undefined;
  return rt.callFromClient<ActionOutcome>('applyTicketAction', id, action, payload, version).result;
}

/** A new ticket, accepted and resolved; its ID. */
export function resolvedTicket(rt: LocalRuntime): string {
  const { id } = submit(rt);
  expect(act(rt, id, 'accept').ok).toBe(true);
  expect(act(rt, id, 'resolve', { solution: '重启了数据库连接池' }).ok).toBe(true);
  return id;
}

/** The ticket's row as header → value. */
export function ticketOf(rt: LocalRuntime, id: string): Record<string, unknown> {
  const ids = column(rt, '问题编号');
  const i = ids.indexOf(id);
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
  const rows = sheet.getDataRange().getValues();
  return Object.fromEntries((rows[0] as string[]).map((h, c) => [h, rows[i + 1][c]]));
}

/** The links the resolved mail carries, made as the tracker makes them (under no other execution). */
export function linksFor(rt: LocalRuntime, id: string): AnswerLinks {
  const tk = ticketOf(rt, id);
  const resolvedAt = (tk['解决时间'] as Date).getTime();
  const links = answerLinks(rt.services as unknown as Services, { id, status: 'resolved', resolvedAt }, rt.clock.now());
  if (!links) throw new Error('no links');
  return links;
}

/** The query parameters of a link. */
export const paramsOf = (url: string): Record<string, string> => Object.fromEntries(new URL(url).searchParams);

/** Opens a link in the web app as `visitor`: the page's title and HTML. */
export function open(rt: LocalRuntime, url: string, visitor = REQUESTER): { title: string; content: string } {
  return rt.webApp(visitor).get(paramsOf(url)).result;
}

/** Sends the page's answer as its button would. */
export function answer(rt: LocalRuntime, url: string, choice: unknown, visitor = REQUESTER, at?: number): VerifyOutcome {
  return rt.webApp(visitor).run<VerifyOutcome>('answerVerification', paramsOf(url).t, choice, ...(at === undefined ? [] : [at])).result;
}
