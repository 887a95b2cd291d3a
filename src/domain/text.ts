import { z } from 'zod';

/** Free text in Korean and/or English; one record carries both languages, never two copies. */
export const BilingualText = z
  .strictObject({
    en: z.string().min(1).optional(),
    ko: z.string().min(1).optional(),
    /** Would identify someone: encrypted at rest and withheld like a name (see docs/access.md). */
    sensitive: z.literal(true).optional(),
  })
  .refine((text) => text.en !== undefined || text.ko !== undefined, 'give the text in English or Korean');
export type BilingualText = z.infer<typeof BilingualText>;

/** A stable record id: letters, digits and `._:-`, starting with a letter or digit. */
export const RecordId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'expected letters, digits and . _ : - (at most 128)');
export type RecordId = z.infer<typeof RecordId>;

/** Who did something: a user name or a system actor such as `import` or `demo`. */
export const Actor = z.string().min(1).max(200);

/** An instant, ISO 8601 with a time zone. */
export const Timestamp = z.iso.datetime({ offset: true });
