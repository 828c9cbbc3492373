// Protected ranges and sheets. A new protection copies the spreadsheet's editors (owner plus
// editors); the owner can never be removed. Warning-only protections let everyone edit after a
// warning, so they have no editor list to enforce.
import { unwrap } from '../instrument';
import { asEnum, emailOf, exposeSelf, Exposable, makeEnum, Svc, userObj } from './common';
import { rangeToStored } from './validation';
import type { ProtectionSpec, Rect, SheetData, Workbook } from './workbook';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;

export const protectionTypeEnum = () => makeEnum('ProtectionType', ['RANGE', 'SHEET']);

/** Consumer accounts: a spreadsheet they own belongs to no Google Workspace domain. */
const CONSUMER_DOMAINS = ['gmail.com', 'googlemail.com'];

export function ownerOf(wb: Workbook, svc: Svc | { ctx: { user: { effective: string } } }): string {
  return wb.owner || svc.ctx.user.effective;
}

export function newProtection(svc: Svc, sheet: SheetData, type: 'RANGE' | 'SHEET', rect?: Rect): GProtection {
  const wb = svc.wb;
  if (type === 'SHEET') {
    // Sheet.protect() on an already protected sheet returns the existing protection.
    const existing = wb.protections.find((p) => p.type === 'SHEET' && p.sheetId === sheet.id);
    if (existing) return protectionObj(existing, svc);
  }
  const owner = ownerOf(wb, svc);
  const editors = [owner, ...wb.editors].filter((e, i, a) => e && a.indexOf(e) === i);
  const spec: ProtectionSpec = {
    id: wb.newId(),
    type,
    sheetId: sheet.id,
    rect: rect ? { ...rect } : undefined,
    description: '',
    warningOnly: false,
    editors,
    domainEdit: false,
    unprotected: [],
  };
  wb.protections.push(spec);
  return protectionObj(spec, svc);
}

/** Apps Script's refusal of an edit a protection keeps the script's user out of. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * range#canedit / range#protect: whether the user the script runs as may edit every cell of `rect`.
 * The owner always may; warning-only protections stop nobody; a sheet protection leaves only its
 * unprotected ranges open ("If a cell is protected by multiple protected ranges and any of them
 * prevent a particular user from editing the cell, then that user is not permitted to edit the cell").
 */
export function mayEdit(svc: Svc, sheet: SheetData, rect: Rect): boolean {
  const wb = svc.wb;
  const me = svc.ctx.user.effective;
  if (!wb.protections.length || me === ownerOf(wb, svc)) return true;
  const { row, col } = rect;
  const r2 = row + rect.numRows - 1;
  const c2 = col + rect.numCols - 1;
  const meets = (p: Rect) => p.row <= r2 && p.row + p.numRows - 1 >= row && p.col <= c2 && p.col + p.numCols - 1 >= col;
  for (const p of wb.protections) {
    if (p.sheetId !== sheet.id || p.warningOnly || p.editors.includes(me)) continue;
    if (p.type === 'RANGE') {
      if (p.rect && meets(p.rect)) return false;
      continue;
    }
    // a sheet protection: only its unprotected ranges are open
    for (let r = row; r <= r2; r++)
      for (let c = col; c <= c2; c++)
        if (!p.unprotected.some((u) => r >= u.row && r < u.row + u.numRows && c >= u.col && c < u.col + u.numCols)) return false;
  }
  return true;
}

/** Refuses, with Apps Script's message, a script edit of cells a protection keeps its user out of. */
export function guardEdit(svc: Svc, sheet: SheetData, rect: Rect): void {
  if (!mayEdit(svc, sheet, rect)) throw new Error(PROTECTED_MESSAGE);
}

/**
 * Structure changes (sheet#insertrowsbeforebeforeposition,-howmany, sheet#deleterowsrowposition,-howmany
 * and their column twins) are edits too: a sheet protection that keeps the user out refuses every one
 * of them, whatever ranges it leaves unprotected (the runtime's stricter reading: Sheets' grid is the
 * protected object); a protected range refuses deleting any of its rows/columns and inserting inside it
 * (which would grow it), not inserting next to it.
 */
