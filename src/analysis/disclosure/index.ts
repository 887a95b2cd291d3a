// Disclosure control for anything that may leave the organisation (issue 7).

export { type CellBounds, cellBounds } from './cell-bounds.ts';
export { DEFAULT_THRESHOLD, type ProtectOptions, protectTable } from './protect-table.ts';
export { type RecoveredFigure, recoverableCells, recoverableFigures } from './recoverable.ts';
export {
  assertNoSmallCells,
  COUNT_FIELDS,
  checkSmallCells,
  type SmallCellViolation,
} from './small-cell-check.ts';
