// The parameter space each model is fuzzed over (fast-check arbitraries), shared by `npm run fuzz` and the CI
// fuzz test (src/sim/fuzz.test.ts). Every key is a ParamSpec key of the model (a test checks it) and every value
// lies in its spec's range, so a refusal is the resolver rejecting a combination, never a typo here. Sizes and
// counts are drawn from the ranges a machine has, not the specs' extremes (stripe_cache_size 32768 and 256 CPUs
// would only make each 2 ms run slower).
import fc from 'fast-check';
import { KERNEL_VERSIONS } from '../scenarios/kernels';
import type { Params } from '../sim/core/model';

const common = {
  device: fc.constantFrom('ramdisk', 'nvme', 'sata-ssd', 'hdd', 'virtio'),
  cpus: fc.integer({ min: 1, max: 16 }),
  rw: fc.constantFrom('read', 'write', 'randread', 'randwrite', 'randrw'),
  bs: fc.constantFrom('4k', '8k', '64k', '512k', '1m'),
  iodepth: fc.integer({ min: 1, max: 32 }),
  numjobs: fc.integer({ min: 1, max: 4 }),
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

const raid5 = fc
  .record({
    ...common,
    level: fc.constantFrom(5, 6),
    disks: fc.integer({ min: 3, max: 8 }),
    chunk: fc.constantFrom('4k', '64k', '512k'),
    stripe_cache_size: fc.constantFrom(17, 32, 256, 1024),
    group_thread_cnt: fc.integer({ min: 0, max: 8 }),
    numa_nodes: fc.constantFrom(1, 1, 2, 4),
    ops: fc.constantFrom('inline', 'async'),
    blk: fc.constantFrom('mq', 'sq'),
    direct: fc.boolean(),
    design,
  })
  // raid6 needs four members and the CPUs split evenly over the NUMA nodes: keep the draw valid rather than refused.
  .map(({ design: d, ...p }) => ({
    ...p,
    ...d,
    disks: p.level === 6 ? Math.max(4, p.disks) : p.disks,
    cpus: Math.ceil(p.cpus / p.numa_nodes) * p.numa_nodes,
  }));

const mirror = fc.record({
  ...common,
  kernel: fc.constantFrom(...KERNEL_VERSIONS),
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

/** Each fuzzed model's space, in the order a full campaign runs them. */
export const FUZZ_SPACES: Readonly<Record<string, fc.Arbitrary<Params>>> = {
  raid5: raid5 as fc.Arbitrary<Params>,
  raid1: mirror as fc.Arbitrary<Params>,
  raid10: mirror as fc.Arbitrary<Params>,
  loop: loop as fc.Arbitrary<Params>,
  ext4: ext4 as fc.Arbitrary<Params>,
  'lock-lab': lockLab as fc.Arbitrary<Params>,
};

export const FUZZ_MODELS = Object.keys(FUZZ_SPACES);
