import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CountTable, ProtectedTable } from '../count-table.ts';
import { barChart, PLACEHOLDER_HEIGHT } from './bar-chart.ts';
import { byClass, byTag, numAttr, parseSvg, textOf } from './svg-test-kit.ts';

const oneWay: CountTable = {
  title: 'Acts by facility type',
  rows: [
    { key: 'KWANLISO', label: 'Political prison camp', label_ko: '관리소' },
    { key: 'KYOHWASO', label: 'Reform-through-labour camp', label_ko: '교화소' },
    { key: 'GURYUJANG', label: 'Interrogation detention centre', label_ko: '구류장' },
  ],
  columns: [{ key: 'n', label: 'Acts' }],
  cells: [[40], [10], [25]],
};

const twoWay: ProtectedTable = {
  title: 'Acts by year and facility type',
  rows: ['2019', '2020', '2021', '2022'].map((y) => ({ key: y, label: y })),
  columns: [
    { key: 'K', label: 'Political prison camp', label_ko: '관리소' },
    { key: 'G', label: 'Interrogation centre', label_ko: '구류장' },
  ],
  cells: [
    [12, 30],
    [null, null],
    [25, 40],
    [null, null],
  ],
  rowTotals: [42, 9, 65, 11],
  columnTotals: [45, 82],
  total: 127,
  threshold: 5,
  suppressed: [
    { row: 1, column: 0, reason: 'primary' },
    { row: 1, column: 1, reason: 'complementary' },
    { row: 3, column: 0, reason: 'complementary' },
    { row: 3, column: 1, reason: 'primary' },
  ],
};

const height = (e: Parameters<typeof numAttr>[0]) => numAttr(e, 'height');
const barAt = (doc: ReturnType<typeof parseSvg>, row: string, column: string) =>
  byClass(doc, 'rect', 'bar').find(
    (b) => b.getAttribute('data-row') === row && b.getAttribute('data-column') === column,
  );

