/**
 * `npm run bench:predict [-- --pairs N]`: fitting BG/NBD and Gamma-Gamma over N pairs (default
 * 100,000) drawn from the model (bench/predict/simulate.ts), and one pair's prediction
 * (P(alive), expected visits in 90 days, expected spend). Prints JSON; the median of 3 fits after
 * a warm-up (wall clock and this process's CPU time), and the median of 10,000 single-pair
 * predictions. Includes compressing the histories; the data are generated beforehand.
 */
import { parseArgs } from 'node:util';
import { compressBgNbd, expectedVisits, pAlive } from '../../shared/predict/bgnbd';
import { fitBgNbd, fitGammaGamma } from '../../shared/predict/fit';
import { compressGammaGamma, conditionalExpectedSpend } from '../../shared/predict/gamma-gamma';
import { seeded } from '../lib/prng';
import { median } from '../lib/stats';
import { simulatePairs } from './simulate';

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '100000' } } });
const n = Number(values.pairs);
const truth = { bgnbd: { r: 0.8, alpha: 40, a: 0.6, b: 3 }, gamma_gamma: { p: 5, q: 4, gamma: 20 } };
const data = simulatePairs(n, truth.bgnbd, truth.gamma_gamma, seeded(13));

const fitMs: number[] = [];
const fitCpuMs: number[] = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let fitted: ReturnType<typeof fitBgNbd> | undefined;
let spendFit: ReturnType<typeof fitGammaGamma> | undefined;
for (let run = -1; run < 3; run += 1) {
  const t0 = performance.now();
  const c0 = cpuMs();
  fitted = fitBgNbd(compressBgNbd(data.points));
  spendFit = fitGammaGamma(compressGammaGamma(data.spend));
  if (run >= 0) {
    fitMs.push(performance.now() - t0);
    fitCpuMs.push(cpuMs() - c0);
  }
}
if (fitted === undefined || !fitted.ok || spendFit === undefined || !spendFit.ok) throw new Error('the fit failed on simulated data');

const model = fitted.params;
const gg = spendFit.params;
const predictUs: number[] = [];
let sink = 0;
for (let i = 0; i < 10_000; i += 1) {
  const pt = data.points[i % data.points.length] as (typeof data.points)[number];
  const t0 = performance.now();
  sink += pAlive(model, pt) + expectedVisits(model, pt, 90) + conditionalExpectedSpend(gg, pt.x, 25);
  predictUs.push((performance.now() - t0) * 1000);
}

process.stdout.write(
  `${JSON.stringify(
    {
      pairs: n,
      distinct_histories: compressBgNbd(data.points).weight.length,
      fit_ms_median: Math.round(median(fitMs)),
      fit_ms_runs: fitMs.map((v) => Math.round(v)),
      // CPU time of this process: on a shared machine the wall clock also counts other work.
      fit_cpu_ms_median: Math.round(median(fitCpuMs)),
      bgnbd_iterations: fitted.iterations,
      gamma_gamma_iterations: spendFit.iterations,
      predict_pair_us_median: Math.round(median(predictUs) * 10) / 10,
      truth,
      fitted: { bgnbd: model, gamma_gamma: gg },
      checksum: Math.round(sink),
    },
    null,
    2,
  )}\n`,
);
