import { BLOCKING_RULES, type BlockingRule } from './blocking-rules.ts';
import type { Features } from './features.ts';

export type BlockingOptions = {
  rules?: BlockingRule[];
  /** Blocks larger than this are not compared all against all but by sorted neighbourhood. */
  maxBlock?: number;
  /** In a sorted-neighbourhood block, how many neighbours on each side a mention is compared with. */
  window?: number;
};

/** Candidate pairs (i < j), each once, in increasing i. */
export type CandidatePairs = { count: number; left: Int32Array; right: Int32Array; oversizedBlocks: number };

/**
 * Candidate pairs from the union of the blocking rules. A block of up to `maxBlock` mentions is
 * compared all against all; a larger one (a very common name) is sorted by birth year, then name
 * and each mention compared with its `window` neighbours on either side, so that a huge block costs
 * linear, not quadratic, time and its likeliest pairs are still compared. Pairs found by several
 * rules are emitted once (a per-mention stamp, no hash set).
 */
export function candidatePairs(f: Features, options: BlockingOptions = {}): CandidatePairs {
  const rules = options.rules ?? BLOCKING_RULES;
  const maxBlock = options.maxBlock ?? 400;
  const window = options.window ?? 40;
  const n = f.count;
  const blocks: number[][] = [];
  /** Per block: 0 all pairs, else the window of a sorted neighbourhood. */
  const windows: number[] = [];
  /** Per block: 1 when only pairs with an unnamed mention count. */
  const unnamedOnly: number[] = [];
  let oversizedBlocks = 0;
  for (const rule of rules) {
    if (rule.window) {
      const index = new Map<string, { i: number; sort: string }[]>();
      for (let i = 0; i < n; i++)
        for (const key of rule.keys(f, i)) {
          const tab = key.indexOf('\t');
          const block = key.slice(0, tab);
          const entry = { i, sort: key.slice(tab + 1) };
          const members = index.get(block);
          if (members) members.push(entry);
          else index.set(block, [entry]);
        }
      for (const members of index.values()) {
        if (members.length < 2) continue;
        members.sort((x, y) => (x.sort < y.sort ? -1 : x.sort > y.sort ? 1 : x.i - y.i));
        blocks.push(members.map((m) => m.i));
        windows.push(rule.window);
        unnamedOnly.push(rule.unnamed ? 1 : 0);
      }
      continue;
    }
    const index = new Map<string, number[]>();
    for (let i = 0; i < n; i++)
      for (const key of rule.keys(f, i)) {
        const members = index.get(key);
        if (members) members.push(i);
        else index.set(key, [i]);
      }
    for (const members of index.values()) {
      if (members.length < 2) continue;
      if (members.length > maxBlock && !rule.unnamed) {
        // Oversized: a sorted neighbourhood by birth year, then name.
        oversizedBlocks++;
        members.sort(
          (x, y) =>
            (f.birthYear[x] as number) - (f.birthYear[y] as number) ||
            (f.name[x] as number) - (f.name[y] as number) ||
            x - y,
        );
        windows.push(window);
      } else windows.push(0);
      blocks.push(members);
      unnamedOnly.push(rule.unnamed ? 1 : 0);
    }
  }

  // Memberships, by mention: (block, position).
  const offsets = new Int32Array(n + 1);
  for (const members of blocks) for (const i of members) offsets[i + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i] as number;
  const fill = offsets.slice(0, n);
  const memberBlock = new Int32Array(offsets[n] as number);
  const memberPos = new Int32Array(offsets[n] as number);
  blocks.forEach((members, b) => {
    members.forEach((i, pos) => {
      const at = fill[i]!++;
      memberBlock[at] = b;
      memberPos[at] = pos;
    });
  });

  let left = new Int32Array(1 << 16);
  let right = new Int32Array(1 << 16);
  let count = 0;
  const stamp = new Int32Array(n).fill(-1);
  const emit = (i: number, j: number) => {
    if (stamp[j] === i) return;
    stamp[j] = i;
    if (count === left.length) {
      const l = new Int32Array(left.length * 2);
      l.set(left);
      left = l;
      const r = new Int32Array(right.length * 2);
      r.set(right);
      right = r;
    }
    left[count] = i;
    right[count] = j;
    count++;
  };
  for (let i = 0; i < n; i++) {
    for (let at = offsets[i] as number; at < (offsets[i + 1] as number); at++) {
      const b = memberBlock[at] as number;
      const members = blocks[b] as number[];
      const pos = memberPos[at] as number;
      const w = windows[b] as number;
      if (unnamedOnly[b] && (f.name[i] as number) >= 0) {
        // Pairs with an unnamed mention (such blocks are never windowed, so members ascend): a
        // named i pairs only with the unnamed members after it.
        for (let k = pos + 1; k < members.length; k++) {
          const j = members[k] as number;
          if ((f.name[j] as number) < 0) emit(i, j);
        }
      } else if (w > 0) {
        const end = Math.min(members.length, pos + w + 1);
        for (let k = Math.max(0, pos - w); k < end; k++) {
          const j = members[k] as number;
          if (j > i) emit(i, j);
        }
      } else for (let k = pos + 1; k < members.length; k++) emit(i, members[k] as number);
    }
  }
  return { count, left: left.subarray(0, count), right: right.subarray(0, count), oversizedBlocks };
}
