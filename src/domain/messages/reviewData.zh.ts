// The weekly review's data sheet and pivot sheet (issue 19): sheet names, column headers, the
// pivots' titles and notes, and the snapshot's trend and backlog-list labels. Part of the Chinese
// catalog (zh.ts), kept apart because zh.ts is near the size where files are split.

export const reviewDataZh = {
  dataSheet: '周报数据',
  pivotSheet: '周报透视',
  /** The data sheet's columns, in order; the pivots find each by its header. */
  columns: {
    id: '问题编号',
    createdWeek: '提交周',
    resolvedWeek: '解决周',
    category: '问题类型',
    urgency: '紧急程度',
    department: '部门/区域',
    assignee: '负责人',
    tier: '支持级别',
    status: '当前状态',
    responseMinutes: '首次响应（工作分钟）',
    resolutionMinutes: '解决用时（工作分钟）',
    responseSla: '响应SLA',
    resolutionSla: '解决SLA',
    responseMet: '响应达成',
    resolutionMet: '解决达成',
    responseWeeks: '响应SLA周',
    resolutionWeeks: '解决SLA周',
    /** Both targets' weeks: what the SLA pivot filters on (one filter for both of its values). */
    slaWeeks: 'SLA周',
    reopened: '重开次数',
    waitingMinutes: '等待时长（工作分钟）',
    rating: '评价',
    autoClosed: '无回复自动关闭',
    recurringKey: '高频问题',
  },
  met: '达成',
  missed: '未达成',
  pending: '未定',
  yes: '是',
  no: '否',
  /** Shown above each pivot: what it shows and which date it counts by. */
  pivotTitles: {
    categoryUrgency: (week: string) => `${week} 新建：问题类型 × 紧急程度（按提交周）`,
    sla: (week: string) => `${week} SLA 达成率：负责人 × 紧急程度（首次响应、解决各按截止或完成在本周）`,
    departments: (week: string) => `${week} 新建最多的 10 个部门（按提交周）`,
    createdTrend: (from: string, to: string) => `每周新建（${from} – ${to}，按提交周）`,
    resolvedTrend: (from: string, to: string) => `每周解决（${from} – ${to}，按解决周）`,
  },
  responseRate: '首次响应达成率',
  resolutionRate: '解决达成率',
  /** The pivots' value headers (each value is named when it is added: no "COUNTA of 问题编号"). */
  count: '工单数',
  created: '新建',
  resolved: '已解决',
  pivotNote:
    '数据来自“周报数据”表，每次生成周报时重建；用下方切片器按周、部门、问题类型筛选（切片器作用于全部透视表）。请勿在“周报数据”中编辑：下次生成会覆盖。',
  trend: '近 12 周趋势',
  trendBasis: '新建按提交时间、已解决按解决时间、积压为各周周末未结、SLA 达成率同“SLA 达成率”一节的口径',
  trendCols: ['周', '新建', '已解决', '积压（周末未结）', '响应达成率', '解决达成率'],
  backlogList: '积压清单（周末未结，最早的在前）',
  backlogListBasis: '周末（下周一 00:00）时仍为待处理/处理中的工单，按提交时间从早到晚',
  backlogListCols: ['问题编号', '问题标题', '紧急程度', '负责人', '提交时间', '时长（天）', '周末状态', '周末 SLA'],
  slaAtEnd: {
    breached: '已超时',
    onTrack: '正常',
    none: '无截止时间',
  },
  autoClosed: '无回复自动关闭',
  basisAutoClosed: '本周因请求人未回复而自动关闭（另计，不算入已解决）',
};
