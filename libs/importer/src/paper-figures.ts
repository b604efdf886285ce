import { figurePeriod, periodCell } from './figure-periods';

export type FigurePolarity = 'higher' | 'lower' | 'band';

/** A performance figure a council paper reports, as a measure with one value. */
export interface PaperMeasure {
  name: string;
  /** "%", "per 10,000" (or per 1,000, per 100,000), "count", "days", or "number" when the paper does not say. */
  unit: string;
  /** Null when the paper gives only a band or a target ("remained between 120-130"). */
  value: number | null;
  /** A financial-year quarter ("2014/15 Q4") where a date or month is given, else as written ("2013/14", "last year"). */
  period: string | null;
  target: number | null;
  polarity: FigurePolarity | null;
  band: { low: number; high: number } | null;
  /** The national average the paper compares it with, when it gives one. */
  national: number | null;
  /** 1-based line the figure is on. */
  line: number;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const UNIT = String.raw`%|per\s?cent\b|per\s+(?:1,?000|10,?000|100,?000)\b|(?:working\s+)?days?\b`;
const RANGE = new RegExp(
  String.raw`\b(?:between\s+(${NUMBER})\s*(?:%|per\s?cent)?\s*(?:-|\u2013|and|to)\s*(${NUMBER})|(${NUMBER})\s*(?:-|\u2013)\s*(${NUMBER}))\s*(${UNIT})?`,
  'gi',
);
const FIGURE = new RegExp(String.raw`(?<![\w.,/£$-])(${NUMBER})(?![\d/])\s*(${UNIT})?`, 'gi');

/** Words that make a number a duration or part of a date rather than a figure. */
const NOT_A_FIGURE_AFTER =
  /^\s*(?:months?|years?|weeks?|hours?|minutes?|plus\b|st\b|nd\b|rd\b|th\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;
const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i;
const DURATION_BEFORE = /\b(?:within|in|over|for|after|by|under|than)\s+(?:the\s+)?$/i;

const CURRENT =
  /\b(?:currently|current(?:ly)?|now|stands?\s+at|stood\s+at|was|is|were|are|at|of|reached|totall?ed|averaged|remains?\s+at|remained\s+at|rose\s+to|fell\s+to|increased\s+to|decreased\s+to|dropped\s+to|improved\s+to|reduced\s+to)\s+(?:only\s+|just\s+|about\s+|around\s+|approximately\s+)?\(?\s*$/i;
const TARGET_BEFORE = /\b(?:target|aim|ambition|goal|guidance|expect\w*|threshold|benchmark|standard)\b/i;
const TARGET_AFTER = /^[\s%)]*(?:\w+\s+){0,2}(?:is|would\s+be|as)\s+(?:good|the\s+target|acceptable)\b|^\s*%?\s*\(?target\)?/i;
const NATIONAL = /\b(?:national\s+(?:average|figure|rate|level|picture)|nationally|england\s+average|average\s+(?:for|in|across)\s+england)\b/i;
const COMPARATOR = /\b(?:comparator|statistical\s+neighbou?r|similar\s+(?:authorities|councils|areas))/i;
const EARLIER = /\b(last\s+year|previous\s+year|the\s+year\s+before|last\s+quarter|previous\s+quarter|previously)\b/i;
const LOWER = /\b(?:below|under|less\s+than|lower\s+than|fewer\s+than|no\s+more\s+than|at\s+most|maximum\s+of|reduce\w*\s+(?:it\s+)?to)\s*$/i;
const HIGHER = /\b(?:above|over|more\s+than|at\s+least|greater\s+than|higher\s+than|exceed\w*|minimum\s+of|increase\w*\s+(?:it\s+)?to)\s*$/i;
const PRONOUN = /\b(?:this|these|it|they)\b/i;

/** "The number of …", "the percentage of …": the subject a figure belongs to. */
const SUBJECT = /\b(?:the\s+|our\s+|a\s+(?:\w+\s+)?)?(average\s+number|total\s+number|numbers?|percentage|proportion|rate|average)\s+of\s+/gi;
const VERB = new Set(
  'has have had was were is are remain remains remained stood stands rose fell increased decreased dropped improved reduced continues continued stayed stays shows showed'.split(
    ' ',
  ),
);
const RELATIVE = new Set(['who', 'that', 'which']);

interface Sentence {
  text: string;
  line: number;
}

interface Figure {
  value: number;
  unit: string | null;
  start: number;
  end: number;
  band?: { low: number; high: number };
}

interface Subject {
  name: string;
  kind: string;
  /** For "91.7% of …", that figure: the figures before it are another subject's. */
  from?: number;
}

/**
 * The performance figures in a council paper, in its prose ("The number of … was 123 at the end of
 * March 2015, below the national average of 140") and its tables (a header row of periods or
 * "Target", one measure a row). `paperDate` (the meeting's or letter's date) dates a figure given as
 * current ("currently 4.1%") or with no date of its own.
 */
export function findPaperFigures(text: string, paperDate: string | null = null): PaperMeasure[] {
  const lines = text.split(/\r?\n|\f/);
  const table = tableFigures(lines, paperDate);
  const prose = paragraphs(lines).flatMap((paragraph) => proseFigures(paragraph, paperDate));
  return distinct(table, prose).sort((a, b) => a.line - b.line);
}

/**
 * A paper often repeats a figure (a table's cell in its prose, its summary in its body): a figure
 * of the prose with the unit, value and period of one already found, and a word of its name in
 * common ("Assessments …"), is that one again, and only the first telling is kept. A table's rows
 * are each their own measure, however alike their values.
 */
function distinct(table: PaperMeasure[], prose: PaperMeasure[]): PaperMeasure[] {
  const seen = new Map<string, Set<string>[]>();
  const told = (m: PaperMeasure) => (m.value === null ? `band|${m.band?.low}|${m.band?.high}` : `${m.unit}|${m.value}|${m.period}`);
  const words = (m: PaperMeasure) => new Set(m.name.toLowerCase().match(/[a-z]{5,}/g) ?? []);
  const remember = (m: PaperMeasure) => seen.set(told(m), [...(seen.get(told(m)) ?? []), words(m)]);
  table.forEach(remember);
  const kept = prose.filter((m) => {
    const mine = words(m);
    if (seen.get(told(m))?.some((earlier) => [...mine].some((w) => earlier.has(w)))) return false;
    remember(m);
    return true;
  });
  return [...table, ...kept];
}

// ---------------------------------------------------------------- prose

function isTableRow(line: string): boolean {
  return line.split('\t').filter((cell) => cell.trim()).length >= 2 || / \| /.test(line);
}

/** Runs of prose lines (a wrapped paragraph is one), numbered from their first line. */
function paragraphs(lines: string[]): Sentence[][] {
  const result: Sentence[][] = [];
  let text = '';
  let offsets: { at: number; line: number }[] = [];
  const flush = () => {
    if (text.trim()) result.push(sentences(text, offsets));
    text = '';
    offsets = [];
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || isTableRow(raw)) return flush();
    // A numbered or bulleted paragraph starts afresh.
    if (/^(?:[-•▪◼*]\s+|\d+(?:\.\d+)+\s+|\(?[a-z]\)\s+)/i.test(line) && text) flush();
    offsets.push({ at: text.length, line: index + 1 });
    text += `${line.replace(/^(?:[-•▪◼*]\s+)?(?:\d+(?:\.\d+)+\s+)?/, '')} `;
  });
  flush();
  return result;
}

