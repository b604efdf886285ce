import { PackMeasure } from '@app/core';
import { figure } from '../reviews/review-format';

const WIDTH = 520;
const HEIGHT = 200;
const LEFT = 56;
const RIGHT = 28;
const TOP = 16;
const BOTTOM = 40;
const RAG_COLOURS = { red: '#d4351c', amber: '#f47738', green: '#00703c' } as const;

export interface TrendChart {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  /** The target line, or the band to stay within, in chart coordinates. */
  target: { y: number; label: string; labelY: number } | null;
  band: { y: number; height: number; label: string } | null;
  line: string;
  /** Each point's quarter is labelled in two lines, "Q3" over "26/27", so eight quarters fit side by side. */
  points: { x: number; y: number; colour: string; quarter: string; year: string; valueText: string; labelY: number }[];
  axis: { y: number; left: number; right: number };
}

/**
 * A measure's trend over the quarters as a line drawn on the server: no script, prints as shown. The
 * target (or band) is drawn behind it, each point is coloured by its RAG and labelled with its figure;
 * the description is the text alternative, and the page lists the same figures in a table.
 */
export function trendChart(id: string, m: PackMeasure): TrendChart {
  const points = m.trend.filter((p) => p.value !== null) as { quarter: string; value: number; rag: string | null }[];
  const marks = [...points.map((p) => p.value), m.target, m.bandLow, m.bandHigh].filter((v): v is number => v !== null);
  const low = Math.min(...marks, Infinity);
  const high = Math.max(...marks, -Infinity);
  const pad = Math.max((high - low) * 0.15, Math.abs(high) * 0.02, 1);
  const min = Math.max(0, low - pad);
  const max = m.unit === 'percent' ? Math.min(100, high + pad) : high + pad;
  const y = (v: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v - min) / (max - min || 1));
  const step = (WIDTH - LEFT - RIGHT) / Math.max(1, m.trend.length - 1);
  const x = (quarter: string) => LEFT + step * m.trend.findIndex((p) => p.quarter === quarter);
  const drawn = points.map((p) => ({
    x: Math.round(x(p.quarter)),
    y: Math.round(y(p.value)),
    colour: p.rag ? RAG_COLOURS[p.rag as keyof typeof RAG_COLOURS] : '#505a5f',
    quarter: p.quarter.slice(-2),
    year: p.quarter.slice(2, 7),
    valueText: figure(m.unit, p.value),
    labelY: Math.round(y(p.value)) - 8,
  }));
  const band =
    m.polarity === 'band' && m.bandLow !== null && m.bandHigh !== null
      ? {
          y: Math.round(y(m.bandHigh)),
          height: Math.max(1, Math.round(y(m.bandLow) - y(m.bandHigh))),
          label: `Band ${figure(m.unit, m.bandLow)} to ${figure(m.unit, m.bandHigh)}`,
        }
      : null;
  const target =
    m.polarity !== 'band' && m.target !== null
      ? { y: Math.round(y(m.target)), label: `Target ${figure(m.unit, m.target)}`, labelY: Math.round(y(m.target)) - 4 }
      : null;
  const goal = band ? band.label.toLowerCase() : target ? target.label.toLowerCase() : 'no target';
  return {
    id,
    title: `${m.name}: trend by quarter`,
    description: `${points.map((p) => `${p.quarter}: ${figure(m.unit, p.value)}`).join(', ') || 'No values yet'} (${goal})`,
    width: WIDTH,
    height: HEIGHT,
    target,
    band,
    line: drawn.map((p) => `${p.x},${p.y}`).join(' '),
    points: drawn,
    axis: { y: HEIGHT - BOTTOM, left: LEFT, right: WIDTH - RIGHT },
  };
}
