import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { CrossTabRequest } from '../analysis/cross-tab.ts';
import { tabulate } from '../analysis/statistics.ts';
import { basisOf } from '../analysis/table-query.ts';
import { describeFigure, type FigureQuery } from '../provenance/figure-query.ts';
import type { Store } from '../store/store.ts';
import type { FigureSpec } from './figure-spec.ts';

/** A figure as counted for a document: disclosure-controlled, with the commands that give and trace it. */
export type ComputedFigure = {
  /** What is counted (the basis apart): the query `stats` and `explain` are given. */
  query: FigureQuery;
  value: number | null;
  shown: string;
  figure: string;
  basis: string;
  stats: string;
  explain: string;
};

/**
 * Counts a figure exactly as `daylight stats table --protect` does (its distinct total, at the
 * viewer's statistics level, on the basis asked), and withholds it when it is small: a count in
 * 1..threshold−1 is shown as "fewer than THRESHOLD", as `protectTable` hides a small margin.
 */
export async function computeFigure(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  spec: FigureSpec,
  options: { basis: string; threshold: number },
): Promise<ComputedFigure> {
  const basis = spec.basis ?? options.basis;
  const { basis: _, ...filter } = spec;
  const request: CrossTabRequest = {
    measure: spec.measure,
    rows: 'status',
    dating: 'first-year',
    filter: filter as FigureQuery,
  };
  const result = await tabulate(store, viewer, keys, request, {
    basis: basisOf(basis),
    protect: true,
    threshold: options.threshold,
  });
  const total = result.table.distinctTotal;
  const value = total > 0 && total < options.threshold ? null : total;
  return {
    query: filter as FigureQuery,
    value,
    shown: value === null ? `fewer than ${options.threshold}` : value.toLocaleString('en-GB'),
    figure: describeFigure(filter as FigureQuery),
    basis,
    stats:
      `daylight stats table --rows status --measure ${spec.measure} --basis ${basis} --protect --threshold ${options.threshold} ${flagsOf(filter)}`.trim(),
    explain: ['daylight explain --measure', spec.measure, flagsOf(filter), basisFlag(basis)]
      .filter(Boolean)
      .join(' '),
  };
}

/** The figure filters as command-line flags (`--act-type TORTURE --year 2021`). */
function flagsOf(filter: Record<string, unknown>): string {
  return Object.entries(filter)
    .filter(([key, value]) => key !== 'measure' && value !== undefined)
    .map(([key, value]) => `--${key.replaceAll('_', '-')} ${Array.isArray(value) ? value.join(',') : value}`)
    .join(' ');
}

/** How `explain` says the basis: verified acts are a status filter, a standard its own option. */
function basisFlag(basis: string): string {
  if (basis === 'verified') return '--status verified';
  if (basis.startsWith('standard:')) return `--standard ${basis.slice('standard:'.length)}`;
  return '';
}