export function guardStructure(svc: Svc, sheet: SheetData, axis: 'rows' | 'cols', at: number, n: number, kind: 'insert' | 'delete'): void {
  const wb = svc.wb;
  const me = svc.ctx.user.effective;
  if (!wb.protections.length || me === ownerOf(wb, svc)) return;
  for (const p of wb.protections) {
    if (p.sheetId !== sheet.id || p.warningOnly || p.editors.includes(me)) continue;
    if (p.type === 'SHEET') throw new Error(PROTECTED_MESSAGE);
    if (!p.rect) continue;
    const start = axis === 'rows' ? p.rect.row : p.rect.col;
    const end = start + (axis === 'rows' ? p.rect.numRows : p.rect.numCols) - 1;
    if (kind === 'delete' ? at <= end && at + n - 1 >= start : at > start && at <= end) throw new Error(PROTECTED_MESSAGE);
  }
}

/** The whole grid of a sheet, for writers that touch every cell (Sheet.clear, deleteSheet). */
export function wholeSheet(sheet: SheetData): Rect {
  return { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
}

/** Whether `email` may edit a cell without being stopped (warning-only protections do not stop). */
export function canEditCell(
  wb: Workbook,
  sheet: SheetData,
  row: number,
  col: number,
  email: string,
  owner: string,
): boolean {
  if (email === owner) return true;
  const inside = (r: Rect) =>
    row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
  for (const p of wb.protections) {
    if (p.sheetId !== sheet.id || p.warningOnly) continue;
    if (p.type === 'RANGE' && p.rect && !inside(p.rect)) continue;
    if (p.type === 'SHEET' && p.unprotected.some(inside)) continue;
    if (!p.editors.includes(email)) return false;
  }
  return true;
}

/** Protections covering a cell that only warn (a person is asked to confirm). */
export function warningAt(
  wb: Workbook,
  sheet: SheetData,
  row: number,
  col: number,
): ProtectionSpec | undefined {
  const inside = (r: Rect) =>
    row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
  return wb.protections.find(
    (p) =>
      p.sheetId === sheet.id &&
      p.warningOnly &&
      (p.type === 'SHEET' ? !p.unprotected.some(inside) : !!p.rect && inside(p.rect)),
  );
}

class ProtectionImpl
  implements
    Pick<
      GProtection,
      | 'addEditor'
      | 'addEditors'
      | 'canDomainEdit'
      | 'canEdit'
      | 'getDescription'
      | 'getEditors'
      | 'getProtectionType'
      | 'getRange'
      | 'getRangeName'
      | 'getUnprotectedRanges'
      | 'isWarningOnly'
      | 'remove'
      | 'removeEditor'
      | 'removeEditors'
      | 'setDescription'
      | 'setDomainEdit'
      | 'setRange'
      | 'setUnprotectedRanges'
      | 'setWarningOnly'
    >,
    Exposable
{
  _self: unknown;
  constructor(
    readonly _spec: ProtectionSpec,
    private svc: Svc,
  ) {}
  private get live(): ProtectionSpec {
    if (!this.svc.wb.protections.includes(this._spec)) throw new Error('The protection has been removed.');
    return this._spec;
  }
  private sheet(): SheetData {
    const s = this.svc.wb.sheetById(this._spec.sheetId);
    if (!s) throw new Error('The sheet has been deleted.');
    return s;
  }
  private self(): GProtection {
    return this._self as GProtection;
  }
  addEditor(user: string | GoogleAppsScript.Base.User): GProtection {
    const e = emailOf(user);
    if (!this.live.editors.includes(e)) this.live.editors.push(e);
    return this.self();
  }
  addEditors(emails: string[]): GProtection {
    emails.forEach((e) => this.addEditor(e));
    return this.self();
  }
  canDomainEdit(): boolean {
    return this._spec.domainEdit;
  }
  canEdit(): boolean {
    const me = this.svc.ctx.user.effective;
    return me === ownerOf(this.svc.wb, this.svc) || this._spec.editors.includes(me);
  }
  getDescription(): string {
    return this._spec.description;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return this._spec.editors.map((e) => userObj(e, this.svc));
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return asEnum(this._spec.type);
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const s = this.sheet();
    const rect = this._spec.rect ?? { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols };
    return this.svc.range(s, rect);
  }
  getRangeName(): string | null {
    return null;
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    const s = this.sheet();
    return this._spec.unprotected.map((r) => this.svc.range(s, r));
  }
  isWarningOnly(): boolean {
    return this._spec.warningOnly;
  }
  remove(): void {
    const i = this.svc.wb.protections.indexOf(this._spec);
    if (i >= 0) this.svc.wb.protections.splice(i, 1);
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): GProtection {
    return this.removeEditors([emailOf(user)]);
  }
  removeEditors(users: Array<string | GoogleAppsScript.Base.User>): GProtection {
    const owner = ownerOf(this.svc.wb, this.svc);
    const drop = new Set(users.map(emailOf).filter((e) => e !== owner && e !== this.svc.ctx.user.effective));
    this.live.editors = this._spec.editors.filter((e) => !drop.has(e));
    return this.self();
  }
  /** "Sets the description of the protected range or sheet" (protection#setdescriptiondescription): a String; anything else matches no signature (*model* for a number). */
  setDescription(d: string): GProtection {
    if (typeof d !== 'string') throw new Error('Invalid argument: description');
    this.live.description = d;
    return this.self();
  }
  setDomainEdit(v: boolean): GProtection {
    // "Throws an exception if the spreadsheet does not belong to a Google Workspace domain (that is,
    // if it is owned by a gmail.com account)" (protection#setdomainediteditable). The wording is the runtime's.
    const owner = ownerOf(this.svc.wb, this.svc).toLowerCase();
    if (CONSUMER_DOMAINS.includes(owner.slice(owner.lastIndexOf('@') + 1)))
      throw new Error('Exception: The spreadsheet does not belong to a Google Workspace domain, so domain edit cannot be set.');
    if (typeof v !== 'boolean') throw new Error('Invalid argument: editable');
    this.live.domainEdit = v;
    return this.self();
  }
  setRange(range: GoogleAppsScript.Spreadsheet.Range): GProtection {
    if (this._spec.type === 'SHEET') throw new Error('Cannot set the range of a sheet protection.');
    const st = rangeToStored(range);
    this.live.sheetId = st.sheetId;
    this._spec.rect = st.rect;
    return this.self();
  }
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GProtection {
    if (this._spec.type !== 'SHEET') throw new Error('Unprotected ranges apply to sheet protections only.');
    // "Throws an exception if … any of the ranges are not on the protected sheet" (protection#setunprotectedrangesranges).
    const stored = ranges.map((r) => rangeToStored(r));
    if (stored.some((st) => st.sheetId !== this._spec.sheetId)) throw new Error('Exception: The unprotected ranges must be on the protected sheet.');
    this.live.unprotected = stored.map((st) => st.rect);
    return this.self();
  }
  /** protection#setwarningonlywarningonly takes a Boolean: no argument, or another type, is refused (was turned into one). */
  setWarningOnly(v: boolean): GProtection {
    if (typeof v !== 'boolean') throw new Error('Invalid argument: warningOnly');
    this.live.warningOnly = v;
    return this.self();
  }
}

export function protectionObj(spec: ProtectionSpec, svc: Svc): GProtection {
  return exposeSelf(new ProtectionImpl(spec, svc), 'Protection', svc) as unknown as GProtection;
}

export function protectionSpecOf(p: unknown): ProtectionSpec {
  return (unwrap(p as object) as ProtectionImpl)._spec;
}
