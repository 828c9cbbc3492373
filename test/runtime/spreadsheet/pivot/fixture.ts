// A small source sheet the pivot tests share: region, product, units, SLA met, as a data sheet holds them.
import { env, type Env } from '../helpers';

export const DATA = [
  ['Region', 'Product', 'Units', 'Met'],
  ['East', 'Pen', 10, '是'],
  ['East', 'Paper', 5, '否'],
  ['West', 'Pen', 3, '是'],
  ['West', 'Pen', 4, '是'],
  ['North', 'Paper', 7, '否'],
  ['East', 'Pen', 1, '是'],
];

export interface PivotEnv extends Env {
  data: GoogleAppsScript.Spreadsheet.Sheet;
  out: GoogleAppsScript.Spreadsheet.Sheet;
  source: GoogleAppsScript.Spreadsheet.Range;
  /** the output sheet's content */
  shown(): unknown[][];
}

export function pivotEnv(locale = 'en_US'): PivotEnv {
  const e = env({ locale });
  const data = e.ss.insertSheet('Data');
  data.getRange(1, 1, DATA.length, DATA[0].length).setValues(DATA);
  const out = e.ss.insertSheet('Pivot');
  return {
    ...e,
    data,
    out,
    source: data.getRange(1, 1, DATA.length, DATA[0].length),
    shown: () => out.getDataRange().getValues(),
  };
}
