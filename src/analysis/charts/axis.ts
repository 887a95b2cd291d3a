// A vertical value axis with gridlines, for the bar and line charts.

import type { ScaleLinear } from 'd3-scale';
import { el, text } from './svg.ts';
import { formatNumber, GRID, MUTED } from './theme.ts';

export type ValueAxis = {
  scale: ScaleLinear<number, number>;
  /** x of the axis line. */
  x: number;
  side: 'left' | 'right';
  /** Gridlines across the plot, from the axis to this x; none when undefined. */
  gridTo?: number;
  format?: (n: number) => string;
  tickCount?: number;
};

export function valueAxis(a: ValueAxis): string {
  const format = a.format ?? formatNumber;
  const ticks = a.scale.ticks(a.tickCount ?? 5);
  const dir = a.side === 'left' ? -1 : 1;
  let out = '';
  for (const t of ticks) {
    const y = a.scale(t);
    if (a.gridTo !== undefined)
      out += el('line', { x1: a.x, x2: a.gridTo, y1: y, y2: y, stroke: GRID, 'stroke-width': 1 });
    out += el('line', { x1: a.x, x2: a.x + dir * 4, y1: y, y2: y, stroke: MUTED });
    out += el(
      'text',
      {
        x: a.x + dir * 7,
        y: y + 4,
        'text-anchor': a.side === 'left' ? 'end' : 'start',
        'font-size': 11,
        fill: MUTED,
      },
      text(format(t)),
    );
  }
  const [y0, y1] = a.scale.range() as [number, number];
  out += el('line', { x1: a.x, x2: a.x, y1: y0, y2: y1, stroke: MUTED });
  return el('g', { class: `axis axis-${a.side}` }, out);
}
