// HtmlService (developers.google.com/apps-script/reference/html/html-service) and templates
// (guides/html/templates): `<?= ?>` prints escaped, `<?!= ?>` prints raw, `<? ?>` runs code; the
// template's own properties are the scriptlets' variables. Scriptlets compile in the bundle's realm
// when one is given, so they can call the script's global functions (e.g. an `include` helper).
import fs from 'node:fs';
import path from 'node:path';
import { expose } from '../instrument';
import type { RuntimeContext } from '../context';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' };
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };

/** reference/html/html-output#addmetatagname,-content: the only names addMetaTag accepts. */
export const ALLOWED_META_TAGS = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];

const argType = (v: unknown): string =>
  v === undefined ? '' : v === null ? 'null' : typeof v === 'string' ? 'String' : typeof v === 'boolean' ? 'Boolean' : typeof v === 'number' ? 'number' : 'Object';

/** A dialog size: whole pixels, null for the default (undefined here). */
function dialogSize(v: unknown, member: string): number | undefined {
  if (v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`The parameters (${argType(v)}) don't match the method signature for HtmlOutput.${member}.`);
  const n = Math.trunc(v);
  if (n < 0) throw new Error(`Invalid argument: ${member === 'setWidth' ? 'width' : 'height'}`);
  return n;
}

/** A value of one of the service's enums (their values are their names); anything else refused. */
function enumArg(v: unknown, values: Record<string, string>, member: string): string {
  if (v === null || v === undefined) throw new Error(`The parameters (${argType(v)}) don't match the method signature for HtmlOutput.${member}.`);
  const s = String(v);
  if (!Object.prototype.hasOwnProperty.call(values, s)) throw new Error(`Invalid argument: ${s}`);
  return s;
}

export type FunctionCtor = new (...args: string[]) => (...a: unknown[]) => unknown;

