import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addToProfile,
  baseOf,
  type CategoricalModel,
  categoricalEpsilon,
  emptyProfile,
  fitYearNoise,
  logLikelihood,
  type Profile,
  type StaysModel,
  type YearModel,
} from './latent-fields.ts';
import { profileEvidence } from './profile-evidence.ts';

const profileOf = (values: number[]): Profile => {
  const p = emptyProfile();
  for (const v of values) addToProfile(p, v);
  return p;
};

// The marginal likelihood by brute force: every true value t of the base, Π over observations.
function bruteForce(model: CategoricalModel | YearModel, observed: number[]): number {
  let sum = 0;
  for (let t = 0; t < model.base.length; t++) {
    let product = model.base[t] as number;
    for (const o of observed) {
      const q = model.base[o] as number;
      const truth =
        model.kind === 'categorical'
          ? o === t
            ? 1
            : 0
          : Math.abs(o - t) <= 4
            ? (model.kernel[o - t + 4] as number)
            : 0;
      product *= (1 - model.epsilon) * truth + model.epsilon * q;
    }
    sum += product;
  }
  return Math.log(sum);
}

test('categorical likelihood equals the sum over every true value', () => {
  const base = baseOf([0, 0, 0, 1, 1, 2, 3, 3, 3, 3, 4], 6);
  const model: CategoricalModel = { kind: 'categorical', epsilon: 0.05, base };
  for (const observed of [[0], [0, 0, 0], [0, 1], [3, 3, 1, 5], [2, 2, 2, 2, 2, 4, 4]])
    assert.ok(Math.abs(logLikelihood(model, profileOf(observed)) - bruteForce(model, observed)) < 1e-9);
  assert.equal(logLikelihood(model, emptyProfile()), 0);
});

test('year likelihood equals the sum over every true year', () => {
  const years = Array.from({ length: 200 }, (_, i) => 10 + ((i * 37) % 41));
  const base = baseOf(years, 60);
  const kernel = Float64Array.from([0.01, 0.01, 0.01, 0.1, 0.74, 0.1, 0.01, 0.01, 0.01]);
  const model: YearModel = { kind: 'year', epsilon: 0.02, kernel, base };
  for (const observed of [[20], [20, 20, 21], [20, 33], [15, 15, 16, 40, 41], [5, 55]])
    assert.ok(Math.abs(logLikelihood(model, profileOf(observed)) - bruteForce(model, observed)) < 1e-9);
});

test('the year kernel is recovered from the pairwise agreement it implies', () => {
  // m of [more than 4 apart, 2–4, 1, same] for a known kernel with outliers; u of unrelated years.
  const a = 0.2;
  const b = 0.06;
  const epsilon = 0.01;
  const kernel = new Float64Array(9).fill(b / 6);
  kernel[3] = a / 2;
  kernel[5] = a / 2;
  kernel[4] = 1 - a - b;
  const u = [0.78, 0.14, 0.05, 0.03];
  const level = [0, 0, 0, 0];
  for (let x = 0; x < 9; x++)
    for (let y = 0; y < 9; y++) {
      const d = Math.abs(x - y);
      level[d === 0 ? 3 : d === 1 ? 2 : d <= 4 ? 1 : 0]! += (kernel[x] as number) * (kernel[y] as number);
    }
  const clean = (1 - epsilon) ** 2;
  const m = level.map((l, k) => clean * l + (1 - clean) * (u[k] as number));
  const fit = fitYearNoise(m, u);
  assert.equal(fit.epsilon, epsilon);
  for (let d = 0; d < 9; d++) assert.ok(Math.abs((fit.kernel[d] as number) - (kernel[d] as number)) < 1e-9);
});

test('ε of a categorical field inverts the agreement of two noisy reports', () => {
  const base = baseOf([0, 0, 1, 1, 1, 2, 3, 3, 4, 5, 5, 5, 5], 6);
  for (const epsilon of [0.01, 0.05, 0.2]) {
    // Exact agreement of two reports of one true value under the model.
    let agree = 0;
    for (let t = 0; t < base.length; t++)
      for (let o = 0; o < base.length; o++) {
        const p = (1 - epsilon) * (o === t ? 1 : 0) + epsilon * (base[o] as number);
        agree += (base[t] as number) * p * p;
      }
    assert.ok(Math.abs(categoricalEpsilon(agree, base) - epsilon) < 0.01 * epsilon + 1e-3);
  }
});

