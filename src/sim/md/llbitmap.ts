// The lockless bitmap (md-llbitmap.c): per-page references with expiry on the IO path, newly dirty blocks
// written by the md_llbitmap_unplug worker, expired pages cleaned by the md_llbitmap_io worker. No data IO.
import { violate } from '../core/invariant';
import type { LockClass } from '../core/lock';
import { BLOCKED, IDLE, type SimThread, type ThreadBody } from '../core/thread';
import { WaitQueue } from '../core/waitQueue';
import type { BitmapOps, Gen, MdHost, MdParams } from './contract';
import {
  Clean,
  Daemon,
  Dirty,
  Endsync,
  LlState,
  NeedSync,
  STATE_NAMES,
  Startsync,
  Startwrite,
  Syncing,
} from './llbitmapState';
import { SuperWriter } from './superWrite';
import { foldCells } from './liveCells';

export class LlBitmap implements BitmapOps {
  readonly kind = 'llbitmap' as const;
  readonly s: LlState;
  private readonly writer: SuperWriter;
  private readonly unplugWq: WaitQueue;
  private readonly unplugDoneWq: WaitQueue;
  private readonly daemonWq: WaitQueue;
  private unplugRequested = 0;
  private unplugCompleted = 0;
  private daemonQueued = false;
  private timerPending = false;
  private endSynced = 0;
  private readonly evTimer: number;
  private readonly evSuspendTimeout: number;
  private readonly daemon: SimThread;
  private readonly labels: { start: number; unplug: number; daemon: number };
  /** Lazy recovery hook (MD_RECOVERY_LAZY_RECOVER), set by the array once its sync thread exists. */
  onNeedSync: () => void = () => {};
  unplugs = 0;
  unplugWaits = 0;
  pagesCleaned = 0;
  barrierWaits = 0;

  constructor(
    private readonly host: MdHost,
    private readonly p: MdParams,
  ) {
    const k = host.kernel;
    this.s = new LlState(
      host.spanPages,
      host.level456,
      p.assumeClean,
      (i) => new WaitQueue(k, `llbitmap page ${i}`, BLOCKED),
    );
    const L = (n: string) => k.label(n);
    this.labels = {
      start: L('llbitmap_start_write'),
      unplug: L('llbitmap_unplug_fn'),
      daemon: L('md_llbitmap_daemon_fn'),
    };
    this.writer = new SuperWriter(host, 'llbitmap', this.labels.unplug);
    this.unplugWq = new WaitQueue(k, 'md_llbitmap_unplug', IDLE);
    this.unplugDoneWq = new WaitQueue(k, 'llbitmap unplug completion', BLOCKED);
    this.daemonWq = new WaitQueue(k, 'md_llbitmap_io', IDLE);
    k.spawn('kworker/u:md_llbitmap_unplug', 'workqueue', (t) => this.unplugWorker(t));
    this.daemon = k.spawn('kworker/u:md_llbitmap_io', 'workqueue', (t) => this.daemonWorker(t));
    // pending_timer: armed by the first Dirty state, fires every daemon_sleep while pages stay dirty.
    this.evTimer = k.sim.register('llbitmap pending_timer', () => {
      this.timerPending = false;
      this.daemonQueued = true;
      this.daemonWq.wakeThread(this.daemon);
    });
    this.evSuspendTimeout = k.sim.register('llbitmap suspend timeout', (idx) =>
      this.s.pages[idx].wq.wakeThread(this.daemon),
    );
  }

  get chunkPages(): number {
    return this.s.chunkPages;
  }

  private armTimer(): void {
    if (this.timerPending) return;
    this.timerPending = true;
    this.host.kernel.sim.schedule(this.p.daemonSleepNs, this.evTimer);
  }

