import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateToYear, type LineSeries, lineChart } from './line-chart.ts';
import { byClass, byTag, numAttr, parseSvg, textOf } from './svg-test-kit.ts';

const acts: LineSeries = {
  key: 'acts',
  label: 'Acts',
  label_ko: '행위',
  values: [
    { year: 2016, value: 40 },
    { year: 2017, value: 60 },
    { year: 2018, value: null },
    { year: 2019, value: 80 },
    { year: 2020, value: 20 },
    { year: 2021, value: 134 },
    // 2022 left out: unknown
    { year: 2023, value: 70 },
  ],
};
const interviews: LineSeries = {
  key: 'interviews',
  label: 'Interviews',
  label_ko: '면담',
  values: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, value: 10 + 5 * i })),
};
const act2020 = {
  date: '2020-12-04',
  label: 'Reactionary Ideology and Culture Rejection Act',
  label_ko: '반동사상문화배격법',
};

const pointX = (doc: ReturnType<typeof parseSvg>, series: string, year: number) => {
  const g = byTag(doc, 'g').find((e) => e.getAttribute('data-series') === series);
  const p = byTag(g as never, 'circle').find((c) => textOf(byTag(c, 'title')[0]).includes(`, ${year}:`));
  return numAttr(p, 'cx');
};

describe('lineChart', () => {
  it('breaks the line at a withheld or missing year instead of drawing through it', () => {
    const doc = parseSvg(lineChart([acts], { title: 'Acts by year' }));
    const path = byClass(doc, 'path', 'line')[0];
    const d = path?.getAttribute('d') ?? '';
    assert.equal(d.match(/M/g)?.length, 3, 'three runs: 2016–17, 2019–21, 2023');
    const xs = [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[1]));
    assert.equal(xs.length, 6);
    const gaps = byClass(doc, 'circle', 'gap');
    assert.equal(gaps.length, 2);
    for (const g of gaps)
      assert.ok(!xs.some((x) => Math.abs(x - numAttr(g, 'cx')) < 0.5), 'no vertex at a gap');
    const points = byClass(doc, 'circle', 'point');
    assert.equal(points.length, 6);
    const base = numAttr(gaps[0], 'cy');
    const [p40, p80] = [points[0], points[2]];
    assert.ok(
      Math.abs((base - numAttr(p80, 'cy')) / (base - numAttr(p40, 'cy')) - 2) < 0.01,
      'heights proportional',
    );
    assert.match(
      textOf(byTag(doc, 'desc')[0]),
      /^Acts by year, 2016–2023: highest 2021 \(134\), 2 years suppressed or unknown\.$/,
    );
  });

  it('puts the marker at its date between the years around it', () => {
    const doc = parseSvg(lineChart([acts], { title: 'Acts by year', marker: act2020 }));
    const marker = byClass(doc, 'g', 'marker')[0];
    const x = numAttr(byTag(marker as never, 'line')[0], 'x1');
    const x2020 = pointX(doc, 'acts', 2020);
    const x2021 = pointX(doc, 'acts', 2021);
    // A year's value sits at its middle (1 July); 4 December 2020 is 156.5 days past 1 July 2020 (midday).
    const fraction = (Date.UTC(2020, 11, 4, 12) - Date.UTC(2020, 6, 2)) / (366 * 86_400_000);
    assert.ok(Math.abs(x - (x2020 + fraction * (x2021 - x2020))) < 1, `marker at ${x}`);
    assert.ok(x > x2020 && x < x2021);
    assert.match(textOf(marker as never), /Reactionary Ideology and Culture Rejection Act/);
  });

  it('draws a second measure against its own axis', () => {
    const doc = parseSvg(
      lineChart([acts], {
        title: 'Acts and interviews',
        secondary: { series: interviews, valueLabel: 'Interviews' },
      }),
    );
    assert.equal(byClass(doc, 'g', 'secondary').length, 1);
    assert.equal(byClass(doc, 'g', 'axis-right').length, 1);
    const line = byClass(byClass(doc, 'g', 'secondary')[0] as never, 'path', 'line')[0];
    assert.equal(line?.getAttribute('d')?.match(/M/g)?.length, 1, 'an unbroken series is one run');
    assert.match(textOf(byTag(doc, 'desc')[0]), /Interviews: highest 2023 \(45\)/);
  });

  it('writes Korean when asked', () => {
    const svg = lineChart([acts], {
      title: '연도별 행위',
      lang: 'ko',
      marker: act2020,
      secondary: { series: interviews },
    });
    parseSvg(svg);
    assert.match(svg, /반동사상문화배격법/);
    assert.match(svg, /면담 \(오른쪽 축\)/);
    assert.match(svg, /비공개 또는 미상/);
    assert.doesNotMatch(svg, /Reactionary|Interviews/);
  });

  it('escapes labels and is deterministic', () => {
    const nasty: LineSeries = { ...acts, label: 'A <&"> B' };
    const svg = lineChart([nasty, interviews], { title: 'x < y & "z"' });
    const doc = parseSvg(svg);
    assert.equal(textOf(byTag(doc, 'title')[0]), 'x < y & "z"');
    assert.ok(byClass(doc, 'g', 'legend-entry').some((e) => textOf(e) === 'A <&"> B'));
    assert.equal(svg, lineChart([nasty, interviews], { title: 'x < y & "z"' }));
  });

  it('refuses a chart with no years, and draws an empty span when given one', () => {
    assert.throws(() => lineChart([], { title: 'Nothing' }), RangeError);
    const doc = parseSvg(
      lineChart([{ key: 'a', label: 'A', values: [] }], { title: 'Empty', years: [2020, 2022] }),
    );
    assert.equal(byClass(doc, 'circle', 'gap').length, 3);
    assert.equal(byClass(doc, 'circle', 'point').length, 0);
  });

  it('reads dates to fractional years', () => {
    assert.equal(dateToYear('2020'), 2020.5);
    assert.ok(dateToYear('2020-12') > 2020.9 && dateToYear('2020-12') < 2021);
    assert.throws(() => dateToYear('Dec 2020'), /YYYY/);
  });
});
