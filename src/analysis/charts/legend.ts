// A row of legend entries (swatch and label) that wraps to the width it is given.

import { el, text } from './svg.ts';
import { textWidth } from './text-layout.ts';
import { INK } from './theme.ts';

export type LegendEntry =
  | { kind: 'fill'; label: string; fill: string; stroke?: string; dash?: string }
  | { kind: 'line'; label: string; stroke: string; dash?: string };

const FONT = 12;
const SWATCH = 14;
const GAP = 18;
const ROW = 20;

/** Legend entries laid out from (x, y) within `maxWidth`; returns the SVG and its height. */
export function legendRow(
  entries: LegendEntry[],
  x: number,
  y: number,
  maxWidth: number,
): { svg: string; height: number } {
  let cx = x;
  let cy = y;
  let out = '';
  for (const e of entries) {
    const w = SWATCH + 6 + textWidth(e.label, FONT);
    if (cx > x && cx + w > x + maxWidth) {
      cx = x;
      cy += ROW;
    }
    const swatch =
      e.kind === 'fill'
        ? el('rect', {
            x: cx,
            y: cy,
            width: SWATCH,
            height: SWATCH,
            fill: e.fill,
            stroke: e.stroke ?? INK,
            'stroke-width': 0.75,
            'stroke-dasharray': e.dash,
          })
        : el('line', {
            x1: cx,
            x2: cx + SWATCH,
            y1: cy + SWATCH / 2,
            y2: cy + SWATCH / 2,
            stroke: e.stroke,
            'stroke-width': 2.5,
            'stroke-dasharray': e.dash,
          });
    out += el(
      'g',
      { class: 'legend-entry' },
      swatch + el('text', { x: cx + SWATCH + 6, y: cy + 11.5, 'font-size': FONT, fill: INK }, text(e.label)),
    );
    cx += w + GAP;
  }
  return { svg: el('g', { class: 'legend' }, out), height: entries.length ? cy - y + ROW : 0 };
}
