import assert from 'node:assert/strict';
import { it } from 'node:test';
import { distinctCounter } from './distinct-counter.ts';

it('counts distinct numbers in a bitset, beyond its range in a set, and without a range', () => {
  for (const capacity of [64, undefined]) {
    const counter = distinctCounter(capacity);
    for (const n of [0, 31, 32, 63, 31, 0, 64, 1000, 1000, 5]) counter.add(n);
    assert.equal(counter.size, 7, String(capacity));
  }
});
