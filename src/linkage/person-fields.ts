import { type Features, facilityKey } from './features.ts';
import { baseOf, categoricalEpsilon, fitYearNoise } from './latent-fields.ts';
import type { LatentField } from './profile-evidence.ts';

/** The fields clustering compares per person (their index in FIELDS): birth year, sex, origin. */
export const PERSON_FIELD_INDEX = [1, 2, 3];
/** The detention field: its facility is compared per person, its years stay pairwise. */
export const DETENTION_FIELD = 4;

const share = (row: readonly number[], levels: readonly number[]) => {
  const total = row.reduce((a, b) => a + b, 0);
  return levels.reduce((a, l) => a + (row[l] as number), 0) / (total || 1);
};

/**
 * Birth year, sex, province and locality as latent person-level fields, their noise read off the
 * pairwise model's m (how often two mentions of one person agree) and u (unrelated values), their
 * base distributions off the mentions. The locality's base is conditional on its province, so
 * that agreeing on both counts the locality once.
 */
export function personFields(
  f: Features,
  m: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
): LatentField[] {
  const fields: LatentField[] = [];
  const n = f.count;

  // Birth year: kernel and ε fitted to the four levels' m.
  let first = 3000;
  let last = 0;
  for (let i = 0; i < n; i++) {
    const y = f.birthYear[i] as number;
    if (y === 0) continue;
    if (y < first) first = y;
    if (y > last) last = y;
  }
  if (last >= first) {
    first -= 4;
    last += 4;
    const year = Int32Array.from(f.birthYear, (y) => (y === 0 ? -1 : y - first));
    const base = baseOf(year, last - first + 1);
    const noise = fitYearNoise(m[1] as number[], u[1] as number[]);
    fields.push({
      model: { kind: 'year', epsilon: noise.epsilon, kernel: noise.kernel, base },
      value: year,
    });
  }

  // Sex.
  const sex = Int32Array.from(f.sex, (s) => s - 1);
  const sexBase = baseOf(sex, 2);
  fields.push({
    model: {
      kind: 'categorical',
      epsilon: categoricalEpsilon(share(m[2] as number[], [1]), sexBase),
      base: sexBase,
    },
    value: sex,
  });

  // Origin: province (given or implied by a known locality), then locality given its province.
  let places = 0;
  for (let i = 0; i < n; i++)
    places = Math.max(places, (f.province[i] as number) + 1, (f.locality[i] as number) + 1);
  const provinceBase = baseOf(f.province, places);
  const origin = m[3] as number[];
  const provinceEpsilon = categoricalEpsilon(1 - share(origin, [0]), provinceBase);
  fields.push({
    model: { kind: 'categorical', epsilon: provinceEpsilon, base: provinceBase },
    value: f.province,
  });
  const localityBase = baseOf(f.locality, places);
  // The province most often named with each locality.
  const seen = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) {
    const l = f.locality[i] as number;
    const p = f.province[i] as number;
    if (l < 0 || p < 0) continue;
    const counts = seen.get(l) ?? new Map<number, number>();
    counts.set(p, (counts.get(p) ?? 0) + 1);
    seen.set(l, counts);
  }
  const inProvince = new Map<number, number>();
  const provinceOf = new Map<number, number>();
  for (const [l, counts] of seen) {
    const p = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    provinceOf.set(l, p);
    inProvince.set(p, (inProvince.get(p) ?? 0) + (localityBase[l] as number));
  }
  const conditional = Float64Array.from(localityBase, (q, l) => {
    const p = provinceOf.get(l);
    return p === undefined ? q : Math.min(1, q / (inProvince.get(p) as number));
  });
  // A wrong origin is wrong in its locality too: the locality's ε is at least the province's (its
  // own m counts only disagreements within one province).
  const sameLocality = share(origin, [3]) / Math.max(1e-9, share(origin, [1, 3]));
  const localityEpsilon = Math.max(categoricalEpsilon(sameLocality, conditional), provinceEpsilon);
  fields.push({
    model: { kind: 'categorical', epsilon: localityEpsilon, base: conditional },
    value: f.locality,
  });
  fields.push(staysField(f, m[4] as number[]));
  return fields;
}

/**
 * Facilities as a person's stays. ε from pairs whose years meet (mostly one stay): A₁ = m(same
 * facility, adjacent or overlapping years) / m(adjacent or overlapping years, facility known); the
 * share of people held twice from the overall agreement A = (1 − π₂/2)·A₁ + (π₂/2)·A₀, A₀ the
 * chance agreement.
 */
function staysField(f: Features, detention: readonly number[]): LatentField {
  const canonical = new Map<string, number>();
  const ids = f.facilities.map((x) => {
    const key = facilityKey(x);
    let id = canonical.get(key);
    if (id === undefined) {
      id = canonical.size;
      canonical.set(key, id);
    }
    return id;
  });
  const value = Int32Array.from(f.facility, (x) => (x < 0 ? -1 : (ids[x] as number)));
  const base = baseOf(value, Math.max(1, canonical.size));
  let chance = 0;
  for (const q of base) chance += q * q;
  const sameStay = share(detention, [9, 10]) / Math.max(1e-9, share(detention, [2, 3, 9, 10]));
  const overall =
    share(detention, [7, 8, 9, 10]) / Math.max(1e-9, share(detention, [0, 1, 2, 3, 7, 8, 9, 10]));
  const twoStays = Math.min(
    0.9,
    Math.max(0.01, (2 * (sameStay - overall)) / Math.max(1e-9, sameStay - chance)),
  );
  return {
    model: { kind: 'stays', epsilon: categoricalEpsilon(sameStay, base), twoStays, base },
    value,
  };
}

/**
 * What the detention years add to the facility, for clustering on stays: the level's weight less
 * that of the same facility level with the years unknown (levels as in FIELDS: other facility 0–3,
 * facility unknown 4–6, same facility 7–10); NaN when the years are unknown on either side.
 */
export function timeWeight(weights: readonly number[], level: number): number {
  switch (level) {
    case 0:
    case 2:
    case 3:
      return (weights[level] as number) - (weights[1] as number);
    case 4:
    case 5:
    case 6:
      return weights[level] as number;
    case 7:
    case 9:
    case 10:
      return (weights[level] as number) - (weights[8] as number);
    default:
      return Number.NaN;
  }
}
