// struct r5conf (drivers/md/raid5.h): the stripe cache (hash, eight inactive lists), the work lists,
// device_lock and the hash locks, pre-read accounting, and the threads' wake-up state.
// Holds state and small helpers only; the kernel functions that act on it live beside it.
import type { Kernel } from '../../core/kernel';
import { Lock, LockClass, spinlock } from '../../core/lock';
import { BLOCKED, IDLE, type SimThread } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import { QueueStats } from '../../core/stats/queueStats';
import type { Geometry } from './geometry';
import type { Raid5Params } from './params';
import { StripeHead, StripeList } from './stripeHead';
import type { Offload } from './offload';
import type { DeferredIo } from './deferredIo';
import type { Bitmap, MdSync } from './bitmapHooks';

/** IO_THRESHOLD (raid5.c). NR_STRIPE_HASH_LOCKS is the hash_locks knob, MAX_STRIPE_BATCH max_stripe_batch. */
export const IO_THRESHOLD = 1;

export interface Worker {
  thread: SimThread;
  wq: WaitQueue;
  /** queue_work() queued it (WORK_STRUCT_PENDING): it will run a pass. */
  pending: boolean;
  /** It is inside raid5_do_work now. */
  running: boolean;
  /** group_thread_cnt was lowered: it exits when next idle. */
  retired: boolean;
  /** Its worker group (NUMA node). */
  group: number;
}

/** struct r5worker_group: one per NUMA node, its handle_list and the stripes queued there. */
export interface WorkerGroup {
  readonly handleList: StripeList;
  stripesCnt: number;
}

export class R5Conf {
  readonly stripes: StripeHead[] = [];
  readonly hash = new Map<number, StripeHead>();
  readonly inactive: StripeList[] = [];
  readonly handleList: StripeList;
  /** conf->worker_groups: one per NUMA node (alloc_thread_groups), used while group_thread_cnt > 0. */
  readonly groups: WorkerGroup[] = [];
  readonly holdList: StripeList;
  readonly delayedList: StripeList;
  readonly bitmapList: StripeList;
  /** released_stripes: the lockless llist (a plain array; push order is restored on drain). */
  released: StripeHead[] = [];
  /** Stripes put on released_stripes (llist_add) since the last reset. */
  releasedQueueings = 0;

  readonly deviceLockClass = new LockClass('device_lock', 'spinlock');
  readonly hashLockClass = new LockClass('hash_lock', 'spinlock');
  readonly stripeLockClass = new LockClass('stripe_lock', 'spinlock');
  /** conf->active_aligned_reads, an atomic_t every chunk-aligned read increments (raid5_read_one_chunk) and
   * decrements (raid5_align_endio): no lock, but one cache line that each CPU must own in turn. Modelled as a
   * zero-length hold whose only cost is moving the line (cost.cacheline); not a lock_stat class. */
  readonly alignedReadsClass = new LockClass('active_aligned_reads', 'spinlock');
  readonly alignedReads: Lock;
  readonly deviceLock: Lock;
  readonly hashLocks: Lock[] = [];
  readonly stripeLocks: Lock[] = [];
  /** conf->wait_for_stripe: one queue for every hash (the per-hash, exclusive queues of 4.2 were reverted,
   * "RAID5: revert e9e4c377e2f563 to fix a livelock"); a woken task rechecks its own inactive list. */
  readonly waitForStripe: WaitQueue;
  readonly waitForOverlap: WaitQueue;
  /** NR_STRIPE_HASH_LOCKS: hash locks, inactive lists and wait_for_stripe queues (one of each before 3.13). */
  readonly nrHashLocks: number;

  /** Queue statistics per list, for Little's law and the UI. */
  readonly listStats = {
    handle: new QueueStats('handle_list'),
    hold: new QueueStats('hold_list'),
    delayed: new QueueStats('delayed_list'),
    bitmap: new QueueStats('bitmap_list'),
    inactive: new QueueStats('inactive'),
  };

