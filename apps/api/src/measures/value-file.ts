import { parse } from 'csv-parse/sync';
import { badRequest, UploadedValue } from '@app/core';

const COLUMNS = ['measure', 'period', 'value'] as const;
type Cell = string | number | null;

function csvRows(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw badRequest('unreadable_file', `The file could not be read as CSV: ${(error as Error).message}`);
  }
}

async function xlsxRows(buffer: Buffer): Promise<Cell[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badRequest('unreadable_file', 'The file could not be read as an Excel workbook (.xlsx) or CSV');
  }
  const sheet = book.worksheets[0];
  const rows: Cell[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (r, n) => {
    const values = (r.values as unknown[])
      .slice(1)
      .map((v) =>
        v === undefined || v === null
          ? null
          : typeof v === 'object'
            ? String((v as { text?: string; result?: unknown }).text ?? (v as { result?: unknown }).result ?? '')
            : (v as Cell),
      );
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

const isXlsx = (buffer: Buffer) => buffer.subarray(0, 2).toString('latin1') === 'PK';

/** The rows of an uploaded CSV or XLSX of values: a header row naming measure, period and value (optionally national, comparator, commentary, reason). */
export async function readValueFile(buffer: Buffer): Promise<UploadedValue[]> {
  const rows: Cell[][] = isXlsx(buffer) ? await xlsxRows(buffer) : csvRows(buffer.toString('utf8'));
  const header = (rows[0] ?? []).map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw badRequest('bad_header', `Line 1 must name the columns ${COLUMNS.join(', ')} (missing: ${missing.join(', ')})`);
  const at = (row: Cell[], name: string) => {
    const i = header.indexOf(name);
    const v = i < 0 ? null : row[i];
    return v === null || v === undefined || String(v).trim() === '' ? null : v;
  };
  const out: UploadedValue[] = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.every((c) => c === null || String(c).trim() === '')) return;
    const number = (name: string, required: boolean) => {
      const v = at(row, name);
      if (v === null) {
        if (required) throw badRequest('bad_row', `Line ${line}: the ${name} is missing. Nothing in the file was stored.`, { line });
        return null;
      }
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      if (!Number.isFinite(n)) throw badRequest('bad_row', `Line ${line}: the ${name} "${v}" is not a number. Nothing in the file was stored.`, { line });
      return n;
    };
    const text = (name: string) => (at(row, name) === null ? null : String(at(row, name)).trim());
    if (!text('measure') || !text('period')) {
      throw badRequest('bad_row', `Line ${line}: give the measure and the period. Nothing in the file was stored.`, { line });
    }
    out.push({
      line,
      measure: text('measure')!,
      period: text('period')!,
      value: number('value', true)!,
      national: number('national', false),
      comparator: number('comparator', false),
      commentary: text('commentary'),
      reason: text('reason'),
    });
  });
  return out;
}
