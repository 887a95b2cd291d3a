import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellBounds } from './cell-bounds.ts';
import { protectTable } from './protect-table.ts';
import { recoverableCells, recoverableFigures } from './recoverable.ts';
import { checkSmallCells } from './small-cell-check.ts';
import { countTable, hiddenCells } from './test-tables.ts';

describe('protectTable: primary suppression', () => {
  it('marks the cells in (0, 5) primary, publishes zeros and the true margins', () => {
    const table = countTable([
      [2, 10, 0],
      [3, 20, 0],
      [40, 50, 60],
    ]);
    const published = protectTable(table);
    // The two small cells share column 0, but each is alone in its row: row 0 would give
    // 12 − 10 = 2. Zeros are never complements, so the cheapest cover is column 1 (10 + 20).
    assert.deepEqual(published.cells, [
      [null, null, 0],
      [null, null, 0],
      [40, 50, 60],
    ]);
    assert.deepEqual(published.suppressed, [
      { row: 0, column: 0, reason: 'primary' },
      { row: 0, column: 1, reason: 'complementary' },
      { row: 1, column: 0, reason: 'primary' },
      { row: 1, column: 1, reason: 'complementary' },
    ]);
    assert.deepEqual(published.rowTotals, [12, 23, 150]);
    assert.deepEqual(published.columnTotals, [45, 80, 60]);
    assert.equal(published.total, 185);
    assert.deepEqual(recoverableCells(published), []);
    assert.equal(published.threshold, 5);
    assert.equal(published.title, 'test');
    assert.deepEqual(published.rows, table.rows);
    assert.deepEqual(published.columns, table.columns);
  });

  it('publishes a table without small cells untouched', () => {
    const published = protectTable(
      countTable([
        [5, 10],
        [7, 0],
      ]),
    );
    assert.deepEqual(published.cells, [
      [5, 10],
      [7, 0],
    ]);
    assert.deepEqual(published.rowTotals, [15, 7]);
    assert.deepEqual(published.columnTotals, [12, 10]);
    assert.equal(published.total, 22);
    assert.deepEqual(published.suppressed, []);
  });

  it('rejects cells that are not counts and a ragged table', () => {
    assert.throws(() => protectTable(countTable([[1.5]])), /not a count/);
    assert.throws(() => protectTable(countTable([[-1]])), /not a count/);
    assert.throws(() => protectTable({ ...countTable([[1, 2]]), cells: [[1]] }), /columns/);
    assert.throws(() => protectTable(countTable([[7]]), { threshold: 0 }), /threshold/);
  });
});

