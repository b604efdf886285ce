import { tidyName } from './measure-names';
import { Figure } from './sentence-figures';

/** A word that points back to the subject of the sentence before. */
export const PRONOUN = /\b(?:this|these|it|they)\b/i;

/** "The number of …", "the percentage of …": the subject a figure belongs to. */
const SUBJECT = /\b(?:the\s+|our\s+|a\s+(?:\w+\s+)?)?(average\s+number|total\s+number|numbers?|percentage|proportion|rate|average)\s+of\s+/gi;
const VERB = new Set(
  'has have had was were is are remain remains remained stood stands rose fell increased decreased dropped improved reduced continues continued stayed stays shows showed'.split(
    ' ',
  ),
);
const RELATIVE = new Set(['who', 'that', 'which']);

/** What a sentence's figures measure, and the kind of subject it is ("number", "percentage", ...). */
export interface Subject {
  name: string;
  kind: string;
  /** For "91.7% of …", that figure: the figures before it are another subject's. */
  from?: number;
}

/** The subject of a sentence: "the number of …", "91.7% of …", or a short subject opening it before its verb. */
export function subjectOf(text: string, figures: Figure[]): Subject | null {
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
