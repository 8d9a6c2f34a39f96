// The classic write-intent bitmap (md-bitmap.c): a counter per chunk under one global spinlock (bitmap_lock),
// bits written before data by unplug, cleared by the daemon. It never issues data IO or decides when data goes.
import { Lock, LockClass, spinlock } from '../core/lock';
import { violate } from '../core/invariant';
import type { SimThread } from '../core/thread';
import type { BitmapOps, Gen, MdHost, MdParams } from './contract';
import { SuperWriter } from './superWrite';
import { foldCells } from './liveCells';

/** md-bitmap.h: NEEDED_MASK / RESYNC_MASK in the counter's top bits; the low bits count writes (+2 for the bit). */
const NEEDED = 0x8000;
const RESYNC = 0x4000;
/** bitmap page attributes. */
const PAGE_DIRTY = 1;
const PAGE_PENDING = 2;
const PAGE_NEEDWRITE = 4;
/** PAGE_COUNTER_RATIO: counters per 4K page of counters, the unit the daemon skips by. */
const COUNTERS_PER_PAGE = 2048;
/** The daemon's scan of one counter, under the lock. */
const SCAN_NS_PER_COUNTER = 2;
const SB_BYTES = 256;
/** COUNTER_MAX: the low bits' ceiling (md_bitmap_startwrite waits there); a counter at it here has wrapped. */
const COUNTER_MAX = 0x3fff;
/** Counters checked per invariant call, round-robin, so a check stays cheap on a big array. */
const CHECK_SLICE = 64;

export class MdBitmap implements BitmapOps {
  readonly kind = 'bitmap' as const;
  readonly lockClass = new LockClass('bitmap_lock', 'spinlock');
  private readonly lock: Lock;
  readonly chunkPages: number;
  readonly chunks: number;
  /** bitmap_counter_t per chunk. */
  readonly counters: Uint16Array;
  private readonly counterPagePending: Uint8Array;
  /** The bits as they are in the file pages (what reaches disk at the next page write). */
  readonly bits: Uint8Array;
  readonly filePages: number;
  private readonly pageAttr: Uint8Array;
  private readonly lastPageBytes: number;
  private readonly writer: SuperWriter;
  private lastRun = 0;
  private allclean = false;
  private syncedBelow = 0;
  private checkFrom = 0;
  private readonly labels: { start: number; end: number; unplug: number; daemon: number };
  /** Figures since the last reset. */
  bitsSet = 0;
  bitsCleared = 0;
  unplugs = 0;

  constructor(
    private readonly host: MdHost,
    private readonly p: MdParams,
  ) {
    const k = host.kernel;
    this.lock = spinlock(k, this.lockClass, host.costs);
    this.chunkPages = Math.max(1, Math.floor(p.bitmapChunkBytes / 4096));
    this.chunks = Math.ceil(host.spanPages / this.chunkPages);
    this.counters = new Uint16Array(this.chunks);
    this.bits = new Uint8Array(this.chunks);
    this.counterPagePending = new Uint8Array(Math.ceil(this.chunks / COUNTERS_PER_PAGE));
    const bytes = SB_BYTES + Math.ceil(this.chunks / 8);
    this.filePages = Math.ceil(bytes / 4096);
    this.lastPageBytes = Math.ceil((bytes % 4096 || 4096) / 512) * 512;
    this.pageAttr = new Uint8Array(this.filePages);
    // A new array created without --assume-clean: every bit set and NEEDED, so all of it is resynced.
    if (!p.assumeClean) {
      this.counters.fill(NEEDED);
      this.bits.fill(1);
    }
    const L = (n: string) => k.label(n);
    this.labels = {
      start: L('md_bitmap_startwrite'),
      end: L('md_bitmap_endwrite'),
      unplug: L('__bitmap_unplug'),
      daemon: L('md_bitmap_daemon_work'),
    };
    this.writer = new SuperWriter(host, 'bitmap', this.labels.unplug);
    // The md thread's timeout is daemon_sleep: it wakes and md_check_recovery runs daemon_work.
    const evTimer = k.sim.register('bitmap daemon_sleep timer', () => {
      host.wakeupMdThread();
      k.sim.schedule(p.daemonSleepNs, evTimer);
    });
    k.sim.schedule(p.daemonSleepNs, evTimer);
  }

  private chunkOf(page: number): number {
    return Math.min(this.chunks - 1, Math.floor(page / this.chunkPages));
  }

  private filePageOf(chunk: number): number {
    return Math.floor((SB_BYTES + Math.floor(chunk / 8)) / 4096);
  }

