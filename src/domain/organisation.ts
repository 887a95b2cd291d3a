import { z } from 'zod';
import { recordMeta } from './record-meta.ts';
import { BilingualText } from './text.ts';

/**
 * A documenting organisation and its interview programmes. Sources name both, and the estimation
 * issue treats each programme as one list whose overlap with the others reveals the undocumented.
 */
export const Organisation = z.strictObject({
  type: z.literal('organisation'),
  ...recordMeta,
  name: BilingualText,
  programmes: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'expected an upper-case code'),
        name: BilingualText,
        period: z.strictObject({ from: z.int().optional(), to: z.int().optional() }).optional(),
      }),
    )
    .default([]),
});
export type Organisation = z.infer<typeof Organisation>;
