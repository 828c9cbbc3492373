// The verification links in the requester's mails (issue 18; src/app/answerLinks.ts, the seam between
// the requester mail and verify.ts): the "resolved" mail arrives with a link per choice, they open
// the answer page, and the auto-close reminder carries fresh ones.
import type { LocalRuntime } from '../../runtime';
import { FORM, token, trackerRuntime } from './helpers';
import { act, answer, open, ticketOf } from './verifyHelpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

const REQUESTER = 'xiaoming@example.com';

/** The links of the newest mail to the requester that has any. */
function mailedLinks(rt: LocalRuntime): string[] {
  const mails = rt.mail.filter((m) => m.to.includes(REQUESTER) && /\/exec\?t=/.test(m.body));
  expect(mails.length).toBeGreaterThan(0);
  return mails[mails.length - 1].body.match(/https:\/\/\S+/g) ?? [];
}

it('the resolved mail carries the links; "not solved" from it reopens, the next mail\'s "solved" closes', () => {
  const rt = trackerRuntime();
  const { id } = okOf(rt.webApp(REQUESTER).run<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, contact: REQUESTER }, token()).result);
  act(rt, id, 'accept');
  act(rt, id, 'resolve', { solution: '重装了驱动' });
  const first = mailedLinks(rt);
  expect(first).toHaveLength(4); // three ratings for "solved", one "not solved"
  const notSolved = first.find((u) => u.includes('a=notSolved'))!;
  expect(open(rt, notSolved).content).toContain('value="notSolved" checked');
  expect(answer(rt, notSolved, { answer: 'notSolved', rating: 'basic', comment: '还是不行' }).ok).toBe(true);
  expect(ticketOf(rt, id)['当前状态']).toBe('处理中');
  act(rt, id, 'resolve', { solution: '换了网线' });
  const satisfied = mailedLinks(rt).find((u) => u.includes('r=satisfied'))!;
  expect(satisfied).not.toBe(first.find((u) => u.includes('r=satisfied')));
  expect(answer(rt, satisfied, { answer: 'solved', rating: 'satisfied' }).ok).toBe(true);
  expect(ticketOf(rt, id)['当前状态']).toBe('已关闭');
});

it('the auto-close reminder mails fresh links, and the close tells the requester', () => {
  const at = (s: string) => Date.parse(`${s}+08:00`);
  const rt = trackerRuntime({ now: at('2024-05-02T09:00:00') });
  const { id } = okOf(rt.webApp(REQUESTER).run<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, contact: REQUESTER }, token()).result);
  act(rt, id, 'accept');
  rt.clock.set(at('2024-05-03T16:00:00'));
  act(rt, id, 'resolve', { solution: '重装了驱动' });
  const resolvedLinks = mailedLinks(rt);
  rt.tick(at('2024-05-07T18:00:00')); // reminded (Tue 16:00)
  const reminder = rt.mail.filter((m) => m.to.includes(REQUESTER)).pop()!;
  // The confirm-reminder message (not "we need your reply"): it says when the ticket closes itself.
  expect(reminder.subject).toContain('请确认问题是否已解决');
  expect(reminder.body).toContain('解决后 3 个工作日内仍无回复，工单将自动关闭');
  const fresh = mailedLinks(rt);
  expect(fresh).toHaveLength(4);
  expect(fresh).not.toEqual(resolvedLinks);
  rt.tick(at('2024-05-08T18:00:00')); // closed (Wed 16:00)
  expect(ticketOf(rt, id)['当前状态']).toBe('已关闭');
  expect(rt.mail.filter((m) => m.to.includes(REQUESTER)).pop()!.body).toContain('无回复');
});