  maxNrStripes: number;
  activeStripes = 0;
  prereadActiveStripes = 0;
  pendingFullWrites = 0;
  bypassCount = 0;
  bypassThreshold: number;
  rmwLevel: number;
  skipCopy: boolean;
  lastHold: StripeHead | null = null;
  inactiveBlocked = false;
  workerCnt: number;
  readonly workers: Worker[] = [];
  raid5dWakeup = false;
  /** md's write-intent bitmap and resync (set by the model when configured), and raid5's bitmap batch
   * counters: stripes whose bm_seq is past seq_write wait on bitmap_list. */
  bitmap: Bitmap | null = null;
  sync: MdSync | null = null;
  seqFlush = 0;
  seqWrite = 0;
  /** Member bytes read for resync (is_mddev_idle leaves them out). */
  syncBytes = 0;
  /** Writes deferred for raid5d to dispatch (dispatch=raid5d, 4.12; set by the model). */
  deferred: DeferredIo | null = null;
  /** The async_tx offload engine when ops=async (set by the model). */
  offload: Offload | null = null;
  raid5d!: SimThread;
  /** The md thread's name as the kernel gives it: md0_raid5, or md0_raid6 for a raid6 array. */
  readonly threadName: string;
  readonly raid5dWq: WaitQueue;
  private nextHashLockIndex = 0;
  /** Activity labels for timelines: the kernel function each step mirrors. */
  readonly labels: {
    fio: number;
    lookup: number;
    addBio: number;
    release: number;
    pick: number;
    handle: number;
    submit: number;
    endRequest: number;
    unplug: number;
    activate: number;
    directRead: number;
    brdCopy: number;
    batchList: number;
    releaseInactive: number;
    handleActive: number;
    raid5d: number;
    doWork: number;
  };

  constructor(
    readonly kernel: Kernel,
    readonly p: Raid5Params,
    readonly geo: Geometry,
  ) {
    const L = (n: string) => kernel.label(n);
    this.labels = {
      fio: L('fio io_submit'),
      lookup: L('raid5_get_active_stripe'),
      addBio: L('add_stripe_bio'),
      release: L('__release_stripe'),
      pick: L('__get_priority_stripe'),
      handle: L('handle_stripe'),
      submit: L('ops_run_io'),
      endRequest: L('raid5_end_request'),
      unplug: L('raid5_unplug'),
      activate: L('raid5_activate_delayed'),
      directRead: L('raid5_read_one_chunk'),
      brdCopy: L('brd_submit_bio (memcpy)'),
      // call sites that take a lock before they compute anything (lock_stat's contention points)
      batchList: L('stripe_add_to_batch_list'),
      releaseInactive: L('release_inactive_stripe_list'),
      handleActive: L('handle_active_stripes'),
      raid5d: L('raid5d'),
      doWork: L('raid5_do_work'),
    };
    const clock = () => kernel.now;
    const ls = this.listStats;
    this.handleList = new StripeList('handle_list', 'handle_list', ls.handle, clock);
    for (let g = 0; g < p.numaNodes; g++)
      this.groups.push({ handleList: new StripeList('handle_list', 'handle_list', ls.handle, clock), stripesCnt: 0 });
    this.holdList = new StripeList('hold_list', 'hold_list', ls.hold, clock);
    this.delayedList = new StripeList('delayed_list', 'delayed_list', ls.delayed, clock);
    this.bitmapList = new StripeList('bitmap_list', 'bitmap_list', ls.bitmap, clock);
    this.deviceLock = spinlock(kernel, this.deviceLockClass, p.costs, this.remoteCosts());
    this.alignedReads = new Lock(kernel, this.alignedReadsClass, {
      preemptOff: true,
      handoffNs: 0,
      bounceNs: p.costs.cachelineNs,
      remoteBounceNs: this.remoteExtra(p.costs.cachelineNs),
    });
    this.nrHashLocks = p.hashLocks;
    for (let i = 0; i < this.nrHashLocks; i++) {
      this.hashLocks.push(spinlock(kernel, this.hashLockClass, p.costs, this.remoteCosts()));
      this.inactive.push(new StripeList(`inactive_list[${i}]`, 'free', ls.inactive, clock));
    }
    this.waitForStripe = new WaitQueue(kernel, 'wait_for_stripe', BLOCKED);
    this.waitForOverlap = new WaitQueue(kernel, 'wait_for_overlap');
    this.threadName = `md0_raid${p.level}`;
    this.raid5dWq = new WaitQueue(kernel, `${this.threadName} wait`, IDLE);
    this.maxNrStripes = 0;
    this.bypassThreshold = p.prereadBypassThreshold;
    this.rmwLevel = p.rmwLevel;
    this.skipCopy = p.skipCopy;
    this.workerCnt = p.groupThreadCnt;
    this.growTo(p.stripeCacheSize);
  }

