import type { MeetingPack } from '@app/core';
import { AGENDA_REASON_LABELS, AgendaReason } from '@app/domain';
import { spreadsheetText as text } from '../web/spreadsheet-cell';

const RAG_NAMES = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue' } as const;
const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** The board pack as a workbook: the plan at a glance, RAG over time, the agenda with each item's history, and overdue actions. */
export async function packWorkbook(pack: MeetingPack): Promise<Buffer> {
  // Loaded at the first export, as the dashboard's export does: exceljs is heavy.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Improvement Tracker';
  const m = pack.meeting;
  const summary = book.addWorksheet('Summary');
  summary.addRows([
    ['Board pack', text(`${m.board?.name ?? ''}: ${m.plan.title}`)],
    ['Meeting', day(m.date)],
    ['Time and place', text(`${m.startTime}, ${m.place}`)],
    ['Status', m.status.replace(/_/g, ' ')],
    [],
    ['RAG', 'Actions'],
    ...Object.entries(pack.counts.byRag).map(([rag, n]) => [RAG_NAMES[rag as keyof typeof RAG_NAMES], n]),
    [],
    ['Status', 'Actions'],
    ...Object.entries(pack.counts.byStatus).map(([status, n]) => [status.replace(/_/g, ' '), n]),
  ]);
  summary.getCell('B2').numFmt = 'dd/mm/yyyy';
  summary.getColumn(1).width = 22;
  summary.getColumn(2).width = 70;

  const history = book.addWorksheet('RAG over time');
  history.columns = [
    { header: 'When', key: 'label', width: 24 },
    { header: 'Red', key: 'red', width: 8 },
    { header: 'Amber', key: 'amber', width: 8 },
    { header: 'Green', key: 'green', width: 8 },
    { header: 'Blue', key: 'blue', width: 8 },
  ];
  for (const h of pack.ragHistory) history.addRow({ label: h.label, ...h.byRag });

  const agenda = book.addWorksheet('Agenda', { views: [{ state: 'frozen', ySplit: 1 }] });
  agenda.columns = [
    { header: 'No.', key: 'n', width: 5 },
    { header: 'Section', key: 'section', width: 26 },
    { header: 'Item', key: 'title', width: 60 },
    { header: 'Why', key: 'why', width: 40 },
    { header: 'Presenter', key: 'presenter', width: 26 },
    { header: 'Minutes', key: 'minutes', width: 9 },
    { header: 'Status', key: 'status', width: 14 },
    { header: 'Due date', key: 'due', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Changes since the last meeting', key: 'history', width: 50 },
  ];
  pack.agenda.forEach((item, i) =>
    agenda.addRow({
      n: i + 1,
      section: text(item.section ?? ''),
      title: text(item.title),
      why: item.reasons.map((r) => AGENDA_REASON_LABELS[r as AgendaReason]).join('; '),
      presenter: text(item.presenterName ?? ''),
      minutes: item.minutesAllotted ?? '',
      status: item.action?.status.replace(/_/g, ' ') ?? '',
      due: item.action?.dueDate ? day(item.action.dueDate) : null,
      history: text(item.history.map((h) => `${h.at.slice(0, 10)} ${h.event.replace(/_/g, ' ')}`).join('; ')),
    }),
  );
  agenda.getRow(1).font = { bold: true };

  const overdue = book.addWorksheet('Overdue');
  overdue.columns = [
    { header: 'Ref', key: 'ref', width: 8 },
    { header: 'Action', key: 'title', width: 60 },
    { header: 'Owner', key: 'owner', width: 28 },
    { header: 'Due date', key: 'due', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Days overdue', key: 'days', width: 13 },
  ];
  for (const a of pack.overdue)
    overdue.addRow({ ref: a.ref, title: text(a.title), owner: text(a.ownerName ?? ''), due: a.dueDate ? day(a.dueDate) : null, days: a.daysOverdue });
  overdue.getRow(1).font = { bold: true };

  const minutes = book.addWorksheet('Minutes');
  minutes.getColumn(1).width = 120;
  for (const line of m.minutes.draft.split('\n')) minutes.addRow([text(line)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
