// A map of the DPRK's detention facilities, each a circle whose area is its count, drawn offline.

import { type GeoProjection, geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, MultiPoint } from 'geojson';
import { type Boundaries, koreaBoundaries } from './boundaries.ts';
import { el, hashId, num, svgDocument, text, title } from './svg.ts';
import { textWidth, wrap } from './text-layout.ts';
import { FONT_FAMILY, formatNumber, INK, type Lang, labelOf, MUTED, titleLine, WORDS } from './theme.ts';

export type FacilityPoint = {
  code: string;
  label: string;
  label_ko?: string;
  lat: number;
  lon: number;
  /** How well the location is known: 'exact' is drawn with a solid outline, anything else dashed. */
  precision: string;
  /** `null` when withheld: drawn as a fixed mark that carries no size. */
  count: number | null;
};

export type MapFrame = { west: number; south: number; east: number; north: number };

export type FacilityMapOptions = {
  title: string;
  lang?: Lang;
  /** Size in px; the viewBox is the same. Defaults 640 × 700. */
  width?: number;
  height?: number;
  showTitle?: boolean;
  desc?: string;
  /** What the circles count, for the legend, e.g. "Acts recorded". */
  countLabel?: string;
  /** Disclosure threshold, for the withheld mark's legend ("< 5"). */
  threshold?: number;
  /** How many of the largest facilities are labelled (default 6). */
  labelCount?: number;
  /** Radius of the largest circle, px (default 26). */
  maxRadius?: number;
  /** Longitudes and latitudes drawn; default a frame around the DPRK. */
  frame?: MapFrame;
  /** Boundaries to draw; default the shipped Natural Earth extract. */
  boundaries?: Boundaries;
  idPrefix?: string;
};

export const DEFAULT_FRAME: MapFrame = { west: 123.5, south: 37.3, east: 131.1, north: 43.2 };

const SEA = '#dce6ee';
const LAND = '#f3f3f3';
const DPRK_FILL = '#ffffff';
const CIRCLE = '#414487';
const WITHHELD_SIZE = 5;

type Placed = FacilityPoint & { count: number; x: number; y: number; r: number };
type Box = { x0: number; y0: number; x1: number; y1: number };

/** The projection for a frame: conformal conic with standard parallels in the frame, fitted to it. */
export function mapProjection(frame: MapFrame, extent: [[number, number], [number, number]]): GeoProjection {
  const midLon = (frame.west + frame.east) / 2;
  const span = frame.north - frame.south;
  const outline: Feature<MultiPoint> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [0, 0.5, 1].flatMap((t) => [
        [frame.west + t * (frame.east - frame.west), frame.south],
        [frame.west + t * (frame.east - frame.west), frame.north],
        [frame.west, frame.south + t * span],
        [frame.east, frame.south + t * span],
      ]),
    },
  };
  return geoConicConformal()
    .rotate([-midLon, 0])
    .parallels([frame.south + span / 6, frame.north - span / 6])
    .fitExtent(extent, outline)
    .clipExtent(extent);
}

