// The checked run (src/sim/checked.ts): it runs the same events as runScenario, a broken invariant in a real
// model is caught at the event that broke it with the rule's name, a thrown error is a crash, and the stall
// watchdog reports the threads' states and lists when nothing completes within its bound.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../scenarios/scenarioFile';
import { CheckFailed, checkOptions, failureLine, runScenarioChecked, type CheckFailure } from './checked';
import { createModel, runScenario, type RunSpec } from './run';
import type { Raid5 } from './models/raid5/raid5';
import type { ModelRun } from './core/model';
import type { Mirror } from './models/mirror/mirror';
import type { LockLab } from './models/lockLab/lockLab';
import type { Loop } from './models/loop/loop';
import { stallBound } from './stallBound';

const spec = (model: string, params = {}, duration = '2ms'): RunSpec =>
  resolveScenario({ model, params, duration, warmup: '1ms', seed: 3 });

function failureOf(f: () => unknown): CheckFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof CheckFailed) return e.failure;
    throw e;
  }
  throw new Error('no failure');
}

describe('runScenarioChecked', () => {
  it.each(['raid5', 'raid1', 'loop', 'lock-lab'])('%s: same result as the unchecked run, invariants on', (m) => {
    const sc = spec(m);
    const a = runScenarioChecked(sc, checkOptions(sc, true)).result;
    expect(JSON.stringify(a)).toBe(JSON.stringify(runScenario(sc).result));
  });

  it("a real raid5 invariant broken at event 500 is caught there, named after do_release_stripe's rule", () => {
    const sc = spec('raid5');
    const create = (s: RunSpec) => {
      const run = createModel(s.model, s.params, s.seed) as Raid5;
      const step = run.sim.step.bind(run.sim);
      run.sim.step = () => {
        const r = step();
        if (run.sim.events === 500) run.conf.stripes[0].count = -1;
        return r;
      };
      return run;
    };
    const f = failureOf(() => runScenarioChecked(sc, checkOptions(sc, true), create));
    expect(f).toMatchObject({
      kind: 'invariant',
      model: 'raid5',
      seed: 3,
      events: 500,
      rule: 'stripe_count_non_negative',
    });
    expect(failureLine(f)).toMatch(
      /^invariant violated: model=raid5 seed=3 t=\d+ns events=500 rule=stripe_count_non_negative: stripe 0: count -1$/,
    );
    // Off, the same sabotage is seen only later, when the model itself trips over it.
    const late = failureOf(() => runScenarioChecked(sc, { invariants: false, stallNs: null }, create));
    expect(late.kind).toBe('crash');
    expect(late.events).toBeGreaterThan(500);
  });

  // Models without their own checkInvariants() are checked from src/sim/modelInvariants.ts: each rule can fail.
  it.each([
    [
      'raid1',
      'nr_pending_counts_bios_in_barrier',
      (r: ModelRun): void => {
        (r as Mirror).conf.barrier.nrPending = -1;
      },
    ],
    [
      'raid10',
      'fio_inflight_within_iodepth',
      (r: ModelRun): void => {
        (r as Mirror).workload.jobs[0].inflight = 99;
      },
    ],
    [
      'lock-lab',
      'lock_holders_within_capacity',
      (r: ModelRun): void => {
        (r as LockLab).locks[0].holders = 2;
      },
    ],
    [
      'loop',
      'fio_inflight_within_iodepth',
      (r: ModelRun): void => {
        (r as Loop).fio.jobs.jobs[0].inflight = -1;
      },
    ],
    [
      'ext4',
      'preempt_count_non_negative',
      (r: ModelRun): void => {
        r.kernel.threads[0].preemptCount = -1;
      },
    ],
  ] as const)('%s: a state broken at event 300 fails %s there', (model, rule, breakIt) => {
    const sc = spec(model);
    const create = (s: RunSpec) => {
      const run = createModel(s.model, s.params, s.seed);
      const step = run.sim.step.bind(run.sim);
      run.sim.step = () => {
        const r = step();
        if (run.sim.events === 300) breakIt(run);
        return r;
      };
      return run;
    };
    const f = failureOf(() => runScenarioChecked(sc, checkOptions(sc, true), create));
    expect(f).toMatchObject({ kind: 'invariant', model, events: 300, rule });
  });

  it('an exception inside an event is a crash naming the event count', () => {
    const sc = spec('lock-lab');
    const create = (s: RunSpec) => {
      const run = createModel(s.model, s.params, s.seed);
      const step = run.sim.step.bind(run.sim);
      run.sim.step = () => {
        if (run.sim.events === 99) throw new Error('stripe already on handle_list');
        return step();
      };
      return run;
    };
    const f = failureOf(() => runScenarioChecked(sc, checkOptions(sc, true), create));
    expect(failureLine(f)).toBe(
      `crash: model=lock-lab seed=3 t=${f.timeNs}ns events=99 rule=no_exception: stripe already on handle_list`,
    );
  });

  it('a watchdog bound shorter than an HDD seek reports a stall with the threads and lists at that moment', () => {
    const sc = spec('raid5', { device: 'hdd', numjobs: 1, iodepth: 1, rw: 'randwrite' });
    const f = failureOf(() => runScenarioChecked(sc, { invariants: true, stallNs: 20_000, stallWhy: 'test' }));
    expect(f.kind).toBe('stall');
    expect(f.rule).toBe('completion_within_bound');
    expect(f.timeNs).toBeGreaterThan(20_000);
    expect(f.detail).toMatch(/nothing completed for [\d.]+us .*bound 20us = test/);
    expect(f.detail).toMatch(/threads .*fio\/0=(blocked|idle)/);
    expect(f.detail).toMatch(/lists handle_list=\d+ .*inactive=\d+ .*runqueue=\d+/);
  });

  it("the configuration's own bound lets the same HDD run finish, and grows with the depth in front", () => {
    const sc = spec('raid5', { device: 'hdd', numjobs: 1, iodepth: 1, rw: 'randwrite' }, '200ms');
    const r = runScenarioChecked(sc, checkOptions(sc, true)).result;
    expect(r.throughput.opsPerSec).toBeGreaterThan(0);
    const deep = spec('raid5', { device: 'hdd', numjobs: 4, iodepth: 32 });
    expect(stallBound('raid5', deep.params).ns).toBeGreaterThan(stallBound('raid5', sc.params).ns * 10);
  });
});
