import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Random } from '../../demo/random.ts';
import type { CountTable, ProtectedTable } from '../count-table.ts';
import { cellBounds } from './cell-bounds.ts';
import { protectTable } from './protect-table.ts';
import { recoverableFigures } from './recoverable.ts';
import { checkSmallCells } from './small-cell-check.ts';
import { countTable } from './test-tables.ts';

const TABLES = 400;

/** Skewed counts, as real tables are: many zeros and small cells, a few large ones. */
function randomTable(random: Random, threshold: number): CountTable {
  const rows = random.int(1, 8);
  const columns = random.int(1, 12);
  const sparse = random.chance(0.3);
  const cells = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => {
      const u = random.next();
      if (u < (sparse ? 0.45 : 0.2)) return 0;
      if (u < 0.6) return random.int(1, threshold - 1);
      return threshold + Math.floor(Math.exp(random.next() * 5));
    }),
  );
  return countTable(cells);
}

/** The true figures the published ones must match: cells, row and column totals, total. */
function truth(table: CountTable) {
  const rowTotals = table.cells.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = table.columns.map((_, c) => table.cells.reduce((s, row) => s + (row[c] ?? 0), 0));
  return { rowTotals, columnTotals, total: rowTotals.reduce((s, v) => s + v, 0) };
}

function checkProtected(
  table: CountTable,
  published: ProtectedTable,
  threshold: number,
  suppressZeros: boolean,
) {
  const label = JSON.stringify({ cells: table.cells, threshold, suppressZeros });
  assert.deepEqual(recoverableFigures(published), [], `recoverable figures in ${label}`);
  assert.deepEqual(checkSmallCells(published, threshold), [], `small figures in ${label}`);

  const expected = truth(table);
  const same = (shown: number | null | undefined, actual: number, what: string) => {
    if (shown !== null) assert.equal(shown, actual, `${what} in ${label}`);
    const small = actual === 0 ? suppressZeros : actual < threshold;
    if (small) assert.equal(shown, null, `small ${what} published in ${label}`);
  };
  expected.rowTotals.forEach((v, r) => {
    same(published.rowTotals[r], v, `row total ${r}`);
  });
  expected.columnTotals.forEach((v, c) => {
    same(published.columnTotals[c], v, `column total ${c}`);
  });
  same(published.total, expected.total, 'total');

  const listed = new Map(published.suppressed.map((s) => [`${s.row},${s.column}`, s.reason]));
  table.cells.forEach((row, r) => {
    row.forEach((v, c) => {
      const shown = published.cells[r]?.[c];
      same(shown, v, `cell ${r},${c}`);
      const reason = listed.get(`${r},${c}`);
      if (shown === null) {
        const small = v === 0 ? suppressZeros : v < threshold;
        assert.equal(reason, small ? 'primary' : 'complementary', `reason for ${r},${c} in ${label}`);
      } else {
        assert.equal(reason, undefined, `published cell ${r},${c} listed as suppressed in ${label}`);
      }
    });
  });

  // What subtraction gives: a published margin minus the published figures it adds up.
  const hiddenSum = (margin: number | null, parts: (number | null | undefined)[], what: string) => {
    if (margin === null) return;
    const rest = margin - parts.reduce((s: number, v) => s + (v ?? 0), 0);
    assert.ok(rest === 0 || rest >= threshold, `${what} gives ${rest} by subtraction in ${label}`);
  };
  published.rowTotals.forEach((t, r) => {
    hiddenSum(t, published.cells[r] ?? [], `row ${r}`);
  });
  published.columnTotals.forEach((t, c) => {
    hiddenSum(
      t,
      published.cells.map((row) => row[c]),
      `column ${c}`,
    );
  });
  hiddenSum(published.total, published.rowTotals, 'the row totals');
  hiddenSum(published.total, published.columnTotals, 'the column totals');

  for (const bound of cellBounds(published)) {
    const actual = table.cells[bound.row]?.[bound.column] as number;
    assert.ok(bound.lower <= actual && actual <= bound.upper, `bounds miss the true value in ${label}`);
    // Not pinned by non-negativity either, hidden zeros included (see complementary.ts).
    assert.ok(bound.width > 0, `cell ${bound.row},${bound.column} pinned in ${label}`);
  }
}

describe('protectTable on random tables (seeded)', () => {
  it(`leaves nothing recoverable and nothing small in ${TABLES} tables up to 8×12`, () => {
    const random = new Random(20261128);
    let complementary = 0;
    for (let i = 0; i < TABLES; i++) {
      const threshold = random.pick([5, 5, 5, 3, 10]);
      const suppressZeros = random.chance(0.2);
      const table = randomTable(random, threshold);
      const published = protectTable(table, { threshold, suppressZeros });
      checkProtected(table, published, threshold, suppressZeros);
      assert.deepEqual(protectTable(structuredClone(table), { threshold, suppressZeros }), published);
      complementary += published.suppressed.filter((s) => s.reason === 'complementary').length;
    }
    // The property must have been exercised: many tables needed complements.
    assert.ok(complementary > TABLES, `only ${complementary} complementary cells`);
  });
});
