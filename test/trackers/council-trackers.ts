import ExcelJS from 'exceljs';

/**
 * Test trackers in the layouts councils keep: written for these tests, not copied from any council.
 * The workbook has two title rows, a header in its own wording, theme rows merged across the
 * columns, dates typed every way, RAG letters and words, and one formula.
 */
export async function improvementBoardWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Action plan');
  sheet.addRow(['Children’s Services Improvement Plan 2014-15']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['Progress at 30 September 2014']);
  sheet.addRow([]);
  sheet.addRow(['No.', 'Area for improvement', 'Action to be taken', 'Lead officer', 'Target date', 'Timescale', 'BRAG', 'Progress update', 'Status']);
  sheet.addRow(['Theme 1: Leadership and governance']);
  sheet.mergeCells('A5:I5');
  sheet.addRow([
    '1.1',
    'Ensure the board receives performance information monthly',
    'Produce a monthly performance scorecard for the board',
    'Priya Shah',
    new Date(Date.UTC(2015, 2, 31)),
    'Within three months',
    'G',
    'Scorecard drafted and shared with the chair',
    'On track',
  ]);
  sheet.addRow([
    '1.2',
    null,
    'Agree the scorecard’s targets with commissioners',
    'head.of.performance@riverside.example',
    '31 March 2015',
    null,
    'Amber',
    'Targets for re-referrals agreed; others outstanding',
    'Delayed',
  ]);
  sheet.addRow(['Theme 2: Front door']);
  sheet.mergeCells('A8:I8');
  sheet.addRow([
    '2.1',
    'Reduce re-referrals',
    'Audit re-referrals each quarter',
    'Head of Service',
    '31/02/2015',
    'Immediately',
    'R',
    'Audit not yet begun',
    'Not started',
  ]);
  sheet.addRow([
    '2.2',
    'Reduce re-referrals',
    'Train the front door team on thresholds',
    'Sam Okafor',
    null,
    '6 months',
    'B',
    'All 24 staff trained',
    'Complete',
  ]);
  sheet.getCell('E10').value = { formula: 'DATE(2015,6,30)', result: new Date(Date.UTC(2015, 5, 30)) };
  sheet.addRow(['2.3', null, null, 'Sam Okafor', '30/09/2015', null, 'G', null, 'On track']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A CSV saved by Excel on Windows: Windows-1252 with pound signs and curly quotes, columns in another order and wording. */
export function windowsCsv(): Buffer {
  const lines = [
    'Recommendation,Ref,Actions required,Owner,Due date,RAG status,Latest update,Progress status',
    '"Improve the quality of plans","R1","Spend £25,000 on “plan quality” training","Priya Shah","31 Mar 2015","A","Two sessions held, £12,000 spent","In progress"',
    '"Improve the quality of plans","R2","Audit 20 plans a month","Jo Bloggs","30/06/15","Red/Amber","Audit tool agreed","Behind schedule"',
    'Listen to children,R3,Set up a children’s panel,Team manager,March 2016,Green,,Not yet started',
  ];
  const text = lines.join('\r\n') + '\r\n';
  return Buffer.from(Array.from(text, (ch) => ({ '£': 0xa3, '“': 0x93, '”': 0x94, '’': 0x92 })[ch] ?? ch.charCodeAt(0)));
}
