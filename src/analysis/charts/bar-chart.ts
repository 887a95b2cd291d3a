// Bar charts of one- and two-way count tables, with withheld cells drawn as what they are.

import { scaleBand, scaleLinear } from 'd3-scale';
import type { CountTable, ProtectedTable } from '../count-table.ts';
import { valueAxis } from './axis.ts';
import { type LegendEntry, legendRow } from './legend.ts';
import { el, hashId, num, svgDocument, text, title } from './svg.ts';
import { type ChartCell, type ChartTable, chartTable } from './table-cells.ts';
import { textWidth, wrap } from './text-layout.ts';
import {
  FONT_FAMILY,
  formatNumber,
  hatchPattern,
  INK,
  isDark,
  type Lang,
  labelOf,
  MUTED,
  seriesColours,
  titleLine,
  WORDS,
} from './theme.ts';

export type BarChartOptions = {
  lang?: Lang;
  /** Size in px; the viewBox is the same. Defaults 720 × 420. */
  width?: number;
  height?: number;
  /** Defaults to the table's title. */
  title?: string;
  /** Draw the title inside the image (default true); it is always the accessible name. */
  showTitle?: boolean;
  /** Replaces the generated description. */
  desc?: string;
  /** Two-way tables: columns side by side (default) or stacked. */
  mode?: 'grouped' | 'stacked';
  /** Print values on the bars (default true). */
  valueLabels?: boolean;
  /** Caption of the value axis, e.g. "Acts". */
  valueLabel?: string;
  /** Category labels wrap to at most this many lines (default 2), then are cut short. */
  maxLabelLines?: number;
  /** Prefix of ids in the SVG; default derived from the input, so it is stable and distinct. */
  idPrefix?: string;
};

/** Height of the mark for a withheld cell: fixed, so it carries no value. */
export const PLACEHOLDER_HEIGHT = 14;
const LABEL_FONT = 11;
const VALUE_FONT = 11;

type Layout = { left: number; right: number; top: number; base: number };

