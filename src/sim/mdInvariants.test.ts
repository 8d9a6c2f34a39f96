// The invariants issue 11 added last, each shown to fail on a state broken on purpose, at the event that broke it:
// queue figures that add up (queue_length_is_arrivals_minus_departures), member IO where raid5's layout puts it,
// and md core's own (the classic bitmap's counters, llbitmap's page references, md_do_sync's recovery_cp).
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../scenarios/scenarioFile';
import { CheckFailed, checkOptions, runScenarioChecked, type CheckFailure } from './checked';
import { createModel, type RunSpec } from './run';
import type { ModelRun, Params } from './core/model';
import type { Raid5 } from './models/raid5/raid5';
import type { Mirror } from './models/mirror/mirror';
import type { Loop } from './models/loop/loop';
import type { MdBitmap } from './md/classic';
import type { LlBitmap } from './md/llbitmap';
import { R5_LOCKED } from './models/raid5/stripeHead';

/** Runs `model` checked; from event 100 on, tries `breakIt` after each event until it says it broke something.
 * Returns the failure and the event it broke the state at. */
function breakAndCheck(
  model: string,
  params: Params,
  breakIt: (run: ModelRun) => boolean,
): { f: CheckFailure; brokeAt: number } {
  const sc: RunSpec = resolveScenario({ model, params, duration: '3ms', warmup: '0.5ms', seed: 5 });
  let brokeAt = -1;
  const create = (s: RunSpec) => {
    const run = createModel(s.model, s.params, s.seed);
    const step = run.sim.step.bind(run.sim);
    run.sim.step = () => {
      const r = step();
      if (brokeAt < 0 && run.sim.events >= 100 && breakIt(run)) brokeAt = run.sim.events;
      return r;
    };
    return run;
  };
  try {
    runScenarioChecked(sc, checkOptions(sc, true), create);
  } catch (e) {
    if (e instanceof CheckFailed) return { f: e.failure, brokeAt };
    throw e;
  }
  throw new Error(`no failure (broke at ${brokeAt})`);
}

const raid5 = (r: ModelRun): Raid5 => r as Raid5;

describe('the invariants of issue 11, each broken on purpose', () => {
  it.each([
    [
      'raid5',
      {},
      'queue_length_is_arrivals_minus_departures',
      (r: ModelRun): boolean => (raid5(r).conf.listStats.inactive.arrivals++, true),
    ],
    [
      'raid1',
      {},
      'queue_length_is_arrivals_minus_departures',
      (r: ModelRun): boolean => ((r as Mirror).conf.pendingStats.departures++, true),
    ],
    [
      'loop',
      { loop_mode: 'single-thread' },
      'queue_length_is_arrivals_minus_departures',
      (r: ModelRun): boolean => ((r as Loop).driver.queues()[0].length++, true),
    ],
    [
      'raid5',
      {},
      // a member bio in flight on a block nobody locked
      'member_io_is_a_locked_stripe_block',
      (r: ModelRun): boolean => {
        let broke = false;
        raid5(r).io.forEachInFlight((q) => {
          if (!broke && q.sh) {
            q.sh.devs[q.dev].flags &= ~R5_LOCKED;
            broke = true;
          }
        });
        return broke;
      },
    ],
    [
      'raid5',
      { rw: 'randread', bs: '4k' },
      // a chunk-aligned read sent to its row's parity disk
      'aligned_read_maps_to_data_disk',
      (r: ModelRun): boolean => {
        const g = raid5(r).conf.geo;
        let broke = false;
        raid5(r).io.forEachInFlight((q) => {
          if (!broke && q.bio && q.page !== undefined) {
            const row = Math.floor(q.page / g.pagesPerChunk);
            (q as { dev: number }).dev = g.dataDisks - (row % g.disks);
            broke = true;
          }
        });
        return broke;
      },
    ],
    [
      'raid5',
      { bitmap: 'bitmap', assume_clean: true, rw: 'randwrite' },
      // md_bitmap_daemon_work clearing a bit under writes still counted
      'bitmap_bit_set_while_counted',
      (r: ModelRun): boolean => {
        const b = raid5(r).conf.bitmap as unknown as MdBitmap;
        const c = b.counters.findIndex((v) => (v & 0x3fff) > 2);
        if (c < 0) return false;
        b.bits[c] = 0;
        return true;
      },
    ],
    [
      'raid1',
      { bitmap: 'bitmap', assume_clean: true, rw: 'randwrite' },
      // one md_bitmap_endwrite too many: the counter wraps below zero
      'bitmap_counter_below_counter_max',
      (r: ModelRun): boolean => {
        const b = (r as Mirror).bitmap as unknown as MdBitmap;
        b.counters[0] = 0xffff;
        return true;
      },
    ],
    [
      'raid5',
      { bitmap: 'llbitmap', assume_clean: true, rw: 'randwrite' },
      'llbitmap_page_ref_non_negative',
      (r: ModelRun): boolean => {
        (raid5(r).conf.bitmap as unknown as LlBitmap).s.pages[0].ref = -1;
        return true;
      },
    ],
    [
      'raid5',
      { bitmap: 'llbitmap', assume_clean: true, rw: 'randwrite' },
      // a state byte the state machine has no row for
      'llbitmap_state_known',
      (r: ModelRun): boolean => {
        (raid5(r).conf.bitmap as unknown as LlBitmap).s.state.fill(9);
        return true;
      },
    ],
    [
      'raid5',
      { assume_clean: false },
      // md_done_sync subtracting more than was issued
      'recovery_active_non_negative',
      (r: ModelRun): boolean => {
        (raid5(r).conf.sync as unknown as { active: number }).active = -16;
        return true;
      },
    ],
    [
      'raid1',
      { assume_clean: false },
      // the checkpoint moved back
      'recovery_cp_only_advances',
      (r: ModelRun): boolean => {
        ((r as Mirror).sync as unknown as { recoveryCp: number }).recoveryCp = -1;
        return true;
      },
    ],
    [
      'raid5',
      { assume_clean: false },
      // a checkpoint ahead of the resync IO issued so far
      'recovery_cp_behind_resync_position',
      (r: ModelRun): boolean => {
        const s = raid5(r).conf.sync as unknown as { recoveryCp: number; position: number; running: boolean };
        if (!s.running) return false;
        s.recoveryCp = s.position + 1024;
        return true;
      },
    ],
  ] as const)('%s %j: %s', (model, params, rule, breakIt) => {
    const { f, brokeAt } = breakAndCheck(model, params as Params, breakIt);
    expect(f).toMatchObject({ kind: 'invariant', model, rule });
    // md-bitmap's counters are read 64 per event, round-robin: a broken one is seen within chunks / 64 events
    const slack = rule.startsWith('bitmap_') ? 1000 : 0;
    expect(f.events - brokeAt).toBeGreaterThanOrEqual(0);
    expect(f.events - brokeAt).toBeLessThanOrEqual(slack);
  });
});
