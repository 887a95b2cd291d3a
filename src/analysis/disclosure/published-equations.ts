// What a reader of a published table knows, as linear equations in the hidden figures.
// (Written directly from the table, independently of the suppressor's graph.)

import type { ProtectedTable } from '../count-table.ts';

export type Unknown =
  | { kind: 'cell'; row: number; column: number }
  | { kind: 'rowTotal'; row: number }
  | { kind: 'columnTotal'; column: number }
  | { kind: 'total' };

/** Σ coefficient·unknown = constant, with coefficients ±1. */
export type Equation = { terms: { unknown: number; coefficient: number }[]; constant: number };

export type PublishedSystem = { unknowns: Unknown[]; equations: Equation[] };

/**
 * The equations every table with margins satisfies — each row sums to its row total, each column
 * to its column total, and the row totals and the column totals each sum to the total — with the
 * published figures moved to the constant and every `null` an unknown.
 */
export function publishedSystem(table: ProtectedTable): PublishedSystem {
  const unknowns: Unknown[] = [];
  const indexOf = new Map<string, number>();
  const term = (key: string, figure: Unknown): number => {
    let index = indexOf.get(key);
    if (index === undefined) {
      index = unknowns.length;
      unknowns.push(figure);
      indexOf.set(key, index);
    }
    return index;
  };
  const builder = () => {
    const equation: Equation = { terms: [], constant: 0 };
    return {
      equation,
      /** Adds sign·figure to the left-hand side. */
      add(sign: number, published: number | null | undefined, key: string, figure: Unknown) {
        if (published === null || published === undefined) {
          equation.terms.push({ unknown: term(key, figure), coefficient: sign });
        } else {
          equation.constant -= sign * published;
        }
      },
    };
  };

  const equations: Equation[] = [];
  const R = table.rows.length;
  const C = table.columns.length;
  const cellAt = (r: number, c: number) => table.cells[r]?.[c];
  for (let r = 0; r < R; r++) {
    const b = builder();
    for (let c = 0; c < C; c++) b.add(1, cellAt(r, c), `c${r},${c}`, { kind: 'cell', row: r, column: c });
    b.add(-1, table.rowTotals[r], `r${r}`, { kind: 'rowTotal', row: r });
    equations.push(b.equation);
  }
  for (let c = 0; c < C; c++) {
    const b = builder();
    for (let r = 0; r < R; r++) b.add(1, cellAt(r, c), `c${r},${c}`, { kind: 'cell', row: r, column: c });
    b.add(-1, table.columnTotals[c], `k${c}`, { kind: 'columnTotal', column: c });
    equations.push(b.equation);
  }
  const byRows = builder();
  for (let r = 0; r < R; r++) byRows.add(1, table.rowTotals[r], `r${r}`, { kind: 'rowTotal', row: r });
  byRows.add(-1, table.total, 't', { kind: 'total' });
  equations.push(byRows.equation);
  const byColumns = builder();
  for (let c = 0; c < C; c++)
    byColumns.add(1, table.columnTotals[c], `k${c}`, { kind: 'columnTotal', column: c });
  byColumns.add(-1, table.total, 't', { kind: 'total' });
  equations.push(byColumns.equation);
  return { unknowns, equations };
}
