// Replay is exact: a run driven as the worker drives it (event steps cut by a budget, clock targets, single
// steps, live knob changes at odd points) and its replay agree on events, clock, completions, bytes and
// lock_stat; without the recorded changes they do not. The tap's window passes the trace-event checks.
import { describe, expect, it } from 'vitest';
import { createModel } from './run';
import { advanceTo, ReplayJob, replayTraced, type LiveChange } from './replay';
import { resolveScenario } from '../scenarios/scenarioFile';
import type { ModelRun } from './core/model';
import { traceFile } from '../export/trace';
import { checkTrace } from '../export/traceCheck';
import { attachTraceTap, findInRun } from './traceTap';
import { Lock } from './core/lock';

const sc = resolveScenario({ preset: 'raid5-3disk-threads', seed: 3, params: { group_thread_cnt: 0 } });

/** Drives a run the way SimHost does and records its live changes as SimHost does. */
function liveRun(): { run: ModelRun; changes: LiveChange[] } {
  const run = createModel(sc.model, { ...sc.params }, sc.seed);
  const changes: LiveChange[] = [];
  const live = (key: string, value: number) => {
    expect(run.setLive(key, value)).toBeNull();
    changes.push({ events: run.sim.events, timeNs: run.sim.now, key, value });
  };
  const tick = (targetNs: number, budgetEvents: number) => {
    // SimHost.advance: step while due; over budget it stops mid-time, else the clock moves to the target.
    for (let n = 0; run.sim.peek() <= targetNs; n++) {
      if (n === budgetEvents) return;
      run.sim.step();
    }
    run.sim.runUntil(targetNs);
  };
  tick(400_000, 1e9);
  live('group_thread_cnt', 2);
  tick(900_000, 1500); // cut by the budget: the clock stands at an event's time with others due then
  run.sim.step();
  live('stripe_cache_size', 64);
  run.sim.runUntil(run.sim.now + 300_000); // a step of simulated time
  live('group_thread_cnt', 1);
  tick(2_000_000, 1e9);
  run.snapshot(); // the UI's reads on the way must not matter
  run.result({ preset: sc.preset, warmupNs: 0 });
  tick(2_600_000, 1e9);
  return { run, changes };
}

const picture = (r: ModelRun) => {
  const s = r.snapshot();
  return {
    timeNs: s.timeNs,
    events: s.events,
    completions: s.completions,
    bytes: s.bytes,
    lockStats: s.lockStats,
    queues: s.queues,
  };
};

