import { figurePeriod } from './figure-periods';
import { blank, PaperMeasure } from './paper-measure';
import { Sentence } from './prose-sentences';
import { PRONOUN, Subject, subjectOf } from './prose-subjects';
import { Figure, figuresIn } from './sentence-figures';

const CURRENT =
  /\b(?:currently|current(?:ly)?|now|stands?\s+at|stood\s+at|was|is|were|are|at|of|reached|totall?ed|averaged|remains?\s+at|remained\s+at|rose\s+to|fell\s+to|increased\s+to|decreased\s+to|dropped\s+to|improved\s+to|reduced\s+to)\s+(?:only\s+|just\s+|about\s+|around\s+|approximately\s+)?\(?\s*$/i;
const TARGET_BEFORE = /\b(?:target|aim|ambition|goal|guidance|expect\w*|threshold|benchmark|standard)\b/i;
const TARGET_AFTER = /^[\s%)]*(?:\w+\s+){0,2}(?:is|would\s+be|as)\s+(?:good|the\s+target|acceptable)\b|^\s*%?\s*\(?target\)?/i;
const NATIONAL = /\b(?:national\s+(?:average|figure|rate|level|picture)|nationally|england\s+average|average\s+(?:for|in|across)\s+england)\b/i;
const COMPARATOR = /\b(?:comparator|statistical\s+neighbou?r|similar\s+(?:authorities|councils|areas))/i;
const EARLIER = /\b(last\s+year|previous\s+year|the\s+year\s+before|last\s+quarter|previous\s+quarter|previously)\b/i;
/** "… 24% last year": the period named straight after the figure. */
const EARLIER_AFTER = /^\s*%?\s*(?:in\s+|for\s+)?(last\s+year|the\s+previous\s+year|the\s+year\s+before|last\s+quarter|the\s+previous\s+quarter)\b/i;
const LOWER = /\b(?:below|under|less\s+than|lower\s+than|fewer\s+than|no\s+more\s+than|at\s+most|maximum\s+of|reduce\w*\s+(?:it\s+)?to)\s*$/i;
const HIGHER = /\b(?:above|over|more\s+than|at\s+least|greater\s+than|higher\s+than|exceed\w*|minimum\s+of|increase\w*\s+(?:it\s+)?to)\s*$/i;

/**
 * Figures sentence by sentence. A sentence with a subject but no figure ("Numbers of … have
 * remained stable") hands its subject to the next ("These remain between 120-130"); a sentence
 * with figures and no subject ("The target is to keep this below 22%") adds to the last measure.
 */
export function proseFigures(paragraph: Sentence[], paperDate: string | null): PaperMeasure[] {
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

/** What a figure is to its measure, from the words around it. */
function roleOf(text: string, figure: Figure, others: Figure[]): 'value' | 'target' | 'national' | 'comparator' | 'earlier' | 'bound' {
  const before = text.slice(Math.max(0, figure.start - 70), figure.start);
  const near = text.slice(Math.max(0, figure.start - 14), figure.start);
  const after = text.slice(figure.end, figure.end + 40);
  if (/\bcurrent(?:ly)?\b|\bnow\b/i.test(near)) return 'value';
  // "a target of 22%, down from 24% last year": the target is the figure the word names, not the next one.
  const previousEnd = Math.max(0, ...others.filter((f) => f.end <= figure.start).map((f) => f.end));
  const sincePrevious = text.slice(Math.max(0, figure.start - 50, previousEnd), figure.start);
  if (TARGET_BEFORE.test(sincePrevious) || TARGET_AFTER.test(after)) return 'target';
  if (NATIONAL.test(before.slice(-40))) return 'national';
  if (COMPARATOR.test(before.slice(-40))) return 'comparator';
  if (earlierPeriod(text, figure)) return 'earlier';
  if (LOWER.test(before) || HIGHER.test(before)) return 'bound';
  return 'value';
}

/** The earlier period a figure is given for: "last year it was 44%" or "down from 24% last year". */
function earlierPeriod(text: string, figure: Figure): string | null {
  const found = EARLIER.exec(text.slice(Math.max(0, figure.start - 40), figure.start)) ?? EARLIER_AFTER.exec(text.slice(figure.end, figure.end + 40));
  return found ? found[1].toLowerCase().replace(/\s+/g, ' ') : null;
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
  const stated = usable.filter((f) => roleOf(sentence.text, f, figures) === 'value');
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
  const all = figuresIn(sentence.text);
  for (const figure of figures) {
    const role = roleOf(sentence.text, figure, all);
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
      const phrase = earlierPeriod(sentence.text, figure)!;
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
