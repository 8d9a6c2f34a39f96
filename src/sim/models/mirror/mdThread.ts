// raid1d / raid10d: md_check_recovery's bitmap daemon work, flush_pending_writes (bitmap unplug first) and
// the retry_list's resync bios. Never submits a write before the bitmap is on disk.
import type { SimThread, ThreadBody, Gen } from '../../core/thread';
import type { SyncBio } from './conf';
import { endWriteCopy, type MirrorCtx } from './write';

/** flush_pending_writes: take the whole list under device_lock; the bitmap reaches disk before the data. */
function* flushPendingWrites(ctx: MirrorCtx, t: SimThread): Gen {
  const { conf, io, bitmap } = ctx;
  yield t.acquireAndCompute(conf.deviceLock, conf.p.costs.listNs, conf.labels.flush);
  const batch = conf.pending;
  conf.pending = [];
  const now = conf.kernel.now;
  for (const w of batch) conf.pendingStats.leave(now, now - w.queuedAt);
  conf.deviceLock.release(t);
  if (batch.length === 0) return;
  if (bitmap) yield* bitmap.unplug(t); // raid1_prepare_flush_writes
  for (const w of batch) {
    yield* io.submit(t, w.copy.disk, w.copy.page, w.r1.bio.bytes, true, 'data', (it) => endWriteCopy(ctx, it, w.r1));
  }
}

/** sync_request_write: raid1 writes the block it read to the other mirrors; raid10 compares the copies
 * it read and writes only those that differ (none on a new array of zeroed members). */
function* syncRequestWrite(ctx: MirrorCtx, t: SimThread, sb: SyncBio): Gen {
  const { conf, io } = ctx;
  const c = conf.p.costs;
  yield t.compute(c.syncWriteNs, conf.labels.syncWrite);
  if (conf.p.level === 10) {
    yield t.compute(c.syncComparePageNs * sb.pages * (sb.copies.length - 1), conf.labels.syncWrite);
    const lower = sb.done(t, sb.pages);
    if (lower) yield* lower;
    return;
  }
  const targets = sb.copies.slice(1);
  sb.left = targets.length;
  for (const copy of targets) {
    yield* io.submit(
      t,
      copy.disk,
      copy.page,
      sb.pages * 4096,
      true,
      'sync',
      (it) => (--sb.left === 0 ? sb.done(it, sb.pages) : null), // end_sync_write -> put_buf, md_done_sync
    );
  }
}

export function* mirrorD(ctx: MirrorCtx, t: SimThread): ThreadBody {
  const { conf, bitmap } = ctx;
  for (;;) {
    if (!conf.mdWakeup) {
      yield t.wait(conf.mdWq);
      continue;
    }
    conf.mdWakeup = false;
    if (bitmap) yield* bitmap.daemonWork(t); // md_check_recovery
    for (;;) {
      yield* flushPendingWrites(ctx, t);
      if (conf.retry.length === 0) break;
      yield t.acquire(conf.deviceLock);
      const sb = conf.retry.shift() as SyncBio;
      conf.retryStats.leave(conf.kernel.now, conf.kernel.now - sb.queuedAt);
      conf.deviceLock.release(t);
      yield* syncRequestWrite(ctx, t, sb);
    }
  }
}
