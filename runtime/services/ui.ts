// The Ui returned by SpreadsheetApp.getUi() (developers.google.com/apps-script/reference/base/ui).
// Nothing is drawn: menus, sidebars, dialogs, toasts and alerts are recorded for tests and the CLI;
// alert/prompt answers come from queued answers, then a responder, else the default (first button
// of the set: OK or YES; prompt text ''). While a dialog is open the script waits and everyone else
// goes on working: `whileAsking` runs other calls (a submit, a sort, an agent's action) at that
// moment, before the answer is given (reference/base/ui#alert: the script is suspended until the
// user closes the dialog).
import { expose, unwrap } from '../instrument';
import type { RuntimeContext } from '../context';
import { htmlRecord } from './html';

/** reference/base/ui#showsidebaruserinterface: a sidebar is 300 px wide whatever setWidth said. */
export const SIDEBAR_WIDTH = 300;

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export type ButtonName = keyof typeof Button;
const SET_BUTTONS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

const argType = (v: unknown): string =>
  v === undefined ? '' : v === null ? 'null' : typeof v === 'string' ? 'String' : typeof v === 'boolean' ? 'Boolean' : typeof v === 'number' ? 'number' : 'Object';

/** The HtmlOutput a dialog shows; (output, title) is the only signature. */
function dialogOutput(userInterface: unknown, title: unknown, member: string): unknown {
  const raw = userInterface && typeof userInterface === 'object' ? (unwrap(userInterface as object) as { getContent?: unknown }) : undefined;
  if (!raw || typeof raw.getContent !== 'function' || typeof title !== 'string') {
    const t = [userInterface, title].filter((v) => v !== undefined).map((v) => (v && typeof v === 'object' && typeof (v as { getContent?: unknown }).getContent === 'function' ? 'HtmlOutput' : argType(v)));
    throw new Error(`The parameters (${t.join(',')}) don't match the method signature for Ui.${member}.`);
  }
  return userInterface;
}

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };
export interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width?: number;
  height?: number;
  at: number;
}

export interface AskRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonName[];
  answer: { button: ButtonName; text?: string };
  at: number;
}

export type Responder = (q: Omit<AskRecord, 'answer' | 'at'>) => { button?: ButtonName; text?: string } | undefined;

/** Everything the add-on showed, in order. */
export class UiRecords {
  menus: MenuRecord[] = [];
  dialogs: DialogRecord[] = [];
  asks: AskRecord[] = [];
  toasts: Array<{ message: string; title: string; at: number }> = [];
  /** Answers used first, in order, by alert/prompt. */
  answers: Array<{ button?: ButtonName; text?: string }> = [];
  responder?: Responder;
  /** Run (once each, in order) while the next dialogs are open, before their answers. */
  private whileOpen: Array<(q: Omit<AskRecord, 'answer' | 'at'>) => void> = [];
  /** Caption of the add-on menu (the add-on's name on Google). */
  addonName = 'IT Support Tracker';

  /** Runs `fn` while the next alert or prompt is open (other people working meanwhile). */
  whileAsking(fn: (q: Omit<AskRecord, 'answer' | 'at'>) => void): void {
    this.whileOpen.push(fn);
  }

  /** Called by the Ui when a dialog opens. */
  _opened(q: Omit<AskRecord, 'answer' | 'at'>): void {
    const fn = this.whileOpen.shift();
    fn?.(q);
  }

  get sidebars(): DialogRecord[] {
    return this.dialogs.filter((d) => d.kind === 'sidebar');
  }

  clear(): void {
    this.menus = [];
    this.dialogs = [];
    this.asks = [];
    this.toasts = [];
  }
}

export class LocalMenu implements Pick<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  constructor(
    public record: MenuRecord,
    private records: UiRecords,
  ) {}

  addItem(caption: string, functionName: string): any {
    this.record.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): any {
    this.record.items.push({ separator: true });
    return this;
  }
  /** reference/base/menu#addsubmenumenu: "Adds a sub-menu to the menu"; only a Menu (another argument is refused). */
  addSubMenu(menu: GoogleAppsScript.Base.Menu): any {
    const raw = menu && typeof menu === 'object' ? (unwrap(menu) as unknown) : undefined;
    if (!(raw instanceof LocalMenu)) throw new Error(`The parameters (${argType(menu)}) don't match the method signature for Menu.addSubMenu.`);
    if (raw === this) throw new Error('Invalid argument: menu (a menu cannot be its own sub-menu)');
    this.record.items.push({ submenu: raw.record });
    return this;
  }
  addToUi(): void {
    const i = this.records.menus.findIndex((m) => m.caption === this.record.caption && m.addon === this.record.addon);
    const copy = JSON.parse(JSON.stringify(this.record)) as MenuRecord;
    if (i >= 0) this.records.menus[i] = copy;
    else this.records.menus.push(copy);
  }
}

