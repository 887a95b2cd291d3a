import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Random } from '../demo/random.ts';
import { fitEm, initialM } from './em.ts';
import { FIELD_COUNT, LEVEL_COUNTS, PATTERN_COUNT, patternOf } from './fields.ts';

/** A distribution over a field's levels, from unnormalised weights. */
function dist(weights: number[]): number[] {
  const s = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / s);
}

function draw(random: Random, p: number[]): number {
  let x = random.next();
  for (let l = 0; l < p.length; l++) {
    x -= p[l] as number;
    if (x < 0) return l;
  }
  return p.length - 1;
}

describe('EM for the Fellegi–Sunter mixture', () => {
  // Known truth: matches agree, non-matches mostly do not; every field has its own level count.
  const trueM = LEVEL_COUNTS.map((l) => dist(Array.from({ length: l }, (_, k) => 1 + 3 * k * k)));
  const trueU = LEVEL_COUNTS.map((l) => dist(Array.from({ length: l }, (_, k) => 4 ** (l - k))));
  const lambda = 0.15;

  function simulate(pairs: number, seed: number, missing: number): Float64Array {
    const random = new Random(seed);
    const counts = new Float64Array(PATTERN_COUNT);
    for (let k = 0; k < pairs; k++) {
      const match = random.chance(lambda);
      const levels = Array.from({ length: FIELD_COUNT }, (_, f) =>
        random.chance(missing) ? undefined : draw(random, (match ? trueM : trueU)[f] as number[]),
      );
      counts[patternOf(levels)]! += 1;
    }
    return counts;
  }

  it('recovers λ, m and u from comparison vectors simulated from them, missing fields included', () => {
    const counts = simulate(200_000, 7, 0.2);
    const flatU = LEVEL_COUNTS.map((l) => dist(new Array(l).fill(1)));
    const result = fitEm(counts, { lambda: 0.5, m: initialM(), u: flatU });
    assert.ok(result.converged, 'EM converged');
    assert.ok(Math.abs(result.parameters.lambda - lambda) < 0.01, `λ ${result.parameters.lambda}`);
    for (let f = 0; f < FIELD_COUNT; f++)
      for (let l = 0; l < (LEVEL_COUNTS[f] as number); l++) {
        const m = result.parameters.m[f]?.[l] as number;
        const u = result.parameters.u[f]?.[l] as number;
        assert.ok(Math.abs(m - (trueM[f]?.[l] as number)) < 0.02, `m[${f}][${l}] ${m} vs ${trueM[f]?.[l]}`);
        assert.ok(Math.abs(u - (trueU[f]?.[l] as number)) < 0.02, `u[${f}][${l}] ${u} vs ${trueU[f]?.[l]}`);
      }
  });

  it('with u fixed at its true value, recovers m and λ and leaves u as given', () => {
    const counts = simulate(100_000, 11, 0);
    const result = fitEm(counts, { lambda: 0.5, m: initialM(), u: trueU }, { fixU: true });
    assert.ok(Math.abs(result.parameters.lambda - lambda) < 0.01);
    assert.deepEqual(result.parameters.u, trueU);
    for (let f = 0; f < FIELD_COUNT; f++)
      for (let l = 0; l < (LEVEL_COUNTS[f] as number); l++)
        assert.ok(Math.abs((result.parameters.m[f]?.[l] as number) - (trueM[f]?.[l] as number)) < 0.02);
  });

  it('each iteration does not lower the likelihood', () => {
    const counts = simulate(20_000, 3, 0.1);
    const flatU = LEVEL_COUNTS.map((l) => dist(new Array(l).fill(1)));
    let previous = Number.NEGATIVE_INFINITY;
    for (const iterations of [1, 2, 4, 8, 16]) {
      const { logLikelihood } = fitEm(
        counts,
        { lambda: 0.5, m: initialM(), u: flatU },
        { maxIterations: iterations },
      );
      assert.ok(logLikelihood >= previous - 1e-6, `iteration ${iterations}`);
      previous = logLikelihood;
    }
  });
});
