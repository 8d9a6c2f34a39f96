// The Sweep's per-point limit against the Lab's bottleneck line over the same measured part of the same run:
// one set of rules, so the two pages name the same resource (issue 15, item 4).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { bottleneck } from '../lab/bottleneck';
import { RecentWindow, sampleOf, type Sample } from '../lab/recent';
import { pointLimit, resultVerdict } from './sweepLimits';

function both(preset: string, params: Record<string, string | number | boolean>) {
  const sc = resolveScenario({ preset, params });
  const spec = { model: sc.model, preset, params: sc.params, seed: 1, durationNs: 6e6, warmupNs: 2e6 };
  const { result } = runScenario(spec);
  // the Lab: its recent window over the same measured part of a second, identical run, sampled every 100 us
  // as frames arrive (the waiting count is the window's mean, not one instant's)
  const { run } = runScenario({ ...spec, durationNs: 0 });
  const window = new RecentWindow();
  window.push(sampleOf(run.snapshot()) as Sample, spec.durationNs);
  let lab = null;
  for (let t = spec.warmupNs + 1e5; t <= spec.warmupNs + spec.durationNs; t += 1e5) {
    run.sim.runUntil(t);
    lab = window.push(sampleOf(run.snapshot()) as Sample, spec.durationNs);
  }
  return { sweep: resultVerdict(result), lab: lab && bottleneck(lab), result };
}

describe('Sweep point limits by the Lab rules', () => {
  it.each([
    ['raid5-3disk-threads', { group_thread_cnt: 0 }],
    ['raid5-3disk-threads', { group_thread_cnt: 2 }],
    ['raid5-3disk-threads', { group_thread_cnt: 4, stripe_cache_size: 256 }],
    ['raid5-stripe-cache-starved', {}],
  ])('%s %j: the same limit on both pages', (preset, params) => {
    const { sweep, lab } = both(preset, params);
    expect(sweep?.limit).toBe(lab?.limit);
  });

  it("a point's limit is its replications' majority, with that run's sentence", () => {
    const { result } = both('raid5-3disk-threads', { group_thread_cnt: 0 });
    const p = pointLimit([result, result]);
    expect(p).toMatchObject({ limit: 'raid5d', agree: 2, of: 2 });
    expect(p?.text).toMatch(/^md0_raid5 is \d+% busy/);
    expect(pointLimit([{ ...result, model: 'raid1' }])).toBeNull();
  });
});
