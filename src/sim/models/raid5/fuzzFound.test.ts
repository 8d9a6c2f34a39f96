// What the fuzzer (src/sim/fuzz.test.ts) found in raid5, one test per failure, named after what broke. A failure
// still open is an `it.fails` with the exact configuration and seed: it passes while the bug is there and fails
// (telling whoever fixed it to turn it into a plain `it`) once the run holds.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { checkOptions, runScenarioChecked } from '../../checked';

describe('raid5: failures the fuzzer found', () => {
  // FUZZ_RUNS=300 FUZZ_SEED=4242 FUZZ_DURATION=3ms, shrunk: at t=757005 ns, event 722, stripe 16 is on
  // inactive_list[0] with count 1 (a stripe_head still referenced is back on the free list). It needs the workers:
  // with assume_clean on it fails too (event 358), with group_thread_cnt 0 it holds. A 17-stripe cache, two
  // workers on one CPU, buffered 1M randrw: the raid5-4disk-threads crash of issue 11 was worker-side as well.
  it.fails('stripe_on_list_only_at_count_zero: resync, stripe_cache_size 17, 2 workers, 1 CPU, 1M randrw', () => {
    const sc = resolveScenario({
      model: 'raid5',
      params: {
        device: 'ramdisk',
        cpus: 1,
        rw: 'randrw',
        bs: '1m',
        iodepth: 1,
        numjobs: 1,
        assume_clean: false,
        disks: 3,
        chunk: '64k',
        stripe_cache_size: 17,
        group_thread_cnt: 2,
        direct: false,
      },
      duration: '3ms',
      warmup: '0.5ms',
      seed: 1,
    });
    expect(() => runScenarioChecked(sc, checkOptions(sc, true))).not.toThrow();
  });
});
