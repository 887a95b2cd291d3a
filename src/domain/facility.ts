import { z } from 'zod';
import { recordMeta } from './record-meta.ts';
import { BilingualText } from './text.ts';
import { codeOf } from './vocabulary.ts';

export const LOCATION_PRECISIONS = ['exact', 'approximate', 'city', 'county', 'province', 'unknown'] as const;

/** Where a place is, and how precisely that is known. */
export const Location = z.strictObject({
  province: codeOf('provinces').optional(),
  county: BilingualText.optional(),
  point: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      precision: z.enum(LOCATION_PRECISIONS),
      radius_km: z.number().positive().optional(),
    })
    .optional(),
});

/** A place of detention: kwanliso, kyohwaso, labour-training camp, holding centre, guryujang … */
export const Facility = z.strictObject({
  type: z.literal('facility'),
  ...recordMeta,
  name: BilingualText,
  aliases: z.array(z.string().min(1)).default([]),
  facility_type: codeOf('facility-types'),
  agency: codeOf('agencies').optional(),
  location: Location.optional(),
  operating: z.strictObject({ from: z.int().nullable(), to: z.int().nullable() }).optional(),
  gazetteer: z.string().optional(),
  reference: z.string().optional(),
});
export type Facility = z.infer<typeof Facility>;
