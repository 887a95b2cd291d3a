// Counts per year as lines, broken where a year is withheld or unknown, with an optional dated marker.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { valueAxis } from './axis.ts';
import { type LegendEntry, legendRow } from './legend.ts';
import { el, hashId, svgDocument, text, title } from './svg.ts';
import { textWidth } from './text-layout.ts';
import {
  FONT_FAMILY,
  formatNumber,
  INK,
  type Lang,
  LINE_DASHES,
  labelOf,
  MUTED,
  seriesColours,
  titleLine,
  WORDS,
} from './theme.ts';

/** One year's value; `null` when withheld (suppressed) or unknown. A year left out counts as `null`. */
export type YearValue = { year: number; value: number | null };

export type LineSeries = { key: string; label: string; label_ko?: string; values: YearValue[] };

export type LineChartOptions = {
  title: string;
  lang?: Lang;
  /** Size in px; the viewBox is the same. Defaults 720 × 380. */
  width?: number;
  height?: number;
  showTitle?: boolean;
  desc?: string;
  /** Caption of the left axis, e.g. "Acts". */
  valueLabel?: string;
  /** Years shown; default: the first to the last year in the data. */
  years?: [number, number];
  /** A vertical line at a date ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'), labelled. */
  marker?: { date: string; label: string; label_ko?: string };
  /** Another measure against its own axis on the right, e.g. interviews per year, or a rate. */
  secondary?: { series: LineSeries; valueLabel?: string; format?: (n: number) => string };
  /** How the left axis prints numbers (e.g. a rate per interview). */
  format?: (n: number) => string;
  idPrefix?: string;
};

/** Where a date falls on the year axis, in fractional years (a year's values sit at its middle). */
export function dateToYear(date: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) throw new Error(`marker date must be YYYY, YYYY-MM or YYYY-MM-DD: ${date}`);
  const year = Number(m[1]);
  if (m[2] === undefined) return year + 0.5;
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  const at =
    m[3] === undefined
      ? Date.UTC(year, Number(m[2]) - 1, 15)
      : Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
  return year + (at - start + 43_200_000) / length;
}

type Point = { year: number; value: number | null };

function pointsFor(s: LineSeries, from: number, to: number): Point[] {
  const byYear = new Map(s.values.map((v) => [v.year, v.value]));
  return Array.from({ length: to - from + 1 }, (_, i) => ({
    year: from + i,
    value: byYear.get(from + i) ?? null,
  }));
}

