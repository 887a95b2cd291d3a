import { createHash } from 'node:crypto';
import { recommendationWords } from './recommendation-features.ts';

/**
 * Whether a recommendation belongs to the held-out part (about one in five): decided by a hash of
 * its words, so the same text — which UPR Info repeats once per recommending state, and states
 * repeat across reviews — always falls in the same part, whatever its case and punctuation.
 */
export function isHeldOut(text: string, parts = 5): boolean {
  const digest = createHash('sha256').update(recommendationWords(text).join(' ')).digest();
  return digest.readUInt32BE(0) % parts === 0;
}
