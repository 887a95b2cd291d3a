import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Random } from '../../demo/random.ts';
import { generateMentions } from '../generate-mentions.ts';
import { NameComparer } from './name-comparer.ts';
import { nameSimilarity } from './name-similarity.ts';
import { readName } from './read-name.ts';

describe('NameComparer', () => {
  it('scores every pair exactly as nameSimilarity does', () => {
    const mentions = generateMentions({ persons: 400, seed: 3 }).mentions;
    const names = mentions
      .map((m) => [...readName(m.name_ko), ...readName(m.name)])
      .filter((r) => r.length > 0);
    names.push(
      ...['Ri Yong Ho', '리용호', 'Lee Young-ho', 'Kimyongho', 'Jogn Hye Yong', 'Xyz Abc'].map(readName),
    );
    const comparer = new NameComparer(names);
    const random = new Random(7);
    for (let k = 0; k < 20_000; k++) {
      const a = Math.floor(random.next() * names.length);
      const b = k < 2_000 ? names.length - 1 - (k % 6) : Math.floor(random.next() * names.length);
      assert.equal(
        comparer.similarity(a, b),
        nameSimilarity(names[a] ?? [], names[b] ?? []),
        `pair ${a}, ${b}`,
      );
    }
  });
});
