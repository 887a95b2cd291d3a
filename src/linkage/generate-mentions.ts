// A seeded generator of person mentions with known identities, for the linkage benchmark and tests:
// people with realistic Korean names (common-name collisions included), each mentioned in a skewed
// number of testimonies, every mention written its own way and missing what witnesses do not know.
import { readFileSync } from 'node:fs';
import { Random } from '../demo/random.ts';
import { drawGenName, type GenName, pickStyle, writeGenName } from './generate-names.ts';
import type { Mention } from './mention.ts';

type Place = { province: string; provinceForms: string[]; locality: string[] };
type FacilityForms = { code: string; forms: string[] };

const PROVINCES: Record<string, string[]> = {
  'NORTH-HAMGYONG': ['North Hamgyong', '함경북도', 'Hamgyŏng-bukto', 'N. Hamgyong', 'Hamgyongbuk-do', '함북'],
  'SOUTH-HAMGYONG': ['South Hamgyong', '함경남도', 'Hamgyŏng-namdo', 'S. Hamgyong', '함남'],
  RYANGGANG: ['Ryanggang', '양강도', '량강도', 'Yanggang', 'Ryanggang Province'],
  'NORTH-PYONGAN': ['North Pyongan', '평안북도', "P'yŏngan-bukto", 'North Phyongan', '평북'],
  'SOUTH-PYONGAN': ['South Pyongan', '평안남도', "P'yŏngan-namdo", 'South Phyongan', '평남'],
  CHAGANG: ['Chagang', '자강도', 'Jagang', 'Chagang-do'],
  KANGWON: ['Kangwon', '강원도', 'Gangwon (North)', 'Kangwŏn-do'],
  'NORTH-HWANGHAE': ['North Hwanghae', '황해북도', 'Hwanghae-bukto'],
  'SOUTH-HWANGHAE': ['South Hwanghae', '황해남도', 'Hwanghae-namdo'],
  PYONGYANG: ['Pyongyang', '평양', '평양시', "P'yŏngyang", 'Pyeongyang'],
};

// Towns people come from, [province, forms...]; border towns weigh more, as among escapees.
const TOWNS: [string, number, ...string[]][] = [
  ['NORTH-HAMGYONG', 6, 'Hoeryong', '회령', 'Hoeryŏng', 'Hoeryeong'],
  ['NORTH-HAMGYONG', 5, 'Musan', '무산', 'Musan-gun'],
  ['NORTH-HAMGYONG', 6, 'Chongjin', '청진', "Ch'ŏngjin", 'Cheongjin'],
  ['NORTH-HAMGYONG', 4, 'Onsong', '온성', 'Onsŏng', 'Onseong'],
  ['NORTH-HAMGYONG', 2, 'Kilju', '길주', 'Kilchu'],
  ['NORTH-HAMGYONG', 2, 'Kimchaek', '김책', "Kimch'aek"],
  ['RYANGGANG', 7, 'Hyesan', '혜산', 'Hyesan-si'],
  ['RYANGGANG', 2, 'Samjiyon', '삼지연', 'Samjiyŏn'],
  ['SOUTH-HAMGYONG', 3, 'Hamhung', '함흥', 'Hamhŭng', 'Hamheung'],
  ['SOUTH-HAMGYONG', 2, 'Tanchon', '단천', "Tanch'ŏn", 'Dancheon'],
  ['NORTH-PYONGAN', 3, 'Sinuiju', '신의주', 'Sinŭiju', 'Sinuiju-si'],
  ['SOUTH-PYONGAN', 2, 'Pyongsong', '평성', "P'yŏngsŏng"],
  ['SOUTH-PYONGAN', 2, 'Kaechon', '개천', "Kaech'ŏn"],
  ['CHAGANG', 2, 'Kanggye', '강계', 'Kanggye-si'],
  ['KANGWON', 2, 'Wonsan', '원산', 'Wŏnsan'],
  ['NORTH-HWANGHAE', 2, 'Sariwon', '사리원', 'Sariwŏn'],
  ['PYONGYANG', 3, 'Pyongyang', '평양'],
];

const PLACES: [Place, number][] = TOWNS.map(([province, weight, ...forms]) => [
  { province, provinceForms: PROVINCES[province] ?? [province], locality: forms },
  weight,
]);