function sentences(text: string, offsets: { at: number; line: number }[]): Sentence[] {
  const result: Sentence[] = [];
  const boundary = /(?<=[.!?])\s+(?=["'\u201c(]?[A-Z])|;\s+|\s+(?=\(?[a-h]\)\s)/g;
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end).trim();
    if (piece) result.push({ text: piece, line: [...offsets].reverse().find((o) => o.at <= start)?.line ?? offsets[0].line });
  };
  for (const match of text.matchAll(boundary)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return result;
}

/**
 * Figures sentence by sentence. A sentence with a subject but no figure ("Numbers of … have
 * remained stable") hands its subject to the next ("These remain between 120-130"); a sentence
 * with figures and no subject ("The target is to keep this below 22%") adds to the last measure.
 */
function proseFigures(paragraph: Sentence[], paperDate: string | null): PaperMeasure[] {
  const result: PaperMeasure[] = [];
  let pending: Subject | null = null;
  let last: PaperMeasure | null = null;
  for (const sentence of paragraph) {
    const figures = figuresIn(sentence.text);
    const subject = subjectOf(sentence.text, figures);
    if (!figures.length) {
      pending = subject;
      continue;
    }
    const owner = subject ?? (pending && PRONOUN.test(sentence.text) ? pending : null);
    pending = null;
    if (owner) {
      const made = measuresFrom(owner, figures, sentence, paperDate);
      result.push(...made);
      last = made[0] ?? last;
    } else if (last && (PRONOUN.test(sentence.text) || TARGET_BEFORE.test(sentence.text))) {
      result.push(...addTo(last, figures, sentence, paperDate));
    }
  }
  return result;
}

function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

function unitOf(text: string | undefined): string | null {
  if (!text) return null;
  const unit = text.toLowerCase().replace(/\s+/g, ' ');
  if (unit === '%' || unit.startsWith('per cent') || unit === 'percent') return '%';
  if (unit.includes('day')) return 'days';
  const per = /per (\d[\d,]*)/.exec(unit);
  return per ? `per ${toNumber(per[1]).toLocaleString('en-GB')}` : null;
}

function figuresIn(text: string): Figure[] {
  const figures: Figure[] = [];
  const taken: [number, number][] = [];
  for (const match of text.matchAll(RANGE)) {
    const low = toNumber(match[1] ?? match[3]);
    const high = toNumber(match[2] ?? match[4]);
    const end = match.index + match[0].length;
    if (!(low < high) || isYearSpan(low, high) || NOT_A_FIGURE_AFTER.test(text.slice(end))) continue;
    figures.push({ value: low, unit: unitOf(match[5]), start: match.index, end, band: { low, high } });
    taken.push([match.index, end]);
  }
  for (const match of text.matchAll(FIGURE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some(([a, b]) => start >= a && start < b)) continue;
    const unit = unitOf(match[2]);
    const before = text.slice(0, start);
    const after = text.slice(end);
    if (NOT_A_FIGURE_AFTER.test(after) || MONTH_BEFORE.test(before) || /\bQ$|\bquarter\s*$/i.test(before)) continue;
    const value = toNumber(match[1]);
    if (!unit && value >= 1900 && value <= 2100 && Number.isInteger(value)) continue; // a year
    // "within the 45 day timescale" defines the measure; it is no value of it.
    if ((unit === 'days' || /^\s*(?:and|or|to)\s+\d+\s*(?:working\s+)?days?\b/i.test(after)) && DURATION_BEFORE.test(before)) continue;
    figures.push({ value, unit, start, end });
  }
  return figures.sort((a, b) => a.start - b.start);
}

function isYearSpan(low: number, high: number): boolean {
  return low >= 1900 && low <= 2100 && Number.isInteger(low) && Number.isInteger(high);
}

function subjectOf(text: string, figures: Figure[]): Subject | null {
  for (const match of text.matchAll(SUBJECT)) {
    if (/^a\s+numbers?\s/i.test(match[0])) continue; // "a number of cases": some, not a count
    const words = subjectWords(text.slice(match.index + match[0].length));
    if (words) return { name: words, kind: match[1].toLowerCase().replace(/\s+/g, ' ') };
  }
  // "91.7% of all assessments completed within …"
  for (const figure of figures) {
    if (figure.unit !== '%') continue;
    const of = /^\s*of\s+/i.exec(text.slice(figure.end));
    if (!of) continue;
    const rest = text.slice(figure.end + of[0].length).split(/[,;:(]|\s+(?:with|but|although|whereas|while|compared)\s+|\.(?:\s|$)|\s(?=\d[\d.,]*\s*%)/i)[0];
    const name = tidyName(rest.replace(/\b(were|was|are|is)\b/i, 'that $1'));
    if (name) return { name, kind: 'percentage', from: figure.start };
  }
  // "Re-referrals fell to 19.5% …": a short subject opening the sentence, its verb, then the figure.
  const opening = OPENING.exec(text);
  const first = figures[0];
  if (opening && first && (first.unit || first.band) && first.start === opening[0].length) {
    const name = tidyName(opening[1].replace(/(?:\s+(?:currently|now|still|consistently|also|has|have))+$/i, ''));
    if (name && !PRONOUN.test(opening[1]) && !/^(?:we|our|there)\b/i.test(opening[1])) return { name, kind: first.unit === '%' ? 'percentage' : 'number' };
  }
  return null;
}

const OPENING = new RegExp(
  String.raw`^([A-Za-z][\w'()/-]*(?:\s+[\w'()/-]+){0,7}?)\s+(?:has\s+|have\s+)?(?:was|were|is|are|stood\s+at|stands\s+at|rose\s+to|fell\s+to|increased\s+to|decreased\s+to|dropped\s+to|improved\s+to|reduced\s+to|remained\s+at|remains\s+at|reached|averaged|been)\s+(?:only\s+|just\s+|about\s+|around\s+)?`,
  'i',
);

/** The subject's words, up to its verb (one not opening a "who are …" clause) or a break. */
function subjectWords(rest: string): string | null {
  const words: string[] = [];
  const all = rest.split(/\s+/);
  for (const [index, word] of all.entries()) {
    const bare = word.toLowerCase().replace(/[^a-z']/g, '');
    if (VERB.has(bare) && !RELATIVE.has(words[words.length - 1]?.toLowerCase() ?? '')) break;
    if (/^\d/.test(word) && words.length && !/^(?:within|in|of|over|the|under|aged)$/i.test(words[words.length - 1])) break;
    // "in education, employment or training" is one subject; "in care, which …" ends it.
    const list = word.endsWith(',') && /^(?:[\w'-]+\s+){0,3}(?:or|and)\s+[a-z]/i.test(all.slice(index + 1, index + 6).join(' '));
    const stop = list ? null : /[,;:()]|\.$/.exec(word);
    words.push(stop ? word.slice(0, stop.index) : word);
    if (stop) break;
  }
  return tidyName(words.join(' '));
}

/** A period said after the subject ("… in the fourth quarter") is the figure's, not the measure's name. */
const PERIOD_PHRASE =
  /\s+(?:in|at|by|during|for|over)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|latest)\s+quarter|end\s+of|year\s+to|Q[1-4]\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}|\d{4}\b).*$/i;

function tidyName(text: string): string | null {
  const name = text
    .replace(PERIOD_PHRASE, '')
    .replace(/\s*\((?:%|per\s?cent|number|no\.?|days|count)\)\s*$/i, '')
    .replace(/["\u201c\u201d]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:all|the|our|of|these|those)\s+/i, '')
    .replace(/\s+(?:figure|timescale|target|standard|limit)$/i, '')
    .replace(/\bthe\s+(\d+)\s+(working\s+)?day\b/gi, '$1 $2days')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,]+$/, '');
  if (name.length < 3 || !/[a-z]{3}/i.test(name)) return null;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** What a figure is to its measure, from the words around it. */
function roleOf(text: string, figure: Figure): 'value' | 'target' | 'national' | 'comparator' | 'earlier' | 'bound' {
  const before = text.slice(Math.max(0, figure.start - 70), figure.start);
  const near = text.slice(Math.max(0, figure.start - 14), figure.start);
  const after = text.slice(figure.end, figure.end + 40);
  if (/\bcurrent(?:ly)?\b|\bnow\b/i.test(near)) return 'value';
  if (TARGET_BEFORE.test(before.slice(-50)) || TARGET_AFTER.test(after)) return 'target';
  if (NATIONAL.test(before.slice(-40))) return 'national';
  if (COMPARATOR.test(before.slice(-40))) return 'comparator';
  if (EARLIER.test(before.slice(-40))) return 'earlier';
  if (LOWER.test(before) || HIGHER.test(before)) return 'bound';
  return 'value';
}

function blank(subject: Subject, line: number, unit: string): PaperMeasure {
  return { name: subject.name, unit, value: null, period: null, target: null, polarity: null, band: null, national: null, line };
}

function unitFor(subject: Subject, figures: Figure[]): string {
  const given = figures.find((f) => f.unit)?.unit;
  if (given) return given;
  if (/percentage|proportion/.test(subject.kind)) return '%';
  if (/\bdays\b/i.test(subject.name)) return 'days';
  if (/number/.test(subject.kind) && figures.every((f) => Number.isInteger(f.value))) return 'count';
  return 'number';
}

function measuresFrom(subject: Subject, figures: Figure[], sentence: Sentence, paperDate: string | null): PaperMeasure[] {
  // A bare number counts only for "the number of …" or after a verb that states it.
  const usable = figures
    .filter((f) => f.start >= (subject.from ?? 0))
    .filter((f) => f.unit || f.band || /number|average/.test(subject.kind) || CURRENT.test(sentence.text.slice(0, f.start)));
  if (!usable.length) return [];
  const stated = usable.filter((f) => roleOf(sentence.text, f) === 'value');
  const measure = blank(subject, sentence.line, unitFor(subject, stated.length ? stated : usable));
  return fill(measure, usable, sentence, paperDate);
}

function addTo(last: PaperMeasure, figures: Figure[], sentence: Sentence, paperDate: string | null): PaperMeasure[] {
  const usable = figures.filter((f) => (f.unit ? f.unit === last.unit : last.unit === 'count'));
  const extra = fill({ ...last, value: null, period: null, line: sentence.line }, usable, sentence, paperDate, last);
  return extra.filter((m) => m !== last && m.value !== null);
}

/**
 * Gives the measure its value, band, target and national average from the sentence's figures; an
 * earlier value ("last year's performance was 24%") becomes a measure of its own with that period.
 * When `into` is given, targets and bands go to it (the measure the sentence speaks of).
 */
function fill(measure: PaperMeasure, figures: Figure[], sentence: Sentence, paperDate: string | null, into: PaperMeasure = measure): PaperMeasure[] {
  const earlier: PaperMeasure[] = [];
  for (const figure of figures) {
    const role = roleOf(sentence.text, figure);
    const before = sentence.text.slice(0, figure.start);
    if (role === 'target') {
      if (figure.band) {
        into.band = figure.band;
        into.polarity = 'band';
      } else {
        into.target = figure.value;
        into.polarity = LOWER.test(before) ? 'lower' : HIGHER.test(before) ? 'higher' : into.polarity;
      }
    } else if (role === 'national') into.national ??= figure.value;
    else if (role === 'earlier') {
      const phrase = EARLIER.exec(sentence.text.slice(Math.max(0, figure.start - 40), figure.start))![1].toLowerCase();
      earlier.push({ ...measure, value: figure.value, period: phrase, target: null, polarity: null, band: null, national: null });
    } else if (role === 'value') {
      if (figure.band) {
        into.band ??= figure.band;
        into.polarity ??= 'band';
      } else if (measure.value === null) {
        measure.value = figure.value;
        measure.period = figurePeriod(sentence.text, figure.start, paperDate);
      }
    }
  }
  // A bound ("has been under 5%") is no value: the paper gives the value elsewhere, or not at all.
  const own = measure.value !== null || (measure === into && (measure.band || measure.target !== null)) ? [measure] : [];
  if (measure !== into && into.target !== null && into.polarity) for (const m of earlier) m.polarity = into.polarity;
  return [...own, ...earlier];
}

// ---------------------------------------------------------------- tables

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
function tableFigures(lines: string[], paperDate: string | null): PaperMeasure[] {
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
  const base = blank({ name, kind: '' }, line, '');
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
      ? `per ${toNumber(per[1]).toLocaleString('en-GB')}`
      : /\bdays?\b/i.test(`${cells[0]} ${cell('unit')}`)
        ? 'days'
        : numbers.every(Number.isInteger)
          ? 'count'
          : 'number';
  return values.map((v, i) => ({ ...base, value: numbers[i], period: v.period }));
}
