import { readFileSync } from 'node:fs';
import type { Facility } from '../domain/facility.ts';
import type { Organisation } from '../domain/organisation.ts';
import { REFERENCE_DIR } from '../domain/vocabulary.ts';
import { CODES } from './demo-codes.ts';

/** An interview programme of a fictional organisation, with how likely it is to reach a survivor. */
export type DemoProgramme = {
  organisation: string;
  code: string;
  /** Chance of interviewing a given survivor (times that survivor's own reachability). */
  rate: number;
  from: number;
  to: number;
  place: { en: string; ko: string };
};

const SEED_TIME = '2026-01-05T00:00:00.000Z';
const meta = (id: string) => ({
  id,
  version: 1,
  created_at: SEED_TIME,
  created_by: 'demo',
  updated_at: SEED_TIME,
  updated_by: 'demo',
  status: 'verified' as const,
  confidentiality: 'public' as const,
});

function organisation(
  id: string,
  name: { en: string; ko: string },
  programmes: Omit<DemoProgramme, 'organisation'>[],
): { record: Organisation; programmes: DemoProgramme[] } {
  return {
    record: {
      type: 'organisation',
      ...meta(id),
      name,
      programmes: programmes.map((p) => ({
        code: p.code,
        name: { en: `${p.place.en} programme`, ko: `${p.place.ko} 프로그램` },
        period: { from: p.from, to: p.to },
      })),
    },
    programmes: programmes.map((p) => ({ ...p, organisation: id })),
  };
}

/** Three fictional organisations whose five programmes reach overlapping sets of survivors. */
export const DEMO_ORGANISATIONS = [
  organisation('O-DAWN', { en: 'Dawn Documentation Centre (fictional)', ko: '새벽기록센터 (가상)' }, [
    { code: 'SEOUL', rate: 0.4, from: 2003, to: 2026, place: { en: 'Seoul', ko: '서울' } },
    { code: 'LONDON', rate: 0.08, from: 2012, to: 2026, place: { en: 'London', ko: '런던' } },
  ]),
  organisation('O-BRIDGE', { en: 'Bridge Justice Network (fictional)', ko: '다리정의네트워크 (가상)' }, [
    { code: 'JUSTICE', rate: 0.25, from: 2008, to: 2026, place: { en: 'Seoul', ko: '서울' } },
  ]),
  organisation('O-RIVER', { en: 'River Witness Project (fictional)', ko: '강증언프로젝트 (가상)' }, [
    { code: 'BORDER', rate: 0.18, from: 2002, to: 2019, place: { en: 'Yanji (China)', ko: '연길(중국)' } },
    { code: 'ONLINE', rate: 0.12, from: 2016, to: 2026, place: { en: 'Remote interview', ko: '원격 면담' } },
  ]),
];

type GazetteerEntry = {
  code: string;
  names: { en: string; ko: string };
  aliases?: string[];
  type: string;
  agency?: string;
  province?: string;
  county?: { en: string; ko: string };
  location?: { lat: number; lon: number; precision: string; radius_km?: number };
  operating?: { from: number | null; to: number | null };
  source: string;
};

/** The shipped gazetteer's facilities as records, plus fictional entries for any type it lacks. */
export function demoFacilities(): Facility[] {
  const gazetteer = JSON.parse(readFileSync(new URL('facilities.json', REFERENCE_DIR), 'utf8')) as {
    facilities: GazetteerEntry[];
  };
  const records: Facility[] = gazetteer.facilities.map((entry) => ({
    type: 'facility',
    ...meta(`F-${entry.code}`),
    name: entry.names,
    aliases: entry.aliases ?? [],
    facility_type: entry.type,
    agency: entry.agency,
    location: {
      province: entry.province,
      county: entry.county,
      point: entry.location
        ? {
            lat: entry.location.lat,
            lon: entry.location.lon,
            precision: entry.location.precision as 'approximate',
            radius_km: entry.location.radius_km,
          }
        : undefined,
    },
    operating: entry.operating ? { from: entry.operating.from, to: entry.operating.to } : undefined,
    gazetteer: entry.code,
    reference: entry.source,
  }));
  const fictional: [string, string, string, string][] = [
    [
      CODES.facilityType.mss,
      CODES.agency.mss,
      'State Security detention centre, Hyesan (fictional demo entry)',
      '혜산 보위부 구류장 (가상)',
    ],
    [
      CODES.facilityType.msos,
      CODES.agency.msos,
      'Social Security detention centre, Onsong (fictional demo entry)',
      '온성 안전부 구류장 (가상)',
    ],
    [
      CODES.facilityType.labour,
      CODES.agency.msos,
      'Labour-training camp, Musan (fictional demo entry)',
      '무산 노동단련대 (가상)',
    ],
    [
      CODES.facilityType.jipkyulso,
      CODES.agency.msos,
      'Holding centre, Hoeryong (fictional demo entry)',
      '회령 집결소 (가상)',
    ],
  ];
  for (const [type, agency, en, ko] of fictional) {
    if (records.some((f) => f.facility_type === type)) continue;
    records.push({
      type: 'facility',
      ...meta(`F-DEMO-${type}`),
      name: { en, ko },
      aliases: [],
      facility_type: type,
      agency,
    });
  }
  return records;
}
