// The work log's encoding against forged entries (issue 17, "Bad input"): whatever a reason, note or
// name holds, an action adds exactly one entry, stamped now and by the actor; and a log near a
// cell's size is split so that every line survives.
import type { ActionContext, ActionName } from '../../src/domain/workflow';
import { applyAction } from '../../src/domain/workflow';
import type { Ticket } from '../../src/domain/ticket';
import { blankTicket } from '../../src/domain/ticket';
import {
  CONTINUATION,
  LOG_ARCHIVE_AT,
  LOG_KEEP,
  chunkText,
  hasArchivedEntries,
  lastLogAt,
  lineBreaksShown,
  logEntry,
  splitEntries,
  splitForArchive,
  startsEntry,
} from '../../src/domain/worklog';
import { formatLocal, intlZone } from '../../src/domain/zone';
import { formatRecord } from '../../src/domain/record';
import { formatWaitSegment, noWait, startWait } from '../../src/domain/waiting';

const SH = intlZone('Asia/Shanghai');
const T0 = Date.parse('2024-05-01T09:15:00+08:00');
const NOW = T0 + 60 * 60_000;
const ctx = (over: Partial<ActionContext> = {}): ActionContext => ({
  now: NOW,
  by: '张工',
  lang: 'zh',
  agents: [
    { name: '张工', tier: 'tier1' },
    { name: '李工程师', tier: 'tier2' },
  ],
  stamp: (ms) => formatLocal(ms, SH, 'minute'),
  ...over,
});
const OLD_LOG = '2024-05-01 09:20 张工: 已受理';
const ticket = (status: Ticket['status']): Ticket => ({
  ...blankTicket(),
  id: 'IT20240501001',
  title: 'VPN',
  urgency: 'medium',
  submittedAt: T0,
  status,
  tier: 'tier1',
  workLog: OLD_LOG,
  firstResponseAt: T0 + 5 * 60_000,
  solution: status === 'resolved' ? '重置证书' : '',
});
/** The same ticket waiting for the requester since 09:30 (its record says so: domain/waiting.ts). */
const waitingTicket = (status: Ticket['status']): Ticket => {
  const tk = ticket(status);
  return { ...tk, record: formatRecord(tk, formatWaitSegment(startWait(noWait(), 'requester', T0 + 15 * 60_000))) };
};

// Forged entries: a line break of every kind, then a stamp "by" someone else at an earlier time.
const FAKE = '2024-04-30 08:00 王经理: 已批准关闭';
const BREAKS: [string, string][] = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
  ['line separator', '\u2028'],
  ['paragraph separator', '\u2029'],
  ['NEL', '\u0085'],
  ['vertical tab', '\u000b'],
  ['form feed', '\u000c'],
  ['LF + spaces', '\n   '],
  ['LF + tab', '\n\t'],
  ['LF + ideographic space', '\n\u3000'],
  ['blank lines', '\n\n\n'],
];
const SHAPES: [string, (br: string) => string][] = [
  ['reason then fake', (br) => `重复提交${br}${FAKE}`],
  ['fake first', (br) => `${br}${FAKE}`],
  ['two fakes', (br) => `原因${br}${FAKE}${br}2024-04-30 08:05 王经理: 已关闭`],
  ['fake with trailing break', (br) => `原因${br}${FAKE}${br}`],
];
const ACTIONS_WITH_TEXT: [ActionName, Ticket['status'], string][] = [
  ['escalate', 'inProgress', 'reason'],
  ['close', 'pending', 'reason'],
  ['reopen', 'resolved', 'reason'],
  ['note', 'inProgress', 'text'],
  ['escalate', 'inProgress', 'background'],
  ['escalate', 'inProgress', 'tried'],
  ['wait', 'inProgress', 'reason'],
  ['endWait', 'inProgress', 'reason'],
];
/** What each action needs besides the text under test (escalation names a tier-2 agent). */
const OTHER: Partial<Record<ActionName, Record<string, unknown>>> = {
  escalate: { assignee: '李工程师', reason: '需要二线' },
  wait: { kind: 'requester' },
};

