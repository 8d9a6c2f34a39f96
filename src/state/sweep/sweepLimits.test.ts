// The Sweep's per-point limit against the Lab's bottleneck line over the same measured part of the same run:
// one set of rules, so the two pages name the same resource (issue 15, item 4).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { bottleneck } from '../lab/bottleneck';
import { recentFigures, sampleOf, type Sample } from '../lab/recent';
import { pointLimit, resultVerdict } from './sweepLimits';

function both(preset: string, params: Record<string, string | number | boolean>) {
  const sc = resolveScenario({ preset, params });
  const spec = { model: sc.model, preset, params: sc.params, seed: 1, durationNs: 6e6, warmupNs: 2e6 };
  const { result } = runScenario(spec);
  // the Lab: two snapshots around the same measured part of a second, identical run
  const { run } = runScenario({ ...spec, durationNs: 0 });
  const a = sampleOf(run.snapshot()) as Sample;
  run.sim.runUntil(spec.warmupNs + spec.durationNs);
  const b = sampleOf(run.snapshot()) as Sample;
  return { sweep: resultVerdict(result), lab: bottleneck(recentFigures(a, b)), result };
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