export const escapeHtml = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export class LocalHtmlOutput
  implements
    Pick<
      GoogleAppsScript.HTML.HtmlOutput,
      'setTitle' | 'getTitle' | 'setWidth' | 'setHeight' | 'getWidth' | 'getHeight' | 'getContent' | 'setContent' | 'append' | 'appendUntrusted' | 'clear' | 'setSandboxMode' | 'setXFrameOptionsMode' | 'addMetaTag' | 'setFaviconUrl'
    >
{
  title = '';
  width?: number;
  height?: number;
  /** IFRAME always: setSandboxMode has no effect (html-output#setsandboxmodemode). */
  readonly sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  metaTags: Array<{ name: string; content: string }> = [];
  faviconUrl?: string;

  constructor(public content = '') {}

  setTitle(title: string): any {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  /**
   * "Sets the initial width of the custom dialog in Google Docs, Sheets, or Forms" (html-output#setwidthwidth);
   * null gives back the default. A width is whole pixels: a fraction is truncated (an Integer
   * parameter), a negative one or a non-number refused (*model*: the page is silent).
   */
  setWidth(width: number): any {
    this.width = dialogSize(width, 'setWidth');
    return this;
  }
  setHeight(height: number): any {
    this.height = dialogSize(height, 'setHeight');
    return this;
  }
  /** "Gets the initial width of the custom dialog": 0 when none was set (*model*). */
  getWidth(): number {
    return this.width ?? 0;
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): any {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): any {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): any {
    this.content += escapeHtml(addedContent);
    return this;
  }
  clear(): any {
    this.content = '';
    return this;
  }
  /**
   * "This method now has no effect — previously it set the sandbox mode used for client-side
   * scripts" (html-output#setsandboxmodemode): every output is IFRAME whatever is asked. The
   * argument must still be a SandboxMode.
   */
  setSandboxMode(mode: any): any {
    enumArg(mode, SandboxMode, 'setSandboxMode');
    return this;
  }
  /** "Sets the state of the page's X-Frame-Options header" (html-output#setxframeoptionsmodemode): an XFrameOptionsMode; DEFAULT until set. */
  setXFrameOptionsMode(mode: any): any {
    this.xFrameOptionsMode = enumArg(mode, XFrameOptionsMode, 'setXFrameOptionsMode');
    return this;
  }
  addMetaTag(name: string, content: string): any {
    // "Only the following meta tags are allowed" (reference/html/html-output#addmetatagname,-content).
    // What Google does with another name is not documented: the stricter answer, refused (the
    // message is the runtime's; self-test html.meta-tag-names).
    if (!ALLOWED_META_TAGS.includes(String(name))) throw new Error(`Invalid argument: name (meta tag "${String(name)}" is not allowed)`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  /** "Adds a link tag for a favicon to the page" (html-output#setfaviconurliconurl): a URL text. */
  setFaviconUrl(iconUrl: string): any {
    if (typeof iconUrl !== 'string') throw new Error(`The parameters (${argType(iconUrl)}) don't match the method signature for HtmlOutput.setFaviconUrl.`);
    this.faviconUrl = iconUrl;
    return this;
  }
}

/** Turns template text into the body of a function(__t, __out, __esc). */
export function compileTemplate(src: string): string {
  let code = '';
  let i = 0;
  const text = (s: string) => {
    if (s) code += `__out.push(${JSON.stringify(s)});\n`;
  };
  while (i < src.length) {
    const open = src.indexOf('<?', i);
    if (open < 0) {
      text(src.slice(i));
      break;
    }
    text(src.slice(i, open));
    const close = src.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Unterminated scriptlet in template');
    const inner = src.slice(open + 2, close);
    if (inner.startsWith('!=')) code += `__out.push(String(${inner.slice(2).trim()}));\n`;
    else if (inner.startsWith('=')) code += `__out.push(__esc(${inner.slice(1).trim()}));\n`;
    else code += `${inner}\n`;
    i = close + 2;
  }
  return code;
}

export class LocalHtmlTemplate implements Pick<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getCode' | 'getRawContent'> {
  [variable: string]: any;

  constructor(
    private _source: string,
    private _ctx: RuntimeContext,
    private _Function: () => FunctionCtor,
  ) {}

  getRawContent(): string {
    return this._source;
  }

  getCode(): string {
    return compileTemplate(this._source);
  }

  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('_')) vars[k] = this[k];
    const F = this._Function();
    // Sloppy-mode function so `with` exposes the template variables as plain names.
    const fn = new F('__t', '__out', '__esc', `with (__t) {\n${compileTemplate(this._source)}}`);
    const out: string[] = [];
    // Scriptlets are the script's code: their calls count, even though evaluate() is running.
    this._ctx.acct.asCaller(() => fn(vars, out, escapeHtml));
    return expose(new LocalHtmlOutput(out.join('')), 'HtmlOutput', this._ctx.acct) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

export class LocalHtmlService
  implements Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile' | 'SandboxMode' | 'XFrameOptionsMode'>
{
  SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  XFrameOptionsMode = XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

  constructor(
    private ctx: RuntimeContext,
    /** Where the built `.html` files are (dist/). */
    private distDir: string,
    /** The bundle realm's Function constructor (host Function when no bundle is loaded). */
    private functionCtor: () => FunctionCtor = () => Function as unknown as FunctionCtor,
  ) {}

  private read(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.join(this.distDir, `${name}.html`);
    if (!fs.existsSync(file)) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  }

  private output(content: string): GoogleAppsScript.HTML.HtmlOutput {
    return expose(new LocalHtmlOutput(content), 'HtmlOutput', this.ctx.acct) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  createHtmlOutput(html?: any): GoogleAppsScript.HTML.HtmlOutput {
    return this.output(html === undefined ? '' : String(html));
  }

  createHtmlOutputFromFile(filename: string): GoogleAppsScript.HTML.HtmlOutput {
    return this.output(this.read(filename));
  }

  createTemplate(html: any): GoogleAppsScript.HTML.HtmlTemplate {
    return expose(new LocalHtmlTemplate(String(html), this.ctx, this.functionCtor), 'HtmlTemplate', this.ctx.acct) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  }

  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    return this.createTemplate(this.read(filename));
  }
}

/** The raw output behind an exposed HtmlOutput (for UI records). */
export function htmlRecord(h: unknown): { title: string; content: string; width?: number; height?: number } {
  const o = h as LocalHtmlOutput;
  if (o && typeof o === 'object' && typeof (o as any).getContent === 'function') {
    return { title: o.title ?? '', content: o.content ?? String((o as any).getContent()), width: o.width, height: o.height };
  }
  return { title: '', content: String(h) };
}