describe('barChart', () => {
  it('draws one bar per category of a one-way table, heights proportional to the counts', () => {
    const doc = parseSvg(barChart(oneWay));
    const bars = byClass(doc, 'rect', 'bar');
    assert.equal(bars.length, 3);
    assert.ok(Math.abs(height(bars[0]) / height(bars[1]) - 4) < 0.01, 'a 40 bar is four times a 10 bar');
    assert.ok(Math.abs(height(bars[2]) / height(bars[1]) - 2.5) < 0.01);
    const bottoms = bars.map((b) => numAttr(b, 'y') + height(b));
    assert.ok(
      bottoms.every((y) => Math.abs(y - (bottoms[0] as number)) < 0.02),
      'bars share a baseline',
    );
    const values = byClass(doc, 'text', 'value').map(textOf);
    assert.deepEqual(values, ['40', '10', '25']);
    assert.ok(byClass(doc, 'g', 'axis').length === 1, 'a value axis');
    assert.match(textOf(byTag(doc, 'desc')[0]), /highest Political prison camp \(40\)/);
  });

  it('draws grouped bars for known cells and placeholders with no height for suppressed ones', () => {
    const svg = barChart(twoWay);
    const doc = parseSvg(svg);
    const bars = byClass(doc, 'rect', 'bar');
    const placeholders = byClass(doc, 'rect', 'placeholder');
    assert.equal(bars.length + placeholders.length, twoWay.rows.length * twoWay.columns.length);
    assert.equal(bars.length, 4);
    assert.equal(placeholders.length, 4);
    assert.equal(barAt(doc, '2020', 'K'), undefined, 'no bar for a suppressed cell');
    assert.ok(Math.abs(height(barAt(doc, '2021', 'G')) / height(barAt(doc, '2019', 'K')) - 40 / 12) < 0.01);
    for (const p of placeholders) {
      assert.equal(height(p), PLACEHOLDER_HEIGHT);
      assert.match(p.getAttribute('fill') ?? '', /^url\(#dl-bar-[0-9a-f]{8}-hatch\)$/);
      assert.ok(p.getAttribute('stroke-dasharray'), 'dashed outline');
    }
    const labels = byClass(doc, 'g', 'suppressed').map((g) => textOf(byTag(g, 'text')[0]));
    assert.deepEqual(labels, ['< 5', 'suppressed', 'suppressed', '< 5']);
    assert.ok(byTag(doc, 'pattern').length === 1, 'the hatch is defined');
    assert.match(textOf(byTag(doc, 'desc')[0]), /4 cells suppressed/);
  });

  it('keeps the placeholder the same size whatever the scale', () => {
    const big = { ...twoWay, cells: twoWay.cells.map((r) => r.map((c) => (c === null ? null : c * 100))) };
    const doc = parseSvg(barChart(big));
    for (const p of byClass(doc, 'rect', 'placeholder')) assert.equal(height(p), PLACEHOLDER_HEIGHT);
  });

  it('stacks two-way tables, drawing the published remainder of two or more hidden cells hatched', () => {
    const doc = parseSvg(barChart(twoWay, { mode: 'stacked' }));
    const stacks = byClass(doc, 'g', 'stack');
    assert.equal(stacks.length, 4);
    const first = byClass(stacks[0] as never, 'rect', 'bar');
    assert.equal(first.length, 2);
    const [lower, upper] = first;
    assert.ok(Math.abs(numAttr(upper, 'y') + height(upper) - numAttr(lower, 'y')) < 0.02, 'segments touch');
    assert.ok(Math.abs(height(upper) / height(lower) - 30 / 12) < 0.01);
    const remainder = byClass(stacks[1] as never, 'rect', 'remainder')[0];
    assert.ok(
      Math.abs(height(remainder) / height(lower) - 9 / 12) < 0.01,
      'remainder is the published total',
    );
    assert.deepEqual(byClass(doc, 'text', 'total').map(textOf), ['42', '9', '65', '11']);
  });

  it('never draws a single hidden cell of a stack at a height', () => {
    const one: ProtectedTable = {
      ...twoWay,
      cells: [
        [12, 30],
        [20, null],
      ],
      rows: twoWay.rows.slice(0, 2),
      rowTotals: [42, 23],
      suppressed: [{ row: 1, column: 1, reason: 'primary' }],
    };
    const doc = parseSvg(barChart(one, { mode: 'stacked' }));
    assert.equal(byClass(doc, 'rect', 'remainder').length, 0);
    const p = byClass(doc, 'rect', 'placeholder');
    assert.equal(p.length, 1);
    assert.equal(height(p[0]), PLACEHOLDER_HEIGHT);
    const noTotals = { ...one, rowTotals: [42, null] };
    assert.deepEqual(
      byClass(parseSvg(barChart(noTotals, { mode: 'stacked' })), 'text', 'total').map(textOf),
      ['42', '≥ 20'],
    );
  });

  it('writes Korean when asked', () => {
    const svg = barChart(twoWay, { lang: 'ko', title: '연도별 행위' });
    const doc = parseSvg(svg);
    assert.equal(doc.documentElement?.getAttribute('xml:lang'), 'ko');
    assert.match(svg, /관리소/);
    assert.match(svg, /5 미만/);
    assert.match(svg, /비공개/);
    assert.doesNotMatch(svg, /Political prison camp/);
    assert.match(textOf(byTag(doc, 'desc')[0]), /^연도별 행위: 범주 4개 × 계열 2개/);
    assert.match(doc.documentElement?.getAttribute('font-family') ?? '', /Noto Sans KR/);
  });

  it('escapes labels from the data', () => {
    const nasty = '<b>Camp "A" & \'B\'</b>';
    const table: CountTable = { ...oneWay, title: nasty, rows: [{ key: 'x', label: nasty }], cells: [[3]] };
    const svg = barChart(table, { maxLabelLines: 3 });
    assert.doesNotMatch(svg, /<b>/);
    const doc = parseSvg(svg);
    assert.equal(textOf(byTag(doc, 'title')[0]), nasty);
    assert.equal(textOf(byTag(byClass(doc, 'rect', 'bar')[0] as never, 'title')[0]), `${nasty}: 3`);
  });

  it('wraps long category labels and keeps the whole label in a <title>', () => {
    const long =
      'North Hamgyong Provincial State Security detention centre in Chongjin, the provincial capital';
    const table: CountTable = { ...oneWay, rows: [...oneWay.rows.slice(0, 2), { key: 'L', label: long }] };
    const doc = parseSvg(barChart(table, { width: 480 }));
    const truncated = byClass(doc, 'g', 'truncated');
    assert.equal(truncated.length, 1);
    assert.equal(textOf(byTag(truncated[0] as never, 'title')[0]), long);
    const lines = byTag(truncated[0] as never, 'tspan').map(textOf);
    assert.equal(lines.length, 2);
    assert.ok(lines[1]?.endsWith('…'));
  });

  it('draws an empty table as an empty chart', () => {
    const svg = barChart({ title: 'Nothing', rows: [], columns: [{ key: 'n', label: 'n' }], cells: [] });
    assert.equal(byClass(parseSvg(svg), 'rect', 'bar').length, 0);
    assert.doesNotMatch(svg, /NaN|Infinity/);
  });

  it('is deterministic, with ids that differ between charts', () => {
    assert.equal(barChart(twoWay, { mode: 'stacked' }), barChart(twoWay, { mode: 'stacked' }));
    const a = /id="([^"]+)-title"/.exec(barChart(twoWay))?.[1];
    const b = /id="([^"]+)-title"/.exec(barChart(oneWay))?.[1];
    assert.ok(a && b && a !== b);
    assert.match(barChart(oneWay, { idPrefix: 'fig3' }), /id="fig3-title"/);
  });
});
