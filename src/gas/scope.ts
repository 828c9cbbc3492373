// Where this copy of the tracker keeps what belongs to its one sheet. A copy runs either as an editor
// add-on (one script shared by every document it is used in) or as a script bound to the sheet (a
// script of its own: a copy of the sheet gets a copy of the script, guides/bound). Told apart by
// ScriptApp.getInstallationSource(): NONE "Script is not running as an add-on"
// (reference/script/installation-source).
import type { Services } from './services';

/** True when this copy runs as a script bound to its sheet, not as an add-on. */
export function runsAsBoundScript(svc: Pick<Services, 'ScriptApp'>): boolean {
  return String(svc.ScriptApp.getInstallationSource()) === String(svc.ScriptApp.InstallationSource.NONE);
}

/**
 * The cache for this sheet's entries, or null when there is none to be had. In an add-on that is
 * the document cache: the script cache is "common to all users of the script", i.e. every sheet
 * using the add-on (reference/cache/cache-service#getscriptcache). getDocumentCache() returns null
 * "outside of the context of a containing document (such as from a standalone script or web app)"
 * (reference/cache/cache-service#getdocumentcache), so a bound script's web form could not reach it;
 * a bound script's own script cache already belongs to its one sheet, and every execution of it
 * (sidebar, triggers, web form) reaches the same one.
 */
export function trackerCache(svc: Pick<Services, 'ScriptApp' | 'CacheService'>): GoogleAppsScript.Cache.Cache | null {
  return runsAsBoundScript(svc) ? svc.CacheService.getScriptCache() : svc.CacheService.getDocumentCache();
}
