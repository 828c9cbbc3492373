// The header row of an osTicket ticket export, one fixture for the tests that adopt it: the header
// matcher (test/domain/columns.test.ts) and adopting a real team sheet end to end
// (test/scenarios/adoptRealSheets.test.ts).

/** osTicket's ticket export with every default column, as the file's first row. */
export const OSTICKET_EXPORT_HEADER: string[] = [
  'Ticket Number',
  'Date Created',
  'Subject',
  'From',
  'From Email',
  'Priority',
  'Department',
  'Help Topic',
  'Source',
  'Current Status',
  'Last Updated',
  'Due Date',
  'Overdue',
  'Answered',
  'Assigned To',
  'Agent Assigned',
  'Team Assigned',
];

/** The same export from a queue set to hide four of its columns (osTicket lets each queue choose them). */
export const OSTICKET_QUEUE_HEADER: string[] = OSTICKET_EXPORT_HEADER.filter(
  (h) => !['Source', 'Overdue', 'Answered', 'Team Assigned'].includes(h),
);
