// SpreadsheetApp: the Spreadsheet service's entry point (reference/spreadsheet/spreadsheet-app):
// the active spreadsheet, sheet, range and selection, the builders, and the enums.
import { unwrap } from '../instrument';
import { booleanCriteriaEnum, relativeDateEnum } from './booleanCondition';
import { exposeSelf, Exposable, GRange, GSheet, makeEnum, Svc } from './common';
import { newConditionalFormatRuleBuilder } from './conditionalFormat';
import { DISPLAY_TYPES, newFilterCriteriaBuilder, SUMMARIZE_FUNCTIONS } from './pivot';
import { protectionTypeEnum } from './protection';
import type { RangeImpl } from './range';
import { newRichTextValueBuilder, newTextStyleBuilder } from './richText';
import { RECALC } from './spreadsheet';
import { dataValidationCriteriaEnum, newDataValidationBuilder } from './validation';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

class SpreadsheetAppImpl
  implements
    Pick<
      App,
      | 'flush'
      | 'getActive'
      | 'getActiveRange'
      | 'getActiveSheet'
      | 'getActiveSpreadsheet'
      | 'getCurrentCell'
      | 'getSelection'
      | 'getUi'
      | 'newConditionalFormatRule'
      | 'newDataValidation'
      | 'newRichTextValue'
      | 'newTextStyle'
      | 'setActiveRange'
      | 'setActiveSheet'
      | 'setCurrentCell'
    >,
    Exposable
{
  _self: unknown;
  BooleanCriteria = booleanCriteriaEnum();
  DataValidationCriteria = dataValidationCriteriaEnum();
  ProtectionType = protectionTypeEnum();
  RelativeDate = relativeDateEnum();
  RecalculationInterval = makeEnum('RecalculationInterval', RECALC);
  WrapStrategy = makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP']);
  SheetType = makeEnum('SheetType', ['GRID', 'OBJECT', 'DATASOURCE']);
  Dimension = makeEnum('Dimension', ['COLUMNS', 'ROWS']);
  PivotTableSummarizeFunction = makeEnum('PivotTableSummarizeFunction', SUMMARIZE_FUNCTIONS);
  PivotValueDisplayType = makeEnum('PivotValueDisplayType', DISPLAY_TYPES);
  Direction = makeEnum('Direction', ['UP', 'DOWN', 'PREVIOUS', 'NEXT']);
  BorderStyle = makeEnum('BorderStyle', [
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  ]);

  constructor(private svc: Svc) {}

  /** null without a container, e.g. in an add-on's web app (guides/bound: only bound scripts and add-ons have one). */
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.svc.hasContainer() ? this.svc.spreadsheet() : (null as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
  }
  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.getActiveSpreadsheet();
  }
  // Without a container there is no active spreadsheet (getActiveSpreadsheet: "or null if there
  // is none"), so no active sheet, range, cell or selection either: null, never another
  // spreadsheet's (the page gives null for getActiveRange and getCurrentCell; *model* for the others).
  getActiveSheet(): GSheet {
    return this.svc.hasContainer() ? this.svc.spreadsheet().getActiveSheet() : (null as unknown as GSheet);
  }
  getActiveRange(): GRange {
    return this.svc.hasContainer() ? (this.svc.spreadsheet().getActiveRange() as GRange) : (null as unknown as GRange);
  }
  getCurrentCell(): GRange {
    return this.svc.hasContainer() ? this.svc.spreadsheet().getActiveCell() : (null as unknown as GRange);
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.svc.hasContainer()
      ? this.svc.spreadsheet().getSelection()
      : (null as unknown as GoogleAppsScript.Spreadsheet.Selection);
  }
  setActiveSheet(sheet: GSheet): GSheet {
    return sheet.activate();
  }
  setActiveRange(range: GRange): GRange {
    return range.activate();
  }
  /**
   * spreadsheet-app#setcurrentcellcell: "The specified Range must consist of one cell, otherwise
   * this method throws an exception"; "If the specified cell is present in an already selected
   * range, then that range becomes the active range with the cell as the current cell";
   * otherwise the cell becomes the current cell and the active range.
   */
  setCurrentCell(cell: GRange): GRange {
    // the same rule as range#activateascurrentcell (range.ts), whose message it shares
    (unwrap(cell as object) as unknown as RangeImpl).activateAsCurrentCell();
    return cell;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    return this.svc.ui();
  }
  /** Writes apply immediately here; flush only counts as the round trip it is on Google. */
  flush(): void {}
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return newDataValidationBuilder(this.svc);
  }
  newFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    return newFilterCriteriaBuilder(this.svc);
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return newConditionalFormatRuleBuilder(this.svc);
  }
  /** reference/spreadsheet/spreadsheet-app#newrichtextvalue (richText.ts). */
  newRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    return newRichTextValueBuilder(this.svc);
  }
  /** reference/spreadsheet/spreadsheet-app#newtextstyle (richText.ts). */
  newTextStyle(): GoogleAppsScript.Spreadsheet.TextStyleBuilder {
    return newTextStyleBuilder(this.svc);
  }
}

export function spreadsheetAppObj(svc: Svc): App {
  return exposeSelf(new SpreadsheetAppImpl(svc), 'SpreadsheetApp', svc) as unknown as App;
}
