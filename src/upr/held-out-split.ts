import { createHash } from 'node:crypto';
import { recommendationWords } from './recommendation-features.ts';

/**
 * Which of `parts` folds a recommendation falls in: decided by a hash of its words, so the same
 * text — which UPR Info repeats once per recommending state, and states repeat across reviews —
 * always falls in the same fold, whatever its case and punctuation.
 */
export function splitFold(text: string, parts = 5): number {
  const digest = createHash('sha256').update(recommendationWords(text).join(' ')).digest();
  return digest.readUInt32BE(0) % parts;
}

/** Whether a recommendation belongs to the held-out part (fold 0 of five, about one in five). */
export function isHeldOut(text: string, parts = 5): boolean {
  return splitFold(text, parts) === 0;
}
