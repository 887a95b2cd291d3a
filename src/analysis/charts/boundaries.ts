// The shipped boundary file for the facility map (built by bench/_build-korea-map.ts).

import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon } from 'geojson';

export type CountryProperties = { code: string; en: string; ko: string };
export type Boundaries = FeatureCollection<MultiPolygon, CountryProperties> & { source: string };

let cached: Boundaries | null = null;

/** Natural Earth boundaries of the DPRK and its neighbours, read once from data/reference. */
export function koreaBoundaries(): Boundaries {
  cached ??= JSON.parse(
    readFileSync(new URL('../../../data/reference/korea-boundaries.json', import.meta.url), 'utf8'),
  ) as Boundaries;
  return cached;
}
