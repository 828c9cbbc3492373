// The urgency choices' hints on the intake form, from the settings sheet's resolution targets
// (not fixed text): "24 working hours" with a 09:00–18:00 day is about three working days, and a
// team that changes its targets sees the form say so.
import { t } from './i18n';
import type { Lang, Urgency } from './schema';
import type { Settings, TargetSetting } from './settings';

const HOUR = 60;
const DAY = 24 * HOUR;

/** A target as a person reads it: "2 小时", "4 个工作小时", "约 3 个工作日" / "about 3 working days". */
export function targetDuration(tg: TargetSetting, settings: Pick<Settings, 'workStart' | 'workEnd'>, lang: Lang): string {
  const m = tg.minutes;
  if (tg.clock !== 'working') {
    if (m % DAY === 0) return t(lang, m === DAY ? 'durDay' : 'durDays', { n: m / DAY });
    if (m % HOUR === 0) return t(lang, m === HOUR ? 'durHour' : 'durHours', { n: m / HOUR });
    return t(lang, 'durMinutes', { n: m });
  }
  const workDay = Math.max(settings.workEnd - settings.workStart, HOUR);
  if (m < workDay) {
    if (m % HOUR === 0) return t(lang, m === HOUR ? 'durWorkingHour' : 'durWorkingHours', { n: m / HOUR });
    return t(lang, 'durMinutes', { n: m });
  }
  const days = m / workDay;
  const n = Math.max(1, Math.round(days));
  if (Math.abs(days - n) < 1e-9) return t(lang, n === 1 ? 'durWorkingDay' : 'durWorkingDays', { n });
  return t(lang, 'durAboutWorkingDays', { n });
}

const HINT_KEY = { high: 'urgencyHintHigh', medium: 'urgencyHintMedium', low: 'urgencyHintLow' } as const;

/** The hint under an urgency choice: what it means, and the resolution target the settings set. */
export function urgencyHint(u: Urgency, settings: Settings, lang: Lang): string {
  return t(lang, HINT_KEY[u], { within: targetDuration(settings.targets.resolution[u], settings, lang) });
}
