import { columnLetter, findHeader, isHeaderMapping, mappingOf } from './tracker-columns';
import { readDueDate } from './tracker-dates';
import { TrackerError } from './tracker-error';
import { hasValue, readGrid } from './tracker-grid';
import { ColumnMapping, GridCell, GridRow, TRACKER_FIELDS, TrackerField, TrackerProblem, TrackerRead, TrackerRow } from './tracker-types';
import { readRag, readStatus, readTimescale } from './tracker-words';

export interface ReadTrackerOptions {
  maxBytes: number;
  /** The person's own mapping of fields to 0-based columns, replacing the one read from the header. */
  mapping?: ColumnMapping;
  /** The line of the header row, when the person says where it is. */
  headerLine?: number;
}

const FIELD_NAMES: Record<TrackerField, string> = {
  ref: 'reference',
  recommendation: 'recommendation',
  action: 'action',
  owner: 'lead officer',
  dueDate: 'target date',
  timescale: 'timescale',
  rag: 'RAG',
  update: 'progress update',
  status: 'status',
};

const text = (cell: GridCell | undefined): string | null => {
  if (!hasValue(cell)) return null;
  const value = cell!.value;
  const written = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return written.replace(/\s+/g, ' ').trim() || null;
};

/**
 * Reads a council's own action tracker (.xlsx or .csv): the header row wherever it is and whatever
 * its wording, title rows above it and theme rows between items as sections, one row per item with
 * its dates, status and RAG read as councils write them. What could not be read is a problem on
 * its line; nothing here stores anything.
 */
export async function readTracker(bytes: Buffer, options: ReadTrackerOptions): Promise<TrackerRead> {
  const grid = await readGrid(bytes, options.maxBytes);
  const where = grid.sheet ? `The sheet "${grid.sheet}"` : 'The file';
  if (!grid.rows.length) throw new TrackerError('empty_sheet', `${where} is empty: choose the sheet or file that holds the tracker.`);
  const header = chosenHeader(grid.rows, options) ?? findHeader(grid.rows);
  if (!header)
    throw new TrackerError(
      'no_header',
      `${where} has no header row we recognise in its first 25 rows: add a row naming the columns, such as "Ref", "Recommendation" or "Action to be taken", "Lead officer", "Target date", "RAG", "Progress update" and "Status".`,
    );
  const mapping = options.mapping ? checkMapping(options.mapping, header.headers.length) : header.mapping;
  const title = titleOf(grid.rows.slice(0, header.index));
  const problems: TrackerProblem[] = [];
  const rows: TrackerRow[] = [];
  let section = title;
  let carried: string | null = null;
  for (const row of grid.rows.slice(header.index + 1)) {
    const theme = themeOf(row, mapping);
    if (theme.kind === 'section') {
      section = theme.text;
      carried = null;
      continue;
    }
    if (theme.kind === 'recommendation') {
      carried = theme.text;
      continue;
    }
    const read = readRow(row, mapping, section, carried, header.headers, problems);
    if (read) {
      rows.push(read);
      if (mapping.action !== undefined) carried = read.recommendation;
    }
  }
  if (!rows.length) problems.push({ line: null, message: `${where} has a header on line ${grid.rows[header.index].line} but no rows under it.` });
  return {
    format: grid.format,
    sheet: grid.sheet,
    encoding: grid.encoding ?? null,
    title,
    headerLine: grid.rows[header.index].line,
    headers: header.headers,
    mapping,
    rows,
    problems,
  };
}

/** The header row the person chose: the line they named, or the first row when they map the columns themselves. */
function chosenHeader(rows: GridRow[], options: ReadTrackerOptions) {
  if (options.headerLine === undefined && !options.mapping) return null;
  const index = options.headerLine === undefined ? (findHeader(rows)?.index ?? 0) : rows.findIndex((r) => r.line === options.headerLine);
  if (index < 0) throw new TrackerError('bad_mapping', `Line ${options.headerLine} is empty or beyond the end: choose the line that names the columns.`);
  const headers = rows[index].cells.map((cell) => (hasValue(cell) && !cell.mergedCopy ? String(cell.value).trim() : ''));
  return { index, headers, mapping: mappingOf(headers) };
}

function checkMapping(mapping: ColumnMapping, width: number): ColumnMapping {
  const out: ColumnMapping = {};
  for (const field of TRACKER_FIELDS) {
    const index = mapping[field];
    if (index === undefined || index === null) continue;
    if (!Number.isInteger(index) || index < 0 || index >= width)
      throw new TrackerError('bad_mapping', `The ${FIELD_NAMES[field]} column must be one of the tracker's columns, A to ${columnLetter(width - 1)}.`);
    out[field] = index;
  }
  if (!isHeaderMapping(out)) throw new TrackerError('bad_mapping', 'Choose the column that holds the recommendation or the action, and at least one other.');
  return out;
}

