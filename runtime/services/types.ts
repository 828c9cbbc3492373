// The global services the runtime hands to the code it runs, typed by Google's published typings
// (@types/google-apps-script), not by the add-on's own src/gas/services.ts: the emulator must not
// be shaped by the code it checks. test/contract/runtimeServices.test.ts proves, at compile time,
// that these fit what the add-on expects.

export interface RuntimeServices {
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