function readFacilities(): FacilityForms[] {
  const url = new URL('../../data/reference/facilities.json', import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as {
    facilities: { code: string; names: { en: string; ko: string }; aliases: string[] }[];
  };
  return data.facilities.map((f) => ({ code: f.code, forms: [f.names.en, f.names.ko, ...f.aliases] }));
}

export type GeneratedMentions = {
  mentions: Mention[];
  /** Mention id → the true person's id. */
  person: Map<string, string>;
  persons: number;
};

export type GenerateOptions = {
  persons: number;
  seed?: number;
  /** Average people named per testimony (sets the number of sources). */
  perSource?: number;
};

/** How many testimonies mention one person: most once, some a few times, a few many times. */
function mentionCount(random: Random): number {
  const r = random.next();
  if (r < 0.5) return 1;
  if (r < 0.72) return 2;
  if (r < 0.84) return 3;
  if (r < 0.95) return random.int(4, 6);
  return random.int(7, 20);
}

type Person = {
  id: string;
  name: GenName;
  sex: 'M' | 'F';
  birthYear: number;
  place: Place;
  stays: { facility: FacilityForms; from: number; to: number }[];
};

function drawPerson(random: Random, k: number, facilities: FacilityForms[]): Person {
  const sex = random.chance(0.55) ? 'M' : 'F';
  const birthYear = Math.round(1940 + (55 * (random.next() + random.next())) / 2);
  const stays: Person['stays'] = [];
  let year = Math.max(birthYear + 17, 1985) + random.int(0, 20);
  const count = random.chance(0.3) ? 2 : 1;
  for (let s = 0; s < count; s++) {
    const from = Math.min(year, 2022);
    const to =
      from +
      random.weighted([
        [0, 3],
        [1, 4],
        [2, 3],
        [3, 2],
        [5, 1],
        [10, 0.5],
      ] as const);
    stays.push({ facility: random.pick(facilities), from, to });
    year = to + random.int(0, 3);
  }
  return {
    id: `P${k}`,
    name: drawGenName(random, sex),
    sex,
    birthYear,
    place: random.weighted(PLACES),
    stays,
  };
}

function writeMention(person: Person, id: string, source: string, random: Random): Mention {
  const m: Mention = { id, source };
  const style = pickStyle(random);
  if (!random.chance(0.01)) m.name = writeGenName(person.name, style, random);
  if (random.chance(0.15) && !style.startsWith('hangul'))
    m.name_ko = writeGenName(person.name, random.chance(0.5) ? 'hangul-north' : 'hangul-south', random);
  if (!random.chance(0.15)) m.sex = random.chance(0.003) ? (person.sex === 'M' ? 'F' : 'M') : person.sex;
  if (!random.chance(0.35)) {
    const r = random.next();
    m.birth_year = person.birthYear + (r < 0.72 ? 0 : r < 0.9 ? random.pick([-1, 1]) : random.int(-4, 4));
  }
  if (!random.chance(0.35)) {
    const place = person.place;
    const province = random.pick(place.provinceForms);
    const locality = random.pick(place.locality);
    const r = random.next();
    m.origin =
      r < 0.35
        ? province
        : r < 0.6
          ? /[가-힣]/.test(locality) && /[가-힣]/.test(province)
            ? `${province} ${locality}`
            : `${locality}, ${province}`
          : locality;
  }
  const stay = random.pick(person.stays);
  if (!random.chance(0.2)) m.facility = random.pick(stay.facility.forms);
  if (!random.chance(0.3)) {
    const jitter = () => (random.chance(0.75) ? 0 : random.pick([-1, 1]));
    const r = random.next();
    if (r < 0.6) {
      m.detained_from = stay.from + jitter();
      m.detained_to = Math.max(m.detained_from, stay.to + jitter());
    } else if (r < 0.85) m.detained_from = stay.from + jitter();
    else m.detained_to = stay.to + jitter();
  }
  return m;
}

/** Mentions of `persons` people, shuffled, with their true identities. Same seed, same output. */
export function generateMentions(options: GenerateOptions): GeneratedMentions {
  const random = new Random(options.seed ?? 1);
  const facilities = readFacilities();
  const people = Array.from({ length: options.persons }, (_, k) => drawPerson(random, k, facilities));
  const counts = people.map(() => mentionCount(random));
  const total = counts.reduce((a, b) => a + b, 0);
  const sourceCount = Math.max(1, Math.round(total / (options.perSource ?? 4)));
  const mentions: Mention[] = [];
  const person = new Map<string, string>();
  people.forEach((p, k) => {
    const used = new Set<number>();
    for (let c = 0; c < (counts[k] ?? 1); c++) {
      // A testimony names a person once, but now and then twice (1%).
      let source = random.int(0, sourceCount - 1);
      if (used.size > 0 && random.chance(0.01)) source = [...used][0] as number;
      else while (used.has(source) && used.size < sourceCount) source = random.int(0, sourceCount - 1);
      used.add(source);
      const id = `m${mentions.length}`;
      mentions.push(writeMention(p, id, `T${source}`, random));
      person.set(id, p.id);
    }
  });
  for (let i = mentions.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [mentions[i], mentions[j]] = [mentions[j] as Mention, mentions[i] as Mention];
  }
  return { mentions, person, persons: options.persons };
}
