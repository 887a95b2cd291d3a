/** How long a statement takes to speak, against its slot. */
export type StatementTiming = {
  words: number;
  words_per_minute: number;
  minutes: number;
  slot: { min: number; max: number };
  /** `under`: shorter than the slot; `over`: longer; otherwise `within`. */
  fit: 'under' | 'within' | 'over';
  /** Words to add (under) or cut (over) to fit; 0 within. */
  adjust_by: number;
};

/** Speaking time of `words` at a pace, checked against a slot in minutes. Pure. */
export function statementTiming(
  words: number,
  wordsPerMinute: number,
  slot: { min: number; max: number },
): StatementTiming {
  const minutes = words / wordsPerMinute;
  const fit = minutes < slot.min ? 'under' : minutes > slot.max ? 'over' : 'within';
  const adjust =
    fit === 'under'
      ? Math.ceil(slot.min * wordsPerMinute - words)
      : fit === 'over'
        ? Math.ceil(words - slot.max * wordsPerMinute)
        : 0;
  return { words, words_per_minute: wordsPerMinute, minutes, slot, fit, adjust_by: adjust };
}

/** Minutes as m:ss, e.g. 5.5 → "5:30". */
export function minutesAndSeconds(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
