import { authorize, ceilingOf } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import { levelsUpTo, type Viewer } from '../access/roles.ts';
import { defaultProofRules } from '../proof/standards-of-proof.ts';
import type { FigureQuery } from '../provenance/figure-query.ts';
import { filtersVictims } from '../provenance/figure-query.ts';
import type { Store } from '../store/store.ts';
import { actsInScope, analysisData, withEvidentiaryLevels, withPersons } from './analysis-data.ts';
import type { ProtectedTable } from './count-table.ts';
import { type CrossTab, type CrossTabRequest, crossTab } from './cross-tab.ts';
import { type AnalysisContext, type Dimension, VICTIM_DIMENSIONS } from './dimensions.ts';
import { DEFAULT_THRESHOLD, protectTable } from './disclosure/index.ts';
import type { FactTable } from './fact-table.ts';
import { type Trend, type TrendRequest, trend } from './trend.ts';

/** Which acts a figure counts by evidence: all documented, verified by review, or a standard of proof. */
export type Basis = 'documented' | 'verified' | { standard: string };

/** A table as released: the counts (inside) or the protected counts (outside), with what produced it. */
export type Tabulation = {
  basis: string;
  table: CrossTab;
  /** Disclosure-controlled: what may leave the organisation (always, for the public). */
  published: ProtectedTable | undefined;
};

/**
 * Cross-tabulates what the viewer may count: acts at the viewer's statistics level (for the public,
 * verified public acts only, and always disclosure-controlled), on the chosen evidentiary basis.
 */
export async function tabulate(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  request: CrossTabRequest,
  options: { basis?: Basis; protect?: boolean; threshold?: number } = {},
): Promise<Tabulation> {
  const basis = options.basis ?? 'documented';
  const facts = await countableFacts(
    store,
    viewer,
    keys,
    basis,
    [request.rows, request.columns],
    usesPersons([request.rows, request.columns], request.filter),
  );
  const table = crossTab(facts.table, facts.context, withBasis(request, basis), facts.selection);
  const protect = options.protect || viewer.role === 'public';
  return {
    basis: basisName(basis),
    table,
    published: protect ? protectedOrEmpty(table, options.threshold) : undefined,
  };
}

/** A trend (see `trend`) over what the viewer may count, on the chosen basis. */
export async function trendOf(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  request: TrendRequest,
  options: { basis?: Basis } = {},
): Promise<Trend & { basis: string }> {
  const basis = options.basis ?? 'documented';
  const { table, context, selection } = await countableFacts(
    store,
    viewer,
    keys,
    basis,
    [],
    usesPersons([], request.filter),
  );
  return { ...trend(table, context, withBasis(request, basis), selection), basis: basisName(basis) };
}

async function countableFacts(
  store: Store,
  viewer: Viewer,
  keys: FieldKeys,
  basis: Basis,
  dimensions: (Dimension | undefined)[],
  needsPersons: boolean,
): Promise<{ table: FactTable; context: AnalysisContext; selection: Int32Array }> {
  authorize(viewer, 'view-statistics');
  const ceiling = ceilingOf(viewer, 'view-statistics') ?? 'public';
  const data = await analysisData(store);
  const needsLevels = typeof basis === 'object' || dimensions.includes('standard');
  if (needsLevels) await withEvidentiaryLevels(store, keys, data);
  if (needsPersons) await withPersons(store, keys, data);
  let selection = actsInScope(store, data, levelsUpTo(ceiling), viewer.role === 'public');
  if (typeof basis === 'object') {
    const rules = defaultProofRules();
    const rank = new Map(rules.levels.map((level, i) => [level.code, i]));
    const wanted = rank.get(basis.standard);
    if (wanted === undefined)
      throw new StatisticsError(
        'basis',
        `not a level of the rules (${rules.levels.map((l) => l.code).join(', ')})`,
      );
    const levels = data.context.levels ?? [];
    selection = selection.filter((i) => (rank.get(levels[i] ?? '') ?? Number.POSITIVE_INFINITY) <= wanted);
  }
  return { table: data.table, context: data.context, selection };
}

/** The protected table; an empty table (nothing counted) is published empty. */
function protectedOrEmpty(table: CrossTab, threshold: number | undefined): ProtectedTable {
  if (table.rows.length > 0 && table.columns.length > 0) return protectTable(table, { threshold });
  return {
    title: table.title,
    rows: [],
    columns: [],
    cells: [],
    rowTotals: [],
    columnTotals: [],
    total: 0,
    threshold: threshold ?? DEFAULT_THRESHOLD,
    suppressed: [],
  };
}

function usesPersons(dimensions: (Dimension | undefined)[], filter: FigureQuery): boolean {
  return dimensions.some((d) => d !== undefined && VICTIM_DIMENSIONS.includes(d)) || filtersVictims(filter);
}

/** A statistics request that cannot be answered as asked; `field` names what to change. */
export class StatisticsError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

function withBasis<T extends { filter: FigureQuery }>(request: T, basis: Basis): T {
  return basis === 'verified' ? { ...request, filter: { ...request.filter, status: 'verified' } } : request;
}

function basisName(basis: Basis): string {
  return typeof basis === 'object' ? `standard:${basis.standard}` : basis;
}
