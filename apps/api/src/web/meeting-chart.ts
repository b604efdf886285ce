import { Rag, RAGS } from '@app/domain';
import { RAG_COLOURS, RAG_LABELS } from './page-labels';

export interface RagPoint {
  label: string;
  byRag: Record<Rag, number>;
}

const ROW = 34;
const BAR = 22;
const LABEL_WIDTH = 170;
const PLOT_WIDTH = 330;

/**
 * The plan's RAG ratings over time (one stacked bar per meeting, then now), drawn as SVG on the
 * server. The description is the text alternative; the page shows the same figures in a table.
 */
export function ragOverTime(id: string, points: RagPoint[]) {
  const max = Math.max(1, ...points.map((p) => RAGS.reduce((n, r) => n + p.byRag[r], 0)));
  return {
    id,
    title: 'RAG ratings over time',
    description: points.map((p) => `${p.label}: ${RAGS.map((r) => `${RAG_LABELS[r]} ${p.byRag[r]}`).join(', ')}`).join('; '),
    width: LABEL_WIDTH + PLOT_WIDTH + 10,
    height: points.length * ROW + 30,
    labelWidth: LABEL_WIDTH,
    legend: RAGS.map((r, i) => ({ label: RAG_LABELS[r], colour: RAG_COLOURS[r], x: LABEL_WIDTH + i * 80 })),
    legendY: points.length * ROW + 16,
    rows: points.map((p, i) => {
      let x = LABEL_WIDTH;
      const segments = RAGS.filter((r) => p.byRag[r] > 0).map((r) => {
        const width = Math.max(1, Math.round((p.byRag[r] / max) * PLOT_WIDTH));
        const segment = { rag: r, x, width, colour: RAG_COLOURS[r], count: p.byRag[r] };
        x += width;
        return segment;
      });
      return { label: p.label, y: i * ROW + 4, textY: i * ROW + 4 + BAR / 2 + 5, segments };
    }),
  };
}