export function facilityMap(points: FacilityPoint[], options: FacilityMapOptions): string {
  const lang = options.lang ?? 'en';
  const words = WORDS[lang];
  const width = options.width ?? 640;
  const height = options.height ?? 700;
  const frame = options.frame ?? DEFAULT_FRAME;
  const boundaries = options.boundaries ?? koreaBoundaries();
  const idPrefix =
    options.idPrefix ?? `dl-map-${hashId(JSON.stringify([points, { ...options, boundaries: null }]))}`;
  const clipId = `${idPrefix}-clip`;

  const heading = titleLine(options.title, options.showTitle ?? true, 30);
  const header = heading.svg;
  const top = heading.top;
  const map: Box = { x0: 16, y0: top, x1: width - 16, y1: height - 40 };
  const projection = mapProjection(frame, [
    [map.x0, map.y0],
    [map.x1, map.y1],
  ]);
  const path = geoPath(projection).digits(1);

  let land = '';
  const order = [...boundaries.features].sort(
    (a, b) => Number(a.properties.code === 'PRK') - Number(b.properties.code === 'PRK'),
  );
  for (const f of order) {
    const d = path(f);
    if (!d) continue;
    const isDprk = f.properties.code === 'PRK';
    land += el('path', {
      class: `country${isDprk ? ' dprk' : ''}`,
      'data-code': f.properties.code,
      d,
      fill: isDprk ? DPRK_FILL : LAND,
      stroke: isDprk ? INK : '#8c8c8c',
      'stroke-width': isDprk ? 1.2 : 0.6,
      'stroke-linejoin': 'round',
    });
  }
  land += countryNames(boundaries, projection, map, lang);

  const inFrame = (p: FacilityPoint) =>
    p.lon >= frame.west && p.lon <= frame.east && p.lat >= frame.south && p.lat <= frame.north;
  const shown = points.filter(inFrame);
  const counted = shown.filter((p) => p.count !== null && p.count > 0) as (FacilityPoint & {
    count: number;
  })[];
  const maxCount = Math.max(0, ...counted.map((p) => p.count));
  const maxRadius = options.maxRadius ?? 26;
  const radius = (count: number) => (maxCount > 0 ? maxRadius * Math.sqrt(count / maxCount) : 0);

  const placed: Placed[] = counted
    .map((p) => {
      const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
      return { ...p, x, y, r: radius(p.count) };
    })
    .sort((a, b) => b.r - a.r || a.code.localeCompare(b.code));
  let marks = '';
  for (const p of placed) {
    marks += el(
      'circle',
      {
        class: `facility${p.precision === 'exact' ? '' : ' approximate'}`,
        'data-code': p.code,
        'data-count': p.count,
        cx: p.x,
        cy: p.y,
        r: p.r,
        fill: CIRCLE,
        'fill-opacity': 0.45,
        stroke: '#1f1f3d',
        'stroke-width': 1.2,
        'stroke-dasharray': p.precision === 'exact' ? undefined : '3 2',
      },
      title(
        `${labelOf(p, lang)}: ${formatNumber(p.count)}${p.precision === 'exact' ? '' : ` (${precisionWord(lang)})`}`,
      ),
    );
  }
  const withheld = shown.filter((p) => p.count === null);
  const withheldText = options.threshold !== undefined ? words.below(options.threshold) : words.suppressed;
  for (const p of [...withheld].sort((a, b) => a.code.localeCompare(b.code))) {
    const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
    marks += el(
      'path',
      {
        class: 'facility-withheld',
        'data-code': p.code,
        d: diamond(x, y, WITHHELD_SIZE),
        fill: '#ffffff',
        stroke: INK,
        'stroke-width': 1.2,
      },
      title(`${labelOf(p, lang)}: ${withheldText}`),
    );
  }

  const labels = placeLabels(placed.slice(0, options.labelCount ?? 6), placed, map, lang);
  const legend = sizeLegend(maxCount, radius, map, options, lang, withheld.length > 0, withheldText);
  const scale = scaleBar(projection, frame, map, lang);
  const noteText =
    lang === 'ko'
      ? '경계: Natural Earth(퍼블릭 도메인). 경계 표시는 어떠한 주장에 대한 입장도 아님. 점선 원: 대략적 위치.'
      : 'Boundaries: Natural Earth (public domain); their depiction implies no position on any claim. Dashed circles: approximate locations.';
  const note = el(
    'text',
    { class: 'note', 'font-size': 10, fill: MUTED },
    wrap(noteText, width - 32, 10, 2)
      .lines.map((line, i) => el('tspan', { x: 16, y: height - 24 + i * 12 }, text(line)))
      .join(''),
  );

  const defs = el(
    'clipPath',
    { id: clipId },
    el('rect', { x: map.x0, y: map.y0, width: map.x1 - map.x0, height: map.y1 - map.y0 }),
  );
  const body =
    header +
    el(
      'g',
      { class: 'map', 'clip-path': `url(#${clipId})` },
      el('rect', {
        class: 'sea',
        x: map.x0,
        y: map.y0,
        width: map.x1 - map.x0,
        height: map.y1 - map.y0,
        fill: SEA,
      }) +
        el('g', { class: 'land' }, land) +
        el('g', { class: 'facilities' }, marks) +
        el('g', { class: 'labels' }, labels),
    ) +
    el('rect', {
      class: 'frame',
      x: map.x0,
      y: map.y0,
      width: map.x1 - map.x0,
      height: map.y1 - map.y0,
      fill: 'none',
      stroke: MUTED,
    }) +
    legend +
    scale +
    note;

  return svgDocument({
    width,
    height,
    title: options.title,
    desc:
      options.desc ?? describe(options.title, placed, withheld.length, points.length - shown.length, lang),
    lang,
    idPrefix,
    fontFamily: FONT_FAMILY,
    defs,
    body,
  });
}

const precisionWord = (lang: Lang) => (lang === 'ko' ? '대략적 위치' : 'approximate location');

function diamond(x: number, y: number, s: number): string {
  return `M${num(x)},${num(y - s)}L${num(x + s)},${num(y)}L${num(x)},${num(y + s)}L${num(x - s)},${num(y)}Z`;
}