export function barChart(table: CountTable | ProtectedTable, options: BarChartOptions = {}): string {
  const lang = options.lang ?? 'en';
  const width = options.width ?? 720;
  const height = options.height ?? 420;
  const t = chartTable(table);
  const stacked = options.mode === 'stacked' && t.columns.length > 1;
  const showValues = options.valueLabels ?? true;
  const chartTitle = options.title ?? t.title;
  const idPrefix = options.idPrefix ?? `dl-bar-${hashId(JSON.stringify([table, { ...options }]))}`;
  const hatchId = `${idPrefix}-hatch`;
  const colours = seriesColours(t.columns.length);
  const nulls = t.cells.flat().filter((c) => c.value === null);

  const known = (row: ChartCell[]) => row.reduce((s, c) => s + (c.value ?? 0), 0);
  const stackTop = (r: number) => Math.max(known(t.cells[r] ?? []), t.rowTotals[r] ?? 0);
  const maxValue = stacked
    ? Math.max(0, ...t.rows.map((_, r) => stackTop(r)))
    : Math.max(0, ...t.cells.flat().map((c) => c.value ?? 0));
  const y = scaleLinear()
    .domain([0, maxValue > 0 ? maxValue : 1])
    .nice(5);

  // Header: title, legend, axis caption.
  const heading = titleLine(chartTitle, options.showTitle ?? true);
  let header = heading.svg;
  let top = heading.top;
  const legend = legendEntries(t, colours, lang, hatchId);
  if (legend.length) {
    const l = legendRow(legend, 16, top + 2, width - 32);
    header += l.svg;
    top += l.height + 4;
  }
  if (options.valueLabel) {
    header += el('text', { x: 16, y: top + 12, 'font-size': 11, fill: MUTED }, text(options.valueLabel));
    top += 16;
  }

  const tickWidth = Math.max(...y.ticks(5).map((v) => textWidth(formatNumber(v), 11)));
  const maxLines = options.maxLabelLines ?? 2;
  const layout: Layout = {
    left: Math.max(40, tickWidth + 20),
    right: width - 16,
    top: top + 18,
    base: height - 14 - maxLines * 13,
  };
  y.range([layout.base, layout.top]);

  const x = scaleBand<number>()
    .domain(t.rows.map((_, r) => r))
    .range([layout.left, layout.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(t.columns.map((_, c) => c))
    .range([0, x.bandwidth()])
    .padding(t.columns.length > 1 ? 0.08 : 0);

  const axis = valueAxis({ scale: y, x: layout.left, side: 'left', gridTo: layout.right });
  let bars = '';
  t.rows.forEach((_, r) => {
    const x0 = x(r) ?? 0;
    bars += stacked
      ? stack(t, r, x0, x.bandwidth(), y, colours, lang, hatchId, showValues)
      : (t.cells[r] ?? [])
          .map((cell) =>
            bar(
              t,
              cell,
              x0 + (inner(cell.column) ?? 0),
              inner.bandwidth(),
              y,
              colours,
              lang,
              hatchId,
              showValues,
            ),
          )
          .join('');
  });
  const baseline = el('line', {
    x1: layout.left,
    x2: layout.right,
    y1: layout.base,
    y2: layout.base,
    stroke: INK,
  });
  const labels = categoryLabels(t, x, layout.base, lang, maxLines);

  return svgDocument({
    width,
    height,
    title: chartTitle,
    desc: options.desc ?? describe(t, chartTitle, stacked, lang),
    lang,
    idPrefix,
    fontFamily: FONT_FAMILY,
    defs: nulls.length ? hatchPattern(hatchId) : undefined,
    body:
      header +
      axis +
      el('g', { class: stacked ? 'bars stacked' : 'bars' }, bars) +
      baseline +
      el('g', { class: 'category-labels' }, labels),
  });
}

function legendEntries(t: ChartTable, colours: string[], lang: Lang, hatchId: string): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (t.columns.length > 1)
    t.columns.forEach((c, i) => {
      entries.push({ kind: 'fill', label: labelOf(c, lang), fill: colours[i] as string });
    });
  const reasons = new Set(t.cells.flat().flatMap((c) => (c.value === null ? [c.reason] : [])));
  const hatch = { kind: 'fill', fill: `url(#${hatchId})`, stroke: INK, dash: '3 2' } as const;
  if (reasons.has('primary') && t.threshold !== null)
    entries.push({ ...hatch, label: WORDS[lang].belowLong(t.threshold) });
  if (reasons.has('complementary') || (reasons.has('primary') && t.threshold === null))
    entries.push({ ...hatch, label: WORDS[lang].suppressedLong });
  return entries;
}

function cellName(t: ChartTable, cell: ChartCell, lang: Lang): string {
  const row = labelOf(t.rows[cell.row] ?? { label: '' }, lang);
  return t.columns.length > 1 ? `${row} — ${labelOf(t.columns[cell.column] ?? { label: '' }, lang)}` : row;
}

function withheldLabel(t: ChartTable, cell: ChartCell, lang: Lang): string {
  return cell.value === null && cell.reason === 'primary' && t.threshold !== null
    ? WORDS[lang].below(t.threshold)
    : WORDS[lang].suppressed;
}

/** The fixed-size hatched mark, dashed outline, for a withheld cell, with its label above. */
function placeholder(
  x: number,
  w: number,
  base: number,
  label: string,
  name: string,
  hatchId: string,
): string {
  const fits = textWidth(label, VALUE_FONT) <= w + 4;
  return el(
    'g',
    { class: 'suppressed' },
    title(`${name}: ${label}`) +
      el('rect', {
        class: 'placeholder',
        x,
        y: base - PLACEHOLDER_HEIGHT,
        width: w,
        height: PLACEHOLDER_HEIGHT,
        fill: `url(#${hatchId})`,
        stroke: INK,
        'stroke-width': 0.75,
        'stroke-dasharray': '3 2',
      }) +
      el(
        'text',
        fits
          ? {
              x: x + w / 2,
              y: base - PLACEHOLDER_HEIGHT - 4,
              'text-anchor': 'middle',
              'font-size': VALUE_FONT,
            }
          : {
              x: x + w / 2 + 3.5,
              y: base - PLACEHOLDER_HEIGHT - 4,
              transform: `rotate(-90 ${num(x + w / 2 + 3.5)} ${num(base - PLACEHOLDER_HEIGHT - 4)})`,
              'font-size': 10,
            },
        text(label),
      ),
  );
}

function bar(
  t: ChartTable,
  cell: ChartCell,
  x: number,
  w: number,
  y: (v: number) => number,
  colours: string[],
  lang: Lang,
  hatchId: string,
  showValues: boolean,
): string {
  const base = y(0);
  const name = cellName(t, cell, lang);
  if (cell.value === null) return placeholder(x, w, base, withheldLabel(t, cell, lang), name, hatchId);
  const top = y(cell.value);
  const label = formatNumber(cell.value);
  const fill = colours[cell.column] as string;
  return (
    el(
      'rect',
      {
        class: 'bar',
        'data-row': t.rows[cell.row]?.key,
        'data-column': t.columns[cell.column]?.key,
        x,
        y: top,
        width: w,
        height: base - top,
        fill,
        stroke: isDark(fill) ? undefined : INK,
        'stroke-width': isDark(fill) ? undefined : 0.5,
      },
      title(`${name}: ${label}`),
    ) +
    (showValues && textWidth(label, VALUE_FONT) <= w + 10
      ? el(
          'text',
          {
            class: 'value',
            x: x + w / 2,
            y: top - 4,
            'text-anchor': 'middle',
            'font-size': VALUE_FONT,
            fill: INK,
          },
          text(label),
        )
      : '')
  );
}

function stack(
  t: ChartTable,
  r: number,
  x: number,
  w: number,
  y: (v: number) => number,
  colours: string[],
  lang: Lang,
  hatchId: string,
  showValues: boolean,
): string {
  const cells = t.cells[r] ?? [];
  let out = '';
  let sum = 0;
  for (const cell of cells) {
    if (cell.value === null) continue;
    const y1 = y(sum);
    const y0 = y(sum + cell.value);
    sum += cell.value;
    const fill = colours[cell.column] as string;
    const label = formatNumber(cell.value);
    out += el(
      'rect',
      {
        class: 'bar',
        'data-row': t.rows[r]?.key,
        'data-column': t.columns[cell.column]?.key,
        x,
        y: y0,
        width: w,
        height: y1 - y0,
        fill,
        stroke: '#ffffff',
        'stroke-width': 0.75,
      },
      title(`${cellName(t, cell, lang)}: ${label}`),
    );
    if (showValues && y1 - y0 >= 14 && textWidth(label, 10) <= w - 4)
      out += el(
        'text',
        {
          class: 'value',
          x: x + w / 2,
          y: (y0 + y1) / 2 + 3.5,
          'text-anchor': 'middle',
          'font-size': 10,
          fill: isDark(fill) ? '#ffffff' : INK,
        },
        text(label),
      );
  }
  const withheld = cells.filter((c) => c.value === null);
  const published = t.rowTotals[r] ?? null;
  let topY = y(sum);
  let total: string;
  if (withheld.length === 0) total = formatNumber(sum);
  else if (published !== null && published > sum && withheld.length > 1) {
    // The hidden cells' sum is the published total less the shown cells: anyone can subtract, so it
    // is drawn at its true height, hatched, as one segment (never for a single hidden cell, whose
    // value that would draw).
    const y0 = y(published);
    out += el(
      'rect',
      {
        class: 'placeholder remainder',
        x,
        y: y0,
        width: w,
        height: topY - y0,
        fill: `url(#${hatchId})`,
        stroke: INK,
        'stroke-width': 0.75,
        'stroke-dasharray': '3 2',
      },
      title(
        `${labelOf(t.rows[r] ?? { label: '' }, lang)}: ${WORDS[lang].suppressed} (${formatNumber(published - sum)})`,
      ),
    );
    topY = y0;
    total = formatNumber(published);
  } else {
    const labels = [...new Set(withheld.map((c) => withheldLabel(t, c, lang)))].join(', ');
    out += el(
      'g',
      { class: 'suppressed' },
      title(`${labelOf(t.rows[r] ?? { label: '' }, lang)}: ${labels}`) +
        el('rect', {
          class: 'placeholder',
          x,
          y: topY - PLACEHOLDER_HEIGHT,
          width: w,
          height: PLACEHOLDER_HEIGHT,
          fill: `url(#${hatchId})`,
          stroke: INK,
          'stroke-width': 0.75,
          'stroke-dasharray': '3 2',
        }),
    );
    topY -= PLACEHOLDER_HEIGHT;
    total = published !== null ? formatNumber(published) : WORDS[lang].atLeast(formatNumber(sum));
  }
  if (showValues)
    out += el(
      'text',
      {
        class: 'total',
        x: x + w / 2,
        y: topY - 4,
        'text-anchor': 'middle',
        'font-size': VALUE_FONT,
        fill: INK,
      },
      text(total),
    );
  return el('g', { class: 'stack', 'data-row': t.rows[r]?.key }, out);
}

function categoryLabels(
  t: ChartTable,
  x: ReturnType<typeof scaleBand<number>>,
  base: number,
  lang: Lang,
  maxLines: number,
): string {
  return t.rows
    .map((row, r) => {
      const full = labelOf(row, lang);
      const { lines, truncated } = wrap(full, x.step() - 2, LABEL_FONT, maxLines);
      const cx = (x(r) ?? 0) + x.bandwidth() / 2;
      const tspans = lines
        .map((line, i) => el('tspan', { x: cx, y: base + 15 + i * 13 }, text(line)))
        .join('');
      const label = el('text', { 'text-anchor': 'middle', 'font-size': LABEL_FONT, fill: INK }, tspans);
      return truncated ? el('g', { class: 'truncated' }, title(full) + label) : label;
    })
    .join('');
}

function describe(t: ChartTable, chartTitle: string, stacked: boolean, lang: Lang): string {
  const words = WORDS[lang];
  let best: { name: string; value: number } | null = null;
  if (stacked)
    t.rows.forEach((row, r) => {
      const v = t.rowTotals[r] ?? null;
      if (v !== null && (best === null || v > best.value)) best = { name: labelOf(row, lang), value: v };
    });
  else
    for (const cell of t.cells.flat())
      if (cell.value !== null && (best === null || cell.value > best.value))
        best = { name: cellName(t, cell, lang), value: cell.value };
  const shape =
    lang === 'ko'
      ? `범주 ${t.rows.length}개${t.columns.length > 1 ? ` × 계열 ${t.columns.length}개` : ''}`
      : `${t.rows.length} categories${t.columns.length > 1 ? ` × ${t.columns.length} series` : ''}`;
  const first = labelOf(t.rows[0] ?? { label: '' }, lang);
  const last = labelOf(t.rows[t.rows.length - 1] ?? { label: '' }, lang);
  const span = t.rows.length > 1 ? ` (${first}–${last})` : '';
  const found = best as { name: string; value: number } | null;
  const top = found ? `${words.highest} ${found.name} (${formatNumber(found.value)})` : words.none;
  const withheld = t.cells.flat().filter((c) => c.value === null).length;
  const sup = withheld ? `; ${words.cellsSuppressed(withheld)}` : '';
  return `${chartTitle}: ${shape}${span}; ${top}${sup}.`;
}
