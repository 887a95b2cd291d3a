// Helpers for the disclosure tests: tables from plain arrays.

import type { CountTable, ProtectedTable } from '../count-table.ts';

export function countTable(cells: number[][], title = 'test'): CountTable {
  return {
    title,
    rows: cells.map((_, r) => ({ key: `r${r}`, label: `Row ${r}` })),
    columns: (cells[0] ?? []).map((_, c) => ({ key: `c${c}`, label: `Column ${c}` })),
    cells,
  };
}

/** A table published by hand: the cells at `hide` are null, margins from the true counts unless hidden. */
export function publishedByHand(
  cells: number[][],
  hide: [number, number][],
  hideMargins: { rows?: number[]; columns?: number[]; total?: boolean } = {},
): ProtectedTable {
  const table = countTable(cells);
  const hidden = new Set(hide.map(([r, c]) => `${r},${c}`));
  const rowTotals = cells.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = (cells[0] ?? []).map((_, c) => cells.reduce((s, row) => s + (row[c] ?? 0), 0));
  return {
    title: table.title,
    rows: table.rows,
    columns: table.columns,
    cells: cells.map((row, r) => row.map((v, c) => (hidden.has(`${r},${c}`) ? null : v))),
    rowTotals: rowTotals.map((v, r) => (hideMargins.rows?.includes(r) ? null : v)),
    columnTotals: columnTotals.map((v, c) => (hideMargins.columns?.includes(c) ? null : v)),
    total: hideMargins.total ? null : rowTotals.reduce((s, v) => s + v, 0),
    threshold: 5,
    suppressed: hide.map(([row, column]) => ({ row, column, reason: 'primary' as const })),
  };
}

/** The positions of the null cells, row by row. */
export function hiddenCells(table: ProtectedTable): [number, number][] {
  const found: [number, number][] = [];
  table.cells.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) found.push([r, c]);
    });
  });
  return found;
}
