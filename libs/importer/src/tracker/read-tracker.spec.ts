import ExcelJS from 'exceljs';
import { improvementBoardWorkbook, windowsCsv } from '../../../../test/trackers/council-trackers';
import { readTracker } from './read-tracker';
import { TrackerError } from './tracker-error';
import { toTrackerJson } from './tracker-json';

const MAX = 10 * 1024 * 1024;
const read = (bytes: Buffer) => readTracker(bytes, { maxBytes: MAX });

async function book(rows: unknown[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tracker');
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readTracker: a council workbook', () => {
  it('finds the header under the title rows and keeps theme rows as sections', async () => {
    const tracker = await read(await improvementBoardWorkbook());
    expect(tracker.headerLine).toBe(4);
    expect(tracker.title).toBe('Children’s Services Improvement Plan 2014-15 — Progress at 30 September 2014');
    expect(tracker.rows.map((r) => [r.line, r.ref, r.section])).toEqual([
      [6, '1.1', 'Theme 1: Leadership and governance'],
      [7, '1.2', 'Theme 1: Leadership and governance'],
      [9, '2.1', 'Theme 2: Front door'],
      [10, '2.2', 'Theme 2: Front door'],
      [11, '2.3', 'Theme 2: Front door'],
    ]);
  });

  it('reads every row: the action as its text, dates in each form, RAG letters and words, statuses in the council’s words', async () => {
    const json = toTrackerJson(await read(await improvementBoardWorkbook()));
    expect(json.columns).toEqual({
      ref: { column: 'A', header: 'No.' },
      recommendation: { column: 'B', header: 'Area for improvement' },
      action: { column: 'C', header: 'Action to be taken' },
      owner: { column: 'D', header: 'Lead officer' },
      dueDate: { column: 'E', header: 'Target date' },
      timescale: { column: 'F', header: 'Timescale' },
      rag: { column: 'G', header: 'BRAG' },
      update: { column: 'H', header: 'Progress update' },
      status: { column: 'I', header: 'Status' },
    });
    expect(json.rows.map((r) => [r.text, r.owner, r.dueDate, r.timescale, r.status, r.rag])).toEqual([
      ['Produce a monthly performance scorecard for the board', 'Priya Shah', '2015-03-31', 'three_months', 'in_progress', 'green'],
      ['Agree the scorecard’s targets with commissioners', 'head.of.performance@riverside.example', '2015-03-31', null, 'in_progress', 'amber'],
      ['Audit re-referrals each quarter', 'Head of Service', null, 'immediately', 'not_started', 'red'],
      ['Train the front door team on thresholds', 'Sam Okafor', '2015-06-30', 'six_months', 'completed', 'blue'],
      ['Reduce re-referrals', 'Sam Okafor', '2015-09-30', null, 'in_progress', 'green'],
    ]);
    expect(json.rows[0].update).toBe('Scorecard drafted and shared with the chair');
  });

  it('keeps the recommendation of a merged or blank cell for the actions under it, and flags "Delayed" at risk', async () => {
    const tracker = await read(await improvementBoardWorkbook());
    expect(tracker.rows[1].recommendation).toBe('Ensure the board receives performance information monthly');
    expect(tracker.rows[1].atRisk).toBe(true);
    expect(tracker.rows[0].atRisk).toBe(false);
  });

  it('reports the date that does not exist and the formula, on their lines', async () => {
    const { problems } = await read(await improvementBoardWorkbook());
    expect(problems).toEqual([
      { line: 9, message: expect.stringContaining('"31/02/2015" is not a date: February 2015 has 28 days') },
      { line: 10, message: expect.stringMatching(/target date in E10 is a formula \(=DATE\(2015,6,30\)\); its last calculated value "2015-06-30" was used/) },
    ]);
  });
});

