import { parse } from 'csv-parse/sync';
import type { Rag } from '@app/domain';
import { GridCell, GridRow, TrackerGrid } from './tracker-types';
import { TrackerError } from './tracker-error';

const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
// Office's compound file: an encrypted (password-protected) .xlsx, or an old .xls.
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Reads an .xlsx or .csv into rows of cells; throws a TrackerError saying what to do when it cannot. */
export async function readGrid(bytes: Buffer, maxBytes: number): Promise<TrackerGrid> {
  if (!bytes.length) throw new TrackerError('empty', 'The file is empty: choose the tracker saved as .xlsx or .csv.');
  if (bytes.length > maxBytes)
    throw new TrackerError('too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: save the tracker's sheet alone as .xlsx or .csv.`);
  if (bytes.subarray(0, 8).equals(COMPOUND_FILE))
    throw new TrackerError(
      'password_protected',
      'The workbook is password-protected (or an old .xls): open it in Excel, remove the password (File, Info, Protect Workbook) and save it as .xlsx, then try again.',
    );
  if (bytes.subarray(0, 4).equals(ZIP)) return readXlsx(bytes);
  if (bytes.subarray(0, 1024).includes(0) && !isUtf16(bytes))
    throw new TrackerError('not_a_tracker', 'This is not a spreadsheet: save the tracker as .xlsx (Excel workbook) or .csv.');
  return readCsv(bytes);
}

async function readXlsx(bytes: Buffer): Promise<TrackerGrid> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TrackerError('not_a_tracker', 'The file could not be read as an Excel workbook: open it in Excel and save it again as .xlsx, or as .csv.');
  }
  const sheets = book.worksheets.map((sheet) => {
    const rows: GridRow[] = [];
    // exceljs works columnCount out afresh from every row each time it is asked: ask once.
    const columns = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: GridCell[] = [];
      for (let c = 1; c <= columns; c++) cells.push(xlsxCell(row.getCell(c)));
      rows.push({ line, cells });
    });
    return { format: 'xlsx' as const, sheet: sheet.name, rows: rows.filter((r) => r.cells.some(hasValue)) };
  });
  return sheets.find((s) => s.rows.length) ?? { format: 'xlsx', sheet: sheets[0]?.sheet ?? null, rows: [] };
}

type ExcelCell = { value: unknown; isMerged: boolean; master: unknown; fill?: { type?: string; fgColor?: { argb?: string } } };

function xlsxCell(cell: ExcelCell): GridCell {
  const out: GridCell = { value: null };
  const v = cell.value;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out.value = v;
  else if (v && typeof v === 'object') {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      out.formula = o.formula ?? o.sharedFormula;
      const r = o.result;
      out.value = r instanceof Date || typeof r === 'number' || typeof r === 'string' || typeof r === 'boolean' ? r : null;
    } else if (o.richText) out.value = o.richText.map((t) => t.text).join('');
    else if (typeof o.text === 'string') out.value = o.text;
  }
  if (cell.isMerged && cell.master !== cell) out.mergedCopy = true;
  const rag = fillRag(cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);
  if (rag) out.fillRag = rag;
  return out;
}

/** The RAG a cell's fill colour shows: the hue decides, pale or grey fills show none. */
export function fillRag(argb: string | undefined): Rag | undefined {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return undefined;
  const [r, g, b] = [2, 4, 6].map((i) => parseInt(argb.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.3) return undefined;
  const d = max - min;
  const hue = max === r ? (60 * ((g - b) / d) + 360) % 360 : max === g ? 60 * ((b - r) / d) + 120 : 60 * ((r - g) / d) + 240;
  if (hue < 20 || hue >= 330) return 'red';
  if (hue < 60) return 'amber';
  if (hue < 170) return 'green';
  if (hue < 260) return 'blue';
  return undefined;
}

const isUtf16 = (bytes: Buffer) => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/** The text of a CSV: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, else Windows-1252. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// Windows-1252's 0x80-0x9F (Node's decoder reads them as Latin-1 control characters); 0 where unassigned.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || 0xfffd : byte);
  return out;
}

function readCsv(bytes: Buffer): TrackerGrid {
  const { text, encoding } = decodeCsv(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0];
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (error) {
    throw new TrackerError('not_a_tracker', `The CSV could not be read (${(error as Error).message}): save the tracker again as .csv or .xlsx.`);
  }
  let line = 1;
  const rows: GridRow[] = [];
  for (const { record, info } of records) {
    const cells = record.map((value): GridCell => ({ value: value.trim() === '' ? null : value }));
    if (cells.some(hasValue)) rows.push({ line, cells });
    line = info.lines + 1;
  }
  return { format: 'csv', sheet: null, encoding, rows };
}

export const hasValue = (cell: GridCell | undefined): boolean => !!cell && cell.value !== null && !(typeof cell.value === 'string' && cell.value.trim() === '');
