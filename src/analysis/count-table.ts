// The shape every count in the analysis takes, from counting through disclosure control to charts.

/** One category of a table's rows or columns: a stable key (a code, a year) and its label. */
export type Category = { key: string; label: string; label_ko?: string };

/**
 * A one- or two-way table of counts: `cells[r][c]` counts what is in row category r and column
 * category c. A one-way table has a single column. Totals are not stored: they are derived (for a
 * raw table) or published separately (for a protected one).
 */
export type CountTable = {
  title: string;
  rows: Category[];
  columns: Category[];
  cells: number[][];
};

/** Why a cell is hidden: below the threshold itself, or hidden so that totals cannot reveal another. */
export type SuppressionReason = 'primary' | 'complementary';

/**
 * A table fit to leave the organisation: small cells and the cells that would give them away are
 * `null`; margins are published as computed from the true counts (and are themselves `null` when
 * below the threshold).
 */
export type ProtectedTable = {
  title: string;
  rows: Category[];
  columns: Category[];
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  threshold: number;
  suppressed: { row: number; column: number; reason: SuppressionReason }[];
};
