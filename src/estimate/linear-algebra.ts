// Small dense symmetric systems (normal equations of IRLS, at most a few dozen unknowns).

/**
 * Cholesky factor L (row-major, lower triangle) of the p×p symmetric matrix `a`, or undefined when `a`
 * is not positive definite to working precision: the model's parameters are then not identifiable.
 */
export function cholesky(a: Float64Array, p: number, into?: Float64Array): Float64Array | undefined {
  const l = into ?? new Float64Array(p * p);
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(a[i * p + i] as number));
  const tolerance = scale * 1e-11;
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j] as number;
    const rowJ = j * p;
    for (let k = 0; k < j; k++) {
      const v = l[rowJ + k] as number;
      diagonal -= v * v;
    }
    if (!(diagonal > tolerance)) return undefined;
    const root = Math.sqrt(diagonal);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      const rowI = i * p;
      let sum = a[rowI + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[rowI + k] as number) * (l[rowJ + k] as number);
      l[rowI + j] = sum / root;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for x, given the Cholesky factor L. */
export function choleskySolve(
  l: Float64Array,
  p: number,
  b: Float64Array,
  scratch?: Float64Array,
  out?: Float64Array,
): Float64Array {
  const y = scratch ?? new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * p + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * p + i] as number);
  }
  const x = out ?? new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < p; k++) sum -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * p + i] as number);
  }
  return x;
}

/** Diagonal of (L Lᵀ)⁻¹ = Σ_k (L⁻¹)²_kj: the variances of the estimates when L factors the information matrix. */
export function inverseDiagonal(l: Float64Array, p: number): Float64Array {
  // Invert the triangular factor column by column (forward substitution), summing squares as we go.
  const diagonal = new Float64Array(p);
  const column = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    column.fill(0);
    for (let i = j; i < p; i++) {
      let sum = i === j ? 1 : 0;
      for (let k = j; k < i; k++) sum -= (l[i * p + k] as number) * (column[k] as number);
      column[i] = sum / (l[i * p + i] as number);
      diagonal[j] = (diagonal[j] as number) + (column[i] as number) ** 2;
    }
  }
  return diagonal;
}