  /** md_bitmap_startwrite: per chunk, take counts.lock, count the write; a first write sets the bit. */
  *startWrite(t: SimThread, page: number, pages: number): Gen {
    for (let c = this.chunkOf(page); c <= this.chunkOf(page + pages - 1); c++) {
      yield t.acquireAndCompute(this.lock, this.host.costs.bitmapCounterNs, this.labels.start);
      const v = this.counters[c];
      if (v === 0) {
        // md_bitmap_file_set_bit: the page must reach disk before this write's data (unplug)
        this.bits[c] = 1;
        this.pageAttr[this.filePageOf(c)] |= PAGE_DIRTY;
        this.bitsSet++;
      }
      this.counters[c] = (v === 0 || v === 1 ? 2 : v) + 1;
      this.lock.release(t);
    }
  }

  /** md_bitmap_endwrite: one fewer pending write; at <= 2 the daemon may start clearing. */
  *endWrite(t: SimThread, page: number, pages: number): Gen {
    for (let c = this.chunkOf(page); c <= this.chunkOf(page + pages - 1); c++) {
      yield t.acquireAndCompute(this.lock, this.host.costs.bitmapCounterNs, this.labels.end);
      const v = --this.counters[c];
      if (v <= 2) {
        this.counterPagePending[Math.floor(c / COUNTERS_PER_PAGE)] = 1;
        this.allclean = false;
      }
      this.lock.release(t);
    }
  }

  private pageBytes(i: number): number {
    return i === this.filePages - 1 ? this.lastPageBytes : 4096;
  }

  /** __bitmap_unplug: write every DIRTY or NEEDWRITE page, then wait for the writes. */
  *unplug(t: SimThread): Gen {
    this.unplugs++;
    yield t.compute(this.host.costs.unplugCheckNs, this.labels.unplug);
    const sizes: number[] = [];
    for (let i = 0; i < this.filePages; i++) {
      if (!(this.pageAttr[i] & (PAGE_DIRTY | PAGE_NEEDWRITE))) continue;
      this.pageAttr[i] &= ~(PAGE_DIRTY | PAGE_NEEDWRITE | PAGE_PENDING);
      sizes.push(this.pageBytes(i));
    }
    if (sizes.length > 0) yield* this.writer.write(t, sizes);
    yield* this.writer.wait(t); // md_bitmap_wait_writes: the daemon's writes too
  }

  /** md_bitmap_daemon_work, every daemon_sleep: counters at 2 -> 1, at 1 -> 0 (bit cleared, page
   * written by the next pass); pages that were PENDING get written now. */
  *daemonWork(t: SimThread): Gen {
    const now = this.host.kernel.now;
    if (now < this.lastRun + this.p.daemonSleepNs || this.allclean) return;
    this.lastRun = now;
    this.allclean = true;
    for (let i = 0; i < this.filePages; i++) {
      if (this.pageAttr[i] & PAGE_PENDING) this.pageAttr[i] = (this.pageAttr[i] & ~PAGE_PENDING) | PAGE_NEEDWRITE;
    }
    yield t.acquire(this.lock);
    for (let cp = 0; cp < this.counterPagePending.length; cp++) {
      if (!this.counterPagePending[cp]) continue;
      this.counterPagePending[cp] = 0;
      const end = Math.min(this.chunks, (cp + 1) * COUNTERS_PER_PAGE);
      yield t.compute((end - cp * COUNTERS_PER_PAGE) * SCAN_NS_PER_COUNTER, this.labels.daemon);
      for (let c = cp * COUNTERS_PER_PAGE; c < end; c++) {
        const v = this.counters[c];
        if (v === 1) {
          this.counters[c] = 0; // md_bitmap_file_clear_bit
          this.bits[c] = 0;
          this.bitsCleared++;
          const fp = this.filePageOf(c);
          if (!(this.pageAttr[fp] & PAGE_NEEDWRITE)) this.pageAttr[fp] |= PAGE_PENDING;
          this.allclean = false;
        } else if (v === 2) {
          this.counters[c] = 1;
          this.counterPagePending[cp] = 1;
          this.allclean = false;
        }
      }
    }
    this.lock.release(t);
    const sizes: number[] = [];
    for (let i = 0; i < this.filePages; i++) {
      if (this.pageAttr[i] & PAGE_NEEDWRITE && !(this.pageAttr[i] & PAGE_DIRTY)) {
        this.pageAttr[i] &= ~PAGE_NEEDWRITE;
        sizes.push(this.pageBytes(i));
      }
    }
    yield* this.writer.write(t, sizes);
  }