function titleOf(rows: GridRow[]): string | null {
  const texts = rows
    .map((r) =>
      r.cells
        .filter((c) => !c.mergedCopy)
        .map(text)
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
  return texts.length ? texts.join(' — ').slice(0, 300) : null;
}

type Theme = { kind: 'section' | 'recommendation'; text: string } | { kind: 'row' };

/** A row with one value: a theme (merged across, or outside the item's columns), a recommendation heading its actions, or an item. */
function themeOf(row: GridRow, mapping: ColumnMapping): Theme {
  const filled = row.cells.map((c, i) => [c, i] as const).filter(([c]) => hasValue(c) && !c.mergedCopy);
  if (filled.length !== 1) return { kind: 'row' };
  const [cell, index] = filled[0];
  const value = text(cell)!;
  const mergedAcross = row.cells.some((c, i) => c.mergedCopy && i !== mapping.recommendation && i !== mapping.action && text(c) === value);
  if (mergedAcross) return { kind: 'section', text: value };
  if (index === mapping.action) return { kind: 'row' };
  if (index === mapping.recommendation) return mapping.action !== undefined ? { kind: 'recommendation', text: value } : { kind: 'row' };
  if (index === mapping.ref && /^[\w.()-]{1,8}$/.test(value)) return { kind: 'row' };
  return { kind: 'section', text: value };
}

function readRow(
  row: GridRow,
  mapping: ColumnMapping,
  section: string | null,
  carried: string | null,
  headers: string[],
  problems: TrackerProblem[],
): TrackerRow | null {
  const cell = (field: TrackerField) => (mapping[field] === undefined ? undefined : row.cells[mapping[field]!]);
  const line = row.line;
  const recommendation = text(cell('recommendation')) ?? (mapping.action !== undefined ? carried : null);
  const action = text(cell('action'));
  const tracked = action ?? recommendation;
  if (!row.cells.some((c) => hasValue(c) && !c.mergedCopy)) return null;
  if (!tracked) {
    const column = mapping.action ?? mapping.recommendation!;
    problems.push({
      line,
      message: `Line ${line} has nothing in the ${headers[column] || FIELD_NAMES.action} column (${columnLetter(column)}): it was left out.`,
    });
    return null;
  }
  for (const field of TRACKER_FIELDS) {
    const c = cell(field);
    if (c?.formula !== undefined) {
      const at = `${columnLetter(mapping[field]!)}${line}`;
      problems.push({
        line,
        message: hasValue(c)
          ? `Line ${line}: the ${FIELD_NAMES[field]} in ${at} is a formula (=${c.formula}); its last calculated value "${text(c)}" was used.`
          : `Line ${line}: the ${FIELD_NAMES[field]} in ${at} is a formula (=${c.formula}) with no saved value: it was read as empty; type the value in.`,
      });
    }
  }
  const timescaleText = text(cell('timescale'));
  // "Within 3 months" typed where the due date goes is a timescale, not a date that cannot be read.
  const dueText = text(cell('dueDate'));
  const dueTimescale = dueText ? readTimescale(dueText) : null;
  const due = dueTimescale ? { date: null, problem: null } : readDueDate(cell('dueDate')?.value ?? null);
  if (!due.date && due.problem) problems.push({ line, message: `Line ${line}: ${due.problem}` });
  const dueDate = due.date ?? (mapping.dueDate === undefined || !hasValue(cell('dueDate')) ? dateIn(timescaleText) : null);
  const statusText = text(cell('status'));
  const status = statusText ? readStatus(statusText) : null;
  if (statusText && !status)
    problems.push({
      line,
      message: `Line ${line}: the status "${statusText}" is not one we know (such as "Not started", "On track", "Delayed", "Complete"): it was read as not started; change it after the import.`,
    });
  const ragText = text(cell('rag'));
  const rag = ragText ? readRag(ragText) : (cell('rag')?.fillRag ?? null);
  if (ragText && !rag)
    problems.push({ line, message: `Line ${line}: the RAG "${ragText}" is not red, amber, green or blue (or R, A, G, B): it was left out.` });
  const timescale = timescaleText ? (readTimescale(timescaleText) ?? timescaleText) : dueTimescale;
  return {
    line,
    ref: text(cell('ref')),
    section,
    text: tracked,
    recommendation: action ? recommendation : null,
    owner: text(cell('owner')),
    dueDate,
    timescale,
    status: status?.status ?? null,
    statusText,
    atRisk: status?.atRisk ?? false,
    rag,
    update: text(cell('update')),
  };
}

/** "March 2015" or "31/03/2015" written as a timescale. */
function dateIn(written: string | null): string | null {
  if (!written) return null;
  const reading = readDueDate(written);
  return reading.date;
}