describe('nothing typed starts a new work-log entry', () => {
  const cases = ACTIONS_WITH_TEXT.flatMap(([action, status, key]) =>
    SHAPES.flatMap(([shape, make]) => BREAKS.map(([br, ch]) => [`${action} / ${shape} / ${br}`, action, status, key, make(ch)] as const)),
  );
  it.each(cases)('%s', (_name, action, status, key, text) => {
    const tk = action === 'endWait' ? waitingTicket(status) : ticket(status);
    const r = applyAction(tk, action, { ...OTHER[action], [key]: text }, ctx());
    if (!r.ok) {
      // Control characters may be refused outright, with a message beside the field.
      expect(r.field).toBe(key);
      expect(r.message).toMatch(/控制字符/);
      return;
    }
    const log = r.changes.workLog as string;
    const { head, entries } = splitEntries(log);
    expect(head).toEqual([]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe(OLD_LOG);
    expect(entries[1].startsWith('2024-05-01 10:15 张工: ')).toBe(true);
    for (const line of entries[1].split('\n').slice(1)) expect(line.startsWith(CONTINUATION)).toBe(true);
    expect(log.split('\n').filter(startsEntry)).toHaveLength(2);
    // The SLA's "last update" is the real one, never the forged time.
    expect(lastLogAt(log, SH)).toBe(NOW);
    // The forged text is still there, readable, inside the real entry.
    expect(entries[1]).toContain('王经理');
  });

  it.each([['\u202e'], ['\ud800'], ['\udc00x']])('a reason with %p is refused with its own message', (bad) => {
    const r = applyAction(ticket('inProgress'), 'escalate', { reason: `升级${bad}` }, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).not.toMatch(/请填写/);
  });

  it('a name with a line break stays on the entry line', () => {
    expect(logEntry('2024-05-01 10:15', '张工\n2024-04-30 08:00 王经理', '已受理')).toBe(
      '2024-05-01 10:15 张工 2024-04-30 08:00 王经理: 已受理',
    );
  });

  it('keeps a multi-line reason readable: same lines, indented', () => {
    expect(logEntry('2024-05-01 10:15', '张工', '第一行\r\n  第二行\n\n第三行  ')).toBe('2024-05-01 10:15 张工: 第一行\n  第二行\n  第三行');
  });

  it('audit values are one line', () => {
    expect(lineBreaksShown(`a\r\nb\u2028c`)).toBe('a ⏎ b ⏎ c');
    expect(lineBreaksShown('plain')).toBe('plain');
  });
});

describe('a full log moves its oldest entries out', () => {
  const entry = (i: number) => `2024-05-01 ${String(10 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 张工: ${'记录'.repeat(100)} #${i}`;
  const bigLog = (n: number, head = '') => [head, ...Array.from({ length: n }, (_, i) => entry(i))].filter(Boolean).join('\n');

  it('leaves a short log alone', () => {
    expect(splitForArchive(bigLog(10), 'zh')).toBeNull();
  });

  it.each([
    ['zh', ''],
    ['en', ''],
    ['zh', '手写的说明\n第二行'],
    ['en', '=formula-like hand text'],
  ] as const)('%s, head %p: every line is kept or moved, the newest entries stay', (lang, head) => {
    const log = bigLog(250, head);
    expect(log.length).toBeGreaterThan(LOG_ARCHIVE_AT);
    const split = splitForArchive(log, lang)!;
    expect(split.kept.length).toBeLessThanOrEqual(LOG_KEEP);
    expect(hasArchivedEntries(split.kept)).toBe(true);
    const keptEntries = splitEntries(split.kept).entries;
    expect(keptEntries[keptEntries.length - 1]).toBe(entry(249));
    expect([...split.moved.split('\n'), ...keptEntries.join('\n').split('\n')]).toEqual(log.split('\n'));
    expect(split.count + keptEntries.length).toBe(250);
  });

  it('a second move replaces the pointer, never stacks it', () => {
    const first = splitForArchive(bigLog(250), 'zh')!;
    const grown = [first.kept, ...Array.from({ length: 200 }, (_, i) => entry(300 + i))].join('\n');
    const second = splitForArchive(grown, 'zh')!;
    expect(second.kept.split('\n').filter((l) => l.startsWith('〔'))).toHaveLength(1);
    expect(second.moved.startsWith('〔')).toBe(false);
  });

  it('one giant newest entry is kept whole', () => {
    const giant = `2024-05-01 10:00 张工: ${'x'.repeat(LOG_ARCHIVE_AT)}`;
    const split = splitForArchive(`${entry(1)}\n${giant}`, 'zh')!;
    expect(splitEntries(split.kept).entries).toEqual([giant]);
    expect(split.moved).toBe(entry(1));
  });

  it.each([
    ['lines', 'abc\ndef\nghi', 5, ['abc', 'def', 'ghi']],
    ['no breaks', 'abcdefgh', 3, ['abc', 'def', 'gh']],
    ['surrogate pair at the cut', 'ab😀cd', 3, ['ab', '😀c', 'd']],
  ])('chunkText: %s', (_n, text, max, out) => {
    expect(chunkText(text as string, max as number)).toEqual(out);
  });
});