  /** llbitmap_start_write: the state machine on the chunks, then a reference on each bitmap page. */
  *startWrite(t: SimThread, page: number, pages: number): Gen {
    const s = this.s;
    const first = s.chunkOf(page);
    const last = s.chunkOf(page + pages - 1);
    s.scanned = 0;
    const r = s.run(first, last, Startwrite);
    yield t.compute(this.host.costs.llbitmapStateNs * (last - first + 1) + s.scanned, this.labels.start);
    if (r.dirtied) this.armTimer();
    if (r.needSync && this.host.level456) this.onNeedSync();
    for (let idx = LlState.pageOfChunk(first); idx <= LlState.pageOfChunk(last); idx++)
      yield* this.raiseBarrier(t, idx);
  }

  /** llbitmap_raise_barrier: percpu_ref_tryget_live, or wait while the daemon cleans the page. */
  private *raiseBarrier(t: SimThread, idx: number): Gen {
    const pc = this.s.pages[idx];
    while (pc.dying) {
      this.barrierWaits++;
      yield t.wait(pc.wq);
    }
    pc.ref++;
    pc.expire = this.host.kernel.now + this.p.barrierIdleNs;
  }

  /** llbitmap_end_write: percpu_ref_put on each page; the last one lets a waiting daemon go on. */
  *endWrite(_t: SimThread, page: number, pages: number): Gen {
    const s = this.s;
    for (
      let idx = LlState.pageOfChunk(s.chunkOf(page));
      idx <= LlState.pageOfChunk(s.chunkOf(page + pages - 1));
      idx++
    ) {
      const pc = s.pages[idx];
      if (--pc.ref === 0 && pc.dying) pc.wq.wakeThread(this.daemon);
    }
  }

  /** llbitmap_unplug: nothing to do unless a page is dirty; else queue the work and wait for it. */
  *unplug(t: SimThread): Gen {
    this.unplugs++;
    yield t.compute(this.host.costs.unplugCheckNs, this.labels.unplug);
    if (!this.s.anyDirty()) return;
    this.unplugWaits++;
    const mine = ++this.unplugRequested;
    this.unplugWq.wakeAll();
    while (this.unplugCompleted < mine) yield t.wait(this.unplugDoneWq);
  }

  /** llbitmap_unplug_fn on the md_llbitmap_unplug workqueue: write the dirty blocks, md_super_wait. */
  private *unplugWorker(t: SimThread): ThreadBody {
    for (;;) {
      while (this.unplugCompleted >= this.unplugRequested) yield t.wait(this.unplugWq);
      const upTo = this.unplugRequested;
      yield* this.writer.writeAndWait(t, this.s.takeDirtyBlocks());
      this.unplugCompleted = upTo;
      this.unplugDoneWq.wakeAll();
    }
  }

  /** md_llbitmap_daemon_fn: clean every expired page (suspend, Dirty -> Clean, resume); re-arm if some
   * dirty page has not expired. The clean states are not written now: no IO. */
  private *daemonWorker(t: SimThread): ThreadBody {
    const k = this.host.kernel;
    for (;;) {
      while (!this.daemonQueued) yield t.wait(this.daemonWq);
      this.daemonQueued = false;
      let restart = false;
      for (let idx = 0; idx < this.s.pages.length; idx++) {
        const pc = this.s.pages[idx];
        if (k.now < pc.expire) {
          if (pc.expire !== Infinity) restart = true;
          continue;
        }
        pc.dying = true; // llbitmap_suspend_timeout
        const deadline = k.now + this.p.daemonSleepNs;
        k.sim.schedule(this.p.daemonSleepNs, this.evSuspendTimeout, idx);
        while (pc.ref > 0 && k.now < deadline) yield t.wait(pc.wq);
        if (pc.ref === 0) {
          const [a, b] = this.s.chunksOfPage(idx);
          this.s.scanned = 0;
          this.pagesCleaned++;
          this.s.run(a, b, Daemon);
          yield t.compute(this.s.scanned * 2, this.labels.daemon);
        }
        // llbitmap_resume (also after a timeout here, so writers are never left waiting)
        pc.expire = Infinity;
        pc.dying = false;
        pc.wq.wakeAll();
      }
      if (restart) this.armTimer();
    }
  }

