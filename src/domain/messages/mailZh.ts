// Mail to requesters and agents (issue 18), Chinese: the reference the English file translates.
// Plain text only: whatever a requester or agent typed is quoted as text, never as markup.
// Part of the catalog (zh.ts includes it as `mail`); kept apart because it is long.

export const mailZh = {
  /** One event: `[IT20240501001] 已收到您的问题：CRM系统数据库连接错误`. */
  subject: '[{id}] {what}：{title}',
  /** Several events for one person, combined into one message. */
  subjectCombined: 'IT 支持：{n} 条工单更新',
  greeting: (name: string) => (name ? `${name}，您好：` : '您好：'),
  footer: '—— 此邮件由 IT 支持工单系统自动发送。回复时请保留问题编号。',
  what: {
    received: '已收到您的问题',
    taken: '已开始处理',
    reply: '处理进度',
    waiting: '需要您的回复',
    resolved: '问题已解决，请确认',
    reopened: '已重新打开',
    closed: '已关闭',
    assigned: '工单已转交给您',
    updateDue: '请向提交人同步进度',
    confirmReminder: '请确认问题是否已解决',
  },
  received: (id: string, urgency: string, response: string, resolution: string) =>
    `我们已收到您的问题，问题编号 ${id}（紧急程度：${urgency}）。\n接下来：支持人员会在 ${response}内响应，目标在 ${resolution}内解决。处理中每有进展都会邮件告知您。\n如需补充信息，请联系支持人员并注明问题编号。`,
  taken: (by: string) => `${by} 已开始处理您的问题。`,
  reply: (by: string, text: string) => `${by} 的回复：\n${text}`,
  waiting: (by: string, text: string) => `${by} 需要您提供信息后才能继续处理：\n${text}\n在您回复之前，处理计时暂停。`,
  resolved: (by: string, solution: string) => `${by} 已解决您的问题。\n解决方案：\n${solution}`,
  /** How to answer a resolved ticket when no one-click links are available (an add-on deployment). */
  answerByReply: '请确认问题是否已解决，并对处理效率和服务态度评价（满意 / 基本满意 / 不满意）：直接回复本邮件或联系支持人员，注明问题编号。',
  reopened: (reason: string) => `您的问题已重新打开，我们会继续处理。${reason ? `\n原因：${reason}` : ''}`,
  closed: (reason: string) => `您的问题已关闭。${reason ? `\n说明：${reason}` : ''}\n感谢您的反馈。`,
  assigned: (by: string, title: string, background: string) => `${by} 把工单「${title}」转交给您。${background ? `\n背景和已尝试的方法：\n${background}` : ''}`,
  updateDue: (due: string) => `该工单需在 ${due} 前向提交人同步进度（回复提交人）。`,
  /** Auto-close's one reminder (the answer block follows it). */
  confirmReminder: (days: number) => `我们还没有收到您对解决结果的确认。解决后 ${days} 个工作日内仍无回复，工单将自动关闭（反馈记为「无回复」）。`,
  /** Heading of one ticket's section in a combined message. */
  section: '【{id}】{what}：{title}',
  /** A text cut to fit the mail queue (document properties are small). */
  truncated: '……（内容过长，已截断）',
} as const;
