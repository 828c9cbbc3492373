// The data sheet's cells (src/gas/reviewDataSheet.ts): text people typed can never become a formula,
// number or date in the data sheet; the tracker's own labels and numbers go in as they are.
import { dataValues } from '../../src/gas/reviewDataSheet';
import type { ReviewData } from '../../src/domain/review';

describe('dataValues', () => {
  const data = (): ReviewData => ({
    keys: ['id', 'createdWeek', 'department', 'assignee', 'responseMet', 'recurringKey', 'category'],
    header: ['问题编号', '提交周', '部门/区域', '负责人', '响应达成', '高频问题', '问题类型'],
    rows: [
      ['IT20240506001', '2024-W19', '=IMPORTXML("http://x")', '+8613800000000', 1, "#1 '打印机", '硬件'],
      ['IT20240506002', '2024-W19', '2024-05-06', '', '', '', '（未填）'],
      ['IT20240506003', '', '财务部', '张工', Number.NaN, null, '网络'],
    ],
  });

  it('prefixes typed text that Sheets would read as a formula, number or date; leaves labels and numbers', () => {
    expect(dataValues(data())).toEqual([
      ['问题编号', '提交周', '部门/区域', '负责人', '响应达成', '高频问题', '问题类型'],
      ['IT20240506001', '2024-W19', '\'=IMPORTXML("http://x")', "'+8613800000000", 1, "#1 '打印机", '硬件'],
      ['IT20240506002', '2024-W19', "'2024-05-06", '', '', '', '（未填）'],
      ['IT20240506003', '', '财务部', '张工', '', '', '网络'],
    ]);
  });
});
