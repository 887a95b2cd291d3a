import { z } from 'zod';
import { FigureQuery } from '../provenance/figure-query.ts';

/** The evidence a figure counts: every documented act, verified acts, or acts meeting a standard of proof. */
export const FigureBasis = z
  .string()
  .regex(
    /^(documented|verified|standard:[a-z][a-z0-9-]*)$/,
    'expected documented, verified or standard:LEVEL',
  );
export type FigureBasis = z.infer<typeof FigureBasis>;

/**
 * A figure a document inserts live: what `daylight stats` counts for the same filters, measure and
 * basis. Acts or distinct victims only, because those are the figures `daylight explain` can trace.
 */
export const FigureSpec = FigureQuery.omit({ standard: true, status: true }).extend({
  measure: z.enum(['acts', 'victims']).default('acts'),
  basis: FigureBasis.optional(),
});
export type FigureSpec = z.infer<typeof FigureSpec>;

/** Thrown when an inline figure tag cannot be read; `message` says what to change. */
export class FigureTagError extends Error {
  readonly id = 'figure-tag';
}

/**
 * Reads the inside of an inline tag, `measure=acts act_type=TORTURE year=2021 basis=verified`, into a
 * figure (values are checked by `FigureSpec`). Lists are comma-separated (`act_types=A,B`).
 */
export function parseFigureTag(body: string): FigureSpec {
  const input: Record<string, unknown> = {};
  for (const part of body.trim().split(/\s+/).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new FigureTagError(`"${part}": expected FIELD=VALUE`);
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (key in input) throw new FigureTagError(`${key} given twice`);
    input[key] = key === 'act_types' ? value.split(',') : value;
  }
  const parsed = FigureSpec.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new FigureTagError(`${issue?.path.join('.') || 'figure'}: ${issue?.message}`);
}
