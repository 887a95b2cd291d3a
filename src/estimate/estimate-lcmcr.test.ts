import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CaptureData, captureDataFromRows } from './capture-data.ts';
import { estimateLcmcr } from './estimate-lcmcr.ts';
import { effectiveSampleSize } from './mcmc-diagnostics.ts';
import { randomSource } from './random-source.ts';

/** A population of `size` with two hidden groups, caught by four lists independently within each group. */
function simulated(size: number, seed: number): CaptureData {
  const random = randomSource(seed);
  const groups = [
    { share: 0.6, p: [0.35, 0.3, 0.4, 0.25] },
    { share: 0.4, p: [0.1, 0.15, 0.05, 0.12] },
  ];
  const rows: { history: number[]; count: number }[] = [];
  for (let i = 0; i < size; i++) {
    const group = random.uniform() < (groups[0]?.share ?? 0) ? groups[0] : groups[1];
    const history = (group?.p ?? []).map((p) => (random.uniform() < p ? 1 : 0));
    rows.push({ history, count: 1 });
  }
  return captureDataFromRows(['A', 'B', 'C', 'D'], rows);
}

describe('LCMCR', () => {
  const data = simulated(3000, 11);
  const settings = { burnIn: 1000, sweeps: 2000 };

  it('is reproducible: the same seed gives the same estimate, another seed another', () => {
    const one = estimateLcmcr(data, { ...settings, seed: 42 });
    const again = estimateLcmcr(data, { ...settings, seed: 42 });
    const other = estimateLcmcr(data, { ...settings, seed: 43 });
    assert.deepEqual(one, again);
    assert.notDeepEqual(one.selected, other.selected);
  });

  it('recovers a simulated heterogeneous population within its credible interval', () => {
    const report = estimateLcmcr(data, { burnIn: 2000, sweeps: 4000, seed: 5 });
    const s = report.selected;
    assert.ok(s);
    assert.ok(s.lower <= 3000 && 3000 <= s.upper, `${s.lower}–${s.upper}`);
    assert.ok(s.lower >= report.n_observed);
  });

  it('reports its diagnostics, and warns when the chain is too short to trust', () => {
    const full = estimateLcmcr(data, { ...settings, seed: 1 });
    for (const key of ['effective_sample_size', 'geweke_z', 'mean_classes_used', 'seed'])
      assert.ok(key in full.details, key);
    const short = estimateLcmcr(data, { burnIn: 0, sweeps: 60, seed: 1 });
    assert.ok(short.warnings.some((w) => /effective sample size/.test(w)));
  });

  it('effective sample size: about n for independent draws, far less for a sticky chain', () => {
    const random = randomSource(3);
    const independent = Array.from({ length: 4000 }, () => random.uniform());
    assert.ok(effectiveSampleSize(independent) > 3000);
    const sticky = Array.from({ length: 4000 }, (_, i) => Math.floor(i / 200));
    assert.ok(effectiveSampleSize(sticky) < 100);
  });
});
