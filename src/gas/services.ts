// The one seam between the add-on and Apps Script's global services. Everything below the entry
// module receives a Services object, so tests hand in the local runtime's services directly.

export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  MailApp: GoogleAppsScript.Mail.MailApp;
}

/** Apps Script's globals, looked up when called (never at load time: onOpen may run in AuthMode.NONE). */
export function globalServices(): Services {
  const g = globalThis as unknown as Services;
  return {
    SpreadsheetApp: g.SpreadsheetApp,
    HtmlService: g.HtmlService,
    LockService: g.LockService,
    ScriptApp: g.ScriptApp,
    PropertiesService: g.PropertiesService,
    CacheService: g.CacheService,
    Utilities: g.Utilities,
    Session: g.Session,
    MailApp: g.MailApp,
  };
}