describe('protectTable: complementary suppression', () => {
  it('protects a single small cell in a 3×3 table with the cheapest rectangle', () => {
    // Rectangles through (0,1): via (0,0),(1,0),(1,1) hides 20+12+9 = 41; via (0,2),(2,2),(2,1) 47;
    // via (0,0),(2,0),(2,1) 53; via (0,2),(1,2),(1,1) 54. The cheapest is the first.
    const published = protectTable(
      countTable([
        [20, 3, 15],
        [12, 9, 30],
        [8, 25, 7],
      ]),
    );
    assert.deepEqual(published.suppressed, [
      { row: 0, column: 0, reason: 'complementary' },
      { row: 0, column: 1, reason: 'primary' },
      { row: 1, column: 0, reason: 'complementary' },
      { row: 1, column: 1, reason: 'complementary' },
    ]);
    assert.deepEqual(published.rowTotals, [38, 51, 40]);
    assert.deepEqual(published.columnTotals, [40, 37, 52]);
    assert.equal(published.total, 129);
    assert.deepEqual(recoverableCells(published), []);
  });

  it('one-way table: a single small cell takes the smallest other row with it', () => {
    const published = protectTable(countTable([[12], [3], [40], [9]]));
    assert.deepEqual(published.cells, [[12], [null], [40], [null]]);
    // In a one-way table each row total is the cell itself, so it is hidden with it.
    assert.deepEqual(published.rowTotals, [12, null, 40, null]);
    assert.deepEqual(published.columnTotals, [64]);
    assert.equal(published.total, 64);
    assert.deepEqual(published.suppressed, [
      { row: 1, column: 0, reason: 'primary' },
      { row: 3, column: 0, reason: 'complementary' },
    ]);
    assert.deepEqual(recoverableFigures(published), []);
  });

  it('one-way table: two small cells protect each other', () => {
    const published = protectTable(countTable([[12], [3], [40], [2]]));
    assert.deepEqual(published.cells, [[12], [null], [40], [null]]);
    assert.deepEqual(
      published.suppressed.map((s) => s.reason),
      ['primary', 'primary'],
    );
    assert.deepEqual(recoverableFigures(published), []);
  });

  it('one-row table: the column totals are the cells, and are hidden with them', () => {
    const published = protectTable(countTable([[12, 3, 40, 9]]));
    assert.deepEqual(published.cells, [[12, null, 40, null]]);
    assert.deepEqual(published.columnTotals, [12, null, 40, null]);
    assert.deepEqual(published.rowTotals, [64]);
    assert.deepEqual(recoverableFigures(published), []);
  });

  it('breaks the dumbbell: two protected blocks joined by one small cell', () => {
    // Small cells: the 2×2 blocks {0,1}×{0,1} and {2,3}×{2,3}, joined by (1,2). Every row and column
    // with a small cell has at least two, yet (1,2) is a bridge: the two blocks' rows add up to it.
    const cells = [
      [1, 2, 50, 60],
      [3, 4, 1, 70],
      [80, 90, 2, 3],
      [55, 65, 4, 1],
    ];
    const published = protectTable(countTable(cells));
    const primary = published.suppressed.filter((s) => s.reason === 'primary').map((s) => [s.row, s.column]);
    assert.deepEqual(primary, [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
    ]);
    // The naive rule ("at least two hidden per row and column") is met by the primary cells alone…
    for (let i = 0; i < 4; i++) {
      assert.ok(primary.filter(([r]) => r === i).length >= 2);
      assert.ok(primary.filter(([, c]) => c === i).length >= 2);
    }
    // …so the suppressor must have hidden more, and nothing can be recovered.
    assert.ok(published.suppressed.some((s) => s.reason === 'complementary'));
    assert.deepEqual(recoverableFigures(published), []);
  });

  it('does not let small cells be summed: hidden cells of a published row add up to ≥ threshold', () => {
    // Hiding (0,0), (0,1) and the rectangle through row 2 stops exact recovery, but row 0 would still
    // say "1 + 2 = 3": so the smallest other cell of row 0 (50) goes too, and (2,2) to protect it.
    const published = protectTable(
      countTable([
        [1, 2, 50, 60],
        [30, 40, 45, 70],
        [25, 35, 55, 65],
      ]),
    );
    assert.deepEqual(published.suppressed, [
      { row: 0, column: 0, reason: 'primary' },
      { row: 0, column: 1, reason: 'primary' },
      { row: 0, column: 2, reason: 'complementary' },
      { row: 2, column: 0, reason: 'complementary' },
      { row: 2, column: 1, reason: 'complementary' },
      { row: 2, column: 2, reason: 'complementary' },
    ]);
    assert.deepEqual(recoverableFigures(published), []);
  });

  it('a margin below the threshold is hidden, and protected by another margin', () => {
    const cells = [
      [1, 2, 0, 1],
      [30, 40, 50, 60],
      [25, 35, 45, 7],
    ];
    const published = protectTable(countTable(cells));
    assert.equal(published.rowTotals[0], null);
    assert.deepEqual(published.cells[0], [null, null, 0, null]);
    // Row 0's total (4) is hidden; alone it would be the total minus the other rows, so a second
    // margin goes: the smallest, row 2 (112) — a column total would do, but each is larger.
    assert.deepEqual(published.rowTotals, [null, 180, null]);
    assert.deepEqual(published.columnTotals, [56, 77, 95, 68]);
    assert.equal(published.total, 296);
    assert.deepEqual(recoverableFigures(published), []);
    assert.deepEqual(checkSmallCells(published), []);
  });

  it('a grand total below the threshold hides everything it could reveal', () => {
    const published = protectTable(
      countTable([
        [1, 0],
        [2, 1],
      ]),
    );
    assert.equal(published.total, null);
    assert.deepEqual(published.cells, [
      [null, 0],
      [null, null],
    ]);
    assert.deepEqual(published.rowTotals, [null, null]);
    assert.deepEqual(published.columnTotals, [null, null]);
    assert.deepEqual(recoverableFigures(published), []);
  });
});