  blocksSynced(): boolean {
    return true;
  }

  /** md_bitmap_start_sync's answer for a chunk: a chunk without NEEDED can be skipped. */
  skipSyncPages(page: number): number {
    const c = this.chunkOf(page);
    return this.counters[c] & NEEDED ? 0 : (c + 1) * this.chunkPages - page;
  }

  startSync(page: number): number {
    const c = this.chunkOf(page);
    if (this.counters[c] & NEEDED) this.counters[c] |= RESYNC;
    return (c + 1) * this.chunkPages - page;
  }

  /** md_bitmap_cond_end_sync: every chunk wholly below `page` is in sync; its counter may drain. */
  endSync(page: number): void {
    for (; this.syncedBelow < this.chunks && (this.syncedBelow + 1) * this.chunkPages <= page; this.syncedBelow++) {
      const c = this.syncedBelow;
      this.counters[c] &= ~(NEEDED | RESYNC);
      if (this.counters[c] <= 2) this.counterPagePending[Math.floor(c / COUNTERS_PER_PAGE)] = 1;
    }
  }

  lockClasses(): LockClass[] {
    return [this.lockClass];
  }

  /** md-bitmap.c's counter rules, over a round-robin slice of the chunks per call: a counter never wraps
   * (md_bitmap_endwrite only undoes a md_bitmap_startwrite), and a chunk with writes counted has its bit set
   * (md_bitmap_file_set_bit at the first write; md_bitmap_daemon_work clears it only once the count is 0). */
  checkInvariants(): void {
    const end = Math.min(this.chunks, this.checkFrom + CHECK_SLICE);
    for (let c = this.checkFrom; c < end; c++) {
      const n = this.counters[c] & COUNTER_MAX;
      if (n === COUNTER_MAX)
        violate('bitmap_counter_below_counter_max', `chunk ${c}: counter 0x${this.counters[c].toString(16)}`);
      if (n > 0 && !this.bits[c]) violate('bitmap_bit_set_while_counted', `chunk ${c}: counter ${n}, bit clear`);
    }
    this.checkFrom = end === this.chunks ? 0 : end;
  }

  resetStats(): void {
    this.bitsSet = this.bitsCleared = this.unplugs = 0;
    this.writer.resetStats();
  }

  /** For the live view: counters folded into cells (0 clean, 1 bit set and idle, 2 NEEDED, 3 RESYNC, 4 writes
   * counted), file pages waiting to be written. Read-only. */
  live(): Record<string, unknown> {
    const { cells, chunksPerCell } = foldCells(this.chunks, (c) => {
      const v = this.counters[c];
      // Writes in flight: the low bits, less the 2 that stand for a set bit when no resync flag is up.
      const low = v & ~(NEEDED | RESYNC);
      if ((v & (NEEDED | RESYNC) ? low : low - 2) > 0) return 4;
      if (v & RESYNC) return 3;
      if (v & NEEDED) return 2;
      return this.bits[c] ? 1 : 0;
    });
    let dirty = 0;
    let pending = 0;
    for (let i = 0; i < this.filePages; i++) {
      if (this.pageAttr[i] & (PAGE_DIRTY | PAGE_NEEDWRITE)) dirty++;
      else if (this.pageAttr[i] & PAGE_PENDING) pending++;
    }
    return {
      bitmapCells: cells,
      bitmapChunksPerCell: chunksPerCell,
      bitmapPagesToWrite: dirty,
      bitmapPagesPending: pending,
      bitmapWritesInFlight: this.writer.inFlight,
    };
  }

  /** bitmap_lock now, for the snapshot's locks (the array model draws it beside its own). */
  liveLocks(): { name: string; lock: Lock }[] {
    return [{ name: 'bitmap_lock', lock: this.lock }];
  }

  figures(): Record<string, unknown> {
    let set = 0;
    for (let c = 0; c < this.chunks; c++) set += this.bits[c];
    return {
      bitmap: 'bitmap',
      bitmapChunkBytes: this.chunkPages * 4096,
      chunks: this.chunks,
      filePages: this.filePages,
      bitsSetNow: set,
      bitsSet: this.bitsSet,
      bitsCleared: this.bitsCleared,
      unplugs: this.unplugs,
      bitmapWrites: this.writer.writes,
      bitmapWriteBytes: this.writer.bytes,
      superWaits: this.writer.waits,
      superWaitNs: this.writer.waitNs,
    };
  }
}
