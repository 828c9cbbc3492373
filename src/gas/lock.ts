// Every read-modify-write of the ticket sheet runs under the document lock (one sheet, all its
// users), never the script lock (which an add-on would share across every sheet it is in).

export class BusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BusyError';
  }
}

export function withDocumentLock<T>(
  lockService: GoogleAppsScript.Lock.LockService,
  spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  timeoutMs: number,
  busyMessage: string,
  work: () => T,
): T {
  const lock = lockService.getDocumentLock();
  if (!lock) throw new Error('No document lock: the add-on must run inside a spreadsheet.');
  if (!lock.tryLock(timeoutMs)) throw new BusyError(busyMessage);
  try {
    return work();
  } finally {
    // Commit pending writes while we still hold exclusive access (Lock.releaseLock docs).
    spreadsheetApp.flush();
    lock.releaseLock();
  }
}
