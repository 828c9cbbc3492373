// Color and RgbColor (reference/spreadsheet/color, reference/spreadsheet/rgb-color): what
// Range.getBackgroundObject(s)/getFontColorObject(s) and TextStyle.getForegroundColorObject give.
// Every colour the workbook keeps is an RGB one (theme colours are not modelled), so getColorType()
// is always RGB and asRgbColor() always succeeds (the page: it throws only for a colour that is
// not RGB). The enum values are their names, as every runtime enum.
import { unwrap } from '../instrument';
import { exposeSelf, Svc } from './common';

interface ColorImpl {
  _self: unknown;
  _hex: string;
  asRgbColor(): GoogleAppsScript.Base.RgbColor;
  getColorType(): string;
}

export function colorObj(hex: string, svc: Pick<Svc, 'ctx'>): GoogleAppsScript.Spreadsheet.Color {
  const rgb = exposeSelf(
    {
      _self: undefined as unknown,
      asHexString: () => hex,
      getRed: () => parseInt(hex.slice(1, 3), 16),
      getGreen: () => parseInt(hex.slice(3, 5), 16),
      getBlue: () => parseInt(hex.slice(5, 7), 16),
      getColorType: () => 'RGB',
    },
    'RgbColor',
    svc,
  );
  const c: ColorImpl = { _self: undefined, _hex: hex, asRgbColor: () => rgb as unknown as GoogleAppsScript.Base.RgbColor, getColorType: () => 'RGB' };
  return exposeSelf(c, 'Color', svc) as unknown as GoogleAppsScript.Spreadsheet.Color;
}

/** The #rrggbb of a Color this runtime made (colorObj); anything else is refused with Apps Script's signature message. */
export function colorHex(color: unknown, where: string): string {
  const raw = color && typeof color === 'object' ? (unwrap(color as object) as unknown as Partial<ColorImpl>) : undefined;
  if (!raw || typeof raw._hex !== 'string') {
    const t = color === undefined ? '' : color === null ? 'null' : typeof color === 'string' ? 'String' : typeof color === 'object' ? 'Object' : typeof color;
    throw new Error(`The parameters (${t}) don't match the method signature for SpreadsheetApp.${where}.`);
  }
  return raw._hex;
}
