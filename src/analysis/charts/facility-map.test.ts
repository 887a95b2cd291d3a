import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { koreaBoundaries } from './boundaries.ts';
import { type FacilityPoint, facilityMap } from './facility-map.ts';
import { byClass, byTag, numAttr, parseSvg, textOf } from './svg-test-kit.ts';

type GazetteerEntry = {
  code: string;
  names: { en: string; ko: string };
  location: { lat: number; lon: number; precision: string };
};
const gazetteer: GazetteerEntry[] = JSON.parse(
  readFileSync(new URL('../../../data/reference/facilities.json', import.meta.url), 'utf8'),
).facilities;

/** Every gazetteer facility, with made-up counts; every fifth withheld. */
const points: FacilityPoint[] = gazetteer.map((f, i) => ({
  code: f.code,
  label: f.names.en,
  label_ko: f.names.ko,
  lat: f.location.lat,
  lon: f.location.lon,
  precision: f.location.precision,
  count: i % 5 === 4 ? null : 10 + ((i * 37) % 90),
}));

function bbox(d: string) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const m of d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
    xs.push(Number(m[1]));
    ys.push(Number(m[2]));
  }
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

describe('facilityMap', () => {
  const svg = facilityMap(points, { title: 'Acts by facility', countLabel: 'Acts recorded', threshold: 5 });
  const doc = parseSvg(svg);
  const frame = byClass(doc, 'rect', 'frame')[0];
  const fx0 = numAttr(frame, 'x');
  const fy0 = numAttr(frame, 'y');
  const fx1 = fx0 + numAttr(frame, 'width');
  const fy1 = fy0 + numAttr(frame, 'height');

  it('draws the DPRK and its neighbours from the shipped Natural Earth extract', () => {
    const dprk = byClass(doc, 'path', 'dprk');
    assert.equal(dprk.length, 1);
    const codes = byClass(doc, 'path', 'country').map((p) => p.getAttribute('data-code'));
    for (const c of ['PRK', 'KOR', 'CHN', 'RUS']) assert.ok(codes.includes(c), `${c} drawn`);
    const box = bbox(dprk[0]?.getAttribute('d') ?? '');
    // The DPRK fills most of the default frame, but not all of it (a ring wound the wrong way would).
    assert.ok(box.x0 > fx0 && box.x1 < fx1 && box.y0 > fy0 && box.y1 < fy1, 'DPRK inside the frame');
    assert.ok((box.x1 - box.x0) / (fx1 - fx0) > 0.6, 'and spans most of it');
    assert.match(koreaBoundaries().source, /Natural Earth.*world-atlas 2\.0\.2/);
  });

  it('draws one circle per facility with a count, area proportional to the count', () => {
    const circles = byClass(doc, 'circle', 'facility');
    const counted = points.filter((p) => p.count !== null);
    assert.equal(circles.length, counted.length);
    const byCode = new Map(circles.map((c) => [c.getAttribute('data-code'), c]));
    const [a, b] = [counted[0] as FacilityPoint, counted[1] as FacilityPoint];
    const ra = numAttr(byCode.get(a.code), 'r');
    const rb = numAttr(byCode.get(b.code), 'r');
    assert.ok(
      Math.abs((ra * ra) / (rb * rb) - (a.count as number) / (b.count as number)) < 0.02,
      'area ∝ count',
    );
    for (const c of circles) {
      const precision = points.find((p) => p.code === c.getAttribute('data-code'))?.precision;
      assert.equal(c.getAttribute('stroke-dasharray') === null, precision === 'exact', 'dashed unless exact');
    }
  });

  it('places every facility inside the frame and inside the DPRK outline’s box', () => {
    const box = bbox(byClass(doc, 'path', 'dprk')[0]?.getAttribute('d') ?? '');
    const marks = [
      ...byClass(doc, 'circle', 'facility').map((c) => [numAttr(c, 'cx'), numAttr(c, 'cy')]),
      ...byClass(doc, 'path', 'facility-withheld').map((p) => {
        const b = bbox(p.getAttribute('d') ?? '');
        return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
      }),
    ];
    assert.equal(marks.length, points.length);
    for (const [x, y] of marks as [number, number][]) {
      assert.ok(x > fx0 && x < fx1 && y > fy0 && y < fy1, 'inside the frame');
      assert.ok(x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1, 'inside the DPRK box');
    }
    // North is up: Onsong (43.0°N) is above Kangdong (39.0°N); east is right: Jongo-ri (Hoeryong) right of Sinuiju.
    const at = (code: string) =>
      byClass(doc, 'circle', 'facility').find((c) => c.getAttribute('data-code') === code);
    assert.ok(numAttr(at('GURYUJANG-MSS-ONSONG'), 'cy') < numAttr(at('KYOHWASO-4'), 'cy'));
    assert.ok(numAttr(at('KYOHWASO-12'), 'cx') > numAttr(at('KYOHWASO-3'), 'cx'));
  });

  it('draws withheld counts as a fixed mark with no size, and says so in the legend', () => {
    const withheld = byClass(doc, 'path', 'facility-withheld');
    assert.equal(withheld.length, points.filter((p) => p.count === null).length);
    const sizes = withheld.map((p) => {
      const b = bbox(p.getAttribute('d') ?? '');
      return b.x1 - b.x0;
    });
    assert.ok(sizes.every((s) => s === sizes[0]));
    assert.ok(withheld.every((p) => textOf(byTag(p, 'title')[0]).endsWith(': < 5')));
    assert.ok(byClass(doc, 'g', 'legend').some((g) => textOf(g).includes('< 5')));
  });

  it('labels the largest, has a size legend and a scale bar, and describes itself', () => {
    const labels = byClass(doc, 'text', 'facility-label');
    assert.ok(labels.length >= 3 && labels.length <= 6);
    const largest = [...points].sort((a, b) => (b.count ?? 0) - (a.count ?? 0))[0] as FacilityPoint;
    assert.ok(
      labels.some((l) => l.getAttribute('data-code') === largest.code),
      'the largest is labelled',
    );
    assert.ok(byClass(doc, 'circle', 'legend-size').length >= 2);
    assert.match(textOf(byClass(doc, 'g', 'scale-bar')[0]), /100 km/);
    assert.match(
      textOf(byTag(doc, 'desc')[0]),
      /^Acts by facility: 18 facilities with counts, 4 withheld; largest /,
    );
  });

  it('leaves out facilities outside the frame and writes Korean', () => {
    const outside: FacilityPoint = {
      code: 'X',
      label: 'Beijing',
      lat: 39.9,
      lon: 116.4,
      precision: 'city',
      count: 50,
    };
    const ko = facilityMap([...points, outside], { title: '시설별 행위', lang: 'ko', threshold: 5 });
    const kdoc = parseSvg(ko);
    assert.equal(byClass(kdoc, 'circle', 'facility').length, 18);
    assert.match(textOf(byTag(kdoc, 'desc')[0]), /1곳 지도 범위 밖/);
    assert.match(ko, /관리소/);
    assert.match(ko, /5 미만/);
    assert.match(ko, />북한</);
    assert.doesNotMatch(ko, /Political Prison Camp/);
  });

  it('draws a map with no facilities', () => {
    const empty = facilityMap([], { title: 'None' });
    assert.equal(byClass(parseSvg(empty), 'circle', 'facility').length, 0);
    assert.doesNotMatch(empty, /NaN|Infinity/);
  });

  it('escapes labels and is deterministic', () => {
    const nasty = [{ ...(points[0] as FacilityPoint), label: 'Camp <14> & "Kaechon"' }];
    const one = facilityMap(nasty, { title: 'T & <t>' });
    const d = parseSvg(one);
    assert.equal(
      textOf(byTag(byClass(d, 'circle', 'facility')[0] as never, 'title')[0]).startsWith(
        'Camp <14> & "Kaechon"',
      ),
      true,
    );
    assert.equal(one, facilityMap(nasty, { title: 'T & <t>' }));
    assert.equal(
      svg,
      facilityMap(points, { title: 'Acts by facility', countLabel: 'Acts recorded', threshold: 5 }),
    );
  });
});
