import { PackMeasure, ReviewView } from '@app/core';
import { ActionStatus, Rag } from '@app/domain';
import { decisionWords, directionName, figure, judgementName, POLARITY_NAMES, ragName, targetText } from '../reviews/review-format';
import { RAG_LABELS, RAG_TAG_CLASSES, STATUS_LABELS } from './page-labels';
import { Names } from './people-directory';
import { trendChart } from './trend-chart';

const MEASURE_TAGS: Record<string, string> = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green' };

/** What the review page shows, worded: the pack's figures, judgements and follow-ups (each measure is worded in its piece: reviewMeasureView). */
export function reviewPageView(review: ReviewView, names: Names) {
  const { pack } = review;
  return {
    review,
    pack,
    signedBy: review.signedById ? names.personName(review.signedById) : null,
    statusRows: Object.entries(pack.actions.byStatus).map(([status, count]) => ({ label: STATUS_LABELS[status as ActionStatus] ?? status, count })),
    ragRows: Object.entries(pack.actions.byRag).map(([rag, count]) => ({ label: RAG_LABELS[rag as Rag] ?? rag, tag: RAG_TAG_CLASSES[rag as Rag], count })),
    measures: pack.measures,
    boardDecisions: (pack.boardDecisions ?? []).map((d) => ({ ...d, kindText: decisionWords(d.kind) })),
    corrections: pack.correctedSinceLastReview.map((c) => {
      const unit = pack.measures.find((m) => m.measureId === c.measureId)?.unit ?? 'count';
      return { ...c, wasText: figure(unit, c.was), nowText: figure(unit, c.now) };
    }),
    judgements: review.judgements.map((j) => ({ ...j, judgementText: judgementName(j.judgement), by: names.personName(j.recordedById) })),
  };
}

/**
 * One measure worded, with its chart and table: worked out in the measure's own piece of the page
 * (`reviews/measure.njk`), so that a measure unchanged since the page was last shown is neither
 * worded nor rendered again (see page-pieces.ts).
 */
export function reviewMeasureView(m: PackMeasure, index: number) {
  return {
    ...m,
    chart: trendChart(`trend-${index}`, m),
    valueText: figure(m.unit, m.value),
    targetText: targetText(m),
    polarityText: POLARITY_NAMES[m.polarity],
    ragText: ragName(m.rag),
    ragTag: m.rag ? MEASURE_TAGS[m.rag] : 'govuk-tag--grey',
    directionText: directionName(m.direction, m.value),
    nationalText: m.national === null ? 'Not given' : figure(m.unit, m.national),
    comparatorText: m.comparator === null ? 'Not given' : figure(m.unit, m.comparator),
    trendRows: m.trend.map((p) => ({
      quarter: p.quarter,
      value: figure(m.unit, p.value),
      national: p.national === null ? '' : figure(m.unit, p.national),
      comparator: p.comparator === null ? '' : figure(m.unit, p.comparator),
      rag: ragName(p.rag),
    })),
  };
}
