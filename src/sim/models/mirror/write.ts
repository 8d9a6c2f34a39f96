// The submitter's side of raid1 / raid10: raid1_write_request clones per copy and submits directly without a
// bitmap or queues on pending_bio_list for the md thread with one; reads go to one copy. Never waits for IO.
import type { SimThread, Gen } from '../../core/thread';
import type { MirrorBio, MirrorConf, R1Bio } from './conf';
import type { MirrorIo } from './io';
import type { BitmapOps as Bitmap } from '../../md/contract';

export interface MirrorCtx {
  conf: MirrorConf;
  io: MirrorIo;
  bitmap: Bitmap | null;
  /** bio_endio: the top-level bio is done (fio reaps it). */
  endBio: (bio: MirrorBio) => void;
}

/** raid1_end_write_request for one copy; the last copy runs r1_bio_write_done: end_write, bio_endio, and
 * with barrier=lock allow_barrier's lock rounds. */
export function endWriteCopy(ctx: MirrorCtx, t: SimThread, r1: R1Bio): Gen | null {
  if (--r1.remaining > 0) return null;
  return (function* () {
    if (ctx.bitmap) {
      yield t.compute(ctx.conf.p.costs.mdCloneNs, ctx.conf.labels.endio); // md_end_clone_io
      yield* ctx.bitmap.endWrite(t, r1.bio.page, r1.bio.pages);
    }
    ctx.endBio(r1.bio);
    if (ctx.conf.barrier.locked) yield* ctx.conf.barrier.allowBarrier(t);
  })();
}

/** raid1_write_request / raid10_write_request. */
export function* writeRequest(ctx: MirrorCtx, t: SimThread, bio: MirrorBio): Gen {
  const { conf, io, bitmap } = ctx;
  const c = conf.p.costs;
  const barrier = conf.barrier;
  yield t.compute(c.makeRequestNs, conf.labels.makeRequest);
  if (barrier.locked) yield* barrier.waitBarrier(t);
  if (bitmap) {
    yield t.compute(c.mdCloneNs, conf.labels.clone); // md_clone_bio
    yield* bitmap.startWrite(t, bio.page, bio.pages);
  }
  const copies = conf.layout.copiesOf(bio.page);
  const r1: R1Bio = { bio, remaining: copies.length };
  for (const copy of copies) {
    yield t.compute(c.cloneNs, conf.labels.clone);
    if (!bitmap) {
      // raid1_add_bio_to_plug: "If bitmap is not enabled, it's safe to submit the io directly"
      yield* io.submit(t, copy.disk, copy.page, bio.bytes, true, 'data', (it) => endWriteCopy(ctx, it, r1));
      continue;
    }
    yield t.acquireAndCompute(conf.deviceLock, c.listNs, conf.labels.list);
    const now = conf.kernel.now;
    conf.pending.push({ r1, copy, queuedAt: now });
    conf.pendingStats.enter(now);
    conf.deviceLock.release(t);
    conf.wakeupMdThread();
  }
  if (barrier.locked) yield* barrier.makeRequestDone(t, true);
}

/** raid1_read_request: read_balance picks the copy whose member has the least outstanding. */
export function* readRequest(ctx: MirrorCtx, t: SimThread, bio: MirrorBio): Gen {
  const { conf, io } = ctx;
  const barrier = conf.barrier;
  yield t.compute(conf.p.costs.makeRequestNs, conf.labels.makeRequest);
  if (barrier.locked) yield* barrier.waitBarrier(t);
  let best = conf.layout.copiesOf(bio.page)[0];
  for (const copy of conf.layout.copiesOf(bio.page)) if (io.depth(copy.disk) < io.depth(best.disk)) best = copy;
  yield* io.submit(t, best.disk, best.page, bio.bytes, false, 'data', (it) => {
    ctx.endBio(bio);
    return barrier.locked ? barrier.allowBarrier(it) : null; // raid_end_bio_io: bio_endio, then allow_barrier
  });
  if (barrier.locked) yield* barrier.makeRequestDone(t, false);
}
