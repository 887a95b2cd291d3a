// Exact fractions over bigint, for elimination without rounding.

/** n / d with d > 0 and gcd(n, d) = 1. */
export type Rational = { n: bigint; d: bigint };

export const ZERO: Rational = { n: 0n, d: 1n };

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n < 0n ? -n : n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const isZero = (a: Rational): boolean => a.n === 0n;
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);
export const toNumber = (a: Rational): number => Number(a.n) / Number(a.d);

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
