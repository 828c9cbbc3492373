// Rich Text: SpreadsheetApp.newRichTextValue()/newTextStyle(), RichTextValue, TextStyle, and what
// Range.getRichTextValue(s)/setRichTextValue(s) do with a cell.
//
// reference/spreadsheet/rich-text-value: "A stylized text string used to represent cell text."
// reference/spreadsheet/range#getrichtextvalue: "Returns the Rich Text value for the top left cell of
// the range, or null if the cell value is not text." So a Rich Text value written to a cell is text by
// type: it is stored as typed, never parsed into a formula, number, date or boolean, whatever the
// cell's number format (Sheets API CellData.textFormatRuns: runs "are only valid on user entered
// strings, not formulas, bools, or numbers"). Self-test cases `richtext.*` check this on Google.
//
// The workbook keeps cell text only. Styled runs and links inside a cell are not modelled: writing a
// value that carries any (set through the builders) fails with NotProvidedError rather than dropping
// them silently. Values read from a cell carry the cell's own text format as their one run's style,
// and may be written back.
import { NotProvidedError } from '../instrument';
import { colorHex, colorObj } from './color';
import { exposeSelf, Exposable, normColor, Svc, toInt } from './common';

type GTextStyle = GoogleAppsScript.Spreadsheet.TextStyle;
type GTextStyleBuilder = GoogleAppsScript.Spreadsheet.TextStyleBuilder;
type GRich = GoogleAppsScript.Spreadsheet.RichTextValue;
type GRichBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

