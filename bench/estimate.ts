// Estimation benchmark: every log-linear model for six lists up to two-way interactions (goal < 2 s)
// and LCMCR with 10,000 sweeps (goal < 5 s), on simulated lists of a known population.
// `npm run bench -- estimate [--lists 6] [--size 5000] [--sweeps 10000] [--seed 1]`
import { parseArgs } from 'node:util';
import { type CaptureData, captureDataFromRows, observedTotal } from '../src/estimate/capture-data.ts';
import { estimateLcmcr } from '../src/estimate/estimate-lcmcr.ts';
import { estimateLogLinear } from '../src/estimate/estimate-log-linear.ts';
import { estimateStepwise } from '../src/estimate/estimate-stepwise.ts';
import { randomSource } from '../src/estimate/random-source.ts';

const { values } = parseArgs({
  options: {
    lists: { type: 'string', default: '6' },
    size: { type: 'string', default: '5000' },
    sweeps: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
  },
});
const t = Number(values.lists);
const size = Number(values.size);
const sweeps = Number(values.sweeps);

/** A population in two hidden groups (heterogeneity), with lists 1 and 2 positively dependent. */
function simulate(): CaptureData {
  const random = randomSource(Number(values.seed));
  const rows: { history: number[]; count: number }[] = [];
  for (let i = 0; i < size; i++) {
    const easy = random.uniform() < 0.5;
    const history = Array.from({ length: t }, (_, j) =>
      random.uniform() < (easy ? 0.25 : 0.08) + j * 0.01 ? 1 : 0,
    );
    if (history[0] && random.uniform() < 0.5) history[1] = 1;
    rows.push({ history, count: 1 });
  }
  return captureDataFromRows(
    Array.from({ length: t }, (_, j) => `L${j + 1}`),
    rows,
  );
}

/** Wall-clock and CPU seconds: on a shared machine the CPU time is what the code itself costs. */
function time<T>(run: () => T): { result: T; seconds: number; cpu: number } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStart);
  return { result, seconds: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

const data = simulate();
process.stdout.write(`${t} lists, true N ${size}, observed ${observedTotal(data)}\n`);

const loglinear = time(() => estimateLogLinear(data, { maxOrder: 2 }));
const s = loglinear.result.selected;
process.stdout.write(
  `loglinear, every model up to two-way (${loglinear.result.details.models_fitted} models, ${loglinear.result.details.models_estimable} estimable, 10 profile intervals): ${loglinear.seconds.toFixed(2)} s wall, ${loglinear.cpu.toFixed(2)} s CPU (goal < 2 s); selected ${s?.model} N ${s?.N.toFixed(0)} (${s?.lower.toFixed(0)}–${s?.upper.toFixed(0)})\n`,
);

const stepwise = time(() => estimateStepwise(data, { bootstrap: 200 }));
const w = stepwise.result.selected;
process.stdout.write(
  `stepwise with 200 bootstrap resamples: ${stepwise.seconds.toFixed(2)} s wall, ${stepwise.cpu.toFixed(2)} s CPU; ${w?.model} N ${w?.N.toFixed(0)} (${w?.lower.toFixed(0)}–${w?.upper.toFixed(0)})\n`,
);

const lcmcr = time(() => estimateLcmcr(data, { burnIn: 0, sweeps, seed: 1 }));
const l = lcmcr.result.selected;
process.stdout.write(
  `lcmcr, ${sweeps} sweeps, K = 10: ${lcmcr.seconds.toFixed(2)} s wall, ${lcmcr.cpu.toFixed(2)} s CPU (goal < 5 s); N ${l?.N.toFixed(0)} (${l?.lower.toFixed(0)}–${l?.upper.toFixed(0)}), ESS ${lcmcr.result.details.effective_sample_size}\n`,
);