test('person-level evidence grows with agreeing mentions and turns against well-attested disagreement', () => {
  const years = Array.from({ length: 500 }, (_, i) => (i * 13) % 50);
  const base = baseOf(years, 50);
  const kernel = Float64Array.from([0.01, 0.01, 0.01, 0.1, 0.74, 0.1, 0.01, 0.01, 0.01]);
  const model: YearModel = { kind: 'year', epsilon: 0.01, kernel, base };
  // Mentions 0–14 report year 20, 15–19 year 35.
  const value = [...Array(15).fill(20), ...Array(5).fill(35)];
  const evidence = (x: number[], y: number[]) => profileEvidence([x, y], [{ model, value }], 0).score(0, 1);
  const one = evidence([0], [10]);
  const many = evidence([0, 1, 2, 3, 4], [10, 11, 12, 13, 14]);
  assert.ok(one > 3, `one agreeing pair: ${one}`);
  assert.ok(many > one, 'five agreeing mentions a side say more than one');
  assert.ok(many < one + 3, 'but not five times more: one true year per person');
  const against = evidence([0], [15]);
  const againstMany = evidence([0, 1, 2, 3, 4], [15, 16, 17, 18, 19]);
  assert.ok(against < 0);
  assert.ok(againstMany < 4 * against, `many disagreeing mentions: ${againstMany} against ${against}`);
});

test('the size prior is the random-partition prior: nothing for two single mentions', () => {
  const base = baseOf([0, 1], 2);
  const model: CategoricalModel = { kind: 'categorical', epsilon: 0.01, base };
  const value = [-1, -1, -1, -1];
  const e = profileEvidence([[0], [1], [2, 3]], [{ model, value }], 1);
  assert.equal(e.score(0, 1), 0);
  // Γ(3) / (Γ(1) Γ(2)) = 2: one bit for a single mention joining a pair.
  assert.ok(Math.abs(e.score(0, 2) - 1) < 1e-9);
  e.merge(0, 1);
  // Γ(4) / (Γ(2) Γ(2)) = 6.
  assert.ok(Math.abs(e.score(0, 2) - Math.log2(6)) < 1e-9);
});

test('stays likelihood equals the sum over one true facility or two', () => {
  const base = baseOf([0, 0, 1, 2, 2, 2, 3, 4, 4], 5);
  const model: StaysModel = { kind: 'stays', epsilon: 0.05, twoStays: 0.3, base };
  const report = (o: number, t: number) =>
    (1 - model.epsilon) * (o === t ? 1 : 0) + model.epsilon * (base[o] as number);
  const brute = (observed: number[]) => {
    let one = 0;
    for (let t = 0; t < base.length; t++)
      one += (base[t] as number) * observed.reduce((p, o) => p * report(o, t), 1);
    let two = 0;
    for (let t = 0; t < base.length; t++)
      for (let r = 0; r < base.length; r++)
        two +=
          (base[t] as number) *
          (base[r] as number) *
          observed.reduce((p, o) => (p * (report(o, t) + report(o, r))) / 2, 1);
    return Math.log((1 - model.twoStays) * one + model.twoStays * two);
  };
  for (const observed of [[1], [1, 1, 1], [1, 3], [0, 0, 0, 2, 2, 2], [4, 3, 2, 2]])
    assert.ok(Math.abs(logLikelihood(model, profileOf(observed)) - brute(observed)) < 1e-9, String(observed));
  // Split cleanly between two facilities: likelier one person held twice than once, but less
  // likely than two people each held once.
  const split = profileOf([0, 0, 0, 2, 2, 2]);
  const one = (values: number[]) => logLikelihood(model, profileOf(values));
  assert.ok(logLikelihood(model, split) < one([0, 0, 0]) + one([2, 2, 2]));
});
