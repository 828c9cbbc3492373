// User-facing messages in both languages. Every message a user can see is here, keyed, so the
// sidebar, the sheet and the CLI all say the same thing in the sheet's language.
import type { Lang } from './schema';

const MESSAGES = {
  required: { zh: '请填写{field}。', en: 'Please fill in {field}.' },
  titleTooLong: { zh: '问题标题不能超过 {max} 个字(现在 {n} 个)。', en: 'The title must be at most {max} characters (now {n}).' },
  tooLong: { zh: '{field}太长:最多 {max} 个字符。', en: '{field} is too long: at most {max} characters.' },
  controlChars: { zh: '{field}含有不可见的控制字符,请删除后重试。', en: '{field} contains invisible control characters; please remove them.' },
  brokenChars: {
    zh: '{field}含有残缺的字符(常见于只复制了一半的表情符号),请删除后重试。',
    en: '{field} contains a broken character (often half of a copied emoji); please remove it.',
  },
  bidiChars: {
    zh: '{field}含有改变文字方向的隐藏字符,可能让内容显示得与实际不同,请删除后重试。',
    en: '{field} contains hidden text-direction characters that can make it show something else; please remove them.',
  },
  notInList: { zh: '{field}只能是:{values}。', en: '{field} must be one of: {values}.' },
  personalMobile: {
    zh: '联系方式请填写内线电话或企业邮箱,不要填写个人手机号。',
    en: 'Please give an internal extension or a company email, not a personal mobile number.',
  },
  contactFormat: {
    zh: '联系方式应为内线电话(如 内线8888)或企业邮箱。',
    en: 'Contact should be an internal extension (e.g. ext 8888) or a company email.',
  },
  vagueDescription: {
    zh: '描述较笼统。请写明具体错误提示、发生时间、影响范围和已尝试的方法,便于快速定位。',
    en: 'The description is vague. Say the exact error, when it happened, who is affected and what you tried.',
  },
  badEditEvent: {
    zh: '这不是工作表的编辑事件,未做任何修改(编辑触发器只处理在表格中的真实编辑)。',
    en: 'That is not an edit event from the sheet; nothing was changed (the edit trigger only handles real edits in the sheet).',
  },
  badRequest: { zh: '提交的数据格式不正确,请刷新后重试。', en: 'The request was malformed; please reload and try again.' },
  busy: { zh: '系统繁忙(其他人正在提交),请稍后重试。您填写的内容已保留。', en: 'Busy (someone else is submitting); please try again. Your input has been kept.' },
  noTicketSheet: {
    zh: '找不到工单表。请先在菜单中运行「初始化 / 修复工单表」。',
    en: 'No ticket sheet found. Run "Set up / repair tracker" from the add-on menu first.',
  },
  ticketNotFound: { zh: '找不到工单 {id}。', en: 'Ticket {id} was not found.' },
  changedBy: { zh: '工单 {id} 已被 {by} 修改,请重新加载后再操作。', en: 'Ticket {id} was changed by {by}; reload it and try again.' },
  moveNotAllowed: { zh: '不允许把状态从「{from}」改为「{to}」。', en: 'The status cannot move from "{from}" to "{to}".' },
  actionNotAllowed: { zh: '当前状态「{status}」下不能执行「{action}」。', en: 'Cannot "{action}" while the status is "{status}".' },
  idReadOnly: { zh: '问题编号由系统生成,不能修改。', en: 'Ticket IDs are generated and cannot be edited.' },
  idPasted: { zh: '粘贴后问题编号重复:{ids}。问题编号由系统生成,请撤销(Ctrl+Z)。', en: 'The paste duplicated ticket IDs: {ids}. IDs are generated; please undo (Ctrl+Z).' },
  headerRestored: { zh: '表头「{column}」用于识别该列,已恢复。', en: 'The header "{column}" is how the tracker finds that column; it was put back.' },
  columnMissing: { zh: '工单表缺少列「{column}」。请运行「初始化 / 修复工单表」。', en: 'The ticket sheet has no "{column}" column. Run "Set up / repair tracker".' },
  setupConfirm: {
    zh: '即将整理工作表「{sheet}」(已有 {rows} 行数据):\n{plan}\n\n不会删除任何已有数据。继续吗?',
    en: 'About to adopt sheet "{sheet}" ({rows} rows of data):\n{plan}\n\nNo existing data will be removed. Continue?',
  },
  setupDone: { zh: '工单表已就绪。', en: 'The tracker is ready.' },
  setupCancelled: { zh: '已取消,工作表未做任何修改。', en: 'Cancelled; the sheet was not changed.' },
  unmappedCells: { zh: '以下单元格无法识别,已保持原样:{cells}', en: 'These cells could not be mapped and were left as they were: {cells}' },
  settingInvalid: { zh: '设置「{name}」的值「{value}」无效,已使用默认值 {fallback}。', en: 'Setting "{name}" has an invalid value "{value}"; using the default {fallback}.' },
  settingListTooLong: {
    zh: '「{list}」只使用前 {max} 项,其后的 {n} 项未使用(设置的存储空间有限)。',
    en: '"{list}": only the first {max} entries are used; the {n} after them are not (settings storage is limited).',
  },
  settingEntryTooLong: {
    zh: '「{list}」中有 {n} 项超过 {max} 个字(如「{value}」),未使用。',
    en: '"{list}": {n} entries are longer than {max} characters (e.g. "{value}") and are not used.',
  },
  settingHolidayConflict: { zh: '以下日期同时列为节假日和调休上班日,按节假日处理:{dates}', en: 'These dates are listed both as holidays and as extra working days and are treated as holidays: {dates}' },
  alreadyTier2: { zh: '该工单已在二线处理,无需再次升级。', en: 'This ticket is already with tier 2.' },
  sweepDone: { zh: 'SLA 检查完成:{n} 张工单,{breached} 张超时,{atRisk} 张有风险。', en: 'SLA check done: {n} tickets, {breached} breached, {atRisk} at risk.' },
  reasonRequired: { zh: '请填写原因。', en: 'Please give a reason.' },
  closeNeedsNote: { zh: '关闭待处理的工单前,请先在「{notes}」中写明原因(如重复提交、已撤回)。', en: 'Before closing a pending ticket, write why (duplicate, withdrawn…) in "{notes}".' },
  solutionRequired: { zh: '标记为已解决前请填写解决方案。', en: 'Please write the solution before resolving.' },
  teamOnly: {
    zh: '此功能只对工单表的使用者开放;网页表单只能提交问题。',
    en: 'Only people working in the tracker sheet can do this; the web form can only report problems.',
  },
  webFormNeedsBoundScript: {
    zh: '网页表单需要把工单系统部署为绑定到工单表的脚本(见 README 的「网页表单」)。',
    en: 'The web form needs the tracker deployed as a script bound to the sheet (see "Web form" in the README).',
  },
  webFormTitle: { zh: '提交技术问题', en: 'Report a problem' },
  unknownAgent: { zh: '「{name}」不在设置的支持人员名单中。', en: '"{name}" is not an agent listed in Settings.' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The spreadsheet locale decides the language: English for `en*`, Chinese otherwise. */
export function langOfLocale(locale: string | null | undefined): Lang {
  return /^en/i.test(locale ?? '') ? 'en' : 'zh';
}
