// Mail to requesters and agents (issue 18), English translation of mailZh.ts.
import type { mailZh } from './mailZh';
import type { Translation } from './types';

export const mailEn: Translation<typeof mailZh> = {
  subject: '[{id}] {what}: {title}',
  subjectCombined: 'IT support: {n} ticket updates',
  greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
  footer: '-- Sent by the IT support ticket tracker. Please keep the ticket ID when you answer.',
  what: {
    received: 'We received your request',
    taken: 'Work has started',
    reply: 'Progress update',
    waiting: 'We need your answer',
    resolved: 'Resolved, please confirm',
    reopened: 'Reopened',
    closed: 'Closed',
    assigned: 'Ticket handed over to you',
    updateDue: 'Update the requester',
    confirmReminder: 'Please confirm the solution',
  },
  received: (id: string, urgency: string, response: string, resolution: string) =>
    `We received your request; its ticket ID is ${id} (urgency: ${urgency}).\nWhat happens next: an agent responds within ${response}, and we aim to resolve it within ${resolution}. You will get a mail at each step.\nTo add information, contact the support team and quote the ticket ID.`,
  taken: (by: string) => `${by} has started working on your request.`,
  reply: (by: string, text: string) => `${by} writes:\n${text}`,
  waiting: (by: string, text: string) => `${by} needs information from you before going on:\n${text}\nThe clock is paused until you answer.`,
  resolved: (by: string, solution: string) => `${by} has resolved your request.\nSolution:\n${solution}`,
  answerByReply: 'Please tell us whether the problem is solved and rate the service (satisfied / basically satisfied / unsatisfied): reply to this mail or contact the support team, quoting the ticket ID.',
  reopened: (reason: string) => `Your request has been reopened; we are working on it again.${reason ? `\nReason: ${reason}` : ''}`,
  closed: (reason: string) => `Your request is closed.${reason ? `\nNote: ${reason}` : ''}\nThank you for your feedback.`,
  assigned: (by: string, title: string, background: string) => `${by} handed the ticket "${title}" over to you.${background ? `\nBackground and what was tried:\n${background}` : ''}`,
  updateDue: (due: string) => `The requester should get a progress update by ${due} (reply to the requester).`,
  confirmReminder: (days: number) => `We have not heard whether the solution worked. With no answer ${days} working days after the resolution, the ticket closes itself (feedback: no answer).`,
  section: '[{id}] {what}: {title}',
  truncated: '... (too long, cut here)',
};
