import { accountableManagerOf } from '@app/core/actions/accountable-manager';
import { ProgressNote } from '@app/database/entities';
import { Plan } from '@app/database/entities';
import { ActionSummary } from './action-rows';
import { fullActionText } from '@app/domain';
import { RAG_LABELS, STATUS_LABELS } from './page-labels';
import { Directory } from './people-directory';
import { spreadsheetText } from './spreadsheet-cell';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the date and time a person in London saw: a spreadsheet's dates have no time zone. */
function londonWallClock(instant: string): Date {
  const p = Object.fromEntries(LONDON.formatToParts(Date.parse(instant)).map((x) => [x.type, Number(x.value)]));
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

/** A progress note is an update to the action, though it does not change the action's own row. */
const lastUpdated = (actionUpdatedAt: string, noteAt: string | undefined) => (noteAt && noteAt > actionUpdatedAt ? noteAt : actionUpdatedAt);

/** The dashboard's action list as a workbook that opens in Excel or LibreOffice: real dates, frozen header, filters. */
export async function actionWorkbook(
  plan: Plan,
  items: ActionSummary[],
  names: Directory,
  today: string,
  filterText: string,
  latestNotes: Map<string, ProgressNote>,
): Promise<Buffer> {
  // Loaded at the first export rather than at start-up: exceljs adds about 7 MB of heap (15 MB RSS) to every API process.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Improvement Tracker';
  book.created = new Date(`${today}T00:00:00Z`);
  const sheet = book.addWorksheet('Actions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Ref', key: 'ref', width: 8 },
    { header: 'Action', key: 'title', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { header: 'Status', key: 'status', width: 14 },
    { header: 'RAG', key: 'rag', width: 8 },
    // The reason given when the rating was set by hand (or kept from an imported tracker); blank where the rules give it.
    { header: 'RAG override reason', key: 'ragReason', width: 30 },
    { header: 'Owner', key: 'owner', width: 28 },
    { header: 'Accountable manager', key: 'manager', width: 28 },
    { header: 'Partner organisation', key: 'partner', width: 28 },
    { header: 'Due date', key: 'dueDate', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Overdue', key: 'overdue', width: 9 },
    { header: 'Latest progress note', key: 'note', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { header: 'Last updated', key: 'updatedAt', width: 17, style: { numFmt: 'dd/mm/yyyy hh:mm' } },
  ];
  // The council's line managers are in the directory already: the accountable manager of an action naming none is read from it.
  const lineManagers = new Map(names.people.map((p) => [p.id, p.managerId]));
  const lineManagerOf = async (userId: string) => lineManagers.get(userId) ?? null;
  for (const a of items) {
    const text = {
      title: fullActionText(a),
      status: STATUS_LABELS[a.status as keyof typeof STATUS_LABELS] ?? a.status,
      rag: a.rag.effective ? RAG_LABELS[a.rag.effective] : '',
      ragReason: a.rag.override ? (a.rag.overrideReason ?? '') : '',
      owner: names.personName(a.ownerId),
      manager: names.personName(await accountableManagerOf(a, lineManagerOf)),
      partner: names.organisationName(a.organisationId),
      note: latestNotes.get(a.id)?.body ?? '',
    };
    sheet.addRow({
      ref: spreadsheetText(a.ref),
      ...Object.fromEntries(Object.entries(text).map(([key, value]) => [key, spreadsheetText(value)])),
      dueDate: a.dueDate ? new Date(`${a.dueDate}T00:00:00Z`) : null,
      overdue: a.overdue ? 'Yes' : 'No',
      updatedAt: londonWallClock(lastUpdated(a.updatedAt, latestNotes.get(a.id)?.createdAt)),
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  const about = book.addWorksheet('About');
  about.addRows([
    ['Plan', spreadsheetText(plan.title)],
    ['Exported on', new Date(`${today}T00:00:00Z`)],
    ['Filters', spreadsheetText(filterText || 'none: every action')],
    ['Actions', items.length],
  ]);
  about.getCell('B2').numFmt = 'dd/mm/yyyy';
  about.getColumn(1).width = 14;
  about.getColumn(2).width = 70;
  return Buffer.from(await book.xlsx.writeBuffer());
}
