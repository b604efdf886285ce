export interface Bar {
  label: string;
  count: number;
  colour: string;
}

export interface BarChart {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  bars: { label: string; count: number; colour: string; y: number; barWidth: number; textY: number; countX: number }[];
  labelWidth: number;
}

const ROW = 36;
const BAR = 24;
const LABEL_WIDTH = 130;
const PLOT_WIDTH = 360;
const COUNT_SPACE = 50;

/**
 * A horizontal bar chart drawn as SVG on the server: no script, prints as it shows. The description
 * is the text alternative, and the page shows the same counts in a table beside it.
 */
export function barChart(id: string, title: string, bars: Bar[]): BarChart {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return {
    id,
    title,
    description: bars.map((b) => `${b.label}: ${b.count}`).join(', '),
    width: LABEL_WIDTH + PLOT_WIDTH + COUNT_SPACE,
    height: bars.length * ROW + 8,
    labelWidth: LABEL_WIDTH,
    bars: bars.map((b, i) => {
      const barWidth = Math.round((b.count / max) * PLOT_WIDTH);
      return { ...b, y: i * ROW + 4, barWidth, textY: i * ROW + 4 + BAR / 2 + 6, countX: LABEL_WIDTH + barWidth + 8 };
    }),
  };
}
