import { PairScores } from '../pair-table.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import type { NameReading } from './name-reading.ts';
import {
  computeSequenceSimilarity,
  type PreparedSequence,
  REPAIRED,
  SURNAME_WEIGHT,
  syllableId,
  syllableSimilarity,
} from './name-similarity.ts';

/** Up to this many distinct syllables, their similarities are a dense table (2,048² floats: 16 MB). */
const DENSE_SYLLABLES = 2048;

/**
 * `nameSimilarity` for a fixed set of names, compiled once: each name's readings become integers
 * (surname, surname key, given-name sequence) in flat arrays, given names' syllables small local ids
 * whose similarities fill a dense table as they are met (a few hundred distinct syllables make up
 * tens of thousands of names), and the rarer string comparisons (unrecognised surnames, given names of
 * different lengths) are memoised per pair of ids. The same score as `nameSimilarity` (a test checks
 * it) without strings, maps or allocation in the loop.
 */
export class NameComparer {
  /** Per name: its readings are [start[n], start[n + 1]). */
  private readonly start: Int32Array;
  /** Per reading: canonical surname id (−1 none), surname key id (−1 for ''), sequence id, repaired. */
  private readonly surname: Int32Array;
  private readonly surnameKey: Int32Array;
  private readonly sequence: Int32Array;
  private readonly repaired: Uint8Array;
  private readonly surnameKeys: string[] = [];
  /** Per sequence: its syllables are local ids [syllableStart[q], syllableStart[q + 1]). */
  private readonly sequences: PreparedSequence[] = [];
  private readonly syllableStart: Int32Array;
  private readonly syllables: Int32Array;
  /** Local syllable id → the names module's syllable id; dense similarity table (−1 not yet known). */
  private readonly globalSyllable: number[] = [];
  private readonly syllableTable: Float64Array | null;
  private readonly surnameKeyMemo = new PairScores();
  private readonly sequenceMemo = new PairScores();

  constructor(names: readonly (readonly NameReading[])[]) {
    const total = names.reduce((sum, r) => sum + r.length, 0);
    this.start = new Int32Array(names.length + 1);
    this.surname = new Int32Array(total);
    this.surnameKey = new Int32Array(total);
    this.sequence = new Int32Array(total);
    this.repaired = new Uint8Array(total);
    const surnameIds = new Map<string, number>();
    const keyIds = new Map<string, number>();
    const sequenceIds = new Map<string, number>();
    const localSyllable = new Map<number, number>();
    const sequenceSyllables: number[] = [];
    const syllableStart: number[] = [0];
    const intern = (map: Map<string, number>, text: string, add: () => void) => {
      let id = map.get(text);
      if (id === undefined) {
        id = map.size;
        map.set(text, id);
        add();
      }
      return id;
    };
    let at = 0;
    names.forEach((readings, n) => {
      this.start[n] = at;
      for (const r of readings) {
        this.surname[at] = r.surname === null ? -1 : intern(surnameIds, r.surname, () => {});
        this.surnameKey[at] =
          r.surnameKey === '' ? -1 : intern(keyIds, r.surnameKey, () => this.surnameKeys.push(r.surnameKey));
        this.sequence[at] = intern(sequenceIds, `${r.fine.join('.')}|${r.given}`, () => {
          const ids = Int32Array.from(r.fine, (fine, i) => syllableId(fine, r.syllables[i] ?? ''));
          this.sequences.push({ syllables: ids, given: r.given });
          for (const id of ids) {
            let local = localSyllable.get(id);
            if (local === undefined) {
              local = this.globalSyllable.length;
              localSyllable.set(id, local);
              this.globalSyllable.push(id);
            }
            sequenceSyllables.push(local);
          }
          syllableStart.push(sequenceSyllables.length);
        });
        this.repaired[at] = r.repaired ? 1 : 0;
        at++;
      }
    });
    this.start[names.length] = at;
    this.syllableStart = Int32Array.from(syllableStart);
    this.syllables = Int32Array.from(sequenceSyllables);
    const s = this.globalSyllable.length;
    this.syllableTable = s <= DENSE_SYLLABLES ? new Float64Array(s * s).fill(-1) : null;
  }

  /** Similarity of names a and b (indices into the constructor's list), in [0,1]; as `nameSimilarity`. */
  similarity(a: number, b: number): number {
    let best = 0;
    const aEnd = this.start[a + 1] as number;
    const bStart = this.start[b] as number;
    const bEnd = this.start[b + 1] as number;
    for (let x = this.start[a] as number; x < aEnd; x++)
      for (let y = bStart; y < bEnd; y++) {
        let score =
          SURNAME_WEIGHT * this.surnameSimilarity(x, y) +
          (1 - SURNAME_WEIGHT) * this.sequenceSimilarity(x, y);
        if (this.repaired[x] !== this.repaired[y]) score *= REPAIRED;
        if (score > best) {
          best = score;
          if (best === 1) return 1;
        }
      }
    return best;
  }

  /** As `surnameSimilarity` in name-similarity.ts, on ids. */
  private surnameSimilarity(x: number, y: number): number {
    const sx = this.surname[x] as number;
    const sy = this.surname[y] as number;
    if (sx >= 0 && sy >= 0) return sx === sy ? 1 : 0;
    const kx = this.surnameKey[x] as number;
    const ky = this.surnameKey[y] as number;
    if (kx < 0 || ky < 0) return 0.5;
    if (kx === ky) return sx === sy ? 1 : 0.9;
    let score = this.surnameKeyMemo.get(kx, ky);
    if (score === undefined) {
      score = 0.8 * jaroWinkler(this.surnameKeys[kx] as string, this.surnameKeys[ky] as string);
      this.surnameKeyMemo.set(kx, ky, score);
    }
    return score;
  }

  /** As `computeSequenceSimilarity`: syllable by syllable from the dense table when lengths agree. */
  private sequenceSimilarity(x: number, y: number): number {
    const qx = this.sequence[x] as number;
    const qy = this.sequence[y] as number;
    if (qx === qy) return 1;
    const from = this.syllableStart[qx] as number;
    const n = (this.syllableStart[qx + 1] as number) - from;
    const other = this.syllableStart[qy] as number;
    const table = this.syllableTable;
    if (table !== null && n > 0 && n === (this.syllableStart[qy + 1] as number) - other) {
      const s = this.globalSyllable.length;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const p = this.syllables[from + i] as number;
        const q = this.syllables[other + i] as number;
        let v = table[p * s + q] as number;
        if (v < 0) {
          v =
            p === q
              ? 1
              : syllableSimilarity(this.globalSyllable[p] as number, this.globalSyllable[q] as number);
          table[p * s + q] = v;
          table[q * s + p] = v;
        }
        sum += v;
      }
      return sum / n;
    }
    let score = this.sequenceMemo.get(qx, qy);
    if (score === undefined) {
      score = computeSequenceSimilarity(
        this.sequences[qx] as PreparedSequence,
        this.sequences[qy] as PreparedSequence,
      );
      this.sequenceMemo.set(qx, qy, score);
    }
    return score;
  }
}