export function lineChart(series: LineSeries[], options: LineChartOptions): string {
  const lang = options.lang ?? 'en';
  const width = options.width ?? 720;
  const height = options.height ?? 380;
  const idPrefix = options.idPrefix ?? `dl-line-${hashId(JSON.stringify([series, { ...options }]))}`;
  const all = [...series, ...(options.secondary ? [options.secondary.series] : [])];
  const years = all.flatMap((s) => s.values.map((v) => v.year));
  const [from, to] = options.years ?? [Math.min(...years), Math.max(...years)];
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from)
    throw new RangeError('lineChart needs a span of whole years: give values or options.years');
  const colours = seriesColours(Math.max(series.length, 1));
  const secondaryColour = MUTED;

  const heading = titleLine(options.title, options.showTitle ?? true);
  let header = heading.svg;
  let top = heading.top;
  const entries: LegendEntry[] = series.map((s, i) => ({
    kind: 'line',
    label: labelOf(s, lang),
    stroke: colours[i] as string,
    dash: LINE_DASHES[i % LINE_DASHES.length],
  }));
  if (options.secondary) {
    const s = options.secondary.series;
    const axisWord = lang === 'ko' ? '오른쪽 축' : 'right axis';
    entries.push({
      kind: 'line',
      label: `${labelOf(s, lang)} (${axisWord})`,
      stroke: secondaryColour,
      dash: '2 3',
    });
  }
  if (entries.length > 1 || options.secondary) {
    const l = legendRow(entries, 16, top + 2, width - 32);
    header += l.svg;
    top += l.height + 4;
  }
  if (options.valueLabel || options.secondary?.valueLabel) {
    if (options.valueLabel)
      header += el('text', { x: 16, y: top + 12, 'font-size': 11, fill: MUTED }, text(options.valueLabel));
    if (options.secondary?.valueLabel)
      header += el(
        'text',
        { x: width - 16, y: top + 12, 'font-size': 11, fill: MUTED, 'text-anchor': 'end' },
        text(options.secondary.valueLabel),
      );
    top += 16;
  }

  const maxOf = (ss: LineSeries[]) => Math.max(0, ...ss.flatMap((s) => s.values.map((v) => v.value ?? 0)));
  const y = scaleLinear()
    .domain([0, maxOf(series) || 1])
    .nice(5);
  const y2 = options.secondary
    ? scaleLinear()
        .domain([0, maxOf([options.secondary.series]) || 1])
        .nice(5)
    : null;
  const tickWidth = (s: typeof y, f?: (n: number) => string) =>
    Math.max(...s.ticks(5).map((v) => textWidth((f ?? formatNumber)(v), 11)));
  const left = Math.max(40, tickWidth(y, options.format) + 20);
  const right = width - (y2 ? Math.max(40, tickWidth(y2, options.secondary?.format) + 20) : 20);
  const plotTop = top + (options.marker ? 30 : 14);
  const base = height - 30;
  y.range([base, plotTop]);
  y2?.range([base, plotTop]);
  const x = scaleLinear()
    .domain([from, to + 1])
    .range([left, right]);
  const xOf = (year: number) => x(year + 0.5);

  let body = valueAxis({ scale: y, x: left, side: 'left', gridTo: right, format: options.format });
  if (y2 && options.secondary)
    body += valueAxis({ scale: y2, x: right, side: 'right', format: options.secondary.format });
  body += el('line', { x1: left, x2: right, y1: base, y2: base, stroke: INK });
  body += yearTicks(from, to, xOf, base, right - left);

  if (options.marker) body += marker(options.marker, x, plotTop, base, left, right, lang);

  const drawn: { s: LineSeries; scale: typeof y; colour: string; dash?: string; cls: string }[] = series.map(
    (s, i) => ({
      s,
      scale: y,
      colour: colours[i] as string,
      dash: LINE_DASHES[i % LINE_DASHES.length],
      cls: 'series',
    }),
  );
  if (y2 && options.secondary)
    drawn.push({
      s: options.secondary.series,
      scale: y2,
      colour: secondaryColour,
      dash: '2 3',
      cls: 'series secondary',
    });
  for (const d of drawn)
    body += seriesMarks(d.s, from, to, xOf, d.scale, d.colour, d.dash, d.cls, base, lang);

  return svgDocument({
    width,
    height,
    title: options.title,
    desc: options.desc ?? describe(series, options, from, to, lang),
    lang,
    idPrefix,
    fontFamily: FONT_FAMILY,
    body: header + body,
  });
}

function yearTicks(
  from: number,
  to: number,
  xOf: (y: number) => number,
  base: number,
  plotWidth: number,
): string {
  const n = to - from + 1;
  const every = [1, 2, 5, 10, 20].find((k) => plotWidth / Math.ceil(n / k) >= 40) ?? 50;
  let out = '';
  for (let year = from; year <= to; year++) {
    out += el('line', { x1: xOf(year), x2: xOf(year), y1: base, y2: base + 4, stroke: MUTED });
    if ((year - from) % every === 0 || (every > 1 && year === to && (to - from) % every >= every / 2))
      out += el(
        'text',
        { x: xOf(year), y: base + 17, 'text-anchor': 'middle', 'font-size': 11, fill: INK },
        text(String(year)),
      );
  }
  return el('g', { class: 'axis axis-years' }, out);
}

