import { z } from 'zod';

/**
 * One mention of a person in one testimony or document: what the linkage engine compares. Every
 * field but `id` may be missing; a missing field is neutral evidence, never disagreement.
 */
export const Mention = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  name_ko: z.string().optional(),
  sex: z.enum(['M', 'F']).optional(),
  birth_year: z.number().int().optional(),
  origin: z.string().optional(),
  source: z.string().optional(),
  facility: z.string().optional(),
  detained_from: z.number().int().optional(),
  detained_to: z.number().int().optional(),
});
export type Mention = z.infer<typeof Mention>;

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

/** null and blank text are "not known". */
function absent(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

const text = z.preprocess(
  (v) => (typeof absent(v) === 'string' ? (v as string).trim() : absent(v)),
  z.string({ error: 'expected text' }).max(500, 'longer than 500 characters').optional(),
);

/** 1975, "1975", "around 1975", "c. 1975", "ca 1975", "1975?", "~1975". */
const year = z.preprocess((v) => {
  const value = absent(v);
  if (typeof value !== 'string') return value;
  const match =
    /^\s*(?:(?:around|about|approx\.?|approximately|circa|ca\.?|c\.)\s*|~\s*)?(\d{4})\s*\??\s*$/i.exec(value);
  return match ? Number(match[1]) : value;
}, z
  .number({ error: 'expected a year such as 1975, "1975", "around 1975" or "1975?"' })
  .int('expected a whole year')
  .min(YEAR_MIN, `expected a year from ${YEAR_MIN}`)
  .max(YEAR_MAX, `expected a year up to ${YEAR_MAX}`)
  .optional());

const SEX_WORDS: Record<string, 'M' | 'F'> = {
  m: 'M',
  male: 'M',
  man: 'M',
  남: 'M',
  남자: 'M',
  남성: 'M',
  f: 'F',
  female: 'F',
  woman: 'F',
  여: 'F',
  여자: 'F',
  여성: 'F',
};

const sex = z.preprocess((v) => {
  const value = absent(v);
  return typeof value === 'string' ? (SEX_WORDS[value.trim().toLowerCase()] ?? value) : value;
}, z.enum(['M', 'F'], { error: 'expected M or F (also male/female, 남/여)' }).optional());

/** One input line of `daylight link`: lenient about how a field is written, strict about what it means. */
export const MentionLine = z
  .object({
    id: z.preprocess(
      (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v),
      z.string({ error: 'expected a non-empty text id' }).trim().min(1, 'expected a non-empty text id'),
    ),
    name: text,
    name_ko: text,
    sex,
    birth_year: year,
    origin: text,
    source: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text),
    facility: text,
    detained_from: year,
    detained_to: year,
  })
  .refine(
    (m) => m.detained_from === undefined || m.detained_to === undefined || m.detained_from <= m.detained_to,
    { message: 'detained_to is before detained_from', path: ['detained_to'] },
  );
export type MentionLine = z.infer<typeof MentionLine>;
