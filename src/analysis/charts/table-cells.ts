// Reading a count table the same way whether or not it has been through disclosure control.

import type { Category, CountTable, ProtectedTable, SuppressionReason } from '../count-table.ts';

export type ChartCell =
  | { row: number; column: number; value: number }
  | { row: number; column: number; value: null; reason: SuppressionReason };

export type ChartTable = {
  title: string;
  rows: Category[];
  columns: Category[];
  cells: ChartCell[][];
  /** Published row totals; for a raw table, the sums. */
  rowTotals: (number | null)[];
  /** The disclosure threshold, when the table has one. */
  threshold: number | null;
};

export function isProtected(table: CountTable | ProtectedTable): table is ProtectedTable {
  return 'threshold' in table;
}

export function chartTable(table: CountTable | ProtectedTable): ChartTable {
  const reasons = new Map<string, SuppressionReason>();
  if (isProtected(table)) for (const s of table.suppressed) reasons.set(`${s.row}:${s.column}`, s.reason);
  const cells = table.rows.map((_, r) =>
    table.columns.map((_, c): ChartCell => {
      const value = table.cells[r]?.[c] ?? null;
      return value === null
        ? { row: r, column: c, value: null, reason: reasons.get(`${r}:${c}`) ?? 'complementary' }
        : { row: r, column: c, value };
    }),
  );
  const rowTotals = isProtected(table)
    ? table.rows.map((_, r) => table.rowTotals[r] ?? null)
    : cells.map((row) => row.reduce((sum, cell) => sum + (cell.value ?? 0), 0));
  return {
    title: table.title,
    rows: table.rows,
    columns: table.columns,
    cells,
    rowTotals,
    threshold: isProtected(table) ? table.threshold : null,
  };
}
