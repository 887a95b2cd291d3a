import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSharedHistories as loadShared } from '../testing/shared-data.ts';
import { type CaptureData, captureDataFromRows, marginOf } from './capture-data.ts';
import { fitLogLinearModel, isNotEstimable, type ModelFit } from './fit-log-linear-model.ts';
import type { LogLinearModel } from './log-linear-model.ts';
import { profileLikelihoodInterval } from './profile-likelihood-interval.ts';

function twoLists(both: number, firstOnly: number, secondOnly: number): CaptureData {
  return captureDataFromRows(
    ['A', 'B'],
    [
      { history: [1, 1], count: both },
      { history: [1, 0], count: firstOnly },
      { history: [0, 1], count: secondOnly },
    ],
  );
}

function fit(data: CaptureData, model: LogLinearModel): ModelFit {
  const result = fitLogLinearModel(data, model);
  if (isNotEstimable(result)) assert.fail(result.reason);
  return result;
}

/** Relative closeness, for published figures printed to a few digits. */
function near(actual: number, expected: number, tolerance: number) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);
}

describe('log-linear models: closed forms', () => {
  it('two lists: the independence model is the Lincoln–Petersen estimate n1·n2/m, exactly', () => {
    for (const [m, a, b] of [
      [167, 781, 254],
      [3, 10, 12],
      [5, 3, 7],
    ] as const) {
      const n1 = m + a;
      const n2 = m + b;
      const estimate = fit(twoLists(m, a, b), { lists: 2, interactions: [] });
      near(estimate.N, (n1 * n2) / m, 1e-9 * estimate.N);
    }
  });

  it('two lists: the same model on (m + 1, n1 + 1, n2 + 1), less one, is Chapman’s estimate', () => {
    const [m, a, b] = [167, 781, 254];
    const chapman = ((m + a + 1) * (m + b + 1)) / (m + 1) - 1;
    const shifted = fit(twoLists(m + 1, a, b), { lists: 2, interactions: [] });
    near(shifted.N - 1, chapman, 1e-9 * chapman);
  });

  it('Seber (1982, p. 107): Mt gives 2389.9 and M0 2805.6, as Rcapture prints', () => {
    const data = twoLists(167, 781, 254);
    near(fit(data, { lists: 2, interactions: [] }).N, 2389.9, 0.05);
    near(fit(data, { lists: 2, common: true, interactions: [] }).N, 2805.6, 0.05);
  });

  it('fitted margins equal observed margins for every term of the model', () => {
    const data = loadShared('lesbian.csv');
    const model = { lists: 4, interactions: [0b0011, 0b0101, 0b1100] };
    const result = fit(data, model);
    for (const term of [1, 2, 4, 8, ...model.interactions]) {
      let fitted = 0;
      for (let h = 1; h < 16; h++) if ((h & term) === term) fitted += result.poisson.fitted[h - 1] as number;
      near(fitted, marginOf(data, term), 1e-6);
    }
  });
});

describe('log-linear models: published analyses', () => {
  // Rcapture 1.3 (Baillargeon & Rivest 2007, J. Stat. Softw. 19(5)), examples of ?HIV and
  // ?closedpCI as saved in the package's tests/Examples/Rcapture-Ex.Rout.save, on the HIV data
  // of Abeni, Brancato & Perucci (1994), Epidemiology 5:410–414.
  const hiv = loadShared('hiv-rome.csv');

  it('HIV, Mt with interaction 1,2: N 12318.5 (se 1188.7), deviance 7.614 on 9 df, AIC 86.65', () => {
    const result = fit(hiv, { lists: 4, interactions: [0b0011] });
    near(result.N, 12318.5, 0.05);
    near(result.se, 1188.7, 0.05);
    near(result.deviance, 7.614, 0.0005);
    assert.equal(result.df, 9);
    near(result.aic, 86.65, 0.005);
  });

  it('HIV, Mt with every pairwise interaction: N 23443.5 (se 9594.9), deviance 3.037 on 4 df, AIC 92.073', () => {
    const result = fit(hiv, { lists: 4, interactions: [3, 5, 9, 6, 10, 12] });
    near(result.N, 23443.5, 0.05);
    near(result.se, 9594.9, 0.05);
    near(result.deviance, 3.037, 0.0005);
    assert.equal(result.df, 4);
    near(result.aic, 92.073, 0.0005);
  });

  it('HIV: multinomial profile-likelihood intervals 12308 (10266, 14992.3) and 23269.8 (10027.6, 50046.3)', () => {
    const m12 = { lists: 4, interactions: [0b0011] };
    const one = profileLikelihoodInterval(hiv, m12, fit(hiv, m12).N);
    near(one?.N ?? 0, 12308, 0.5);
    near(one?.lower ?? 0, 10266, 0.5);
    near(one?.upper ?? 0, 14992.3, 0.05);
    const all = { lists: 4, interactions: [3, 5, 9, 6, 10, 12] };
    const two = profileLikelihoodInterval(hiv, all, fit(hiv, all).N);
    // This profile is so flat at its top (se ≈ 9,600) that double precision fixes its argmax to ±0.2.
    near(two?.N ?? 0, 23269.8, 0.5);
    near(two?.lower ?? 0, 10027.6, 0.05);
    near(two?.upper ?? 0, 50046.3, 0.05);
  });
});

describe('log-linear models: estimates that do not exist', () => {
  it('two lists with no overlap: a warning, not a number', () => {
    const result = fitLogLinearModel(twoLists(0, 40, 30), { lists: 2, interactions: [] });
    assert.ok(isNotEstimable(result));
    assert.match(result.reason, /zero margin/);
  });

  it('an interaction between lists no one shares: a warning, not a number', () => {
    const data = captureDataFromRows(
      ['A', 'B', 'C'],
      [
        { history: [1, 1, 0], count: 5 },
        { history: [0, 1, 1], count: 4 },
        { history: [1, 0, 0], count: 30 },
        { history: [0, 1, 0], count: 20 },
        { history: [0, 0, 1], count: 25 },
      ],
    );
    const result = fitLogLinearModel(data, { lists: 3, interactions: [0b101] });
    assert.ok(isNotEstimable(result));
    assert.match(result.reason, /A, C/);
  });

  it('a model with as many parameters as cells plus one is refused as not identifiable', () => {
    const data = twoLists(10, 20, 30);
    const result = fitLogLinearModel(data, { lists: 2, interactions: [0b11] });
    assert.ok(isNotEstimable(result));
    assert.match(result.reason, /not identifiable/);
  });
});
