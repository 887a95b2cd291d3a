/**
 * The fields compared for every candidate pair and their comparison levels, worst first. A pair's
 * levels are packed into one integer (its comparison pattern), each field a digit whose base is its
 * level count plus one: the extra digit value means "missing on either side", which weighs nothing.
 */
export const FIELDS = [
  { name: 'name', levels: ['different', 'similar (≥ 0.8)', 'close (≥ 0.92)', 'same key'] },
  { name: 'birth_year', levels: ['more than 4 apart', '2–4 apart', '1 apart', 'same'] },
  { name: 'sex', levels: ['different', 'same'] },
  {
    name: 'origin',
    levels: ['different province', 'same province, different locality', 'same province', 'same locality'],
  },
  {
    // Where and when, as one field: a person held in two places is named at each by different
    // witnesses, and "other facility" and "other years" are then one fact, not two to count twice.
    name: 'detention',
    levels: [
      'other facility, years apart',
      'other facility, years unknown',
      'other facility, adjacent years',
      'other facility, overlapping years',
      'facility unknown, years apart',
      'facility unknown, adjacent years',
      'facility unknown, overlapping years',
      'same facility, years apart',
      'same facility, years unknown',
      'same facility, adjacent years',
      'same facility, overlapping years',
    ],
  },
  { name: 'source', levels: ['same source', 'different sources'] },
] as const;

export type FieldName = (typeof FIELDS)[number]['name'];

export const FIELD_COUNT = FIELDS.length;
/** Levels per field, without "missing". */
export const LEVEL_COUNTS: readonly number[] = FIELDS.map((f) => f.levels.length);
/** The place value of each field's digit in a pattern. */
export const STRIDES: readonly number[] = (() => {
  const strides: number[] = [];
  let stride = 1;
  for (const levels of LEVEL_COUNTS) {
    strides.push(stride);
    stride *= levels + 1;
  }
  return strides;
})();
/** How many distinct patterns there are. */
export const PATTERN_COUNT =
  (STRIDES[FIELD_COUNT - 1] as number) * ((LEVEL_COUNTS[FIELD_COUNT - 1] as number) + 1);

/** Index of the name field and its "same key" level, which the term-frequency adjustment refines. */
export const NAME_FIELD = 0;
export const NAME_EXACT = 3;

/** Field `f`'s level in pattern `p`; equal to LEVEL_COUNTS[f] when missing. */
export function levelOf(pattern: number, f: number): number {
  return Math.floor(pattern / (STRIDES[f] as number)) % ((LEVEL_COUNTS[f] as number) + 1);
}

/** A pattern from its levels (`undefined` for missing). */
export function patternOf(levels: readonly (number | undefined)[]): number {
  let p = 0;
  for (let f = 0; f < FIELD_COUNT; f++)
    p += (levels[f] ?? (LEVEL_COUNTS[f] as number)) * (STRIDES[f] as number);
  return p;
}
