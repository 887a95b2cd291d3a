import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateMentions } from './generate-mentions.ts';
import { linkMentions } from './link-mentions.ts';
import type { Mention } from './mention.ts';

// Clusters compared as people: a person named in many testimonies takes in a mention that gives
// little beyond the name, and two well-attested namesakes stay apart on what they disagree on.
describe('person-level clustering', () => {
  const base = generateMentions({ persons: 600, seed: 7 }).mentions;
  const spellings = ['림철국', "Im Ch'ŏl-kuk", 'Rim Cholguk', 'Lim Chol-guk', '임철국', 'Rim Chol Guk'];
  const often: Mention[] = Array.from({ length: 12 }, (_, k) => ({
    id: `rim-${k}`,
    name: spellings[k % spellings.length] as string,
    sex: 'M',
    birth_year: k % 4 === 3 ? undefined : 1951,
    origin: k % 3 === 0 ? 'Pyongyang' : undefined,
    facility: k % 2 === 0 ? 'Camp 18' : 'Bukchang',
    source: `rim-source-${k}`,
  }));
  const nameOnly: Mention = { id: 'rim-name-only', name: '림철국', sex: 'M', source: 'rim-source-x' };
  // Two men of one common name, each named in six testimonies, born 22 years apart.
  const namesake = (who: string, year: number, k: number): Mention => ({
    id: `${who}-${k}`,
    name: k % 2 ? 'Kim Yong-chol' : '김영철',
    sex: 'M',
    birth_year: year + (k === 4 ? 1 : 0),
    facility: 'Kyohwaso No. 12',
    source: `${who}-source-${k}`,
  });
  const older = Array.from({ length: 6 }, (_, k) => namesake('older', 1950, k));
  const younger = Array.from({ length: 6 }, (_, k) => namesake('younger', 1972, k));
  const mentions = [...base, ...often, nameOnly, ...older, ...younger];
  const result = linkMentions(mentions, { uSamples: 50_000 });
  const cluster = (id: string) => result.clusters.get(id);

  it('a person named in twelve testimonies is one cluster, and takes in a mention giving only the name', () => {
    for (const m of often) assert.equal(cluster(m.id), cluster('rim-0'), m.id);
    assert.equal(cluster('rim-name-only'), cluster('rim-0'));
  });

  it('two namesakes named six times each stay two people: their birth years disagree', () => {
    for (const m of older) assert.equal(cluster(m.id), cluster('older-0'), m.id);
    for (const m of younger) assert.equal(cluster(m.id), cluster('younger-0'), m.id);
    assert.notEqual(cluster('older-0'), cluster('younger-0'));
  });

  it('mean pairwise weights alone (the earlier clustering) join the two namesakes', () => {
    const fields = linkMentions(mentions, { uSamples: 50_000, linkage: 'fields' });
    assert.equal(fields.clusters.get('older-0'), fields.clusters.get('younger-0'));
  });
});
