// Disclosure control for one table: primary suppression of small counts, then complementary
// suppression so that no hidden figure can be worked out from the published ones.

import type { CountTable, ProtectedTable, SuppressionReason } from '../count-table.ts';
import { complementarySuppression } from './complementary.ts';
import { tableGraph } from './table-graph.ts';

/** Counts from 1 to threshold − 1 are small. The usual rule, and this one's default, is 5. */
export const DEFAULT_THRESHOLD = 5;

export type ProtectOptions = {
  /** Counts in (0, threshold) are hidden; an integer ≥ 1. Default 5. */
  threshold?: number;
  /**
   * Hide zeros too (cells and margins). Off by default: a zero says nobody was counted, which
   * identifies no one, and hiding zeros costs information. Turn it on when "none" is itself
   * sensitive (for example, that no one from a family's county was held in a given year).
   */
  suppressZeros?: boolean;
};

/**
 * The table as it may be published. A figure is hidden when it is small (primary: cells, and
 * margins, which are published from the true counts otherwise), and further figures are hidden
 * (complementary) until no hidden figure is determined by the published cells and margins. In a
 * one-way table (one column) each row total is the cell itself, so it is hidden with it; the total
 * is the column total. Deterministic: the same table and options give the same result.
 */
export function protectTable(table: CountTable, options: ProtectOptions = {}): ProtectedTable {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error(`threshold must be an integer ≥ 1`);
  checkShape(table);
  const small = (count: number): boolean =>
    count === 0 ? options.suppressZeros === true : count < threshold;

  const R = table.rows.length;
  const C = table.columns.length;
  const graph = tableGraph(R, C);
  const value = graph.figures.map((figure): number => {
    if (figure.kind === 'cell') return cell(table, figure.row, figure.column);
    if (figure.kind === 'rowTotal') return sum(table.cells[figure.row] ?? []);
    if (figure.kind === 'columnTotal')
      return table.cells.reduce((s, row) => s + (row[figure.column] ?? 0), 0);
    return table.cells.reduce((s, row) => s + sum(row), 0);
  });
  const hidden = value.map(small);
  const primary = [...hidden];
  complementarySuppression(graph, value, hidden, threshold);

  const shown = (edge: number): number | null => (hidden[edge] ? null : (value[edge] as number));
  const suppressed: { row: number; column: number; reason: SuppressionReason }[] = [];
  const cells = table.rows.map((_, r) =>
    table.columns.map((_, c) => {
      const edge = r * C + c;
      if (hidden[edge])
        suppressed.push({ row: r, column: c, reason: primary[edge] ? 'primary' : 'complementary' });
      return shown(edge);
    }),
  );
  return {
    title: table.title,
    rows: table.rows,
    columns: table.columns,
    cells,
    rowTotals: table.rows.map((_, r) => shown(R * C + r)),
    columnTotals: table.columns.map((_, c) => shown(R * C + R + c)),
    total: shown(R * C + R + C),
    threshold,
    suppressed,
  };
}

function cell(table: CountTable, row: number, column: number): number {
  return table.cells[row]?.[column] ?? 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function checkShape(table: CountTable): void {
  if (table.rows.length === 0 || table.columns.length === 0)
    throw new Error(`${table.title}: no rows or columns`);
  if (table.cells.length !== table.rows.length)
    throw new Error(`${table.title}: cells do not match the rows`);
  for (const row of table.cells) {
    if (row.length !== table.columns.length)
      throw new Error(`${table.title}: cells do not match the columns`);
    for (const count of row) {
      if (!Number.isSafeInteger(count) || count < 0)
        throw new Error(`${table.title}: ${count} is not a count`);
    }
  }
}
