// The kernel version selector's one data file: each md design change the model can switch, with the release
// it landed in and its commit. `kernel=<release>` sets every toggle as it stood in that release; a toggle the
// user gives explicitly overrides it (applyKernel). --describe and the Lab's changelog read the same table.
import type { ParamSpec, Resolved } from './paramSpec';

/** Releases that matter here, newest first; 'current' is mainline as this table knows it (6.18). */
export const KERNEL_VERSIONS = [
  'current',
  '6.2',
  '6.1',
  '6.0',
  '5.14',
  '4.12',
  '4.11',
  '4.1',
  '3.14',
  '3.13',
  '3.12',
  '3.11',
  '2.6.32',
] as const;
export type KernelVersion = (typeof KERNEL_VERSIONS)[number];

export interface KernelChange {
  /** The parameter that shows it. */
  key: string;
  /** The models whose parameter it is. */
  models: readonly string[];
  /** Its value before the change, and from `since` on. `commit` is the abbreviated id, or 'series' for a
   * patch series the table names by its cover letter. */
  before: string | number | boolean;
  after: string | number | boolean;
  since: Exclude<KernelVersion, 'current'>;
  commit: string;
  subject: string;
  /** What it changed, in words, for the changelog. */
  words: string;
}

const R5 = ['raid5'] as const;

/** The `kernel` parameter, the same for every md model. */
export const KERNEL_PARAM: ParamSpec = {
  key: 'kernel',
  kind: 'enum',
  values: KERNEL_VERSIONS,
  default: 'current',
  group: 'design',
  help: 'The kernel release whose md mechanics run: it sets every design toggle as it stood then (src/scenarios/kernels.ts, with the commit of each change; --describe lists them); a toggle given explicitly overrides it.',
};

