// Writes example charts and maps to artifacts/charts/ (gitignored) for a person to look at. The counts
// are made up for illustration. Run:
//   node --disable-warning=ExperimentalWarning bench/_chart-examples.ts

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  barChart,
  type FacilityPoint,
  facilityMap,
  type LineSeries,
  lineChart,
  rateSeries,
} from '../src/analysis/charts/index.ts';
import type { ProtectedTable } from '../src/analysis/count-table.ts';

const out = new URL('../artifacts/charts/', import.meta.url);
mkdirSync(out, { recursive: true });
const write = (name: string, svg: string) => {
  writeFileSync(new URL(name, out), svg);
  console.log(`${new URL(name, out).pathname} (${svg.length} bytes)`);
};

const years = ['2017', '2018', '2019', '2020', '2021', '2022', '2023'];
const byYearAndType: ProtectedTable = {
  title: 'Acts recorded by year and facility type (illustrative)',
  rows: years.map((y) => ({ key: y, label: y })),
  columns: [
    { key: 'KWANLISO', label: 'Political prison camp', label_ko: '관리소' },
    { key: 'KYOHWASO', label: 'Reform-through-labour camp', label_ko: '교화소' },
    { key: 'GURYUJANG', label: 'Interrogation detention centre', label_ko: '구류장' },
  ],
  cells: [
    [12, 30, 21],
    [null, 18, null],
    [25, 40, 33],
    [9, null, null],
    [40, 66, 71],
    [31, 42, 50],
    [14, 22, 19],
  ],
  rowTotals: [63, 24, 98, 15, 177, 123, 55],
  columnTotals: [135, 221, 197],
  total: 553,
  threshold: 5,
  suppressed: [
    { row: 1, column: 0, reason: 'primary' },
    { row: 1, column: 2, reason: 'complementary' },
    { row: 3, column: 1, reason: 'primary' },
    { row: 3, column: 2, reason: 'complementary' },
  ],
};
write('acts-by-year-and-type.svg', barChart(byYearAndType, { valueLabel: 'Acts' }));
write(
  'acts-by-year-and-type-stacked-ko.svg',
  barChart(byYearAndType, {
    mode: 'stacked',
    lang: 'ko',
    title: '연도별·시설 유형별 기록된 행위 (예시)',
    valueLabel: '행위',
  }),
);

const actsValues = [31, 44, 52, 38, null, 63, 95, 88, 120, 134, 97, 70, null, 58];
const acts: LineSeries = {
  key: 'acts',
  label: 'Acts recorded',
  label_ko: '기록된 행위',
  values: actsValues.map((value, i) => ({ year: 2010 + i, value })),
};
const interviews: LineSeries = {
  key: 'interviews',
  label: 'Interviews held',
  label_ko: '면담 수',
  values: [12, 15, 18, 20, 19, 25, 31, 30, 36, 40, 28, 22, 15, 20].map((value, i) => ({
    year: 2010 + i,
    value,
  })),
};
const marker = {
  date: '2020-12-04',
  label: 'Reactionary Ideology and Culture Rejection Act',
  label_ko: '반동사상문화배격법 채택',
};
write(
  'acts-by-year.svg',
  lineChart([acts], {
    title: 'Acts recorded by year, and the documentation effort (illustrative)',
    valueLabel: 'Acts',
    marker,
    secondary: { series: interviews, valueLabel: 'Interviews' },
  }),
);
write(
  'acts-per-interview-ko.svg',
  lineChart(
    [rateSeries(acts, interviews, { key: 'rate', label: 'Acts per interview', label_ko: '면담당 행위' })],
    {
      title: '면담당 기록된 행위 (예시)',
      lang: 'ko',
      marker,
      format: (n) => n.toFixed(1),
    },
  ),
);

type Entry = {
  code: string;
  names: { en: string; ko: string };
  location: { lat: number; lon: number; precision: string };
};
const gazetteer: Entry[] = JSON.parse(
  readFileSync(new URL('../data/reference/facilities.json', import.meta.url), 'utf8'),
).facilities;
const counts: Record<string, number | null> = {
  'KWANLISO-14': 88,
  'KWANLISO-15': 120,
  'KWANLISO-16': 12,
  'KWANLISO-25': 35,
  'KYOHWASO-1': 64,
  'KYOHWASO-12': 77,
  'KYOHWASO-4': null,
  'KYOHWASO-SUNCHON': 18,
  'GURYUJANG-MSS-ONSONG': 41,
  'GURYUJANG-MSS-MUSAN': 9,
  'GURYUJANG-MSS-HYESAN': 52,
  'GURYUJANG-MSS-SINUIJU': 30,
  'GURYUJANG-MSOS-HYESAN': 15,
  'JIPKYULSO-NONGPO': 26,
  'JIPKYULSO-SINUIJU': null,
};
const points: FacilityPoint[] = gazetteer
  .filter((f) => f.code in counts)
  .map((f) => ({
    code: f.code,
    label: f.names.en,
    label_ko: f.names.ko,
    lat: f.location.lat,
    lon: f.location.lon,
    precision: f.location.precision,
    count: counts[f.code] ?? null,
  }));
write(
  'facility-map.svg',
  facilityMap(points, {
    title: 'Acts recorded by facility (illustrative)',
    countLabel: 'Acts recorded',
    threshold: 5,
  }),
);
write(
  'facility-map-ko.svg',
  facilityMap(points, {
    title: '시설별 기록된 행위 (예시)',
    lang: 'ko',
    countLabel: '기록된 행위',
    threshold: 5,
  }),
);
