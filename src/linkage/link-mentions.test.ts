import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidatePairs } from './blocking.ts';
import { extractFeatures } from './features.ts';
import { generateMentions } from './generate-mentions.ts';
import { linkMentions } from './link-mentions.ts';
import type { Mention } from './mention.ts';
import { blockingRecall, pairwiseMetrics } from './pairwise-metrics.ts';

describe('linkMentions on generated mentions with known identities', () => {
  const data = generateMentions({ persons: 300, seed: 11 });
  const result = linkMentions(data.mentions, { uSamples: 50_000 });

  it('pairwise F1 ≥ 0.9 at 300 persons', () => {
    const metrics = pairwiseMetrics(result.clusters, data.person);
    assert.ok(
      metrics.f1 >= 0.9,
      `F1 ${metrics.f1.toFixed(3)} (P ${metrics.precision.toFixed(3)}, R ${metrics.recall.toFixed(3)})`,
    );
  });

  it('blocking alone keeps ≥ 95% of the true same-person pairs', () => {
    const f = extractFeatures(data.mentions);
    const recall = blockingRecall(
      candidatePairs(f),
      data.mentions.map((m) => data.person.get(m.id) as string),
    );
    assert.ok(recall >= 0.95, `blocking recall ${recall.toFixed(3)}`);
  });

  it('every mention has a cluster named by one of its members; every link is explained', () => {
    assert.equal(result.clusters.size, data.mentions.length);
    for (const [id, cluster] of result.clusters) assert.equal(result.clusters.get(cluster), cluster, id);
    assert.ok(result.model.converged);
    for (const pair of result.links) {
      const sum = pair.prior_weight + pair.fields.reduce((s, f) => s + f.weight, 0);
      assert.ok(Math.abs(sum - pair.weight) < 1e-9);
      assert.ok(Math.abs(pair.probability - 1 / (1 + 2 ** -pair.weight)) < 1e-12);
      assert.ok(pair.probability >= 0.5);
    }
    for (const pair of result.uncertain) assert.ok(pair.probability >= 0.2 && pair.probability < 0.8);
  });
});

describe('term-frequency adjustment and reviewers’ decisions', () => {
  // A population where one name is very common and another appears once per person.
  const base = generateMentions({ persons: 400, seed: 5 }).mentions;
  const common = 'Kim Chol-su';
  const extra: Mention[] = [];
  for (let k = 0; k < 60; k++)
    extra.push({ id: `c${k}`, name: common, sex: 'M', birth_year: 1950 + (k % 40) });
  const probe = (id: string, name: string): Mention => ({ id, name, sex: 'M', birth_year: 1971, source: id });
  const mentions = [
    ...base,
    ...extra,
    probe('common-a', common),
    probe('common-b', common),
    probe('rare-a', 'Tak Ung-gyu'),
    probe('rare-b', 'Tak Ung-gyu'),
  ];
  const result = linkMentions(mentions, { reviewBand: [0, 1], uSamples: 50_000 });
  const pairOf = (a: string, b: string) =>
    [...result.links, ...result.uncertain].find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));

  it('agreeing on a rare name weighs more than agreeing on a common one, all else equal', () => {
    const rare = pairOf('rare-a', 'rare-b');
    const commonPair = pairOf('common-a', 'common-b');
    assert.ok(rare && commonPair, 'both pairs were scored');
    const nameWeight = (p: typeof rare) => p?.fields.find((f) => f.field === 'name')?.weight ?? 0;
    assert.ok(
      nameWeight(rare) > nameWeight(commonPair) + 2,
      `${nameWeight(rare)} vs ${nameWeight(commonPair)}`,
    );
    assert.ok((rare?.probability ?? 0) > (commonPair?.probability ?? 1));
  });

  it('a recorded split holds even when a third mention matches both; a recorded merge holds', () => {
    const trio: Mention[] = [
      { id: 'x1', name: 'Ryang Hyok-chol', sex: 'M', birth_year: 1966, origin: 'Hoeryong', source: 's1' },
      { id: 'x2', name: '량혁철', sex: 'M', birth_year: 1966, origin: '회령', source: 's2' },
      { id: 'x3', name: 'Yang Hyeok-cheol', sex: 'M', birth_year: 1966, origin: 'Hoeryong', source: 's3' },
    ];
    const all = [...base, ...trio];
    const free = linkMentions(all, { uSamples: 50_000 }).clusters;
    assert.equal(free.get('x1'), free.get('x3'), 'without constraints the three are one person');
    const split = linkMentions(all, { cannotLink: [['x1', 'x3']], uSamples: 50_000 }).clusters;
    assert.notEqual(split.get('x1'), split.get('x3'));
    const merged = linkMentions(all, {
      mustLink: [['x1', base[0]?.id as string]],
      uSamples: 50_000,
    }).clusters;
    assert.equal(merged.get('x1'), merged.get(base[0]?.id as string));
  });
});
