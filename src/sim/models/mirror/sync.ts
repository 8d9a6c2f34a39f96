// raid1_sync_request / raid10_sync_request as md_do_sync calls them (64K per call; raid1 reads one mirror,
// raid10 every copy), handing read-back bios to the md thread. Issues resync IO only; never throttles it.
import { BLOCKED, type SimThread, type Gen } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { SyncBio } from './conf';
import type { SyncPersonality } from '../../md/contract';
import type { MirrorCtx } from './write';

const RESYNC_PAGES = 16;
/** raise_barrier lets at most RESYNC_DEPTH resync requests be in flight. */
const RESYNC_DEPTH = 32;

/** reschedule_retry, from interrupt context: queue for the md thread and wake it. */
function* rescheduleRetry(ctx: MirrorCtx, t: SimThread, sb: SyncBio): Gen {
  const { conf } = ctx;
  yield t.acquire(conf.deviceLock);
  sb.queuedAt = conf.kernel.now;
  conf.retry.push(sb);
  conf.retryStats.enter(sb.queuedAt);
  conf.deviceLock.release(t);
  conf.wakeupMdThread();
}

export function mirrorSyncPersonality(ctx: MirrorCtx, spanPages: number): SyncPersonality {
  const { conf, io } = ctx;
  const ppc = conf.p.chunk / 4096;
  const barrierWq = new WaitQueue(conf.kernel, 'wait_barrier (resync)', BLOCKED);
  let inflight = 0;
  return {
    nonSyncBytes: () => io.nonSyncBytes,
    *syncRequest(t: SimThread, page: number, doneSync: (pages: number) => void) {
      const barrier = conf.barrier;
      while (inflight >= RESYNC_DEPTH) yield t.wait(barrierWq); // raise_barrier
      if (barrier.locked) yield* barrier.resyncRound(t, false); // raise_barrier's conf->barrier++ under resync_lock
      inflight++;
      const done = (it: SimThread, n: number) => {
        inflight--; // lower_barrier
        barrierWq.wakeAll();
        doneSync(n);
        // lower_barrier's conf->barrier-- under resync_lock, then wake_up (after the count above drops: the
        // lock round's cost and contention are what barrier=lock shows, not the order).
        return barrier.locked ? barrier.resyncRound(it, true) : null;
      };
      let pages = Math.min(RESYNC_PAGES, spanPages - page);
      if (conf.p.level === 10) pages = Math.min(pages, ppc - (page % ppc)); // stay inside the chunk
      const copies = conf.layout.copiesOf(page);
      const reads = conf.p.level === 1 ? copies.slice(0, 1) : copies; // raid1 resync reads read_disk only
      const sb: SyncBio = { page, pages, copies, left: reads.length, done, queuedAt: 0 };
      for (const copy of reads) {
        yield* io.submit(t, copy.disk, copy.page, pages * 4096, false, 'sync', (it) =>
          --sb.left === 0 ? rescheduleRetry(ctx, it, sb) : null,
        );
      }
      return pages;
    },
  };
}
