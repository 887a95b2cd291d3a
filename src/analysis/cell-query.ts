import type { FigureQuery } from '../provenance/figure-query.ts';
import type { CrossTabRequest } from './cross-tab.ts';
import type { Dimension } from './dimensions.ts';

const UNTRACEABLE = new Set(['unknown', 'undated', 'none', 'several-years']);
const VICTIM_FIELDS = new Set<Dimension>(['victim_sex', 'victim_age_group', 'victim_province']);

/**
 * The figure a cell is, as `explain` understands it (its acts are exactly the cell's acts), or
 * `undefined` where the figure filters cannot say it yet: places (resolved facilities), periods,
 * exact evidentiary levels, and unknown/undated/no-law categories of act dimensions.
 */
export function cellQuery(request: CrossTabRequest, row: string, column?: string): FigureQuery | undefined {
  let query: FigureQuery | undefined = { ...request.filter };
  const apply = (dimension: Dimension | undefined, key: string | undefined) => {
    if (!query || dimension === undefined || key === undefined) return;
    const field = fieldOf(dimension, request);
    if (!field || (UNTRACEABLE.has(key) && !VICTIM_FIELDS.has(dimension))) {
      query = undefined;
      return;
    }
    const value = field === 'year' ? Number(key) : key;
    const existing = (query as Record<string, unknown>)[field];
    if (existing !== undefined && existing !== value && field !== 'act_type') {
      query = undefined;
      return;
    }
    query = { ...query, [field]: value } as FigureQuery;
  };
  apply(request.rows, row);
  apply(request.columns, column);
  if (query && (request.measure === 'acts' || request.measure === 'victims')) query.measure = request.measure;
  else if (query) query.measure = 'acts';
  return query;
}

function fieldOf(dimension: Dimension, request: CrossTabRequest): keyof FigureQuery | undefined {
  switch (dimension) {
    case 'act_type':
    case 'act_type_top':
      return 'act_type';
    case 'year':
      return request.dating === 'first-year' ? 'year' : undefined;
    case 'facility_type':
    case 'province':
    case 'law':
    case 'norm':
    case 'status':
    case 'victim_sex':
    case 'victim_age_group':
    case 'victim_province':
      return dimension;
    default:
      return undefined;
  }
}
