// struct stripe_head and struct r5dev (drivers/md/raid5.h): per-row cache entry, its state bits,
// per-member flags and pending bios, and the intrusive `lru` link that puts it on exactly one list.
import type { Bio } from './bio';
import type { QueueStats } from '../../core/stats/queueStats';

/** A followed stripe's history in words, bounded as it grows: the first line (where following began) and the
 * latest ones stay. Trimmed here, by the model, so that a snapshot only reads it. */
export class StripeHistory {
  /** Lines kept past the first; trimmed in batches so a push stays cheap. */
  static readonly KEEP = 400;
  readonly lines: string[];

  constructor(first: string) {
    this.lines = [first];
  }

  push(line: string): void {
    const l = this.lines;
    l.push(line);
    if (l.length > 2 * StripeHistory.KEEP) l.splice(1, l.length - StripeHistory.KEEP);
  }
}

/** STRIPE_* state bits (raid5.h), the subset this model drives. */
export const STRIPE_ACTIVE = 1 << 0;
export const STRIPE_HANDLE = 1 << 1;
export const STRIPE_PREREAD_ACTIVE = 1 << 2;
export const STRIPE_DELAYED = 1 << 3;
export const STRIPE_BIT_DELAY = 1 << 4;
export const STRIPE_FULL_WRITE = 1 << 5;
export const STRIPE_IO_STARTED = 1 << 6;
export const STRIPE_ON_UNPLUG_LIST = 1 << 7;
export const STRIPE_ON_RELEASE_LIST = 1 << 8;
/** Resync (bitmapSync.ts): asked for by raid5_sync_request, then in progress. */
export const STRIPE_SYNC_REQUESTED = 1 << 9;
export const STRIPE_SYNCING = 1 << 10;
/** A fresh write stripe not handled yet: it may join or head a batch (4.1). */
export const STRIPE_BATCH_READY = 1 << 11;

/** r5dev flags (raid5.h enum r5dev_flags), the subset this model drives. */
export const R5_UPTODATE = 1 << 0;
export const R5_LOCKED = 1 << 1;
export const R5_OVERWRITE = 1 << 2;
export const R5_WANTREAD = 1 << 3;
export const R5_WANTWRITE = 1 << 4;

export class R5Dev {
  flags = 0;
  /** Bios waiting to be drained into this page (`towrite`), and drained but not yet on disk (`written`). */
  towrite: Bio[] = [];
  written: Bio[] = [];
}

/** Where a stripe_head sits now: the list names the UI colours cells by. */
export type Where =
  'free' | 'handle_list' | 'hold_list' | 'delayed_list' | 'bitmap_list' | 'handling' | 'member_io' | 'in_use';

export class StripeList {
  head: StripeHead | null = null;
  tail: StripeHead | null = null;
  length = 0;
  /** Lists sharing a name (per-group handle lists) may share one QueueStats. */
  constructor(
    readonly name: string,
    readonly where: Where,
    private readonly stats: QueueStats | null = null,
    private readonly clock: () => number = () => 0,
  ) {}

  push(sh: StripeHead): void {
    if (sh.list) throw new Error(`stripe ${sh.idx} is already on ${sh.list.name}, cannot add to ${this.name}`);
    if (sh.count !== 0) throw new Error(`stripe ${sh.idx} has count ${sh.count}, cannot sit on ${this.name}`);
    sh.list = this;
    sh.prev = this.tail;
    sh.next = null;
    if (this.tail) this.tail.next = sh;
    else this.head = sh;
    this.tail = sh;
    this.length++;
    sh.listedAt = this.clock();
    this.stats?.enter(sh.listedAt);
    if (sh.history)
      sh.history.push(
        `${(sh.listedAt / 1e6).toFixed(6)} ms: ${this.where === 'free' ? 'freed to' : 'queued on'} ${this.name}`,
      );
  }

  remove(sh: StripeHead): void {
    if (sh.list !== this) throw new Error(`stripe ${sh.idx} is not on ${this.name}`);
    if (sh.prev) sh.prev.next = sh.next;
    else this.head = sh.next;
    if (sh.next) sh.next.prev = sh.prev;
    else this.tail = sh.prev;
    sh.prev = sh.next = null;
    sh.list = null;
    this.length--;
    const now = this.clock();
    this.stats?.leave(now, now - sh.listedAt);
  }

  shift(): StripeHead | null {
    const sh = this.head;
    if (sh) this.remove(sh);
    return sh;
  }
}

export class StripeHead {
  /** Member-disk sector of this row in 4K pages; -1 while not hashed. */
  sector = -1;
  count = 0;
  state = 0;
  pdIdx = 0;
  qdIdx = -1;
  list: StripeList | null = null;
  prev: StripeHead | null = null;
  next: StripeHead | null = null;
  listedAt = 0;
  /** The async op phase in flight (prexor+biodrain+reconstruct), null when none. */
  opState: string | null = null;
  /** Dropped by a shrinking stripe_cache_size (drop_one_stripe): no longer part of the cache. */
  dead = false;
  /** Member IOs in flight for this stripe (each holds a reference, as ops_run_io takes one). */
  ioInFlight = 0;
  /** cpu_to_group(sh->cpu): the NUMA node of the CPU that took it (init_stripe), whose worker group handles it. */
  group = 0;
  /** The thread name handling it now, for the UI. */
  handler: string | null = null;
  /** conf->seq_flush + 1 at its first write (STRIPE_BIT_DELAY): the bitmap batch it waits for. */
  bmSeq = 0;
  /** md_done_sync for the resync row this stripe is checking. */
  syncDone: ((pages: number) => void) | null = null;
  /** Stripe batching (4.1): the batch this stripe belongs to (itself for a head), and a head's members. */
  batchHead: StripeHead | null = null;
  readonly batchList: StripeHead[] = [];
  /** [this]: the batch a pass covers when the stripe heads no batch (batchOf), made once, not per pass. */
  readonly alone: readonly StripeHead[] = [this];
  /** Set while someone follows this stripe in the UI: its history in words. */
  history: StripeHistory | null = null;
  readonly devs: R5Dev[];

  constructor(
    readonly idx: number,
    readonly hashLockIndex: number,
    disks: number,
  ) {
    this.devs = Array.from({ length: disks }, () => new R5Dev());
  }

  where(): Where {
    if (this.list) return this.list.where;
    if (this.handler) return 'handling';
    if (this.ioInFlight > 0) return 'member_io';
    return 'in_use';
  }
}