describe('protectTable: options and determinism', () => {
  const cells = [
    [9, 14, 2, 30],
    [6, 0, 11, 8],
    [21, 4, 13, 0],
  ];

  it('uses the threshold option', () => {
    const at10 = protectTable(countTable(cells), { threshold: 10 });
    for (const [r, c] of [
      [0, 0],
      [0, 2],
      [1, 0],
      [1, 3],
      [2, 1],
    ] as const) {
      assert.equal(at10.cells[r]?.[c], null, `cell ${r},${c} is below 10`);
    }
    assert.equal(at10.threshold, 10);
    assert.deepEqual(recoverableCells(at10), []);
    assert.deepEqual(checkSmallCells(at10, 10), []);
    const at1 = protectTable(countTable(cells), { threshold: 1 });
    assert.deepEqual(at1.suppressed, []);
  });

  it('publishes zeros by default and hides them with suppressZeros', () => {
    const plain = protectTable(countTable(cells));
    assert.equal(plain.cells[1]?.[1], 0);
    assert.equal(plain.cells[2]?.[3], 0);
    const hidingZeros = protectTable(countTable(cells), { suppressZeros: true });
    assert.equal(hidingZeros.cells[1]?.[1], null);
    assert.equal(hidingZeros.cells[2]?.[3], null);
    assert.ok(hidingZeros.suppressed.some((s) => s.row === 1 && s.column === 1 && s.reason === 'primary'));
    assert.deepEqual(recoverableCells(hidingZeros), []);
  });

  it('gives hidden zeros a positive partner, so that non-negativity cannot pin them', () => {
    // Hiding the two zeros of a one-way table alone would publish "these two add up to 0". The
    // cheapest cover that lets them grow is row 0 (5): then x0 + x1 + x2 = 5 and none is fixed.
    const published = protectTable(countTable([[5], [0], [0], [8]]), { suppressZeros: true });
    assert.deepEqual(published.cells, [[null], [null], [null], [8]]);
    assert.deepEqual(published.rowTotals, [null, null, null, 8]);
    assert.deepEqual(published.suppressed, [
      { row: 0, column: 0, reason: 'complementary' },
      { row: 1, column: 0, reason: 'primary' },
      { row: 2, column: 0, reason: 'primary' },
    ]);
    assert.deepEqual(recoverableFigures(published), []);
    assert.ok(cellBounds(published).every((b) => b.width > 0));
  });

  it('never uses a zero as a complement when zeros are published', () => {
    for (const threshold of [3, 5, 10, 20]) {
      const published = protectTable(countTable(cells), { threshold });
      for (const [r, c] of hiddenCells(published)) assert.notEqual(cells[r]?.[c], 0);
    }
  });

  it('gives the same result every time and leaves its input alone', () => {
    const table = countTable(cells);
    const copy = structuredClone(table);
    const first = protectTable(table);
    assert.deepEqual(protectTable(table), first);
    assert.deepEqual(protectTable(structuredClone(copy)), first);
    assert.deepEqual(table, copy);
  });
});