/** Oldest first. A change's `before` is what every older release in the table had. */
export const KERNEL_CHANGES: readonly KernelChange[] = [
  {
    key: 'max_stripe_batch',
    models: R5,
    before: 1,
    after: 8,
    since: '3.11',
    commit: '46a06401f6ba',
    subject: 'raid5: raid5d handle stripe in batch way',
    words:
      'raid5d takes up to MAX_STRIPE_BATCH (8) stripes off handle_list per trip through device_lock, instead of one (Shaohua Li, 2012; in mainline before 3.11, the first release after 2.6.32 in this table).',
  },
  {
    key: 'batch_release',
    models: R5,
    before: false,
    after: true,
    since: '3.11',
    commit: '8811b5968f62',
    subject: 'raid5: make_request use batch stripe release',
    words:
      'make_request keeps its stripes on the plug and releases them together at unplug: one device_lock trip (2012; in mainline before 3.11).',
  },
  {
    key: 'release',
    models: R5,
    before: 'locked',
    after: 'lockless',
    since: '3.12',
    commit: '773ca82fa1ee',
    subject: 'raid5: make release_stripe lockless',
    words: 'A released stripe goes on the released_stripes llist without device_lock; raid5d does the real release.',
  },
  {
    key: 'hash_locks',
    models: R5,
    before: 1,
    after: 8,
    since: '3.13',
    commit: '566c09c53455',
    subject: 'raid5: relieve lock contention in get_active_stripe()',
    words: 'Eight hash locks, each with its own inactive list, guard the stripe cache; device_lock no longer does.',
  },
  {
    key: 'release_list',
    models: R5,
    before: 'every_ref',
    after: 'last_ref',
    since: '3.14',
    commit: 'cf170f3fa451',
    subject: 'raid5: avoid release list until last reference of the stripe',
    words: 'A stripe goes on released_stripes only when its last reference is dropped, not on every release.',
  },
  {
    key: 'barrier',
    models: ['raid1'],
    before: 'lock',
    after: 'lockless',
    since: '4.11',
    commit: '824e47daddbf',
    subject: 'RAID1: avoid unnecessary spin locks in I/O barrier code (Coly Li)',
    words: "raid1's wait_barrier / allow_barrier count bios in per-bucket atomics; resync_lock only while resyncing.",
  },
  {
    key: 'barrier',
    models: ['raid10'],
    before: 'lock',
    after: 'lockless',
    since: '6.1',
    commit: 'b9b083f9044a',
    subject: 'md/raid10: convert resync_lock to use seqlock ("reduce lock contention for io", Yu Kuai)',
    words: "raid10's wait_barrier reads resync_lock's sequence count and wakes waiters only when there are any.",
  },
  {
    key: 'stripe_batching',
    models: R5,
    before: false,
    after: true,
    since: '4.1',
    commit: '59fc630b8b5f',
    subject: 'RAID5: batch adjacent full stripe write',
    words: 'Adjacent full-stripe writes form a batch: one handle_stripe for the batch, its member writes merged.',
  },
  {
    key: 'dispatch',
    models: R5,
    before: 'any',
    after: 'raid5d',
    since: '4.12',
    commit: '765d704db1f5',
    subject: 'raid5: only dispatch IO from raid5d for harddisk raid',
    words: 'On rotational members with workers, the workers defer their writes and raid5d dispatches them sorted.',
  },
  {
    key: 'aligned_read_lock',
    models: R5,
    before: 'device_lock',
    after: 'atomic',
    since: '5.14',
    commit: '97ae27252f49',
    subject: 'md/raid5: avoid device_lock in read_one_chunk()',
    words: 'A chunk-aligned read counts itself with an atomic; it took device_lock before.',
  },
  {
    key: 'make_request',
    models: R5,
    before: 'per_page',
    after: 'per_stripe',
    since: '6.0',
    commit: 'series',
    subject: 'Improve Raid5 Lock Contention (Logan Gunthorpe, v3 of 2022, merged for 6.0; no single commit)',
    words:
      'raid5_make_request looks each stripe_head up once and adds all its pages under one stripe_lock, and keeps the last stripe for batching.',
  },
  {
    key: 'max_segments',
    models: R5,
    before: '128',
    after: '65535',
    since: '6.0',
    commit: '9ad1a74ff009',
    subject: 'md/raid5: Increase restriction on max segments per request (Logan Gunthorpe, the same series)',
    words:
      "md0's queue takes bios of up to 1M (256 stripe pages) instead of the block layer's default 128 segments, about 512K: a large direct write reaches raid5 in half as many pieces.",
  },
];

/** The release order of the table, oldest first, for comparisons. */
const ORDER: readonly KernelVersion[] = [...KERNEL_VERSIONS].reverse();
const rank = (v: KernelVersion) => ORDER.indexOf(v);

/** Every toggle of `model` as it stood in `version`. */
export function togglesOf(version: KernelVersion, model: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const c of KERNEL_CHANGES) {
    if (!c.models.includes(model)) continue;
    out[c.key] = rank(version) >= rank(c.since) ? c.after : c.before;
  }
  return out;
}

/** The changes a release brought (for the changelog). */
export function changesIn(version: KernelVersion): KernelChange[] {
  return KERNEL_CHANGES.filter((c) => c.since === version);
}

/** Sets every toggle the user did not give from params.kernel. Run first in a model's derive step. */
export function applyKernel(params: Resolved, given: ReadonlySet<string>, model: string): void {
  // params.kernel is one of KERNEL_VERSIONS: parseParam refused anything else against KERNEL_PARAM.
  for (const [k, v] of Object.entries(togglesOf(params.kernel as KernelVersion, model)))
    if (!given.has(k) && k in params) params[k] = v;
}

/** Where a value came from, for a refusal naming both keys. */
export function origin(key: string, params: Resolved, given: ReadonlySet<string>): string {
  return given.has(key)
    ? `${key}=${String(params[key])}`
    : `${key}=${String(params[key])} (from kernel=${params.kernel})`;
}
