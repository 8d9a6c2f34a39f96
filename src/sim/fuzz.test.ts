// Property-based fuzzing (fast-check): random valid raid5/raid6 and raid1/raid10 configurations, each run for a
// few simulated ms with every invariant checked after every event and the stall watchdog on. A crash, a broken
// invariant or a stall fails with the seed and the shrunk configuration; a combination the scenario resolver
// refuses (ParamError) is skipped and counted. loop, ext4 and Lock Lab get the same over their own knobs. FUZZ_RUNS (default 20 per model) and FUZZ_SEED widen or replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KERNEL_VERSIONS } from '../scenarios/kernels';
import { ParamError } from '../scenarios/paramSpec';
import { resolveScenario } from '../scenarios/scenarioFile';
import type { Params } from './core/model';
import { CheckFailed, checkOptions, runScenarioChecked } from './checked';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const DURATION = process.env.FUZZ_DURATION ?? '2ms';

const common = {
  device: fc.constantFrom('ramdisk', 'nvme', 'sata-ssd', 'hdd', 'virtio'),
  cpus: fc.integer({ min: 1, max: 16 }),
  rw: fc.constantFrom('read', 'write', 'randread', 'randwrite', 'randrw'),
  bs: fc.constantFrom('4k', '8k', '64k', '512k', '1m'),
  iodepth: fc.integer({ min: 1, max: 32 }),
  numjobs: fc.integer({ min: 1, max: 4 }),
  kernel: fc.constantFrom(...KERNEL_VERSIONS),
  bitmap: fc.constantFrom('none', 'bitmap', 'llbitmap'),
  assume_clean: fc.boolean(),
};

// The design toggles come either from a kernel release or drawn on their own with stripe batching off: an
// explicit toggle beside a kernel whose other toggles it never lived with is refused by name (release=locked
// with stripe_batching on, as no kernel had it), which would waste the draw.
const design = fc.oneof(
  fc.record({ kernel: fc.constantFrom(...KERNEL_VERSIONS) }),
  fc.record({
    stripe_batching: fc.constant(false),
    release: fc.constantFrom('lockless', 'locked'),
    hash_locks: fc.constantFrom(1, 8),
    priority_stripe: fc.boolean(),
    make_request: fc.constantFrom('per_stripe', 'per_page'),
  }),
);

const { kernel: _kernel, ...commonNoKernel } = common;
const raid5 = fc
  .record({
    ...commonNoKernel,
    level: fc.constantFrom(5, 6),
    disks: fc.integer({ min: 3, max: 8 }),
    chunk: fc.constantFrom('4k', '64k', '512k'),
    stripe_cache_size: fc.constantFrom(17, 32, 256, 1024),
    group_thread_cnt: fc.integer({ min: 0, max: 8 }),
    ops: fc.constantFrom('inline', 'async'),
    blk: fc.constantFrom('mq', 'sq'),
    direct: fc.boolean(),
    design,
  })
  // raid6 needs four members: keep the draw valid rather than refused.
  .map(({ design: d, ...p }) => ({ ...p, ...d, disks: p.level === 6 ? Math.max(4, p.disks) : p.disks }));

const mirror = fc.record({
  ...common,
  disks: fc.integer({ min: 2, max: 6 }),
  barrier: fc.constantFrom('lock', 'lockless'),
});

const loop = fc.record({
  loop_mode: fc.constantFrom('single-thread', 'blk-mq', 'dio-aio'),
  workers: fc.integer({ min: 1, max: 32 }),
  cpus: fc.integer({ min: 1, max: 8 }),
  device: fc.constantFrom('ssd-image', 'nvme', 'sata-ssd', 'hdd'),
  rw: common.rw,
  bs: common.bs,
  iodepth: common.iodepth,
  numjobs: common.numjobs,
  direct: fc.boolean(),
});

