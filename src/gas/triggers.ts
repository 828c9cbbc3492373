// Installable triggers: the hand-edit trigger and the SLA sweep. Checked before creating, so
// setup never duplicates them (an editor add-on may hold one trigger of each type per document).
import type { TrackerConfig } from './config';
import type { Services } from './services';

export const EDIT_HANDLER = 'onTrackerEdit';
export const TIMER_HANDLER = 'onSlaTimer';
const INTERVAL_KEY = 'tracker.sweepMinutes';

/** Returns what it did, for the setup report. */
export function ensureTriggers(svc: Services, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, config: TrackerConfig): string[] {
  const zh = config.lang === 'zh';
  const done: string[] = [];
  const existing = svc.ScriptApp.getUserTriggers(ss);
  const byHandler = (h: string) => existing.filter((tr) => tr.getHandlerFunction() === h);

  if (!byHandler(EDIT_HANDLER).length) {
    svc.ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
    done.push(zh ? '已安装编辑触发器' : 'installed the edit trigger');
  }

  const props = svc.PropertiesService.getDocumentProperties();
  const wanted = config.settings.sweepMinutes;
  const timers = byHandler(TIMER_HANDLER);
  if (timers.length === 1 && props.getProperty(INTERVAL_KEY) === String(wanted)) return done;
  timers.forEach((tr) => svc.ScriptApp.deleteTrigger(tr));
  const installed = createTimer(svc, wanted);
  props.setProperty(INTERVAL_KEY, String(installed));
  if (installed !== wanted) {
    done.push(zh ? `Google 不允许每 ${wanted} 分钟运行(插件最多每小时一次),已改为每小时` : `Google refused a ${wanted}-minute interval (add-ons run at most hourly); using hourly`);
  } else {
    done.push(zh ? `SLA 巡检:每 ${installed} 分钟` : `SLA sweep every ${installed} minutes`);
  }
  return done;
}

/** Creates the sweep trigger; a sub-hourly interval Google refuses falls back to hourly. */
function createTimer(svc: Services, minutes: number): number {
  if (minutes < 60) {
    try {
      svc.ScriptApp.newTrigger(TIMER_HANDLER).timeBased().everyMinutes(minutes).create();
      return minutes;
    } catch {
      // Editor add-ons may not run time triggers more than hourly.
    }
  }
  const hours = Math.max(1, Math.round(minutes / 60));
  svc.ScriptApp.newTrigger(TIMER_HANDLER).timeBased().everyHours(hours).create();
  return hours * 60;
}
