// Interval disclosure: the range each hidden cell must lie in, given the published figures and
// that counts are non-negative integers.

import type { ProtectedTable } from '../count-table.ts';
import { publishedSystem } from './published-equations.ts';

export type CellBounds = { row: number; column: number; lower: number; upper: number; width: number };

/** Tightening stops after this many sweeps (each sweep is cheap; tables settle in a few). */
const MAX_SWEEPS = 200;

/**
 * Bounds for every hidden cell, by iterated Fréchet-style tightening: each unknown of each
 * equation is bounded by the constant minus the bounds of the others, rounded inwards to integers,
 * until nothing changes. The bounds are valid (the true value is always inside) but need not be the
 * sharpest (which would take integer programming); `upper` is Infinity when nothing published
 * bounds the cell. A width of 0 means the cell is disclosed; a small width, that it nearly is.
 */
export function cellBounds(published: ProtectedTable): CellBounds[] {
  const { unknowns, equations } = publishedSystem(published);
  const lower = new Array<number>(unknowns.length).fill(0);
  const upper = new Array<number>(unknowns.length).fill(Number.POSITIVE_INFINITY);

  for (let sweep = 0, changed = true; changed && sweep < MAX_SWEEPS; sweep++) {
    changed = false;
    for (const { terms, constant } of equations) {
      for (const { unknown, coefficient } of terms) {
        // coefficient·x = constant − Σ others; the others range over [low, high].
        let low = 0;
        let high = 0;
        for (const other of terms) {
          if (other.unknown === unknown) continue;
          const lo = lower[other.unknown] as number;
          const hi = upper[other.unknown] as number;
          if (other.coefficient > 0) {
            low += lo;
            high += hi;
          } else {
            low -= hi;
            high -= lo;
          }
        }
        const from = coefficient > 0 ? constant - high : low - constant;
        const to = coefficient > 0 ? constant - low : high - constant;
        const newLower = Math.max(lower[unknown] as number, Math.ceil(from));
        const newUpper = Math.min(upper[unknown] as number, Math.floor(to));
        if (newLower !== lower[unknown] || newUpper !== upper[unknown]) {
          lower[unknown] = newLower;
          upper[unknown] = newUpper;
          changed = true;
        }
      }
    }
  }

  const bounds: CellBounds[] = [];
  unknowns.forEach((figure, i) => {
    if (figure.kind !== 'cell') return;
    const lo = lower[i] as number;
    const hi = upper[i] as number;
    bounds.push({ row: figure.row, column: figure.column, lower: lo, upper: hi, width: hi - lo });
  });
  return bounds.sort((a, b) => a.row - b.row || a.column - b.column);
}
