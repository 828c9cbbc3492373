// Manifest scopes: with `oauthScopes` listed, Apps Script grants exactly those
// (guides/services/authorization) and a call that needs another throws.
import { LocalRuntime } from '../../runtime';
import { scopesFor } from '../../runtime/scopes';

const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const USERINFO = 'https://www.googleapis.com/auth/userinfo.email';

const runtime = (oauthScopes?: string[] | null) => new LocalRuntime({ bundle: false, user: 'li@example.com', oauthScopes });

describe('scopes a call needs', () => {
  test('follow the reference pages', () => {
    expect(scopesFor('Session', 'getActiveUser')).toEqual([USERINFO]);
    expect(scopesFor('Range', 'getValues')).toContain(CURRENT_ONLY);
    expect(scopesFor('SpreadsheetApp', 'getActiveSpreadsheet')).toContain(CURRENT_ONLY);
    expect(scopesFor('Ui', 'showSidebar')).toEqual(['https://www.googleapis.com/auth/script.container.ui']);
    expect(scopesFor('ScriptApp', 'newTrigger')).toEqual(['https://www.googleapis.com/auth/script.scriptapp']);
    expect(scopesFor('MailApp', 'sendEmail')).toEqual(['https://www.googleapis.com/auth/script.send_mail']);
    // Menus are built in AuthMode.NONE; builders and locks need no scope.
    expect(scopesFor('SpreadsheetApp', 'getUi')).toBeNull();
    expect(scopesFor('SpreadsheetApp', 'newDataValidation')).toBeNull();
    expect(scopesFor('Ui', 'createAddonMenu')).toBeNull();
    expect(scopesFor('LockService', 'getDocumentLock')).toBeNull();
  });
});

describe('the runtime grants the manifest scopes only', () => {
  test('a call needing an unlisted scope throws Google\'s message', () => {
    const rt = runtime([CURRENT_ONLY]);
    expect(rt.services.SpreadsheetApp.getActiveSpreadsheet().getName()).toBeTruthy();
    expect(() => rt.services.Session.getActiveUser()).toThrow(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(() => rt.services.ScriptApp.getProjectTriggers()).toThrow(/script\.scriptapp/);
    expect(rt.services.Session.getScriptTimeZone()).toBeTruthy(); // needs no scope
  });

  test('either spreadsheet scope is enough for the spreadsheet service', () => {
    expect(() => runtime([]).services.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/spreadsheets\.currentonly/);
    expect(() => runtime(['https://www.googleapis.com/auth/spreadsheets']).services.SpreadsheetApp.getActiveSpreadsheet()).not.toThrow();
  });

  test('a manifest without oauthScopes grants what the code uses', () => {
    expect(runtime(null).services.Session.getActiveUser().getEmail()).toBe('li@example.com');
  });

  test('by default the shipped manifest decides, and it lets the add-on know who acts', () => {
    const rt = new LocalRuntime({ bundle: false, user: 'li@example.com' });
    expect(rt.services.Session.getActiveUser().getEmail()).toBe('li@example.com');
  });
});
