import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rateSeries } from './rate.ts';
import { el, escapeXml, num } from './svg.ts';
import { textWidth, wrap } from './text-layout.ts';
import { formatNumber, isDark, seriesColours } from './theme.ts';

describe('svg text', () => {
  it('escapes markup, both quotes and characters XML forbids', () => {
    assert.equal(
      escapeXml(`<a href="x">'&'</a>\u0001\u0007`),
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
    assert.equal(el('text', { x: 1.005, 'data-k': 'a"b' }, 'c'), '<text x="1" data-k="a&quot;b">c</text>');
    assert.equal(num(-0.001), '0');
  });

  it('wraps at spaces, cuts the rest short and says so', () => {
    assert.deepEqual(wrap('Sunchon camp', 200, 11, 2), { lines: ['Sunchon camp'], truncated: false });
    const w = wrap('North Hamgyong Provincial State Security detention centre', 80, 11, 2);
    assert.equal(w.lines.length, 2);
    assert.ok(w.truncated && w.lines[1]?.endsWith('…'));
    for (const line of w.lines) assert.ok(textWidth(line, 11) <= 80);
    assert.ok(textWidth('관리소', 11) > textWidth('abc', 11), 'Hangul is wider');
  });
});

describe('theme', () => {
  it('formats numbers and gives series colours dark to light', () => {
    assert.equal(formatNumber(1234567), '1,234,567');
    assert.equal(formatNumber(0.125), '0.13');
    assert.equal(formatNumber(2.5), '2.5');
    const colours = seriesColours(4);
    assert.equal(new Set(colours).size, 4);
    assert.ok(isDark(colours[0] as string) && !isDark(colours[3] as string));
  });
});

describe('rateSeries', () => {
  it('divides year by year and keeps withheld years withheld', () => {
    const acts = {
      key: 'a',
      label: 'Acts',
      values: [2019, 2020, 2021].map((year, i) => ({ year, value: i === 1 ? null : 12 })),
    };
    const interviews = {
      key: 'i',
      label: 'Interviews',
      values: [
        { year: 2019, value: 4 },
        { year: 2021, value: 0 },
      ],
    };
    assert.deepEqual(rateSeries(acts, interviews, { key: 'r', label: 'per interview' }).values, [
      { year: 2019, value: 3 },
      { year: 2020, value: null },
      { year: 2021, value: null },
    ]);
  });
});