describe('readTracker: a CSV', () => {
  it('reads Windows-1252 pound signs and curly quotes, and headers in another order and wording', async () => {
    const tracker = await read(windowsCsv());
    expect(tracker.encoding).toBe('windows-1252');
    expect(tracker.rows.map((r) => [r.line, r.ref, r.text, r.dueDate, r.rag, r.status, r.atRisk])).toEqual([
      [2, 'R1', 'Spend £25,000 on “plan quality” training', '2015-03-31', 'amber', 'in_progress', false],
      [3, 'R2', 'Audit 20 plans a month', '2015-06-30', 'red', 'in_progress', true],
      [4, 'R3', 'Set up a children’s panel', '2016-03-31', 'green', 'not_started', false],
    ]);
    expect(tracker.rows[0].update).toBe('Two sessions held, £12,000 spent');
    expect(tracker.problems).toEqual([]);
  });

  it('counts lines from the file, a quoted cell broken over lines included', async () => {
    const csv = 'Action,Lead,Target date\n"First line\nsecond line",Ann,01/04/2015\nNext,Bob,2/4/2015\n';
    const tracker = await read(Buffer.from(csv));
    expect(tracker.rows.map((r) => [r.line, r.text, r.dueDate])).toEqual([
      [2, 'First line second line', '2015-04-01'],
      [4, 'Next', '2015-04-02'],
    ]);
  });

  it('reads "Within 3 months" in the due-date column as the timescale, not a date it cannot read', async () => {
    const csv = 'Action,Target date\nAudit the plans,Within 3 months\nTrain the team,For action within the next six months\nSee the panel,Someday\n';
    const tracker = await read(Buffer.from(csv));
    expect(tracker.rows.map((r) => [r.dueDate, r.timescale])).toEqual([
      [null, 'three_months'],
      [null, 'six_months'],
      [null, null],
    ]);
    expect(tracker.problems.map((p) => [p.line, p.message])).toEqual([[4, expect.stringContaining('"Someday" is not a date')]]);
  });

  it('uses the mapping the person chose instead of the one read from the header', async () => {
    const csv = 'Item,Notes,Who\nDo the thing,Said it was the thing,Ann\n';
    const tracker = await readTracker(Buffer.from(csv), { maxBytes: MAX, mapping: { action: 1, owner: 2 } });
    expect(tracker.rows.map((r) => [r.text, r.owner])).toEqual([['Said it was the thing', 'Ann']]);
  });
});

describe('readTracker: files it cannot read say why', () => {
  const code = async (bytes: Buffer) => {
    const error = await read(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrackerError);
    return [(error as TrackerError).code, (error as TrackerError).message];
  };

  it('a password-protected workbook', async () => {
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await code(encrypted)).toEqual(['password_protected', expect.stringContaining('remove the password')]);
  });

  it('an empty sheet, an empty file and a sheet with no header', async () => {
    expect(await code(await book([]))).toEqual(['empty_sheet', expect.stringContaining('is empty')]);
    expect(await code(Buffer.alloc(0))).toEqual(['empty', expect.stringContaining('The file is empty')]);
    expect(
      await code(
        await book([
          ['Apples', 3],
          ['Pears', 4],
        ]),
      ),
    ).toEqual(['no_header', expect.stringContaining('no header row we recognise')]);
  });

  it('a binary that is no spreadsheet, and a broken workbook', async () => {
    expect((await code(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])))[0]).toBe('not_a_tracker');
    expect((await code(Buffer.from('PK\u0003\u0004 broken', 'latin1')))[0]).toBe('not_a_tracker');
  });

  it('a row with no action is left out and said so', async () => {
    const tracker = await read(
      await book([
        ['Ref', 'Action', 'Owner'],
        ['1', 'Do it', 'Ann'],
        ['2', null, 'Bob'],
      ]),
    );
    expect(tracker.rows).toHaveLength(1);
    expect(tracker.problems).toEqual([{ line: 3, message: 'Line 3 has nothing in the Action column (B): it was left out.' }]);
  });

  it('a status or RAG it does not know is a problem and read as none', async () => {
    const tracker = await read(
      await book([
        ['Action', 'Status', 'RAG'],
        ['Do it', 'Sort of', 'Purple'],
      ]),
    );
    expect(tracker.rows[0]).toMatchObject({ status: null, rag: null });
    expect(tracker.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('the status "Sort of" is not one we know'),
      expect.stringContaining('the RAG "Purple" is not red, amber, green or blue'),
    ]);
  });

  it('a RAG shown only by the cell’s colour', async () => {
    const tracker = await read(
      await book(
        [
          ['Action', 'RAG'],
          ['Do it', null],
        ],
        (sheet) => {
          sheet.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC000' } };
        },
      ),
    );
    expect(tracker.rows[0].rag).toBe('amber');
  });
});
