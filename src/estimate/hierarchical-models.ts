import { captureCount } from './capture-data.ts';

/**
 * Every hierarchical set of interactions among t lists up to order `maxOrder` (as Rcapture's
 * `getAllModels`): a k-way interaction appears only with all its (k−1)-way sub-interactions.
 * Main effects are always in. Each set is a list of bitmasks, pairs first.
 */
export function hierarchicalModels(
  t: number,
  maxOrder: number,
  limit = Number.POSITIVE_INFINITY,
): number[][] {
  const termsOfOrder = (k: number) => [...Array(1 << t).keys()].filter((mask) => captureCount(mask) === k);
  const result: number[][] = [];
  const extend = (chosen: number[], order: number) => {
    if (result.length > limit) throw new TooManyModels(limit);
    if (order > maxOrder) {
      result.push(chosen);
      return;
    }
    const present = new Set(chosen);
    // A term may enter when every sub-term one order lower is in (main effects always are).
    const candidates = termsOfOrder(order).filter(
      (term) => order === 2 || subTerms(term).every((sub) => present.has(sub)),
    );
    if (candidates.length === 0) {
      result.push(chosen);
      return;
    }
    for (let subset = 0; subset < 1 << candidates.length; subset++) {
      const added = candidates.filter((_, i) => subset & (1 << i));
      if (order < maxOrder && added.length === 0) result.push(chosen);
      else extend([...chosen, ...added], order + 1);
    }
  };
  extend([], 2);
  return result;
}

/** More hierarchical models than a search should fit (Rcapture's `stopiflong`). */
export class TooManyModels extends Error {
  constructor(limit: number) {
    super(`more than ${limit} hierarchical models`);
  }
}

/** The terms one order lower that a term contains. */
function subTerms(term: number): number[] {
  const subs: number[] = [];
  for (let j = 0; 1 << j <= term; j++) if (term & (1 << j)) subs.push(term & ~(1 << j));
  return subs;
}