class LocalPromptResponse implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private text: string,
    private button: ButtonName,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }
}

export class LocalUi
  implements Pick<GoogleAppsScript.Base.Ui, 'Button' | 'ButtonSet' | 'alert' | 'prompt' | 'createMenu' | 'createAddonMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'>
{
  Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private ctx: RuntimeContext,
    private records: UiRecords,
    /** Called as a dialog suspends the script: drops the locks it holds. */
    private onSuspend: () => void = () => {},
  ) {}

  private menu(caption: string, addon: boolean): GoogleAppsScript.Base.Menu {
    return expose(new LocalMenu({ caption, addon, items: [] }, this.records), 'Menu', this.ctx.acct) as unknown as GoogleAppsScript.Base.Menu;
  }

  /** "If the script is published as an add-on, the caption parameter is ignored and the menu is
   * added as a sub-menu of the Add-ons menu, equivalent to createAddonMenu()" (reference/base/ui#createmenucaption). */
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    if (this.ctx.addonMode) return this.createAddonMenu();
    return this.menu(String(caption), false);
  }

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return this.menu(this.records.addonName, true);
  }

  private show(kind: DialogRecord['kind'], html: unknown, title?: string): void {
    const h = htmlRecord(unwrap(html as object));
    this.records.dialogs.push({ kind, title: title ?? h.title, content: h.content, width: h.width, height: h.height, at: this.ctx.clock.now() });
  }

  showSidebar(userInterface: any): void {
    this.show('sidebar', userInterface);
    // "All sidebars shown by scripts are 300 pixels wide" (reference/base/ui#showsidebaruserinterface).
    this.records.dialogs[this.records.dialogs.length - 1].width = SIDEBAR_WIDTH;
  }
  /**
   * reference/base/ui#showmodaldialoguserinterface,-title: "Opens a modal dialog box in the user's
   * editor with custom client-side content. This method does not suspend the server-side script
   * while the dialog is open." Both parameters are required: an HtmlOutput and a String title
   * (Apps Script refuses another signature); the size is the output's setWidth/setHeight.
   */
  showModalDialog(userInterface: any, title: string): void {
    this.show('modal', dialogOutput(userInterface, title, 'showModalDialog'), String(title));
  }
  /** reference/base/ui#showmodelessdialoguserinterface,-title: as showModalDialog, but the user may go on editing. */
  showModelessDialog(userInterface: any, title: string): void {
    this.show('modeless', dialogOutput(userInterface, title, 'showModelessDialog'), String(title));
  }

  private ask(kind: 'alert' | 'prompt', args: unknown[]): { button: ButtonName; text: string } {
    // (prompt) | (prompt, buttons) | (title, prompt, buttons)
    let title = '';
    let prompt: string;
    let set = 'OK';
    if (args.length >= 3) [title, prompt, set] = args.map(String) as [string, string, string];
    else if (args.length === 2) [prompt, set] = args.map(String) as [string, string];
    else prompt = String(args[0] ?? '');
    const buttons = SET_BUTTONS[set];
    if (!buttons) throw new Error(`Exception: Invalid argument: buttons`);
    const q = { kind, title, prompt, buttons };
    // "This method suspends the server-side script while the dialog is open. The script resumes
    // after the user dismisses the dialog, but … LockService locks don't persist across the
    // suspension" (reference/base/ui#alert, #prompt).
    this.onSuspend();
    this.records._opened(q);
    const a = this.records.answers.shift() ?? this.records.responder?.(q) ?? {};
    const button = a.button ?? buttons[0];
    if (!buttons.includes(button) && button !== 'CLOSE') throw new Error(`local runtime: answer ${button} is not one of ${buttons.join('/')}`);
    const text = kind === 'prompt' ? (a.text ?? '') : '';
    this.records.asks.push({ ...q, answer: kind === 'prompt' ? { button, text } : { button }, at: this.ctx.clock.now() });
    return { button, text };
  }

  alert(...args: any[]): GoogleAppsScript.Base.Button {
    return this.ask('alert', args).button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(...args: any[]): GoogleAppsScript.Base.PromptResponse {
    const { button, text } = this.ask('prompt', args);
    return expose(new LocalPromptResponse(text, button), 'PromptResponse', this.ctx.acct);
  }
}
