// What the fuzzer (src/sim/fuzz.test.ts) found in raid5, one test per failure, named after what broke. A failure
// still open is an `it.fails` with the exact configuration and seed: it passes while the bug is there and fails
// (telling whoever fixed it to turn it into a plain `it`) once the run holds.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { checkOptions, runScenarioChecked } from '../../checked';

describe('raid5: failures the fuzzer found', () => {
  // FUZZ_RUNS=300 FUZZ_SEED=4242 FUZZ_DURATION=3ms, shrunk: at t=757005 ns, event 722, stripe 16 was on
  // inactive_list[0] with count 1. Cause: make_stripe_request's batch_last held no reference of its own. The
  // writer slept in raid5_get_active_stripe for a free stripe (17-stripe cache), flushing its plug; a worker
  // handled stripe 16 and freed it; stripe_add_to_batch_list then took last_sh's count on a free stripe. Fixed
  // by holding batch_last as the kernel does (makeRequest.ts). Workers were needed only to free it in between.
  it('stripe_on_list_only_at_count_zero: resync, stripe_cache_size 17, 2 workers, 1 CPU, 1M randrw', () => {
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
