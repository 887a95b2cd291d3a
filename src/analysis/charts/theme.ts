// Fonts, colours, patterns and the few words every chart shares, in English and Korean.

import { el, text } from './svg.ts';

export type Lang = 'en' | 'ko';

/** A stack with Hangul in every member before the generic family. */
export const FONT_FAMILY =
  '"Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo", "NanumGothic", sans-serif';

export const INK = '#222222';
export const MUTED = '#595959';
export const GRID = '#d9d9d9';

/**
 * Viridis (van der Walt and Smith), sampled: readable with every common colour-vision deficiency and
 * monotone in lightness, so series stay apart when printed in greyscale.
 */
const VIRIDIS = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
  '#bddf26',
  '#fde725',
];

/** Fill colours for `n` series, dark to light, as far apart in lightness as the count allows. */
export function seriesColours(n: number): string[] {
  if (n <= 1) return [VIRIDIS[3] as string];
  const first = 1;
  const last = n === 2 ? 8 : 9;
  return Array.from(
    { length: n },
    (_, i) => VIRIDIS[Math.round(first + (i * (last - first)) / (n - 1))] as string,
  );
}

/** Dash patterns for line series, so lines also differ without colour. */
export const LINE_DASHES = [undefined, '6 3', '2 3', '8 3 2 3'];

/** Whether text on this fill should be white. */
export function isDark(hex: string): boolean {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** The diagonal hatch that marks what is withheld (suppressed cells and counts). */
export function hatchPattern(id: string): string {
  return el(
    'pattern',
    { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    el('rect', { width: 6, height: 6, fill: '#ffffff' }) +
      el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: MUTED, 'stroke-width': 2 }),
  );
}

/** Numbers as the reports print them: grouped thousands, at most two decimals. */
export function formatNumber(n: number): string {
  const fixed = Number.isInteger(n)
    ? String(Math.abs(n))
    : Math.abs(n)
        .toFixed(2)
        .replace(/\.?0+$/, '');
  const [whole = '', frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export const WORDS = {
  en: {
    below: (t: number) => `< ${formatNumber(t)}`,
    belowLong: (t: number) => `fewer than ${formatNumber(t)} (suppressed)`,
    suppressed: 'suppressed',
    suppressedLong: 'suppressed to protect another cell',
    atLeast: (n: string) => `≥ ${n}`,
    highest: 'highest',
    none: 'no counts',
    and: 'and',
    cellsSuppressed: (k: number) => `${k} ${k === 1 ? 'cell' : 'cells'} suppressed`,
    yearsMissing: (k: number) => `${k} ${k === 1 ? 'year' : 'years'} suppressed or unknown`,
  },
  ko: {
    below: (t: number) => `${formatNumber(t)} 미만`,
    belowLong: (t: number) => `${formatNumber(t)} 미만(비공개)`,
    suppressed: '비공개',
    suppressedLong: '다른 칸 보호를 위한 비공개',
    atLeast: (n: string) => `${n} 이상`,
    highest: '최고',
    none: '집계 없음',
    and: '및',
    cellsSuppressed: (k: number) => `${k}개 칸 비공개`,
    yearsMissing: (k: number) => `${k}개 연도 비공개 또는 미상`,
  },
} as const;

/** A category's or series' label in the chart's language. */
export function labelOf(c: { label: string; label_ko?: string }, lang: Lang): string {
  return lang === 'ko' && c.label_ko ? c.label_ko : c.label;
}

/**
 * A chart's title line at the top (when shown), and where what follows it starts: every chart
 * begins this way.
 */
export function titleLine(chartTitle: string, show: boolean, below = 28): { svg: string; top: number } {
  const top = 12;
  if (!show) return { svg: '', top };
  return {
    svg: el(
      'text',
      { x: 16, y: top + 16, 'font-size': 16, 'font-weight': 'bold', fill: INK },
      text(chartTitle),
    ),
    top: top + below,
  };
}
