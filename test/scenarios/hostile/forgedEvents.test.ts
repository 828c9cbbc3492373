// Forged edit events (issue 17): onTrackerEdit handed junk instead of Sheets' event (through
// google.script.run, or a script passing its own object) answers with a clear message in the
// sheet's language and changes nothing — never "e.range.getSheet is not a function".
import { t } from '../../../src/domain/i18n';
import { expectIntact, snapshot } from './invariants';
import { open, world } from './world';

const zh = world(['pending', 'resolved']);
const en = world(['pending', 'resolved'], { locale: 'en_US' });

const JUNK: [string, unknown][] = [
  ['nothing', undefined],
  ['null', null],
  ['a number', 42],
  ['a string', '工单!I2'],
  ['a list', [1, 2]],
  ['an empty object', {}],
  ['range as a string', { range: '工单!I2', value: '已关闭' }],
  ['range as A1 object', { range: { a1: 'I2' }, value: '已关闭' }],
  ['getSheet not a function', { range: { getSheet: 1, getA1Notation: 'I2' }, value: '已关闭' }],
  ['only getA1Notation missing', { range: { getSheet: 'x' }, value: '已关闭' }],
  ['range null', { range: null, value: '已关闭' }],
  ['nested junk', { range: { getSheet: { getName: '工单' } }, oldValue: '待处理', value: '已关闭' }],
];

describe('a forged edit event is refused, nothing changes', () => {
  const cases = JUNK.flatMap(([n, e]) => (['zh', 'en'] as const).flatMap((lang) => (['client', 'script'] as const).map((via) => [`${n} / ${lang} / ${via}`, e, lang, via] as const)));
  it.each(cases)('%s', (_n, e, lang, via) => {
    const rt = open(lang === 'zh' ? zh : en);
    const before = snapshot(rt);
    const r = via === 'client' ? rt.callFromClient('onTrackerEdit', e) : rt.call('onTrackerEdit', e);
    expect(r.result).toMatchObject({ handled: false, changedRows: 0, message: t(lang, 'badEditEvent') });
    expectIntact(rt, before);
  });
});