  daemonWork(): Gen {
    return (function* () {})();
  }

  blocksSynced(page: number): boolean {
    const c = this.s.state[this.s.chunkOf(page)];
    return c === Clean || c === Dirty;
  }

  /** llbitmap_skip_sync_blocks + start_sync's refusal: only NeedSync / Syncing chunks are synced. */
  skipSyncPages(page: number): number {
    const s = this.s;
    let c = s.chunkOf(page);
    const from = c;
    while (c < s.chunks && s.state[c] !== NeedSync && s.state[c] !== Syncing) c++;
    return c === from ? 0 : Math.min(this.host.spanPages, c * s.chunkPages) - page;
  }

  startSync(page: number): number {
    const c = this.s.chunkOf(page);
    this.s.run(c, c, Startsync);
    return (c + 1) * this.s.chunkPages - page;
  }

  /** llbitmap_cond_end_sync / close_sync: Syncing chunks below `page` are built (Dirty). */
  endSync(page: number): void {
    const last = Math.min(this.s.chunks, Math.floor(page / this.s.chunkPages)) - 1;
    if (last < this.endSynced - 1) this.endSynced = 0; // endSync(0): a new pass starts from the beginning
    if (last >= this.endSynced) this.s.run(this.endSynced, last, Endsync);
    this.endSynced = last + 1;
  }

  lockClasses(): LockClass[] {
    return [];
  }

  /** md-llbitmap.c's rules: a page's percpu reference is never dropped below zero (each
   * llbitmap_raise_barrier is paired with one llbitmap_release_barrier), and a chunk's state byte is one the state machine knows. */
  checkInvariants(): void {
    this.s.pages.forEach((pc, i) => {
      if (pc.ref < 0) violate('llbitmap_page_ref_non_negative', `bitmap page ${i}: ${pc.ref} references`);
    });
    const c = this.s.scanned % this.s.chunks; // one chunk per call, moving with the scans
    if (this.s.state[c] >= STATE_NAMES.length) violate('llbitmap_state_known', `chunk ${c}: state ${this.s.state[c]}`);
  }

  resetStats(): void {
    this.unplugs = this.unplugWaits = this.pagesCleaned = this.barrierWaits = 0;
    this.s.infections = 0;
    this.writer.resetStats();
  }

  /** For the live view: state bytes folded into cells (codes as STATE_NAMES), pages with dirty blocks,
   * pages the daemon is suspending, live page references, metadata writes in flight. Read-only. */
  live(): Record<string, unknown> {
    const { cells, chunksPerCell } = foldCells(this.s.chunks, (c) => this.s.state[c]);
    let dirty = 0;
    let dying = 0;
    let refs = 0;
    for (const pc of this.s.pages) {
      if (pc.dirty) dirty++;
      if (pc.dying) dying++;
      refs += pc.ref;
    }
    return {
      bitmapCells: cells,
      bitmapChunksPerCell: chunksPerCell,
      bitmapPagesToWrite: dirty,
      bitmapPagesDying: dying,
      bitmapPageRefs: refs,
      bitmapWritesInFlight: this.writer.inFlight,
    };
  }

  figures(): Record<string, unknown> {
    return {
      bitmap: 'llbitmap',
      bitmapChunkBytes: this.s.chunkPages * 4096,
      chunks: this.s.chunks,
      pages: this.s.pages.length,
      bits: this.s.histogram(),
      infections: this.s.infections,
      unplugs: this.unplugs,
      unplugWaits: this.unplugWaits,
      pagesCleaned: this.pagesCleaned,
      barrierWaits: this.barrierWaits,
      bitmapWrites: this.writer.writes,
      bitmapWriteBytes: this.writer.bytes,
      superWaits: this.writer.waits,
      superWaitNs: this.writer.waitNs,
    };
  }
}
