// Lock Lab against queueing theory (M/M/1, M/M/c by Erlang C, the closed M/M/1//N machine repairman),
// and the one thing theory leaves out: spinners burning the CPU a preempted lock holder needs.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { createModel, runScenario } from '../../run';
import type { SimResult } from '../../core/result';

type P = Record<string, string | number>;

/**
 * Runs one long simulation as `batches` consecutive windows of `batchNs` (stats reset between them)
 * after a 20 ms warm-up, and returns each figure's mean and its standard error from the batch means.
 * Batches of 10^4+ service times are far longer than these queues' relaxation times, so the batch
 * means are close to independent and the standard error is honest about the run length.
 */
function batchMeans(params: P, batches: number, batchNs: number, figures: Record<string, (r: SimResult) => number>) {
  const sc = resolveScenario({ model: 'lock-lab', params, seed: 1 });
  const run = createModel(sc.model, sc.params, sc.seed);
  const warmupNs = 20e6;
  run.sim.runUntil(warmupNs);
  const rows: SimResult[] = [];
  for (let i = 1; i <= batches; i++) {
    run.resetStats();
    run.sim.runUntil(warmupNs + i * batchNs);
    rows.push(run.result({ preset: null, warmupNs }));
  }
  const out: Record<string, { mean: number; se: number }> = {};
  for (const [name, f] of Object.entries(figures)) {
    const xs = rows.map(f);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    out[name] = { mean, se: Math.sqrt(variance / xs.length) };
  }
  return out;
}

/**
 * Within `tol` (relative) of theory. Each `tol` is about 4 sigma, sigma being the spread of the estimate
 * across 12 seeds at this run length (noted by each test). The batch means here estimate sigma about 20%
 * low (neighbouring batches correlate a little), so the guard asks for tol >= 3 of them: shortening a
 * run without widening its tolerance fails loudly instead of turning the test into a coin toss.
 */
function expectNear(label: string, est: { mean: number; se: number }, theory: number, tol: number) {
  const rel = Math.abs(est.mean - theory) / theory;
  const sigma = est.se / theory;
  expect(
    sigma * 3,
    `${label}: run too short for a ${tol * 100}% tolerance (sigma ${(sigma * 100).toFixed(2)}%)`,
  ).toBeLessThanOrEqual(tol);
  expect(
    rel,
    `${label}: ${est.mean.toFixed(1)} vs theory ${theory.toFixed(1)} (sigma ${(sigma * 100).toFixed(2)}%)`,
  ).toBeLessThanOrEqual(tol);
}

// Figures taken from the lock's lock_stat row: waitTimeTotal covers contended acquisitions only, so
// the mean wait over all customers is waitTimeTotal / acquisitions; P(wait) is contentions / acquisitions.
const FIG = {
  W: (r: SimResult) => r.latencyNs.mean,
  Wq: (r: SimResult) => r.locks[0].waitTimeTotalNs / r.locks[0].acquisitions,
  pWait: (r: SimResult) => r.locks[0].contentions / r.locks[0].acquisitions,
  X: (r: SimResult) => r.throughput.opsPerSec,
};

// Open arrivals, each a one-shot task. The lock must be the only server, so: a mutex (waiters sleep
// and hold no CPU) with zero wake-up and switch costs, on 64 CPUs. Only the holder and just-arrived
// tasks use a CPU, so the run queue stays empty and service is exactly the hold time. (A spinlock
// would also work, but every waiter would occupy a CPU: it needs CPUs >= customers in the system.)
const OPEN = { lock: 'mutex', wakeup: 0, switch: 0, cpus: 64, arrival: 'open', hold: '2us', hold_dist: 'exp' };

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = lambda / mu. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

describe('open arrivals against M/M/1 and M/M/c', () => {
  // rho 0.8, 3 s = 1.5 x 10^6 service times. Whitt's asymptotic variance of M/M/1's time-average
  // number in system, 2 rho (1 + rho) / (1 - rho)^4 per service time, puts sigma of the mean time in
  // system near 0.9% for this run; across 12 seeds: W 1.0%, Wq 1.25%, P(wait) 0.17%, throughput 0.11%.
  it('M/M/1, rho 0.8, 3 s: W = 1/(mu - lambda) within 4%, Wq = rho/(mu - lambda) within 5%, P(wait) = rho within 1%', () => {
    const mu = 1 / 2000;
    const lambda = 400_000 / 1e9;
    const e = batchMeans({ ...OPEN, rate: 400_000 }, 30, 100e6, FIG);
    expectNear('M/M/1 W', e.W, 1 / (mu - lambda), 0.04);
    expectNear('M/M/1 Wq', e.Wq, lambda / mu / (mu - lambda), 0.05);
    expectNear('M/M/1 P(wait)', e.pWait, lambda / mu, 0.01);
    expectNear('M/M/1 throughput', e.X, 400_000, 0.01);
  });

  // c = 4 holders (a counting semaphore), a = 3, rho 0.75, 1 s = 1.5 x 10^6 customers. Sigma across
  // 12 seeds: Wq 1.25%, P(wait) 0.39%, W 0.45%.
  it('M/M/c, c = 4, rho 0.75, 1 s: Wq = C(c, a)/(c mu - lambda) within 5%, P(wait) = Erlang C within 2%, W within 2%', () => {
    const c = 4;
    const mu = 1 / 2000;
    const lambda = 1.5e6 / 1e9;
    const pWait = erlangC(c, lambda / mu);
    const Wq = pWait / (c * mu - lambda);
    const e = batchMeans({ ...OPEN, capacity: c, rate: 1_500_000 }, 20, 50e6, FIG);
    expectNear('M/M/c Wq', e.Wq, Wq, 0.05);
    expectNear('M/M/c P(wait)', e.pWait, pWait, 0.02);
    expectNear('M/M/c W', e.W, Wq + 1 / mu, 0.02);
  });
});

