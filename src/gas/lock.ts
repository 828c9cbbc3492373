// Every read-modify-write of the tracker runs under one lock per copy of the tracker: the same lock
// for the sidebar, the menu, the triggers and the web form, so no two of them ever interleave.
//
// Which lock that is depends on how the copy runs:
// - An editor add-on: the document lock ("scoped to the script and current document"). Never the
//   script lock there: an add-on's script is shared by every document it is used in, so its script
//   lock would serialise every user of every sheet. An add-on has no web form (its web app has no
//   spreadsheet: webApp.ts), so everything that writes does run inside the document.
// - A script bound to the sheet: the script lock. getDocumentLock() "returns null … from a
//   standalone script or webapp" (reference/lock/lock-service#getdocumentlock), so a web-form
//   submit cannot take the document lock, and the document lock (a different lock) would not keep
//   it apart from a sidebar submit. A bound script belongs to its one sheet (a copy of the sheet
//   gets its own copy of the script: guides/bound), so its script lock covers exactly that sheet,
//   and every execution of it can take that lock, web request or not.
// How the copy runs: scope.ts.
import { TrackerError } from '../domain/errors';
import { runsAsBoundScript } from './scope';
import type { Services } from './services';

/** The lock was held past the wait (code `busy`): the person may simply try again. */
export class BusyError extends TrackerError {
  constructor(message: string) {
    super('busy', message);
    this.name = 'BusyError';
  }
}

/** The one lock every writer of this tracker takes (see the top of this file). Not yet acquired. */
export function trackerLock(svc: Pick<Services, 'LockService' | 'ScriptApp'>): GoogleAppsScript.Lock.Lock {
  if (runsAsBoundScript(svc)) return svc.LockService.getScriptLock();
  const lock = svc.LockService.getDocumentLock();
  if (!lock) throw new TrackerError('noDocument', 'No document lock: the add-on must run inside a spreadsheet.');
  return lock;
}

/** Runs `work` holding the tracker lock; throws BusyError when it is not free within `timeoutMs`. */
export function withTrackerLock<T>(svc: Pick<Services, 'LockService' | 'ScriptApp' | 'SpreadsheetApp'>, timeoutMs: number, busyMessage: string, work: () => T): T {
  const lock = trackerLock(svc);
  if (!lock.tryLock(timeoutMs)) throw new BusyError(busyMessage);
  try {
    return work();
  } finally {
    // Commit pending writes while we still hold exclusive access (reference/lock/lock#releaselock).
    svc.SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
