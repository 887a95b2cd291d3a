import type { BilingualText } from '../domain/text.ts';

// Free text can be marked `sensitive: true` (any BilingualText: an act's description, a source's
// summary, a step's note…) when it would identify someone. Marked text is treated like an
// identifying field: encrypted at rest, searchable only by those who may see identifying fields,
// and withheld from everyone else and from anonymised releases.

type Path = (string | number)[];

/** One piece of sensitive text and where it sits in the record. */
export type SensitiveText = { path: Path; text: BilingualText };

/** What replaces withheld text, so that required fields stay valid and readers see it was withheld. */
export const WITHHELD: BilingualText = { en: '[withheld]', ko: '[비공개]' };

function isSensitiveText(value: unknown): value is BilingualText {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as BilingualText).sensitive === true
  );
}

/** Every sensitive text of a record, with its path (outermost first). */
export function findSensitiveTexts(value: unknown, path: Path = []): SensitiveText[] {
  if (isSensitiveText(value)) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => findSensitiveTexts(item, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, inner]) => findSensitiveTexts(inner, [...path, key]));
  return [];
}

/** A copy of the record with the text at each path replaced. */
export function replaceTexts<T>(record: T, paths: readonly Path[], replacement: (path: Path) => unknown): T {
  if (paths.length === 0) return record;
  const copy = structuredClone(record) as Record<string | number, unknown>;
  for (const path of paths) {
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path.at(-1) as string | number] = replacement(path);
  }
  return copy as T;
}

/** The record with every sensitive text replaced by `WITHHELD` (for viewers and releases without the right). */
export function withholdSensitiveTexts<T>(record: T): T {
  return replaceTexts(
    record,
    findSensitiveTexts(record).map((t) => t.path),
    () => WITHHELD,
  );
}
