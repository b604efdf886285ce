import { AppError, Authenticated, AuthService, PackMeasure, ReviewService, ReviewView } from '@app/core';
import { londonDate } from '@app/reminders';
import { formatDate } from '../web/page-format';
import { decisionWords, figure, judgementName, targetText } from './review-format';

export interface PaperSection {
  heading: string;
  paragraphs: string[];
  bullets?: string[];
}

export interface ScrutinyPaper {
  title: string;
  subtitle: string;
  sections: PaperSection[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function comparedWith(m: PackMeasure, average: number | null, whose: string): string | null {
  if (average === null || m.value === null) return null;
  if (m.value === average) return `the same as the ${whose} average (${figure(m.unit, average)})`;
  return `${m.value > average ? 'above' : 'below'} the ${whose} average (${figure(m.unit, average)})`;
}

/** The latest figure the review holds for a measure: the quarter's, else the last one before it (the quarter's may not be due yet). */
function latestFigure(m: PackMeasure): { value: number; quarter: string | null; rag: PackMeasure['rag'] } | null {
  if (m.value !== null) return { value: m.value, quarter: null, rag: m.rag };
  const last = m.trend.filter((p) => p.value !== null).at(-1);
  return last ? { value: last.value!, quarter: last.quarter, rag: last.rag } : null;
}

/** Where a figure stands against the measure's target or band, as its RAG rating says. */
function standing(m: PackMeasure, rag: PackMeasure['rag']): string | null {
  const mark = m.polarity === 'band' ? 'the expected range' : 'its target';
  if (rag === 'green') return m.polarity === 'band' ? `within the expected range (${targetText(m)})` : `meeting its target (${targetText(m)})`;
  if (rag === 'amber') return `just outside ${mark} (${targetText(m)})`;
  if (rag === 'red') return `outside ${mark} (${targetText(m)})`;
  return null;
}

/**
 * One measure's headline trend in words, as a council writes it to its scrutiny panel: how it has
 * moved over the quarters shown, where it stands against its target, and beside the national and
 * comparator averages.
 */
export function trendInWords(m: PackMeasure): string {
  const points = m.trend.filter((p) => p.value !== null) as { quarter: string; value: number }[];
  const f = (v: number) => figure(m.unit, v);
  if (m.value === null) {
    // The quarter's value may not be due yet: the panel still reads the latest figure there is, and where it stood.
    const latest = latestFigure(m);
    if (!latest) return `${m.name}: no value was given for the quarter.`;
    const then = standing(m, latest.rag);
    return `${m.name}: no value was given for the quarter; the latest is ${f(latest.value)} in ${latest.quarter}${then ? `, ${then}` : ''}.`;
  }
  const months = points.length * 3;
  const values = points.map((p) => p.value);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const first = points[0];
  let movement: string;
  if (points.length === 1) movement = `${f(m.value)} in ${points[0].quarter}`;
  else if (m.polarity === 'band' && points.every((p) => m.bandLow! <= p.value && p.value <= m.bandHigh!))
    movement = `between ${f(low)} and ${f(high)} for the past ${months} months`;
  else if (high - low <= Math.abs(high) * 0.03) movement = `steady at ${f(low)} to ${f(high)} for the past ${months} months`;
  else movement = `${f(m.value)} in ${points[points.length - 1].quarter}, from ${f(first.value)} in ${first.quarter}`;
  const direction = m.direction === 'improving' ? 'improving on the quarter before' : m.direction === 'worsening' ? 'worse than the quarter before' : null;
  const beside = [comparedWith(m, m.national, 'national'), comparedWith(m, m.comparator, 'comparator authorities’')].filter((x): x is string => !!x);
  const clauses = [standing(m, m.rag), direction, beside.length ? beside.join(' and ') : null].filter((x): x is string => !!x);
  return `${m.name}: ${movement}${clauses.length ? `; ${clauses.join('; ')}` : ''}.`;
}

/** The update a council takes to its scrutiny panel, drafted from a signed review; the author edits it before it goes. */
export function scrutinyPaper(review: ReviewView, councilName: string): ScrutinyPaper {
  const { pack } = review;
  const a = pack.actions;
  const done = (a.byStatus.completed ?? 0) + (a.byStatus.verified ?? 0);
  const needsWork = pack.measures.flatMap((m) => {
    const latest = latestFigure(m);
    return latest && (latest.rag === 'red' || latest.rag === 'amber' || m.direction === 'worsening') ? [{ m, latest }] : [];
  });
  const overall = review.judgements.find((j) => j.area === 'Overall');
  const decisions = pack.boardDecisions ?? [];
  return {
    title: `${pack.plan.title}: progress update for ${pack.quarter}`,
    subtitle: `${councilName}. A report to the scrutiny panel, drafted from the quarterly review signed off on ${review.signedAt ? formatDate(londonDate(new Date(review.signedAt))) : 'a date to confirm'}. Edit before it goes.`,
    sections: [
      {
        heading: 'The issue',
        paragraphs: [
          `This report updates the panel on the ${pack.plan.title} at the end of ${pack.quarter} (${formatDate(pack.start)} to ${formatDate(pack.end)}): the work of the improvement board, where the plan stands, and the headline performance figures.`,
        ],
      },
      {
        heading: 'Recommendation',
        paragraphs: ['The panel is asked to note the progress made, and the areas where further work is needed.'],
      },
      {
        heading: 'The board and where the plan stands',
        paragraphs: [
          `The plan has ${plural(a.total, 'action')}: ${done} completed or verified by the board, ${plural(a.overdue.length, 'action')} overdue as at ${formatDate(pack.asAt)}.`,
          `This quarter ${plural(a.completedThisQuarter.length, 'action was', 'actions were')} completed and the board verified ${plural(a.verifiedThisQuarter.length, 'action')}; ${dueDatesChanged(a.dueDateChanges.length)}`,
          ...(decisions.length
            ? [
                `The board recorded ${plural(decisions.length, 'decision')} at its meetings this quarter: ${decisions.map((d) => `${d.ref} ${decisionWords(d.kind)} (${formatDate(d.date)})`).join('; ')}.`,
              ]
            : []),
          ...(overall ? [`The commissioner judged overall progress as “${judgementName(overall.judgement).toLowerCase()}”: ${overall.comment}`] : []),
        ],
      },
      {
        heading: 'Headline performance trends',
        paragraphs: pack.measures.length ? [] : ['No performance measure is linked to the plan.'],
        bullets: pack.measures.map(trendInWords),
      },
      {
        heading: 'Areas still needing work',
        paragraphs: needsWork.length || a.overdue.length || review.followUps.length ? [] : ['None identified at this review.'],
        bullets: [
          ...needsWork.map(
            ({ m, latest }) =>
              `${m.name}: ${figure(m.unit, latest.value)}${latest.quarter ? ` in ${latest.quarter}` : ''}${m.commentary ? `. ${m.commentary}` : ''}`,
          ),
          ...a.overdue.map((o) => `${o.ref} ${o.title}: ${plural(o.daysOverdue, 'day')} overdue${o.owner ? ` (${o.owner})` : ''}`),
          ...review.followUps.map(
            (f) => `Asked for at the review: ${f.title}, by ${f.dueDate ? formatDate(f.dueDate) : 'a date to agree'}${f.ownerName ? ` (${f.ownerName})` : ''}`,
          ),
        ],
      },
    ],
  };
}

/** The paper of a signed review: a draft review's figures may still change, so it has none yet. */
export async function signedReviewPaper(
  reviews: ReviewService,
  auth: AuthService,
  actor: Authenticated,
  id: string,
): Promise<{ review: ReviewView; paper: ScrutinyPaper }> {
  const review = await reviews.get(actor.authorityId, id);
  if (review.status !== 'signed') {
    throw new AppError('conflict', 'review_not_signed', `The paper for scrutiny is drafted from a signed review: sign the ${review.quarter} review off first.`);
  }
  const council = (await auth.councilsOf(actor.userId)).find((c) => c.id === actor.authorityId);
  return { review, paper: scrutinyPaper(review, council?.name ?? 'The council') };
}

/** The board's due-date changes this quarter: none said plainly, not as "0 … each with its reason". */
function dueDatesChanged(count: number): string {
  return count ? `${plural(count, 'due date was', 'due dates were')} changed by the board, each with its reason.` : 'No due dates were changed.';
}
