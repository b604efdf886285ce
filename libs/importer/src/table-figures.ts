import { periodCell } from './figure-periods';
import { NUMBER, toNumber, unitOf } from './figure-units';
import { tidyName } from './measure-names';
import { blank, PaperMeasure } from './paper-measure';

/** A line of a table: two or more tab-separated cells, or cells between " | ". */
export function isTableRow(line: string): boolean {
  return line.split('\t').filter((cell) => cell.trim()).length >= 2 || / \| /.test(line);
}

interface Column {
  index: number;
  role: 'period' | 'target' | 'polarity' | 'national' | 'unit';
  period?: string;
}

/**
 * Tables written as tab-separated (or " | "-separated) rows: a header naming periods ("Q1
 * 2014/15", "Mar 2015", "2013/14") and perhaps "Target", "Polarity", "National", then one measure
 * a row, its name first.
 */
export function tableFigures(lines: string[], paperDate: string | null): PaperMeasure[] {
  const result: PaperMeasure[] = [];
  let columns: Column[] | null = null;
  lines.forEach((raw, index) => {
    if (!isTableRow(raw)) {
      if (!raw.trim()) columns = null;
      return;
    }
    const cells = raw.includes('\t') ? raw.split('\t').map((c) => c.trim()) : raw.split('|').map((c) => c.trim());
    const header = headerColumns(cells, paperDate);
    if (header) {
      columns = header;
      return;
    }
    if (columns) result.push(...rowFigures(cells, columns, index + 1));
  });
  return result;
}

function headerColumns(cells: string[], paperDate: string | null): Column[] | null {
  const columns: Column[] = [];
  cells.forEach((cell, index) => {
    if (index === 0 || !cell) return;
    if (/^(?:target|aim|goal|standard)\b/i.test(cell)) columns.push({ index, role: 'target' });
    else if (/^(?:polarity|good\s+is|better\s+is|direction)\b/i.test(cell)) columns.push({ index, role: 'polarity' });
    else if (/^(?:national|england)\b/i.test(cell)) columns.push({ index, role: 'national' });
    else if (/^units?$/i.test(cell)) columns.push({ index, role: 'unit' });
    else {
      const period = periodCell(cell, paperDate);
      if (period) columns.push({ index, role: 'period', period });
    }
  });
  return columns.some((c) => c.role === 'period') ? columns : null;
}

const CELL_NUMBER = new RegExp(
  String.raw`^(?:(<|>|below|under|above|over|less than|more than|at least)\s*)?(${NUMBER})\s*(%|per\s?cent)?(?:\s*(?:-|\u2013|to)\s*(${NUMBER})\s*%?)?$`,
  'i',
);

function rowFigures(cells: string[], columns: Column[], line: number): PaperMeasure[] {
  const name = tidyName(cells[0] ?? '');
  if (!name || CELL_NUMBER.test(cells[0])) return [];
  const cell = (role: Column['role']) => {
    const column = columns.find((c) => c.role === role);
    return column ? (cells[column.index] ?? '') : '';
  };
  const base = blank({ name }, line, '');
  const target = CELL_NUMBER.exec(cell('target'));
  if (target) {
    if (target[4]) {
      base.band = { low: toNumber(target[2]), high: toNumber(target[4]) };
      base.polarity = 'band';
    } else {
      base.target = toNumber(target[2]);
      base.polarity = /^(?:<|below|under|less)/i.test(target[1] ?? '') ? 'lower' : target[1] ? 'higher' : null;
    }
  }
  const polarity = cell('polarity').toLowerCase();
  if (/high|up|more|bigger/.test(polarity)) base.polarity = 'higher';
  else if (/low|down|less|small/.test(polarity)) base.polarity = 'lower';
  const national = CELL_NUMBER.exec(cell('national'));
  if (national) base.national = toNumber(national[2]);
  const values = columns
    .filter((c) => c.role === 'period')
    .map((c) => ({ period: c.period!, match: CELL_NUMBER.exec(cells[c.index] ?? '') }))
    .filter((v) => v.match && !v.match[1] && !v.match[4]);
  const percent = values.some((v) => v.match![3]) || /%|percentage|proportion|per\s?cent/i.test(`${cells[0]} ${cell('unit')}`);
  const per = /per\s+(1,?000|10,?000|100,?000)\b/i.exec(`${cells[0]} ${cell('unit')}`);
  const numbers = values.map((v) => toNumber(v.match![2]));
  base.unit = percent
    ? '%'
    : per
      ? unitOf(per[0])!
      : /\bdays?\b/i.test(`${cells[0]} ${cell('unit')}`)
        ? 'days'
        : numbers.every(Number.isInteger)
          ? 'count'
          : 'number';
  return values.map((v, i) => ({ ...base, value: numbers[i], period: v.period }));
}