function countryNames(b: Boundaries, projection: GeoProjection, map: Box, lang: Lang): string {
  // Placed by hand in open land (or sea) of the default frame; a name outside the frame is left out.
  const spots: Record<string, [number, number]> = {
    CHN: [125.2, 42.6],
    RUS: [130.75, 43.05],
    KOR: [127.9, 37.45],
    PRK: [127.1, 40.55],
  };
  let out = '';
  for (const f of b.features) {
    const at = spots[f.properties.code];
    if (!at) continue;
    const p = projection(at);
    if (!p || p[0] < map.x0 + 30 || p[0] > map.x1 - 30 || p[1] < map.y0 + 10 || p[1] > map.y1 - 10) continue;
    const name = lang === 'ko' ? f.properties.ko : f.properties.en;
    out += el(
      'text',
      {
        class: 'country-name',
        x: p[0],
        y: p[1],
        'text-anchor': 'middle',
        'font-size': f.properties.code === 'PRK' ? 13 : 12,
        'letter-spacing': 1,
        fill: '#7a7a7a',
      },
      text(name),
    );
  }
  return out;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Labels beside the largest circles, wrapped to two lines: right, left, above or below, the first
 * spot clear of the other labels and of the other circles' centres; a label with no such spot is left out.
 */
function placeLabels(largest: Placed[], all: Placed[], map: Box, lang: Lang): string {
  const taken: Box[] = [];
  let out = '';
  const font = 11;
  const lineHeight = 13;
  for (const p of largest) {
    const full = labelOf(p, lang);
    const { lines } = wrap(full, 170, font, 2);
    const w = Math.max(...lines.map((l) => textWidth(l, font)));
    const h = lines.length * lineHeight;
    const gap = p.r + 3;
    const box = (x0: number, y0: number): Box => ({ x0, y0, x1: x0 + w, y1: y0 + h });
    const d = gap * Math.SQRT1_2;
    const spots: { box: Box; anchor: 'start' | 'end' | 'middle' }[] = [
      { box: box(p.x + gap, p.y - h / 2), anchor: 'start' },
      { box: box(p.x - gap - w, p.y - h / 2), anchor: 'end' },
      { box: box(p.x - w / 2, p.y - gap - h), anchor: 'middle' },
      { box: box(p.x - w / 2, p.y + gap), anchor: 'middle' },
      { box: box(p.x + d, p.y - d - h), anchor: 'start' },
      { box: box(p.x + d, p.y + d), anchor: 'start' },
      { box: box(p.x - d - w, p.y - d - h), anchor: 'end' },
      { box: box(p.x - d - w, p.y + d), anchor: 'end' },
    ];
    // Other circles, a little inside their edge: a label may touch a circle but not cover its middle.
    const others = all
      .filter((o) => o !== p && (o.x !== p.x || o.y !== p.y))
      .map((o) => {
        const k = Math.max(3, o.r * 0.6);
        return { x0: o.x - k, y0: o.y - k, x1: o.x + k, y1: o.y + k };
      });
    const free = spots.find(
      (c) =>
        c.box.x0 >= map.x0 + 2 &&
        c.box.x1 <= map.x1 - 2 &&
        c.box.y0 >= map.y0 + 2 &&
        c.box.y1 <= map.y1 - 2 &&
        !taken.some((t) => overlaps(t, c.box)) &&
        !others.some((t) => overlaps(t, c.box)),
    );
    if (!free) continue;
    taken.push(free.box);
    const x =
      free.anchor === 'start'
        ? free.box.x0
        : free.anchor === 'end'
          ? free.box.x1
          : (free.box.x0 + free.box.x1) / 2;
    const tspans = lines
      .map((line, i) => el('tspan', { x, y: free.box.y0 + (i + 1) * lineHeight - 3 }, text(line)))
      .join('');
    const halo = el(
      'text',
      {
        'aria-hidden': 'true',
        'text-anchor': free.anchor,
        'font-size': font,
        fill: '#ffffff',
        stroke: '#ffffff',
        'stroke-width': 3,
        'stroke-linejoin': 'round',
      },
      tspans,
    );
    // The halo is its own element under the label (not paint-order), for renderers such as Word's.
    out += halo;
    out += el(
      'text',
      {
        class: 'facility-label',
        'data-code': p.code,
        'text-anchor': free.anchor,
        'font-size': font,
        fill: INK,
      },
      (lines.join(' ') === full ? '' : title(full)) + tspans,
    );
  }
  return out;
}

/** One or two significant digits, for the sizes the legend shows. */
function roundNice(v: number): number {
  if (v <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m >= 5 ? Math.round(m) : Math.round(m * 2) / 2) * p;
}

function sizeLegend(
  maxCount: number,
  radius: (n: number) => number,
  map: Box,
  options: FacilityMapOptions,
  lang: Lang,
  anyWithheld: boolean,
  withheldText: string,
): string {
  const values = [
    ...new Set([roundNice(maxCount), roundNice(maxCount / 4), roundNice(maxCount / 16)]),
  ].filter((v) => v >= 1 && Number.isInteger(v));
  const big = values.length ? radius(values[0] as number) : 0;
  const heading = options.countLabel ?? (lang === 'ko' ? '건수' : 'Count');
  const boxW = Math.max(150, textWidth(heading, 11) + 20, textWidth(withheldText, 10) + 40);
  const boxH = 28 + 2 * big + 10 + (anyWithheld ? 22 : 0) + 36;
  const x0 = map.x1 - boxW - 8;
  const y0 = map.y1 - boxH - 8;
  let out = el('rect', {
    x: x0,
    y: y0,
    width: boxW,
    height: boxH,
    fill: '#ffffff',
    'fill-opacity': 0.9,
    stroke: MUTED,
    'stroke-width': 0.5,
  });
  out += el(
    'text',
    { x: x0 + 10, y: y0 + 17, 'font-size': 11, 'font-weight': 'bold', fill: INK },
    text(heading),
  );
  const cx = x0 + 10 + big;
  const bottom = y0 + 26 + 2 * big;
  for (const v of values) {
    const r = radius(v);
    out += el('circle', {
      class: 'legend-size',
      cx,
      cy: bottom - r,
      r,
      fill: 'none',
      stroke: INK,
      'stroke-width': 0.8,
    });
    out += el('line', {
      x1: cx,
      x2: cx + big + 8,
      y1: bottom - 2 * r,
      y2: bottom - 2 * r,
      stroke: MUTED,
      'stroke-width': 0.5,
    });
    out += el(
      'text',
      { x: cx + big + 11, y: bottom - 2 * r + 4, 'font-size': 10, fill: INK },
      text(formatNumber(v)),
    );
  }
  let y = bottom + 14;
  if (anyWithheld) {
    out += el('path', {
      d: diamond(x0 + 16, y, WITHHELD_SIZE),
      fill: '#ffffff',
      stroke: INK,
      'stroke-width': 1.2,
    });
    out += el('text', { x: x0 + 28, y: y + 4, 'font-size': 10, fill: INK }, text(withheldText));
    y += 22;
  }
  out += el('circle', { cx: x0 + 16, cy: y, r: 6, fill: 'none', stroke: INK, 'stroke-width': 1.2 });
  out += el(
    'text',
    { x: x0 + 28, y: y + 4, 'font-size': 10, fill: INK },
    text(lang === 'ko' ? '정확한 위치' : 'exact location'),
  );
  y += 18;
  out += el('circle', {
    cx: x0 + 16,
    cy: y,
    r: 6,
    fill: 'none',
    stroke: INK,
    'stroke-width': 1.2,
    'stroke-dasharray': '3 2',
  });
  out += el('text', { x: x0 + 28, y: y + 4, 'font-size': 10, fill: INK }, text(precisionWord(lang)));
  return el('g', { class: 'legend' }, out);
}

function scaleBar(projection: GeoProjection, frame: MapFrame, map: Box, lang: Lang): string {
  const lat = (frame.south + frame.north) / 2;
  const lon = (frame.west + frame.east) / 2;
  const km = 100;
  const dLon = km / (111.32 * Math.cos((lat * Math.PI) / 180));
  const a = projection([lon, lat]);
  const b = projection([lon + dLon, lat]);
  if (!a || !b) return '';
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const x = map.x0 + 14;
  const y = map.y1 - 16;
  return el(
    'g',
    { class: 'scale-bar' },
    el('rect', { x: x - 6, y: y - 20, width: len + 60, height: 30, fill: '#ffffff', 'fill-opacity': 0.8 }) +
      el('path', {
        d: `M${num(x)},${num(y - 5)}V${num(y)}H${num(x + len)}V${num(y - 5)}`,
        fill: 'none',
        stroke: INK,
        'stroke-width': 1.2,
      }) +
      el('text', { x: x + len + 6, y: y + 1, 'font-size': 10, fill: INK }, text(`${km} km`)) +
      el(
        'text',
        { x, y: y - 9, 'font-size': 9, fill: MUTED },
        text(lang === 'ko' ? `북위 ${Math.round(lat)}° 기준` : `at ${Math.round(lat)}°N`),
      ),
  );
}

function describe(title: string, placed: Placed[], withheld: number, outside: number, lang: Lang): string {
  const top = placed.slice(0, 3).map((p) => `${labelOf(p, lang)} (${formatNumber(p.count)})`);
  const words = WORDS[lang];
  if (lang === 'ko')
    return `${title}: 시설 ${placed.length}곳 표시${withheld ? `, ${withheld}곳 비공개` : ''}${outside ? `, ${outside}곳 지도 범위 밖` : ''}; ${top.length ? `${words.highest}: ${top.join(', ')}` : words.none}.`;
  return `${title}: ${placed.length} facilities with counts${withheld ? `, ${withheld} withheld` : ''}${outside ? `, ${outside} outside the map` : ''}; ${top.length ? `largest ${top.join(', ')}` : words.none}.`;
}
