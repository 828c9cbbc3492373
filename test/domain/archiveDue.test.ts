// Which of a team's rows the daily archive will take, counted before adoption (issue 23), and the
// plan's line that says so in the sheet's language.
import { planAdoption } from '../../src/domain/adopt';
import { describeAdoption } from '../../src/domain/adoptReport';
import { countDueForArchive } from '../../src/domain/archiveDue';
import type { ColumnMap } from '../../src/domain/columns';
import { intlZone } from '../../src/domain/zone';

const SH = intlZone('Asia/Shanghai');
const NOW = Date.parse('2024-09-01T10:00:00+08:00');

// Title, Created (day first), Status, Last updated.
const columns: ColumnMap = { title: 0, submittedAt: 1, status: 2, lastUpdateAt: 3 };
const header = ['Title', 'Created', 'Status', 'Last Updated'];
const rows = [
  ['Printer', '24/4/2024 09:00', 'Closed', '25/4/2024 10:00'], // closed, quiet since April: due
  ['VPN', '03/05/2024 10:00', 'Cancelled', ''], // read as closed, no update: its creation counts: due
  ['Mail', '05/05/2024 11:30', 'Closed', '20/8/2024 12:00'], // closed, but updated in August
  ['Disk', '01/02/2024 08:00', 'Resolved', '02/02/2024 08:00'], // old but not closed
  ['Wifi', '01/02/2024 08:00', 'Open', ''], // open
  ['', '', '', ''], // blank row
];

describe('countDueForArchive', () => {
  it('counts closed rows whose last activity is at least the archive age old, read as the tracker reads them', () => {
    const orders = { submittedAt: 'dmy', lastUpdateAt: 'dmy' } as const;
    expect(countDueForArchive(rows, columns, SH, orders, NOW, 90)).toBe(2);
    // A longer archive age keeps them: the 03/05 (3 May) ticket is 121 days old, the April one 129.
    expect(countDueForArchive(rows, columns, SH, orders, NOW, 125)).toBe(1);
    expect(countDueForArchive(rows, columns, SH, orders, NOW, 365)).toBe(0);
  });
});

describe('the adoption plan says what the daily archive will move', () => {
  const plan = planAdoption(rows, columns, SH, 'en', (ms) => new Date(ms), NOW, 4);
  const line = (lang: 'zh' | 'en', due: number, afterDays = 90) =>
    describeAdoption(plan, { header, columns, lang, zone: SH, archive: { due, afterDays } }, rows.length).join('\n');

  it('in English: how many, where they go, where they stay findable, and the setting to change', () => {
    expect(line('en', 2)).toContain(
      '• 2 rows are closed tickets with no activity for 90 days or more: the daily archive will move them from this sheet to the "Archive" sheet (the weekly review and the knowledge base still find them). To keep them here, raise "Archive after (days)" in the "Settings" sheet',
    );
  });

  it('in Chinese', () => {
    expect(line('zh', 2, 120)).toContain(
      '• 有 2 行是已关闭、超过 120 天没有动静的工单：每日归档会把它们从本表移到「归档」表（周报和知识库仍会找到它们）。想让它们留在本表，请在「设置」表把「归档天数」改大',
    );
  });

  it('says nothing when no row is due', () => {
    expect(line('en', 0)).not.toMatch(/archive/i);
    expect(line('zh', 0)).not.toMatch(/归档/);
  });
});
