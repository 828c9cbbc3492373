// Installable triggers: the hand-edit trigger and the SLA sweep. Setup remembers each one it
// creates by its unique ID and looks for that ID before creating, so running it again never adds a
// second pair (an editor add-on may hold one trigger of each type per document): findTriggers.
import { rethrowDefect } from '../domain/errors';
import { catalog } from '../domain/i18n';
import type { TrackerConfig } from './config';
import type { TriggerIds } from './properties';
import { PROPERTY_KEYS, readTriggerIds, writeTriggerIds } from './properties';
import { runsAsBoundScript } from './scope';
import type { Services } from './services';

export const EDIT_HANDLER = 'onTrackerEdit';
export const TIMER_HANDLER = 'onSlaTimer';
const INTERVAL_KEY = PROPERTY_KEYS.sweepMinutes;
const OWNER_KEY = PROPERTY_KEYS.triggerOwner;

/** Returns what it did, for the setup report. */
export function ensureTriggers(svc: Services, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, config: TrackerConfig): string[] {
  const T = catalog(config.lang).triggers;
  const done: string[] = [];
  const props = svc.PropertiesService.getDocumentProperties();
  // Installable triggers belong to one user: a second person running setup would add a second
  // pair (every hand edit handled twice, two sweeps), and getUserTriggers cannot see the first.
  let me = '';
  try {
    me = svc.Session.getEffectiveUser().getEmail();
  } catch (e) {
    rethrowDefect(e);
    // unknown user: behave as before
  }
  const owner = props.getProperty(OWNER_KEY);
  if (owner && me && owner !== me) {
    done.push(T.ownedBy(owner));
    return done;
  }
  if (me) props.setProperty(OWNER_KEY, me);
  const remembered = readTriggerIds(props);
  const found = findTriggers(svc, ss, remembered);
  const ids: TriggerIds = {};

  // Google may refuse installable triggers (add-on test deployment, 20-trigger limit): setup
  // still finishes and says what is missing and why.
  const refused = (what: string, e: unknown) =>
    done.push(T.refused(what, e instanceof Error ? e.message : String(e)));
  if (found.edit) ids.edit = found.edit.getUniqueId();
  else {
    try {
      ids.edit = svc.ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create().getUniqueId();
      done.push(T.editInstalled);
    } catch (e) {
      refused(T.editTrigger, e);
    }
  }
  for (const extra of found.extras) svc.ScriptApp.deleteTrigger(extra);

  const wanted = config.settings.sweepMinutes;
  const remember = () => {
    if (remembered.edit !== ids.edit || remembered.timer !== ids.timer) writeTriggerIds(props, ids);
  };
  if (found.timer && props.getProperty(INTERVAL_KEY) === String(wanted)) {
    ids.timer = found.timer.getUniqueId();
    remember();
    return done;
  }
  if (found.timer) svc.ScriptApp.deleteTrigger(found.timer);
  let installed: number;
  try {
    const made = createTimer(svc, wanted);
    installed = made.minutes;
    ids.timer = made.id;
  } catch (e) {
    refused(T.sweepTrigger, e);
    remember();
    return done;
  }
  remember();
  // The interval asked for, not the one installed: otherwise a refused sub-hourly setting makes
  // every later setup delete and re-create the timer (and repeat the refusal).
  props.setProperty(INTERVAL_KEY, String(wanted));
  if (installed !== wanted) {
    done.push(T.hourlyInstead(wanted));
  } else {
    done.push(T.sweepEvery(installed));
  }
  return done;
}

/** Creates the sweep trigger; a sub-hourly interval Google refuses falls back to hourly. */
function createTimer(svc: Services, minutes: number): { minutes: number; id: string } {
  if (minutes < 60) {
    try {
      return { minutes, id: svc.ScriptApp.newTrigger(TIMER_HANDLER).timeBased().everyMinutes(minutes).create().getUniqueId() };
    } catch (e) {
      rethrowDefect(e);
      // Editor add-ons may not run time triggers more than hourly.
    }
  }
  const hours = Math.max(1, Math.round(minutes / 60));
  const id = svc.ScriptApp.newTrigger(TIMER_HANDLER).timeBased().everyHours(hours).create().getUniqueId();
  return { minutes: hours * 60, id };
}

type Trigger = GoogleAppsScript.Script.Trigger;

/**
 * This document's edit and sweep triggers among the current user's, and duplicates to delete.
 *
 * getProjectTriggers() gives "all installable triggers associated with the current project and
 * current user" (reference/script/script-app#getprojecttriggers): in an add-on that is every
 * document the user has it in. Whether getUserTriggers(ss) lists time-driven triggers is not
 * documented (reference/script/script-app#getusertriggersspreadsheet), so neither can say which
 * sweep is this document's; the unique ID setup remembered can (reference/script/trigger#getuniqueid).
 *
 * A tracker set up before the IDs were remembered adopts its triggers once: the edit trigger is
 * the one whose source is this spreadsheet (reference/script/trigger#gettriggersourceid); the
 * sweep, in a bound script, any of the user's (the project is this sheet's alone), in an add-on
 * the one getUserTriggers(ss) lists, if it does. In a bound script, further copies of either are
 * this sheet's duplicates and are deleted.
 */
function findTriggers(svc: Services, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, remembered: TriggerIds): { edit: Trigger | null; timer: Trigger | null; extras: Trigger[] } {
  const all = svc.ScriptApp.getProjectTriggers();
  const byId = (id: string | undefined) => (id ? all.find((t) => t.getUniqueId() === id) ?? null : null);
  let edit = byId(remembered.edit);
  let timer = byId(remembered.timer);
  const bound = runsAsBoundScript(svc);
  const ssId = ss.getId();
  const isEdit = (t: Trigger) => t.getHandlerFunction() === EDIT_HANDLER && t.getTriggerSourceId() === ssId;
  if (!edit && !remembered.edit) edit = all.find(isEdit) ?? null;
  if (!timer && !remembered.timer) {
    const candidates = bound ? all : svc.ScriptApp.getUserTriggers(ss);
    timer = candidates.find((t) => t.getHandlerFunction() === TIMER_HANDLER) ?? null;
  }
  const extras = bound
    ? all.filter((t) => (isEdit(t) && t.getUniqueId() !== edit?.getUniqueId()) || (t.getHandlerFunction() === TIMER_HANDLER && t.getUniqueId() !== timer?.getUniqueId()))
    : [];
  return { edit, timer, extras };
}
