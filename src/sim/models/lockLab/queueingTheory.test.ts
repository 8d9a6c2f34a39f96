// Lock Lab against queueing theory: M/M/1, M/M/c (Erlang C), M/M/1//N (machine repairman),
// Little's law on every queue, thread states summing to 1, determinism, and spinners stealing CPU.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { runScenario } from '../../run';
import type { SimResult } from '../../core/result';

function run(params: Record<string, string | number | boolean>, duration = '2s', seed = 1): SimResult {
  const sc = resolveScenario({ model: 'lock-lab', params, duration, warmup: '50ms', seed });
  return runScenario(sc).result;
}

// Sleeping waiters with zero wake-up and switch costs and 256 CPUs: the lock is the only server.
const IDEAL = { lock: 'mutex', wakeup: 0, switch: 0, cpus: 256, hold_dist: 'exp', arrival: 'open' } as const;
const lockWait = (r: SimResult) => r.queues.find((q) => q.name.endsWith('waiters'))!;
/** Mean wait over all arrivals (contended and not), from the lock's waiter queue. */
const meanWq = (r: SimResult) => lockWait(r).meanWaitNs * lockWait(r).arrivals / (r.throughput.opsPerSec * r.simulatedNs / 1e9);

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

describe('queueing theory (tolerance 5%: 2 s simulated, ~160k-400k customers per run)', () => {
  it('M/M/1: rho 0.8, mean wait Wq = rho/(mu-lambda), time in system W = 1/(mu-lambda)', () => {
    const r = run({ ...IDEAL, hold: '2us', rate: 400_000 });
    const mu = 1 / 2000, lambda = 400_000 / 1e9;
    const W = 1 / (mu - lambda), Wq = (lambda / mu) / (mu - lambda);
    expect(r.latencyNs.mean).toBeGreaterThan(W * 0.95);
    expect(r.latencyNs.mean).toBeLessThan(W * 1.05);
    expect(meanWq(r)).toBeGreaterThan(Wq * 0.95);
    expect(meanWq(r)).toBeLessThan(Wq * 1.05);
  });

  it('M/M/c: c=4, rho 0.75, mean wait by Erlang C', () => {
    const c = 4, hold = 2000, lambda = 1.5e6 / 1e9;
    const r = run({ ...IDEAL, capacity: c, hold: '2us', rate: 1_500_000 });
    const a = lambda * hold;
    const Wq = erlangC(c, a) / (c / hold - lambda);
    expect(meanWq(r)).toBeGreaterThan(Wq * 0.95);
    expect(meanWq(r)).toBeLessThan(Wq * 1.05);
  });

  it('M/M/1//N: 8 threads on 8 CPUs, exp think 10us, hold 2us: throughput and mean wait', () => {
    const N = 8, Z = 10_000, S = 2_000;
    const r = run({ threads: N, cpus: N, lock: 'spinlock', think: '10us', hold: '2us', think_dist: 'exp', hold_dist: 'exp', wakeup: 0, switch: 0 }, '1s');
    // Finite-source M/M/1: p0 = 1 / sum_{k=0..N} N!/(N-k)! (S/Z)^k; X = (1-p0)/S; W = N/X - Z (response), Wq = W - S.
    let sum = 0, term = 1;
    for (let k = 0; k <= N; k++) {
      if (k > 0) term *= (N - k + 1) * (S / Z);
      sum += term;
    }
    const X = (1 - 1 / sum) / S;
    const Wq = N / X - Z - S;
    const x = r.throughput.opsPerSec / 1e9;
    expect(x).toBeGreaterThan(X * 0.97);
    expect(x).toBeLessThan(X * 1.03);
    expect(meanWq(r)).toBeGreaterThan(Wq * 0.95);
    expect(meanWq(r)).toBeLessThan(Wq * 1.05);
  });
});

describe('Little\'s law and accounting', () => {
  it('holds on every queue (3%), and thread states sum to 1', () => {
    const r = run({ threads: 12, cpus: 4, think: '10us', hold: '1us', slice: '100us' }, '500ms');
    for (const q of r.queues) {
      if (q.arrivals < 1000) continue;
      const L = (q.arrivals / (r.simulatedNs / 1e9)) * (q.meanWaitNs / 1e9);
      expect(Math.abs(L - q.meanLength) / q.meanLength).toBeLessThan(0.03);
    }
    for (const t of r.threads) {
      const s = t.states;
      expect(s.running + s.spinning + s.runnable + s.blocked + s.idle).toBeCloseTo(1, 4);
    }
  });

  it('is deterministic: same seed gives byte-identical JSON, another seed differs', () => {
    const p = { threads: 6, cpus: 3, lock: 'mutex' };
    expect(JSON.stringify(run(p, '20ms', 3))).toBe(JSON.stringify(run(p, '20ms', 3)));
    expect(JSON.stringify(run(p, '20ms', 3))).not.toBe(JSON.stringify(run(p, '20ms', 4)));
  });
});

describe('what theory does not show', () => {
  it('with threads > cpus, spinners burn the CPU a preempted holder needs', () => {
    const base = { threads: 8, think: '10us', hold: '2us', slice: '1ms', switch: '1us', wakeup: '2us' };
    const fit = run({ ...base, cpus: 8 }, '200ms');
    const over = run({ ...base, cpus: 2 }, '200ms');
    const mutex = run({ ...base, cpus: 2, lock: 'mutex' }, '200ms');
    const spin = (r: SimResult) => r.threads.reduce((s, t) => s + t.states.spinning, 0) / r.threads.length;
    // Two CPUs could still do 2 CPUs / 12us per round = 166k rounds/s; spinning wastes most of it.
    expect(spin(over)).toBeGreaterThan(0.2);
    expect(over.throughput.opsPerSec).toBeLessThan(0.5 * mutex.throughput.opsPerSec);
    expect(fit.throughput.opsPerSec).toBeGreaterThan(over.throughput.opsPerSec);
  });
});