describe('replayTraced', () => {
  it("reaches the live run's state exactly, through its live changes", () => {
    const { run, changes } = liveRun();
    expect(changes[1].events).toBeGreaterThan(0);
    const end = { events: run.sim.events, timeNs: run.sim.now };
    const replay = replayTraced({
      model: sc.model,
      seed: sc.seed,
      params: sc.params,
      changes,
      end,
      windowNs: 1e6,
      title: 't',
    });
    expect(picture(replay.run)).toEqual(picture(run));
    expect(replay.capture.fromNs).toBe(end.timeNs - 1e6);
    expect(replay.capture.toNs).toBe(end.timeNs);
  });

  it('in slices reaches the same capture as in one go', () => {
    const { run, changes } = liveRun();
    const spec = {
      model: sc.model,
      seed: sc.seed,
      params: sc.params,
      changes,
      end: { events: run.sim.events, timeNs: run.sim.now },
      windowNs: 1e6,
      title: 't',
    };
    const job = new ReplayJob(spec);
    expect(() => job.capture()).toThrow('before the replay reached the live point');
    let slices = 0;
    while (!job.work(997)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(JSON.stringify(traceFile(job.capture()))).toBe(JSON.stringify(traceFile(replayTraced(spec).capture)));
  });

  it.each(['lock-lab-basic', 'loop-blk-mq-randread', 'ext4-one-writer', 'bitmap-raid1', 'bitmap-raid10'])(
    'is exact for %s too, whose snapshots and results the UI reads on the way',
    (preset) => {
      const s = resolveScenario({ preset, seed: 5, params: {} });
      const run = createModel(s.model, { ...s.params }, s.seed);
      for (let t = 100_000; t <= 1_500_000; t += 100_000) {
        run.sim.runUntil(t);
        run.snapshot();
        if (t % 500_000 === 0) run.result({ preset, warmupNs: 0 });
      }
      const end = { events: run.sim.events, timeNs: run.sim.now };
      expect(end.events).toBeGreaterThan(100);
      const replay = replayTraced({
        model: s.model,
        seed: s.seed,
        params: s.params,
        changes: [],
        end,
        windowNs: 200_000,
        title: preset,
      });
      expect(picture(replay.run)).toEqual(picture(run));
      expect(checkTrace(traceFile(replay.capture))).toEqual([]);
    },
  );

  it('refuses, by name, a replay that cannot reach the live point (changes missing)', () => {
    const { run, changes } = liveRun();
    const end = { events: run.sim.events, timeNs: run.sim.now };
    expect(() =>
      replayTraced({
        model: sc.model,
        seed: sc.seed,
        params: sc.params,
        changes: changes.slice(0, 1),
        end,
        windowNs: 1e6,
        title: 't',
      }),
    ).toThrow(/replay diverged from the live run: expected \d+ events at 2600000 ns/);
  });

  it('gives a window that passes the trace-event checks, with tracks, lock slices, flows and counters', () => {
    const { run, changes } = liveRun();
    const end = { events: run.sim.events, timeNs: run.sim.now };
    const { capture } = replayTraced({
      model: sc.model,
      seed: sc.seed,
      params: sc.params,
      changes,
      end,
      windowNs: 500_000,
      title: 'raid5',
    });
    const file = traceFile(capture);
    expect(checkTrace(file)).toEqual([]);
    const evs = file.traceEvents;
    expect(evs.filter((e) => e.name === 'thread_name').length).toBe(run.kernel.threads.length);
    expect(evs.some((e) => e.ph === 'X' && e.name.startsWith('holding '))).toBe(true);
    expect(evs.some((e) => e.ph === 's')).toBe(true);
    expect(evs.some((e) => e.ph === 'C' && e.name === 'stripe_cache_active')).toBe(true);
    expect(Math.min(...evs.filter((e) => e.ts !== undefined).map((e) => e.ts as number))).toBeGreaterThanOrEqual(
      capture.fromNs / 1000,
    );
  });

  it('the tap leaves single-holder locks and the state listener alone until the window begins (full speed before)', () => {
    const run = createModel(sc.model, { ...sc.params }, sc.seed);
    const tap = attachTraceTap(run);
    const { locks } = findInRun(run);
    expect(locks.length).toBeGreaterThan(0);
    expect(locks.every((l) => l.capacity > 1 || l.tryAcquire === Lock.prototype.tryAcquire)).toBe(true);
    expect(run.kernel.listener).toBeNull();
    run.sim.runUntil(200_000);
    tap.begin();
    expect(locks.every((l) => l.tryAcquire !== Lock.prototype.tryAcquire)).toBe(true);
    expect(run.kernel.listener).not.toBeNull();
  });

  it('a traced run ends byte-identical to an untraced one, and its trace still shows bounces as their own slices', () => {
    // group_thread_cnt 4 on 3 disks: device_lock and the hash locks bounce between CPUs, and acquireAndCompute
    // folds those bounces into the critical section's event (the fast path the tap must see through)
    const params = { ...sc.params, group_thread_cnt: 4 };
    const plain = createModel(sc.model, { ...params }, sc.seed);
    plain.sim.runUntil(1_500_000);
    const traced = createModel(sc.model, { ...params }, sc.seed);
    const tap = attachTraceTap(traced);
    traced.sim.runUntil(500_000);
    tap.begin();
    traced.sim.runUntil(1_500_000);
    const meta = { preset: null, warmupNs: 0 };
    expect(traced.sim.events).toBe(plain.sim.events);
    expect(JSON.stringify(traced.result(meta))).toBe(JSON.stringify(plain.result(meta)));
    const file = traceFile(tap.capture('raid5', traced.sim.now));
    expect(checkTrace(file)).toEqual([]);
    expect(file.traceEvents.some((e) => e.ph === 'X' && e.name.endsWith('cache-line bounce'))).toBe(true);
  });

  it('advanceTo stands still at a point already reached and refuses one in the past', () => {
    const run = createModel(sc.model, { ...sc.params }, sc.seed);
    run.sim.runUntil(100_000);
    const at = { events: run.sim.events, timeNs: run.sim.now };
    advanceTo(run, at);
    expect(run.sim.events).toBe(at.events);
    expect(() => advanceTo(run, { events: at.events - 1, timeNs: 50_000 })).toThrow('replay diverged');
  });
});