const ext4 = fc.record({
  submit: fc.constantFrom('buffer', 'bio'),
  plug: fc.boolean(),
  device: fc.constantFrom('array', 'sata-ssd', 'hdd'),
  numjobs: fc.integer({ min: 1, max: 8 }),
  cpus: fc.integer({ min: 1, max: 8 }),
  bs: fc.constantFrom('4k', '64k', '1m'),
});

const lockLab = fc.record({
  threads: fc.integer({ min: 1, max: 32 }),
  cpus: fc.integer({ min: 1, max: 8 }),
  lock: fc.constantFrom('spinlock', 'mutex'),
  capacity: fc.integer({ min: 1, max: 4 }),
  shards: fc.integer({ min: 1, max: 4 }),
  hold: fc.constantFrom('500ns', '2us', '20us'),
  think_dist: fc.constantFrom('const', 'exp', 'uniform', 'lognormal'),
  arrival: fc.constantFrom('closed', 'open'),
  rate: fc.constantFrom(10_000, 100_000, 400_000),
});

interface Tally {
  ran: number;
  refused: number;
}

/** Runs one configuration with every check on; true when it ran, false when the resolver refused it. */
function runOne(model: string, params: Params, seed: number): boolean {
  let sc;
  try {
    // A toggle drawn beside a kernel that never had it is refused naming both: drop the kernel then, so the
    // draw still tests the toggle (the kernel's own settings are drawn through `kernel` on the other half).
    sc = resolveScenario({ model, params, duration: DURATION, warmup: '0.5ms', seed });
  } catch (e) {
    if (e instanceof ParamError) return false;
    throw e;
  }
  try {
    runScenarioChecked(sc, checkOptions(sc, true));
  } catch (e) {
    if (e instanceof CheckFailed)
      throw new Error(`${e.message}\n  reproduce: ${JSON.stringify({ model, params, seed, duration: DURATION })}`, {
        cause: e,
      });
    throw e;
  }
  return true;
}

function fuzz(model: string, arb: fc.Arbitrary<Params>, tally: Tally): void {
  fc.assert(
    fc.property(arb, fc.integer({ min: 1, max: 1_000_000 }), (params, seed) => {
      if (runOne(model, params, seed)) tally.ran++;
      else tally.refused++;
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: RUNS > 50 ? false : true, verbose: 1 },
  );
}

describe(`fuzz: ${RUNS} configurations per model, seed ${SEED}, ${DURATION} each, invariants and stall watchdog on`, () => {
  it.each([
    ['raid5', raid5],
    ['raid1', mirror],
    ['raid10', mirror],
    ['loop', loop],
    ['ext4', ext4],
    ['lock-lab', lockLab],
  ] as const)(
    '%s holds under random valid configurations',
    (model, arb) => {
      const tally: Tally = { ran: 0, refused: 0 };
      fuzz(model, arb as fc.Arbitrary<Params>, tally);
      process.stdout.write(
        `fuzz ${model}: ${JSON.stringify({ runs: RUNS, ran: tally.ran, refused: tally.refused, failures: 0 })}\n`,
      );
      expect(tally.ran + tally.refused).toBe(RUNS);
      // Most draws are valid: a resolver that refused everything would make this test vacuous.
      expect(tally.ran).toBeGreaterThan(RUNS / 4);
    },
    120_000,
  );

  it('a broken configuration is caught: the property fails and fast-check reports the seed and the shrunk case', () => {
    let message = '';
    try {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 64 }), (iodepth) => {
          const sc = resolveScenario({ model: 'raid1', params: { iodepth }, duration: '1ms', warmup: '0ms', seed: 1 });
          // A watchdog of 1 ns: any configuration "stalls", so the property must fail and shrink to iodepth 1.
          runScenarioChecked(sc, { invariants: true, stallNs: 1 });
        }),
        { numRuns: 5, seed: 42 },
      );
    } catch (e) {
      message = `${(e as Error).message}\n${String((e as Error).cause)}`;
    }
    expect(message).toMatch(/seed: 42/);
    expect(message).toMatch(/Counterexample: \[1\]/);
    expect(message).toMatch(/stall: model=raid1 seed=1/);
  });
});
