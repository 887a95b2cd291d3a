/** One field that differs between two versions: its path (`sources[1].connection`) and both values. */
export type FieldChange = { path: string; before: unknown; after: unknown };

/** The field-level differences between two versions of a record, in a stable order. Pure. */
export function fieldDiff(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      changes.push(...fieldDiff(before[i], after[i], `${path}[${i}]`));
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => fieldDiff(a[key], b[key], path ? `${path}.${key}` : key));
  }
  return [{ path, before, after }];
}
