import { readFileSync } from 'node:fs';
import type { Facility } from '../domain/facility.ts';
import type { FacilityPoint } from './charts/index.ts';
import type { ProtectedTable } from './count-table.ts';
import type { CrossTab } from './cross-tab.ts';

type GazetteerFacility = {
  code: string;
  names: { en: string; ko?: string };
  location?: { lat: number; lon: number; precision: string };
};

let gazetteer: Map<string, GazetteerFacility> | undefined;

function gazetteerFacilities(): Map<string, GazetteerFacility> {
  gazetteer ??= new Map(
    (
      JSON.parse(readFileSync(new URL('../../data/reference/facilities.json', import.meta.url), 'utf8')) as {
        facilities: GazetteerFacility[];
      }
    ).facilities.map((f) => [f.code, f]),
  );
  return gazetteer;
}

/**
 * The map's points from a table by `facility` (places): gazetteer places at the gazetteer's
 * coordinates, other places at their record's location; places without a location are left out
 * (and counted). Counts come from the protected table when there is one (withheld → null).
 */
export function facilityPoints(
  table: CrossTab,
  published: ProtectedTable | undefined,
  facilities: ReadonlyMap<string, Facility>,
): { points: FacilityPoint[]; unplaced: number } {
  const points: FacilityPoint[] = [];
  let unplaced = 0;
  table.rows.forEach((row, i) => {
    const count = published ? (published.cells[i]?.[0] ?? null) : (table.cells[i]?.[0] ?? 0);
    const known = gazetteerFacilities().get(row.key);
    const record = facilities.get(row.key);
    const at = known?.location ?? record?.location?.point;
    if (!at) {
      if (row.key !== 'unknown') unplaced++;
      return;
    }
    points.push({
      code: row.key,
      label: known?.names.en ?? record?.name.en ?? record?.name.ko ?? row.key,
      label_ko: known?.names.ko ?? record?.name.ko,
      lat: at.lat,
      lon: at.lon,
      precision: at.precision,
      count,
    });
  });
  return { points, unplaced };
}