  /** The lock that guards a hash bucket: its own hash lock, or device_lock before 3.13 (hash_locks=1). */
  hashLockFor(hashIdx: number): Lock {
    return this.p.hashLocks === 1 ? this.deviceLock : this.hashLocks[hashIdx];
  }

  /** stripe_hash_locks_hash: the hash lock index of a stripe's sector (hash_locks is a power of two). */
  hashIndexOf(sector: number): number {
    return sector & (this.nrHashLocks - 1);
  }

  /** grow_one_stripe, repeated: new stripe_heads get hash_lock_index round-robin. */
  growTo(n: number): void {
    while (this.stripes.length < n) {
      const h = this.nextHashLockIndex;
      this.nextHashLockIndex = (h + 1) % this.nrHashLocks;
      const sh = new StripeHead(this.stripes.length, h, this.p.disks);
      this.stripes.push(sh);
      this.stripeLocks.push(spinlock(this.kernel, this.stripeLockClass, this.p.costs, this.remoteCosts()));
      this.pushInactive(sh);
      this.liveStripes++;
    }
    this.maxNrStripes = n;
  }

  pushInactive(sh: StripeHead): void {
    this.inactive[sh.hashLockIndex].push(sh);
  }

  /** Stripes still part of the cache (not dropped by a shrink). */
  liveStripes = 0;

  /** Free stripes over all inactive lists. */
  freeStripes(): number {
    let n = 0;
    for (const l of this.inactive) n += l.length;
    return n;
  }

  /** A spinlock's extra cost when its line comes from the other node: the lock word and the data it guards. */
  private remoteCosts() {
    return {
      remoteBounceNs: this.remoteExtra(this.p.costs.bounceNs),
      remoteHandoffNs: this.remoteExtra(this.p.costs.handoffNs),
    };
  }

  /** What a line move from the other NUMA node adds to a local one of `localNs` (numa_distance / 10 times). */
  remoteExtra(localNs: number): number {
    return Math.round((localNs * (this.p.numaDistance - 10)) / 10);
  }

  /** Stripes queued for handling: the conf's handle_list and every group's. */
  handleQueued(): number {
    let n = this.handleList.length;
    for (const g of this.groups) n += g.handleList.length;
    return n;
  }

  /** The worker group whose handle_list `list` is, or null. */
  groupOfList(list: StripeList): WorkerGroup | null {
    for (const g of this.groups) if (g.handleList === list) return g;
    return null;
  }

  /** raid5_wakeup_stripe_thread's placement: queue `sh` on its group's handle_list. */
  queueOnGroup(sh: StripeHead): number {
    const g = this.groups[sh.group];
    g.handleList.push(sh);
    g.stripesCnt++;
    return sh.group;
  }

  /** md_wakeup_thread(mddev->thread). */
  wakeupRaid5d(): void {
    this.raid5dWakeup = true;
    this.raid5dWq.wakeThread(this.raid5d);
  }
}
