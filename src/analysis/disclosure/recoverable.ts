// The audit: which hidden figures of a published table can be computed exactly from what it shows.
// Gaussian elimination over the published equations, in exact fractions — deliberately not the
// graph reasoning the suppressor uses, so that each checks the other.

import type { ProtectedTable } from '../count-table.ts';
import { publishedSystem, type Unknown } from './published-equations.ts';
import { div, isZero, mul, type Rational, rational, sub, toNumber, ZERO } from './rational.ts';

export type RecoveredFigure = { figure: Unknown; value: number };

/**
 * Every hidden figure (cell or margin) whose value is fixed by the published figures. Reduces the
 * augmented system to reduced row echelon form; an unknown is fixed exactly when some reduced row
 * has it as its only unknown (then, and only then, its unit vector lies in the row space). Throws
 * when the published figures contradict each other.
 */
export function recoverableFigures(published: ProtectedTable): RecoveredFigure[] {
  const { unknowns, equations } = publishedSystem(published);
  const width = unknowns.length;
  const matrix: Rational[][] = equations.map((equation) => {
    const row = new Array<Rational>(width + 1).fill(ZERO);
    for (const { unknown, coefficient } of equation.terms) row[unknown] = rational(BigInt(coefficient));
    row[width] = rational(BigInt(equation.constant));
    return row;
  });

  let rank = 0;
  for (let column = 0; column < width && rank < matrix.length; column++) {
    const pivotRow = matrix.findIndex((row, i) => i >= rank && !isZero(row[column] as Rational));
    if (pivotRow === -1) continue;
    const pivot = matrix[pivotRow] as Rational[];
    matrix[pivotRow] = matrix[rank] as Rational[];
    const pivotValue = pivot[column] as Rational;
    const scaled = pivot.map((x) => div(x, pivotValue));
    matrix[rank] = scaled;
    for (let i = 0; i < matrix.length; i++) {
      const row = matrix[i] as Rational[];
      const factor = row[column] as Rational;
      if (i === rank || isZero(factor)) continue;
      matrix[i] = row.map((x, j) => sub(x, mul(factor, scaled[j] as Rational)));
    }
    rank++;
  }
  for (let i = rank; i < matrix.length; i++) {
    const constant = (matrix[i] as Rational[])[width] as Rational;
    if (!isZero(constant)) throw new Error(`${published.title}: the published figures do not add up`);
  }

  const found: RecoveredFigure[] = [];
  for (let i = 0; i < rank; i++) {
    const row = matrix[i] as Rational[];
    const nonZero: number[] = [];
    for (let j = 0; j < width && nonZero.length < 2; j++) if (!isZero(row[j] as Rational)) nonZero.push(j);
    const only = nonZero[0];
    if (nonZero.length !== 1 || only === undefined) continue;
    found.push({ figure: unknowns[only] as Unknown, value: toNumber(row[width] as Rational) });
  }
  return found;
}

/** The hidden cells that can be computed exactly from the published table; [] for a safe table. */
export function recoverableCells(
  published: ProtectedTable,
): { row: number; column: number; value: number }[] {
  const cells: { row: number; column: number; value: number }[] = [];
  for (const { figure, value } of recoverableFigures(published)) {
    if (figure.kind === 'cell') cells.push({ row: figure.row, column: figure.column, value });
  }
  return cells.sort((a, b) => a.row - b.row || a.column - b.column);
}
