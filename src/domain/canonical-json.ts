/**
 * JSON with object keys sorted (`type` and `id` first, then alphabetical) at every level, so that equal records give equal strings:
 * the store compares and exports records in this form.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(byKeyOrder)) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner !== undefined) sorted[key] = sortKeys(inner);
    }
    return sorted;
  }
  return value;
}

function byKeyOrder(a: string, b: string): number {
  const rank = (key: string) => (key === 'type' ? 0 : key === 'id' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