export interface StyleFields {
  fontFamily: string | null;
  fontSize: number | null;
  foregroundColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

const UNSET: StyleFields = {
  fontFamily: null,
  fontSize: null,
  foregroundColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
};

const isUnset = (s: StyleFields): boolean => (Object.keys(UNSET) as (keyof StyleFields)[]).every((k) => s[k] === null);
const sameStyle = (a: StyleFields, b: StyleFields): boolean =>
  (Object.keys(UNSET) as (keyof StyleFields)[]).every((k) => a[k] === b[k]);

// ------------------------------------------------------------------ TextStyle

class TextStyleImpl implements GTextStyle, Exposable {
  _self: unknown;
  constructor(
    readonly _fields: StyleFields,
    private readonly svc: Svc,
  ) {}
  copy(): GTextStyleBuilder {
    return newTextStyleBuilder(this.svc, { ...this._fields });
  }
  getFontFamily(): string | null {
    return this._fields.fontFamily;
  }
  getFontSize(): number | null {
    return this._fields.fontSize;
  }
  getForegroundColor(): string | null {
    return this._fields.foregroundColor;
  }
  /** reference/spreadsheet/text-style#getforegroundcolorobject: the colour as a Color, null when not set. */
  getForegroundColorObject(): GoogleAppsScript.Spreadsheet.Color | null {
    if (this._fields.foregroundColor === null) return null;
    return colorObj(this._fields.foregroundColor, this.svc);
  }
  isBold(): boolean | null {
    return this._fields.bold;
  }
  isItalic(): boolean | null {
    return this._fields.italic;
  }
  isStrikethrough(): boolean | null {
    return this._fields.strikethrough;
  }
  isUnderline(): boolean | null {
    return this._fields.underline;
  }
}

export function textStyleObj(svc: Svc, fields: StyleFields): GTextStyle {
  return exposeSelf(new TextStyleImpl(Object.freeze({ ...fields }), svc), 'TextStyle', svc) as unknown as GTextStyle;
}

const bool = (v: unknown, what: string): boolean => {
  if (typeof v !== 'boolean') throw new Error(`Invalid argument: ${what}`);
  return v;
};

class TextStyleBuilderImpl implements GTextStyleBuilder, Exposable {
  _self: unknown;
  constructor(
    private readonly svc: Svc,
    private readonly f: StyleFields,
  ) {}
  private self(): GTextStyleBuilder {
    return this._self as GTextStyleBuilder;
  }
  build(): GTextStyle {
    return textStyleObj(this.svc, this.f);
  }
  setBold(bold: boolean): GTextStyleBuilder {
    this.f.bold = bool(bold, 'bold');
    return this.self();
  }
  setItalic(italic: boolean): GTextStyleBuilder {
    this.f.italic = bool(italic, 'italic');
    return this.self();
  }
  setStrikethrough(strikethrough: boolean): GTextStyleBuilder {
    this.f.strikethrough = bool(strikethrough, 'strikethrough');
    return this.self();
  }
  setUnderline(underline: boolean): GTextStyleBuilder {
    this.f.underline = bool(underline, 'underline');
    return this.self();
  }
  setFontFamily(fontFamily: string): GTextStyleBuilder {
    if (typeof fontFamily !== 'string' || !fontFamily) throw new Error('Invalid argument: fontFamily');
    this.f.fontFamily = fontFamily;
    return this.self();
  }
  setFontSize(fontSize: number): GTextStyleBuilder {
    const n = toInt(fontSize);
    if (n < 1) throw new Error('Invalid argument: fontSize');
    this.f.fontSize = n;
    return this.self();
  }
  setForegroundColor(cssString: string): GTextStyleBuilder {
    const c = normColor(cssString);
    if (c === undefined) throw new Error('Invalid argument: cssString');
    this.f.foregroundColor = c;
    return this.self();
  }
  /** reference/spreadsheet/text-style-builder#setforegroundcolorobjectcolor: a Color (this runtime's: RGB). */
  setForegroundColorObject(color: GoogleAppsScript.Spreadsheet.Color): GTextStyleBuilder {
    this.f.foregroundColor = colorHex(color, 'TextStyleBuilder.setForegroundColorObject');
    return this.self();
  }
}

export function newTextStyleBuilder(svc: Svc, fields: StyleFields = { ...UNSET }): GTextStyleBuilder {
  return exposeSelf(new TextStyleBuilderImpl(svc, fields), 'TextStyleBuilder', svc) as unknown as GTextStyleBuilder;
}

const fieldsOf = (style: GTextStyle | null): StyleFields => {
  if (style === null || style === undefined) return { ...UNSET };
  const raw = (style as unknown as { _fields?: StyleFields })._fields;
  if (!raw) throw new Error('Invalid argument: textStyle');
  return { ...raw };
};

/** A TextStyle's fields, for Range.setTextStyle(s): a style this runtime built, else "Invalid argument". */
export function textStyleFields(style: unknown): StyleFields {
  const raw = style && typeof style === 'object' ? (style as { _fields?: StyleFields })._fields : undefined;
  if (!raw) throw new Error('Invalid argument: style');
  return { ...raw };
}

// ------------------------------------------------------------------ RichTextValue

/** One character's style and link (the runs are computed from these). */
interface CharAttr {
  style: StyleFields;
  link: string | null;
}

/** What a built value holds: its text, one attribute per UTF-16 unit, and whether any was set by a script. */
export interface RichData {
  text: string;
  attrs: CharAttr[];
  /** Styles or links set through the builders (not only the cell's own format). */
  explicit: boolean;
}

const sameAttr = (a: CharAttr, b: CharAttr): boolean => a.link === b.link && sameStyle(a.style, b.style);

class RichTextValueImpl implements GRich, Exposable {
  _self: unknown;
  constructor(
    readonly _data: RichData,
    /** Where this value (a run) starts and ends in the whole value. */
    private readonly start: number,
    private readonly end: number,
    private readonly svc: Svc,
  ) {}
  private checkOffsets(startOffset: number, endOffset: number): [number, number] {
    const s = toInt(startOffset);
    const e = toInt(endOffset);
    if (s < 0 || e > this.end - this.start || s >= e) throw new Error(`Invalid offsets: ${s}, ${e}`);
    return [this.start + s, this.start + e];
  }
  copy(): GRichBuilder {
    return newRichTextValueBuilder(this.svc, {
      text: this.getText(),
      attrs: this._data.attrs.slice(this.start, this.end).map((a) => ({ style: { ...a.style }, link: a.link })),
      explicit: this._data.explicit,
    });
  }
  getText(): string {
    return this._data.text.slice(this.start, this.end);
  }
  getStartIndex(): number {
    return this.start;
  }
  getEndIndex(): number {
    return this.end;
  }
  getRuns(): GRich[] {
    const runs: GRich[] = [];
    const { attrs } = this._data;
    let i = this.start;
    while (i < this.end) {
      let j = i + 1;
      while (j < this.end && sameAttr(attrs[j], attrs[i])) j++;
      runs.push(richTextObj(this.svc, this._data, i, j));
      i = j;
    }
    return runs;
  }
  getLinkUrl(startOffset?: number, endOffset?: number): string | null {
    const [s, e] = startOffset === undefined ? [this.start, this.end] : this.checkOffsets(startOffset, endOffset as number);
    if (s === e) return null;
    const first = this._data.attrs[s].link;
    for (let i = s; i < e; i++) if (this._data.attrs[i].link !== first) return null;
    return first;
  }
  /** The style the whole span shares; a field that differs within it is null. */
  getTextStyle(startOffset?: number, endOffset?: number): GTextStyle {
    const [s, e] = startOffset === undefined ? [this.start, this.end] : this.checkOffsets(startOffset, endOffset as number);
    if (s === e) return textStyleObj(this.svc, this._data.attrs[0]?.style ?? UNSET);
    const out: StyleFields = { ...this._data.attrs[s].style };
    for (let i = s + 1; i < e; i++) {
      const st = this._data.attrs[i].style;
      for (const k of Object.keys(UNSET) as (keyof StyleFields)[]) if (out[k] !== st[k]) (out as unknown as Record<string, unknown>)[k] = null;
    }
    return textStyleObj(this.svc, out);
  }
}

function richTextObj(svc: Svc, data: RichData, start: number, end: number): GRich {
  return exposeSelf(new RichTextValueImpl(data, start, end, svc), 'RichTextValue', svc) as unknown as GRich;
}

/** A cell's text as a Rich Text value: one run, styled as the cell is formatted. */
export function cellRichText(svc: Svc, text: string, cellStyle: StyleFields): GRich {
  const attrs = Array.from({ length: text.length }, () => ({ style: cellStyle, link: null }));
  return richTextObj(svc, { text, attrs, explicit: false }, 0, text.length);
}

class RichTextValueBuilderImpl implements GRichBuilder, Exposable {
  _self: unknown;
  constructor(
    private readonly svc: Svc,
    private d: RichData,
  ) {}
  private self(): GRichBuilder {
    return this._self as GRichBuilder;
  }
  private span(startOffset: number, endOffset: number): [number, number] {
    const s = toInt(startOffset);
    const e = toInt(endOffset);
    if (s < 0 || e > this.d.text.length || s >= e) throw new Error(`Invalid offsets: ${s}, ${e}`);
    return [s, e];
  }
  build(): GRich {
    const data: RichData = { text: this.d.text, attrs: this.d.attrs.map((a) => ({ style: { ...a.style }, link: a.link })), explicit: this.d.explicit };
    return richTextObj(this.svc, data, 0, data.text.length);
  }
  /** "Sets the text for this value and clears any existing text style." */
  setText(text: string): GRichBuilder {
    if (text === null || text === undefined) throw new Error('Invalid argument: text');
    const s = String(text);
    this.d = { text: s, attrs: Array.from({ length: s.length }, () => ({ style: { ...UNSET }, link: null })), explicit: false };
    return this.self();
  }
  setTextStyle(a: number | GTextStyle | null, b?: number, c?: GTextStyle | null): GRichBuilder {
    const [s, e, style] = typeof a === 'number' || b !== undefined ? [...this.span(a as number, b as number), c ?? null] as const : [0, this.d.text.length, a as GTextStyle | null] as const;
    // "Does nothing if textStyle is null" (rich-text-value-builder#settextstyletextstyle and
    // #settextstylestartoffset,-endoffset,-textstyle); otherwise "previously set text styles are only
    // affected if they are directly overwritten by values within textStyle".
    if (style === null || style === undefined) return this.self();
    const f = fieldsOf(style);
    for (let i = s; i < e; i++) {
      const cur = this.d.attrs[i].style;
      this.d.attrs[i].style = { ...cur, ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null)) };
    }
    this.d.explicit = this.d.explicit || !isUnset(f);
    return this.self();
  }
  setLinkUrl(a: number | string | null, b?: number, c?: string | null): GRichBuilder {
    const [s, e, url] = typeof a === 'number' ? [...this.span(a, b as number), c ?? null] as const : [0, this.d.text.length, a] as const;
    for (let i = s; i < e; i++) this.d.attrs[i].link = url === null || url === undefined ? null : String(url);
    if (url !== null && url !== undefined) this.d.explicit = true;
    return this.self();
  }
}

export function newRichTextValueBuilder(svc: Svc, data: RichData = { text: '', attrs: [], explicit: false }): GRichBuilder {
  return exposeSelf(new RichTextValueBuilderImpl(svc, data), 'RichTextValueBuilder', svc) as unknown as GRichBuilder;
}

/**
 * The text a Rich Text value puts in a cell. Throws for anything that is not a built value, and
 * (NotProvidedError) for values carrying styled runs or links, which the workbook does not keep.
 */
export function textToWrite(v: unknown, method: string): string {
  const data = (v as { _data?: RichData } | null)?._data;
  if (!v || !data || typeof data.text !== 'string') {
    throw new Error(`The parameters (${v === null ? 'null' : typeof v}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (data.explicit && data.attrs.some((a) => a.link !== null || !isUnset(a.style))) {
    throw new NotProvidedError('Range', `${method} of a value with text styles or links`);
  }
  return data.text;
}
