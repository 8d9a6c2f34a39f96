// Engine invariants on every model's results: Little's law on every reported queue, thread states that
// sum to 1, CPU time within the CPUs there are, sane lock_stat rows, and determinism (same seed, same bytes).
import { beforeAll, describe, expect, it } from 'vitest';
import { MODELS, PRESETS } from '../scenarios/catalog';
import { resolveScenario, type ScenarioInput } from '../scenarios/scenarioFile';
import type { SimResult } from './core/result';
import { runScenario } from './run';

const run = (input: ScenarioInput): SimResult => runScenario(resolveScenario(input)).result;

// Every preset (short windows keep raid5 quick), plus Lock Lab shapes where both of its queues are busy.
const CASES: [string, ScenarioInput][] = [
  ...PRESETS.map((p): [string, ScenarioInput] => [
    p.id,
    { preset: p.id, duration: p.model === 'lock-lab' ? '100ms' : '20ms', warmup: '5ms' },
  ]),
  [
    'lock-lab open, few CPUs',
    {
      model: 'lock-lab',
      params: { arrival: 'open', rate: 300_000, cpus: 2, lock: 'mutex', slice: '20us' },
      duration: '100ms',
      warmup: '5ms',
    },
  ],
  [
    'lock-lab 12 threads on 3 CPUs, short slices',
    {
      model: 'lock-lab',
      params: { threads: 12, cpus: 3, slice: '50us', lock: 'mutex' },
      duration: '100ms',
      warmup: '5ms',
    },
  ],
];

describe.each(CASES)('%s', (_name, input) => {
  let r: SimResult;
  let windowNs = 0;
  beforeAll(() => {
    r = run(input);
    windowNs = r.simulatedNs;
  });

  // Over a finite window, L = lambda W holds up to the customers already queued at its start or still
  // queued at its end: a relative error of order W / window. Tolerance: 3% + 2 W / window.
  it("Little's law on every queue with 100+ arrivals: meanLength = arrivals / window x meanWait", () => {
    const checked = r.queues.filter((q) => q.arrivals >= 100);
    for (const q of checked) {
      const L = (q.arrivals / windowNs) * q.meanWaitNs;
      const tol = 0.03 + (2 * q.meanWaitNs) / windowNs;
      expect(
        Math.abs(L - q.meanLength) / Math.max(q.meanLength, 1e-9),
        `${q.name}: L ${q.meanLength} vs lambda W ${L.toFixed(4)} (tolerance ${(tol * 100).toFixed(1)}%)`,
      ).toBeLessThanOrEqual(tol);
    }
    for (const q of r.queues) expect(q.maxLength, q.name).toBeGreaterThanOrEqual(Math.floor(q.meanLength));
  });

  it("each thread's states sum to 1; CPU time never exceeds the CPUs", () => {
    for (const t of r.threads) {
      const s = t.states;
      expect(s.running + s.spinning + s.runnable + s.blocked + s.idle, t.name).toBeCloseTo(1, 5);
      // cpuNs is exact; the state fractions are rounded to 6 digits (1e-6 of the window for the two).
      expect(Math.abs(t.cpuNs - windowNs * (s.running + s.spinning)), t.name).toBeLessThanOrEqual(windowNs * 1e-6 + 1);
    }
    const busyCpus = r.threads.reduce((sum, t) => sum + t.states.running + t.states.spinning, 0);
    expect(busyCpus).toBeLessThanOrEqual((r.params.cpus as number) + 1e-4);
  });

  it('lock_stat rows are consistent: contentions <= acquisitions, min <= avg <= max', () => {
    for (const l of r.locks) {
      expect(l.contentions, l.name).toBeLessThanOrEqual(l.acquisitions);
      if (l.contentions > 0) {
        expect(l.waitTimeMinNs).toBeLessThanOrEqual(l.waitTimeAvgNs + 0.05);
        expect(l.waitTimeAvgNs).toBeLessThanOrEqual(l.waitTimeMaxNs + 0.05);
      }
      if (l.holdTimeTotalNs > 0) {
        expect(l.holdTimeMinNs).toBeLessThanOrEqual(l.holdTimeAvgNs + 0.05);
        expect(l.holdTimeAvgNs).toBeLessThanOrEqual(l.holdTimeMaxNs + 0.05);
      }
    }
  });
});

describe('determinism', () => {
  it.each(MODELS.map((m) => m.name))('%s: the same seed gives byte-identical JSON; another seed differs', (model) => {
    const input = (seed: number): ScenarioInput => ({ model, seed, duration: '5ms', warmup: '1ms' });
    const a = JSON.stringify(run(input(3)));
    expect(JSON.stringify(run(input(3)))).toBe(a);
    expect(JSON.stringify(run(input(4)))).not.toBe(a);
  });
});
