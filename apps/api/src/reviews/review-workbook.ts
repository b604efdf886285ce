import { ReviewView } from '@app/core';
import { spreadsheetText as cell } from '../web/spreadsheet-cell';
import { directionName, judgementName, POLARITY_NAMES, ragName, targetText } from './review-format';

const wrap = { alignment: { wrapText: true, vertical: 'top' as const } };

/** The review pack as a workbook: summary, measures with their trend, overdue actions, judgements and follow-ups. */
export async function reviewWorkbook(review: ReviewView): Promise<Buffer> {
  // Loaded on first use, as the action export does: exceljs is heavy for every API process to carry.
  const { default: ExcelJS } = await import('exceljs');
  const { pack } = review;
  const book = new ExcelJS.Workbook();
  book.creator = 'Improvement Tracker';
  book.created = new Date(`${pack.asAt}T00:00:00Z`);

  const summary = book.addWorksheet('Summary');
  summary.columns = [{ width: 34 }, { width: 60, style: wrap }];
  summary.addRows([
    ['Plan', cell(pack.plan.title)],
    ['Quarter', `${pack.quarter} (${pack.start} to ${pack.end})`],
    ['Status', review.status === 'signed' ? `Signed off ${review.signedAt?.slice(0, 10)}` : 'Draft: not signed off'],
    ['Figures as at', pack.asAt],
    ['Actions', pack.actions.total],
    ...Object.entries(pack.actions.byStatus).map(([status, n]) => [`Status: ${status.replace(/_/g, ' ')}`, n]),
    ...Object.entries(pack.actions.byRag).map(([rag, n]) => [`RAG: ${rag}`, n]),
    ['Completed this quarter', pack.actions.completedThisQuarter.length],
    ['Verified this quarter', pack.actions.verifiedThisQuarter.length],
    ['Newly overdue this quarter', pack.actions.newlyOverdue.length],
  ]);
  summary.getColumn(1).font = { bold: true };

  const quarters = [...new Set(pack.measures.flatMap((m) => m.trend.map((t) => t.quarter)))].sort();
  const measures = book.addWorksheet('Measures', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  measures.columns = [
    { header: 'Measure', key: 'name', width: 50, style: wrap },
    { header: 'Polarity', key: 'polarity', width: 20 },
    { header: 'Target', key: 'target', width: 24 },
    { header: pack.quarter, key: 'value', width: 12 },
    { header: 'National', key: 'national', width: 12 },
    { header: 'Comparators', key: 'comparator', width: 12 },
    { header: 'RAG', key: 'rag', width: 10 },
    { header: 'Direction of travel', key: 'direction', width: 18 },
    { header: 'Owner', key: 'owner', width: 24 },
    { header: 'Commentary', key: 'commentary', width: 60, style: wrap },
    ...quarters.map((q) => ({ header: q, key: q, width: 12 })),
  ];
  for (const m of pack.measures) {
    measures.addRow({
      name: cell(m.name),
      polarity: POLARITY_NAMES[m.polarity],
      target: targetText(m),
      value: m.value,
      national: m.national,
      comparator: m.comparator,
      rag: ragName(m.rag),
      direction: directionName(m.direction, m.value),
      owner: cell(m.owner ?? ''),
      commentary: cell(m.commentary ?? ''),
      ...Object.fromEntries(m.trend.map((t) => [t.quarter, t.value])),
    });
  }
  measures.getRow(1).font = { bold: true };

  const overdue = book.addWorksheet('Overdue actions');
  overdue.columns = [
    { header: 'Ref', key: 'ref', width: 8 },
    { header: 'Action', key: 'title', width: 70, style: wrap },
    { header: 'Owner', key: 'owner', width: 28 },
    { header: 'Due', key: 'dueDate', width: 12 },
    { header: 'Days overdue', key: 'daysOverdue', width: 14 },
  ];
  overdue.addRows(pack.actions.overdue.map((a) => ({ ...a, title: cell(a.title), owner: cell(a.owner ?? 'No owner') })));
  overdue.getRow(1).font = { bold: true };

  const judged = book.addWorksheet('Judgements');
  judged.columns = [
    { header: 'Area', key: 'area', width: 40, style: wrap },
    { header: 'Judgement', key: 'judgement', width: 22 },
    { header: 'Comment', key: 'comment', width: 80, style: wrap },
  ];
  judged.addRows(review.judgements.map((j) => ({ area: cell(j.area), judgement: judgementName(j.judgement), comment: cell(j.comment) })));
  judged.getRow(1).font = { bold: true };

  const followUps = book.addWorksheet('Follow-ups');
  followUps.columns = [
    { header: 'Ref', key: 'ref', width: 8 },
    { header: 'Action', key: 'title', width: 70, style: wrap },
    { header: 'Owner', key: 'ownerName', width: 28 },
    { header: 'Due', key: 'dueDate', width: 12 },
  ];
  followUps.addRows(review.followUps.map((f) => ({ ...f, title: cell(f.title), ownerName: cell(f.ownerName ?? '') })));
  followUps.getRow(1).font = { bold: true };

  return Buffer.from(await book.xlsx.writeBuffer());
}
