// Installable triggers: the hand-edit trigger and the SLA sweep. Checked before creating, so
// setup never duplicates them (an editor add-on may hold one trigger of each type per document).
import type { TrackerConfig } from './config';
import { PROPERTY_KEYS } from './properties';
import type { Services } from './services';

export const EDIT_HANDLER = 'onTrackerEdit';
export const TIMER_HANDLER = 'onSlaTimer';
const INTERVAL_KEY = PROPERTY_KEYS.sweepMinutes;
const OWNER_KEY = PROPERTY_KEYS.triggerOwner;

/** Returns what it did, for the setup report. */
export function ensureTriggers(svc: Services, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, config: TrackerConfig): string[] {
  const zh = config.lang === 'zh';
  const done: string[] = [];
  const props = svc.PropertiesService.getDocumentProperties();
  // Installable triggers belong to one user: a second person running setup would add a second
  // pair (every hand edit handled twice, two sweeps), and getUserTriggers cannot see the first.
  let me = '';
  try {
    me = svc.Session.getEffectiveUser().getEmail();
  } catch {
    // unknown user: behave as before
  }
  const owner = props.getProperty(OWNER_KEY);
  if (owner && me && owner !== me) {
    done.push(zh ? `触发器已由 ${owner} 安装,未重复安装` : `The triggers are installed by ${owner}; not installing a second set`);
    return done;
  }
  if (me) props.setProperty(OWNER_KEY, me);
  const existing = svc.ScriptApp.getUserTriggers(ss);
  const byHandler = (h: string) => existing.filter((tr) => tr.getHandlerFunction() === h);

  // Google may refuse installable triggers (add-on test deployment, 20-trigger limit): setup
  // still finishes and says what is missing and why.
  const refused = (what: string, e: unknown) =>
    done.push(zh ? `无法安装${what}:${e instanceof Error ? e.message : String(e)}` : `Could not install the ${what}: ${e instanceof Error ? e.message : String(e)}`);
  if (!byHandler(EDIT_HANDLER).length) {
    try {
      svc.ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
      done.push(zh ? '已安装编辑触发器' : 'installed the edit trigger');
    } catch (e) {
      refused(zh ? '编辑触发器' : 'edit trigger', e);
    }
  }

  const wanted = config.settings.sweepMinutes;
  const timers = byHandler(TIMER_HANDLER);
  if (timers.length === 1 && props.getProperty(INTERVAL_KEY) === String(wanted)) return done;
  timers.forEach((tr) => svc.ScriptApp.deleteTrigger(tr));
  let installed: number;
  try {
    installed = createTimer(svc, wanted);
  } catch (e) {
    refused(zh ? 'SLA 巡检触发器' : 'SLA sweep trigger', e);
    return done;
  }
  // The interval asked for, not the one installed: otherwise a refused sub-hourly setting makes
  // every later setup delete and re-create the timer (and repeat the refusal).
  props.setProperty(INTERVAL_KEY, String(wanted));
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