describe('closed loop against the machine-repairman model M/M/1//N', () => {
  // N threads on N CPUs never queue for a CPU, so spinning waiters cost nothing extra; zero switch and
  // wake-up costs and a zero hand-off leave the lock as the single server of a finite-source queue.
  // 0.5 s = 2.3 x 10^5 rounds. Sigma across 12 seeds: throughput 0.2%, Wq 0.62%, response time 0.51%.
  it('8 threads on 8 CPUs, exp think 10us, exp hold 2us, 0.5 s: throughput within 1%, Wq within 3%, response time within 2%', () => {
    const N = 8;
    const Z = 10_000;
    const S = 2_000;
    // p0 = 1 / sum_{k=0..N} N!/(N-k)! (S/Z)^k; X = (1 - p0) / S; response R = N/X - Z; Wq = R - S.
    let sum = 0;
    let term = 1;
    for (let k = 0; k <= N; k++) {
      if (k > 0) term *= (N - k + 1) * (S / Z);
      sum += term;
    }
    const X = (1 - 1 / sum) / S;
    const R = N / X - Z;
    const e = batchMeans(
      {
        threads: N,
        cpus: N,
        lock: 'spinlock',
        think: '10us',
        think_dist: 'exp',
        hold: '2us',
        hold_dist: 'exp',
        wakeup: 0,
        switch: 0,
      },
      20,
      25e6,
      FIG,
    );
    expectNear('M/M/1//N throughput', e.X, X * 1e9, 0.01);
    expectNear('M/M/1//N Wq', e.Wq, R - S, 0.03);
    expectNear('M/M/1//N R', e.W, R, 0.02);
  });
});

function run(params: P, duration: string, seed = 1): SimResult {
  return runScenario(resolveScenario({ model: 'lock-lab', params, duration, warmup: '20ms', seed })).result;
}

describe('what theory does not show: spinners steal the CPU of a preempted holder', () => {
  // Same threads and work, three machines. The lock alone allows 1/hold = 500k rounds/s and two CPUs
  // allow 2 / (think + hold) = 167k rounds/s; the finite-source model for the lock predicts 465k/s.
  // With 8 threads on 2 CPUs and a preemptible spinlock, a holder preempted at its slice end leaves the
  // spinners burning whole slices on both CPUs until it runs again: throughput collapses by orders of
  // magnitude while nearly all CPU time goes to spinning. A mutex, or no preemption, avoids it.
  it("8 threads on 2 CPUs: spinning takes > 90% of CPU time and throughput < 5% of a mutex's", () => {
    const base = { threads: 8, think: '10us', hold: '2us', lock: 'spinlock' };
    const fit = run({ ...base, cpus: 8 }, '100ms');
    const over = run({ ...base, cpus: 2 }, '100ms');
    const mutex = run({ ...base, cpus: 2, lock: 'mutex' }, '100ms');
    const noPreempt = run({ ...base, cpus: 2, slice: 0 }, '100ms');
    const spinShare = (r: SimResult, cpus: number) => r.threads.reduce((s, t) => s + t.states.spinning, 0) / cpus;
    expect(spinShare(over, 2)).toBeGreaterThan(0.9);
    expect(spinShare(fit, 8)).toBeLessThan(0.4);
    expect(over.throughput.opsPerSec).toBeLessThan(0.05 * mutex.throughput.opsPerSec);
    expect(over.throughput.opsPerSec).toBeLessThan(0.01 * fit.throughput.opsPerSec);
    // Without preemption the holder always runs to its release: no collapse, close to the CPU bound.
    expect(noPreempt.throughput.opsPerSec).toBeGreaterThan(0.8 * (2 / 12_000) * 1e9);
    // A preempted waiter cannot hold things up in this way with N threads on N CPUs.
    expect(fit.threads.every((t) => t.states.runnable === 0)).toBe(true);
  });
});
