// The SLA状态 cell text (src/domain/sla/text.ts): written and read back in both languages, the words
// the conditional formats look for, and the row colour and overall state it gives.
import { SLA_LABELS, type SlaHint, type SlaState } from '../../../src/domain/schema';
import {
  formatSlaStatus,
  overallState,
  parseSlaStatus,
  rowColour,
  settledSlaStates,
  SLA_CF_WORDS,
  SLA_TARGET_LABELS,
  type SlaSummary,
} from '../../../src/domain/sla';

describe('SLA状态 text', () => {
  const STATES: Array<SlaState | null> = [null, 'onTrack', 'atRisk', 'breached', 'met', 'missed'];
  const HINT_SETS: SlaHint[][] = [
    [],
    ['needsEscalation'],
    ['updateOverdue'],
    ['needsEscalation', 'updateOverdue'],
  ];

  test('examples in both languages', () => {
    const ev: SlaSummary = { response: 'met', resolution: 'atRisk', hints: ['needsEscalation'] };
    expect(formatSlaStatus(ev, 'zh')).toBe('响应：已达成 · 解决：有风险 · 需升级');
    expect(formatSlaStatus(ev, 'en')).toBe('Response: Met · Resolution: At risk · Needs escalation');
    expect(formatSlaStatus({ response: null, resolution: null, hints: [] }, 'zh')).toBe('');
  });

  test('round trip of every combination, both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const response of STATES) {
        for (const resolution of STATES) {
          for (const hints of HINT_SETS) {
            const s: SlaSummary = { response, resolution, hints };
            expect(parseSlaStatus(formatSlaStatus(s, lang))).toEqual(s);
          }
        }
      }
    }
  });

  test('tolerant parsing', () => {
    expect(parseSlaStatus('响应:已达成 解决:有风险 需升级')).toEqual({
      response: 'met',
      resolution: 'atRisk',
      hints: ['needsEscalation'],
    });
    expect(parseSlaStatus('RESPONSE: BREACHED | resolution=on-track, update overdue')).toEqual({
      response: 'breached',
      resolution: 'onTrack',
      hints: ['updateOverdue'],
    });
    expect(parseSlaStatus('解决：已超时；响应：已达成')).toEqual({
      response: 'met',
      resolution: 'breached',
      hints: [],
    });
    expect(parseSlaStatus('  Resolution:missed  ')).toEqual({
      response: null,
      resolution: 'missed',
      hints: [],
    });
    expect(parseSlaStatus('响应：未达成')).toEqual({ response: 'missed', resolution: null, hints: [] });
    expect(parseSlaStatus('ＲＥＳＰＯＮＳＥ：ＭＥＴ')).toEqual({
      response: 'met',
      resolution: null,
      hints: [],
    });
  });

  test('mangled text gives nulls, never throws', () => {
    const junk: unknown[] = [
      '',
      null,
      undefined,
      42,
      {},
      [],
      new Date(0),
      '响应：',
      'Response: ???',
      '解决：已超',
      '已超时', // a state without its target
      'met',
      '=SUM(A1)',
      '\u0000\uffff',
      'Response Resolution',
    ];
    for (const j of junk) {
      const p = parseSlaStatus(j);
      expect(p.response).toBeNull();
      expect(p.resolution).toBeNull();
    }
    // Random cuts of valid text never throw.
    const full =
      formatSlaStatus(
        { response: 'breached', resolution: 'atRisk', hints: ['needsEscalation', 'updateOverdue'] },
        'en',
      ) + formatSlaStatus({ response: 'missed', resolution: 'met', hints: ['updateOverdue'] }, 'zh');
    for (let i = 0; i < full.length; i++)
      for (let j = i; j <= full.length; j += 3) expect(() => parseSlaStatus(full.slice(i, j))).not.toThrow();
  });

  test('conditional-formatting words are distinctive substrings', () => {
    const others = (word: string): string[] =>
      [
        ...Object.entries(SLA_LABELS).flatMap(([, v]) => [v.zh, v.en]),
        ...Object.values(SLA_TARGET_LABELS).flatMap((v) => [v.zh, v.en]),
      ].filter((label) => label.toLowerCase() !== word.toLowerCase());
    for (const word of [...SLA_CF_WORDS.red, ...SLA_CF_WORDS.amber]) {
      for (const other of others(word)) expect(other.toLowerCase()).not.toContain(word.toLowerCase());
    }
    // Each formatted cell contains a red word exactly when rowColour says red, an amber word
    // exactly when something is at risk.
    for (const lang of ['zh', 'en'] as const) {
      for (const response of STATES) {
        for (const resolution of STATES) {
          const s: SlaSummary = { response, resolution, hints: ['needsEscalation', 'updateOverdue'] };
          const text = formatSlaStatus(s, lang).toLowerCase();
          const hasRed = SLA_CF_WORDS.red.some((w) => text.includes(w.toLowerCase()));
          const hasAmber = SLA_CF_WORDS.amber.some((w) => text.includes(w.toLowerCase()));
          expect(hasRed).toBe(response === 'breached' || resolution === 'breached');
          expect(hasAmber).toBe(response === 'atRisk' || resolution === 'atRisk');
          expect(rowColour(s)).toBe(hasRed ? 'red' : hasAmber ? 'amber' : null);
        }
      }
    }
  });
});

describe('settledSlaStates', () => {
  it.each([
    ['closed', '响应：已达成 · 解决：未达成', { response: 'met', resolution: 'missed' }],
    ['resolved', 'Resolution: Met', { response: null, resolution: 'met' }],
    ['closed', '响应：已达成 · 解决：有风险', null], // a state time can still change
    ['closed', '响应：已达成 · 解决：已达成 · 需要升级', null], // a hint
    ['closed', '', null],
    ['inProgress', '响应：已达成 · 解决：已达成', null], // not done: the clock still runs
  ] as const)('%s with %j', (status, text, expected) => {
    const got = settledSlaStates(status, text);
    expect(got && { response: got.response, resolution: got.resolution }).toEqual(expected);
  });
});

describe('rowColour and overallState', () => {
  const s = (response: SlaState | null, resolution: SlaState | null): SlaSummary => ({
    response,
    resolution,
    hints: [],
  });
  test('rowColour', () => {
    expect(rowColour(s('breached', 'met'))).toBe('red');
    expect(rowColour(s('atRisk', 'breached'))).toBe('red');
    expect(rowColour(s('met', 'atRisk'))).toBe('amber');
    expect(rowColour(s('missed', 'onTrack'))).toBeNull();
    expect(rowColour({ response: 'met', resolution: 'onTrack', hints: ['updateOverdue'] })).toBeNull();
    expect(rowColour(s(null, null))).toBeNull();
  });
  test('overallState: breached > missed > atRisk > onTrack > met', () => {
    expect(overallState(s('met', 'breached'))).toBe('breached');
    expect(overallState(s('missed', 'atRisk'))).toBe('missed');
    expect(overallState(s('atRisk', 'onTrack'))).toBe('atRisk');
    expect(overallState(s('met', 'onTrack'))).toBe('onTrack');
    expect(overallState(s('met', 'met'))).toBe('met');
    expect(overallState(s(null, 'met'))).toBe('met');
    expect(overallState(s('missed', null))).toBe('missed');
    expect(overallState(s(null, null))).toBeNull();
  });
});
