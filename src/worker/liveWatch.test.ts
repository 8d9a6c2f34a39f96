// The Lab's stall watchdog: quiet while completions come, "too early" (with the minimum time) before a first
// completion can be expected, "stalled" (with the threads and lists) past the bound, and each said once; through
// SimHost it reaches the UI as a 'watch' message beside the frames.
import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages';
import type { ModelRun } from '../sim/core/model';
import { stallBound } from '../sim/stallBound';
import { resolveScenario } from '../scenarios/scenarioFile';
import { LiveWatch } from './liveWatch';
import { SimHost } from './simHost';

/** Just what the watch reads of a run: the clock, the completions and (for a stall) the threads and lists. */
function fakeRun() {
  const r = {
    sim: { now: 0 },
    completions: 0,
    kernel: {
      threads: [{ alive: true, name: 'md0_raid5', state: 0, label: 0 }],
      runQueueStats: { length: 0 },
      labels: [],
    },
    listLengths: () => [['handle_list', 3]] as [string, number][],
    snapshot: () => ({ locks: [] }),
  };
  return r as typeof r & ModelRun;
}

describe('LiveWatch', () => {
  const params = resolveScenario({
    model: 'raid5',
    params: { device: 'hdd', direct: true, assume_clean: true, iodepth: 1, numjobs: 1 },
  }).params;
  const bound = stallBound('raid5', params).ns;

  it('says nothing while completions come, early after a tenth of the bound without one, stalled past it', () => {
    const w = new LiveWatch('raid5', params);
    const run = fakeRun();
    expect(w.observe(run)).toBeNull(); // t=0: nobody expects a completion yet
    run.sim.now = bound / 5;
    const early = w.observe(run)!;
    expect(early.status).toBe('early');
    expect(early.message).toMatch(/No completion yet .* needs up to .* "too early to tell"/);
    expect(w.observe(run)).toBeNull(); // said once
    run.completions = 4;
    expect(w.observe(run)?.status).toBe('ok');
    run.sim.now += bound / 2;
    expect(w.observe(run)).toBeNull(); // quiet, but within the bound
    run.sim.now += bound;
    const stall = w.observe(run)!;
    expect(stall.status).toBe('stalled');
    expect(stall.message).toMatch(/^Stalled: nothing completed for .*threads md0_raid5=.*lists handle_list=3/);
    run.completions = 5;
    expect(w.observe(run)?.status).toBe('ok');
  });

  it('a live knob moves the bound with the configuration', () => {
    const w = new LiveWatch('raid5', params);
    const run = fakeRun();
    w.retune({ ...params, iodepth: 64 });
    run.sim.now = bound / 5; // a tenth of the deeper configuration's (larger) bound not reached yet
    expect(stallBound('raid5', { ...params, iodepth: 64 }).ns).toBeGreaterThan(2 * bound);
    expect(w.observe(run)).toBeNull();
  });
});

describe('SimHost sends the watchdog status', () => {
  it("a run whose completions stop is 'early', then 'stalled' with the threads and lists, each said once", () => {
    const out: FromWorker[] = [];
    const host = new SimHost({ post: (m) => out.push(m) }, { now: () => 0, setTimer: () => 0, clearTimer: () => {} });
    const scenario = {
      model: 'raid5',
      seed: 1,
      params: {
        device: 'hdd',
        bs: '1m',
        cpus: 1,
        rw: 'write',
        direct: true,
        assume_clean: true,
        iodepth: 1,
        numjobs: 1,
      },
    };
    host.handle({ type: 'start', runId: 1, scenario, speed: 1e6, playing: false } as ToWorker);
    // sabotage: the counter the watch reads never moves, as in a real stall
    Object.defineProperty(host.current, 'completions', { get: () => 0, set: () => {} });
    const b = stallBound('raid5', resolveScenario(scenario).params).ns;
    const watches = () => out.filter((m) => m.type === 'watch');
    for (let i = 0; i < 12; i++) host.handle({ type: 'stepTime', runId: 1, ns: Math.ceil(b / 8) } as ToWorker);
    expect(watches().map((m) => m.status)).toEqual(['early', 'stalled']);
    expect(watches()[1]).toMatchObject({
      runId: 1,
      message: expect.stringMatching(/^Stalled: .*threads .*md0_raid5=.*lists /),
    });
  });
});