function marker(
  m: NonNullable<LineChartOptions['marker']>,
  x: (v: number) => number,
  top: number,
  base: number,
  left: number,
  right: number,
  lang: Lang,
): string {
  const mx = x(dateToYear(m.date));
  const label = labelOf(m, lang);
  const w = textWidth(label, 11);
  const anchor = mx + w / 2 > right ? 'end' : mx - w / 2 < left ? 'start' : 'middle';
  return el(
    'g',
    { class: 'marker', 'data-date': m.date },
    title(`${label} (${m.date})`) +
      el('line', {
        x1: mx,
        x2: mx,
        y1: top - 6,
        y2: base,
        stroke: INK,
        'stroke-width': 1,
        'stroke-dasharray': '4 3',
      }) +
      el('text', { x: mx, y: top - 10, 'text-anchor': anchor, 'font-size': 11, fill: INK }, text(label)),
  );
}

function seriesMarks(
  s: LineSeries,
  from: number,
  to: number,
  xOf: (y: number) => number,
  y: (v: number) => number,
  colour: string,
  dash: string | undefined,
  cls: string,
  base: number,
  lang: Lang,
): string {
  const points = pointsFor(s, from, to);
  const path = line<Point>()
    .defined((p) => p.value !== null)
    .x((p) => xOf(p.year))
    .y((p) => y(p.value ?? 0))
    .digits(2)(points);
  const name = labelOf(s, lang);
  let dots = '';
  for (const p of points) {
    if (p.value === null) {
      // An open mark on the axis where the series has no published value: a gap, not a zero.
      dots += el(
        'circle',
        { class: 'gap', cx: xOf(p.year), cy: base, r: 3, fill: '#ffffff', stroke: colour, 'stroke-width': 1 },
        title(`${name}, ${p.year}: ${lang === 'ko' ? '비공개 또는 미상' : 'suppressed or unknown'}`),
      );
      continue;
    }
    dots += el(
      'circle',
      { class: 'point', cx: xOf(p.year), cy: y(p.value), r: 3, fill: colour },
      title(`${name}, ${p.year}: ${formatNumber(p.value)}`),
    );
  }
  return el(
    'g',
    { class: cls, 'data-series': s.key },
    el('path', {
      class: 'line',
      d: path ?? '',
      fill: 'none',
      stroke: colour,
      'stroke-width': 2,
      'stroke-dasharray': dash,
      'stroke-linejoin': 'round',
    }) + dots,
  );
}

function describe(
  series: LineSeries[],
  options: LineChartOptions,
  from: number,
  to: number,
  lang: Lang,
): string {
  const words = WORDS[lang];
  const parts = series.map((s) => {
    const points = pointsFor(s, from, to);
    const known = points.filter((p) => p.value !== null) as { year: number; value: number }[];
    const best = known.reduce<{ year: number; value: number } | null>(
      (b, p) => (!b || p.value > b.value ? p : b),
      null,
    );
    const missing = points.length - known.length;
    const name = series.length > 1 || options.secondary ? `${labelOf(s, lang)}: ` : '';
    const top = best ? `${words.highest} ${best.year} (${formatNumber(best.value)})` : words.none;
    return `${name}${top}${missing ? `, ${words.yearsMissing(missing)}` : ''}`;
  });
  if (options.secondary) {
    const s = options.secondary.series;
    const known = s.values.filter((v) => v.value !== null) as { year: number; value: number }[];
    const best = known.reduce<{ year: number; value: number } | null>(
      (b, p) => (!b || p.value > b.value ? p : b),
      null,
    );
    const fmt = options.secondary.format ?? formatNumber;
    parts.push(
      `${labelOf(s, lang)}: ${best ? `${words.highest} ${best.year} (${fmt(best.value)})` : words.none}`,
    );
  }
  const mark = options.marker ? `; ${labelOf(options.marker, lang)} (${options.marker.date})` : '';
  return `${options.title}, ${from}–${to}: ${parts.join('; ')}${mark}.`;
}
