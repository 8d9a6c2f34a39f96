// The submitter's path (raid5.c): raid5_make_request splitting a bio into 4K rows, raid5_get_active_stripe
// under the hash lock, add_stripe_bio under sh->stripe_lock, release_stripe_plug and raid5_unplug (a
// callback on the task's blk_plug, blk_check_plugged); chunk-aligned reads bypass the cache
// (raid5_read_one_chunk). Runs on the submitting thread's CPU. Rules as of 6.x: a REQ_SYNC write marks its
// stripes STRIPE_PREREAD_ACTIVE at once; others wait on delayed_list for raid5_activate_delayed.
import type { SimThread, Gen } from '../../core/thread';
import type { BlockLayer } from '../../block/blockLayer';
import type { PlugCallback } from '../../block/plug';
import type { Bio } from './bio';
import { R5Conf } from './conf';
import { mapPage, memberOf, parityOf } from './geometry';
import type { MemberIo } from './io';
import { raid5ReleaseStripe, releaseInactive, releaseLocked } from './release';
import {
  R5_OVERWRITE,
  STRIPE_BIT_DELAY,
  STRIPE_DELAYED,
  STRIPE_HANDLE,
  STRIPE_ON_UNPLUG_LIST,
  STRIPE_BATCH_READY,
  STRIPE_PREREAD_ACTIVE,
  type StripeHead,
} from './stripeHead';
import { stripeAddToBatchList, stripeCanBatch } from './batch';

/** init_stripe: a free stripe_head takes a new sector, and the node of the CPU taking it (sh->cpu). */
function initStripe(conf: R5Conf, sh: StripeHead, sector: number, t: SimThread): void {
  if (sh.sector >= 0 && conf.hash.get(sh.sector) === sh) conf.hash.delete(sh.sector);
  sh.sector = sector;
  sh.group = t.cpu ? t.cpu.node : 0;
  const { pdIdx, qdIdx } = parityOf(conf.geo, sector);
  sh.pdIdx = pdIdx;
  sh.qdIdx = qdIdx;
  sh.state = 0;
  for (const d of sh.devs) {
    d.flags = 0;
    // Most lists are already empty; assigning length is a runtime call in V8 even then.
    if (d.towrite.length > 0) d.towrite.length = 0;
    if (d.written.length > 0) d.written.length = 0;
  }
  sh.batchHead = null;
  if (conf.p.stripeBatching) sh.state |= STRIPE_BATCH_READY; // a fresh stripe may batch until handled
  conf.hash.set(sector, sh);
}

/** raid5_get_active_stripe: find the row's stripe_head or take a free one; sleep when none is free. */
export function* getActiveStripe(conf: R5Conf, t: SimThread, sector: number, blk: BlockLayer): Gen<StripeHead> {
  const h = conf.hashIndexOf(sector);
  const lock = conf.hashLockFor(h);
  for (;;) {
    yield t.acquireAndCompute(lock, conf.p.costs.lookupNs, conf.labels.lookup, conf.labels.lookup);
    const found = conf.hash.get(sector);
    if (found) {
      if (found.count === 0) {
        // find_get_stripe: taking a count-0 stripe off its list needs device_lock.
        const nested = lock !== conf.deviceLock;
        if (nested) yield t.acquire(conf.deviceLock, conf.labels.lookup);
        // A count-0 stripe is on a list or on a releaser's temp inactive list (not yet spliced back): the
        // kernel's list_del_init takes it off either, and counts it active again unless STRIPE_HANDLE.
        const list = found.list;
        if (list) {
          list.remove(found);
          const group = conf.groupOfList(list);
          if (group) group.stripesCnt--;
        }
        if (!(found.state & STRIPE_HANDLE)) conf.activeStripes++;
        if (nested) conf.deviceLock.release(t);
      }
      found.count++;
      if (found.history)
        found.history.push(`${(conf.kernel.now / 1e6).toFixed(6)} ms: looked up by ${t.name} (count ${found.count})`);
      lock.release(t);
      return found;
    }
    const canTake =
      conf.inactive[h].length > 0 && (!conf.inactiveBlocked || conf.activeStripes < (conf.maxNrStripes * 3) / 4);
    if (canTake) {
      conf.inactiveBlocked = false;
      const sh = conf.inactive[h].shift() as StripeHead;
      initStripe(conf, sh, sector, t);
      conf.activeStripes++;
      sh.count = 1;
      if (sh.history)
        sh.history.push(`${(conf.kernel.now / 1e6).toFixed(6)} ms: taken by ${t.name} for sector ${sector}`);
      lock.release(t);
      return sh;
    }
    // R5_INACTIVE_BLOCKED: sleep until this hash's free list refills and the cache is under 3/4 in use.
    conf.inactiveBlocked = true;
    lock.release(t);
    // A task that sleeps flushes its plug first (sched_submit_work -> blk_flush_plug): otherwise the
    // stripes it holds could be the very ones it waits for.
    yield* blk.flushOnSleep(t);
    yield t.wait(conf.waitForStripe);
  }
}

/** add_stripe_bio for the bio's pages of one stripe (one page per_page, all of them per_stripe: 6.0's
 * add_all_stripe_bios), under one hold of sh->stripe_lock. False on overlap, which (stripe_bio_overlaps) is
 * another bio already queued on one of those pages: a page being pre-read or written is no overlap, the new
 * write waits on towrite for the next pass. Nothing is added unless every page is free. */
function* addStripeBios(
  conf: R5Conf,
  t: SimThread,
  sh: StripeHead,
  bio: Bio,
  dds: readonly number[],
  fullPage: boolean,
): Gen<boolean> {
  const lock = conf.stripeLocks[sh.idx];
  yield t.acquireAndCompute(lock, conf.p.costs.addBioNs * dds.length, conf.labels.addBio, conf.labels.addBio);
  // A stripe in a batch takes no new bio until the batch is done (treated as an overlap, 4.1).
  if (sh.batchHead || dds.some((dd) => sh.devs[dd].towrite.length > 0)) {
    lock.release(t); // R5_Overlap: a bio is already queued on one of these pages
    return false;
  }
  for (const dd of dds) {
    const dev = sh.devs[dd];
    dev.towrite.push(bio);
    if (fullPage) dev.flags |= R5_OVERWRITE;
  }
  if (conf.bitmap) {
    sh.bmSeq = conf.seqFlush + 1; // a first write waits for the next bitmap batch (STRIPE_BIT_DELAY)
    sh.state |= STRIPE_BIT_DELAY;
  }
  lock.release(t);
  return true;
}

/** The raid5 callback on a task's plug (struct raid5_plug_cb): the stripes it holds back. */
class Raid5PlugCb implements PlugCallback {
  readonly list: StripeHead[] = [];
  constructor(private readonly conf: R5Conf) {}
  *run(t: SimThread): Gen {
    yield* raid5Unplug(this.conf, t, this.list);
  }
}

/** release_stripe_plug: with a plug (and plug batching, 3.10+), hold the stripe on it until unplug;
 * without one, release it now. */
function* releaseStripePlug(conf: R5Conf, blk: BlockLayer, t: SimThread, sh: StripeHead): Gen {
  const cb = conf.p.batchRelease ? blk.checkPlugged(t, conf, () => new Raid5PlugCb(conf)) : null;
  if (cb && !(sh.state & STRIPE_ON_UNPLUG_LIST)) {
    sh.state |= STRIPE_ON_UNPLUG_LIST;
    cb.list.push(sh);
  } else yield* raid5ReleaseStripe(conf, t, sh);
}

/** raid5_unplug: one device_lock round trip releases every stripe the plug collected. */
export function* raid5Unplug(conf: R5Conf, t: SimThread, plug: StripeHead[]): Gen {
  if (plug.length === 0) return;
  const freed: StripeHead[] = [];
  yield t.acquire(conf.deviceLock, conf.labels.unplug);
  for (const sh of plug) {
    yield t.compute(conf.p.costs.releaseNs, conf.labels.unplug);
    sh.state &= ~STRIPE_ON_UNPLUG_LIST;
    releaseLocked(conf, sh, freed);
  }
  conf.deviceLock.release(t);
  plug.length = 0;
  yield* releaseInactive(conf, t, freed);
}

/** One stripe of a write (make_stripe_request): look it up, add the bio's pages, mark it for handling and
 * hold it on the task's plug; an overlap releases it and sleeps on wait_for_overlap, then tries again.
 * Returns batch_last (held). */
function* writeStripe(
  conf: R5Conf,
  blk: BlockLayer,
  t: SimThread,
  bio: Bio,
  sector: number,
  dds: readonly number[],
  last: StripeHead | null,
): Gen<StripeHead | null> {
  const fullPage = bio.bytes % 4096 === 0;
  let sh: StripeHead;
  for (;;) {
    sh = yield* getActiveStripe(conf, t, sector, blk);
    if (yield* addStripeBios(conf, t, sh, bio, dds, fullPage)) break;
    yield* raid5ReleaseStripe(conf, t, sh);
    yield* blk.flushOnSleep(t);
    yield t.wait(conf.waitForOverlap);
  }
  sh.state |= STRIPE_HANDLE;
  sh.state &= ~STRIPE_DELAYED;
  if (bio.sync && !(sh.state & STRIPE_PREREAD_ACTIVE)) {
    sh.state |= STRIPE_PREREAD_ACTIVE; // REQ_SYNC (O_DIRECT) writes may pre-read at once
    conf.prereadActiveStripes++;
  }
  if (stripeCanBatch(conf, sh)) {
    yield* stripeAddToBatchList(conf, t, sh, last);
    if (conf.p.makeRequest === 'per_stripe') {
      // make_stripe_request keeps its own reference on ctx->batch_last, so the next stripe's head cannot be
      // freed (and reused) while the submitter sleeps for a free stripe; the previous one's is dropped here
      if (last) yield* raid5ReleaseStripe(conf, t, last);
      sh.count++;
      last = sh;
    }
  }
  yield* releaseStripePlug(conf, blk, t, sh);
  return last;
}

/** raid5_make_request for a write. per_page (before 6.0): every 4K page of the bio looks its stripe up, so a
 * bio spanning n data disks looks each stripe up n times. per_stripe ("md/raid5: Improve stripe handling for
 * large requests", 6.0): each stripe once, in sector order, with all of its pages. */
function* makeWrite(conf: R5Conf, blk: BlockLayer, t: SimThread, bio: Bio): Gen {
  if (conf.p.makeRequest === 'per_page') {
    for (let i = 0; i < bio.pages; i++) {
      const m = mapPage(conf.geo, bio.page + i);
      yield* writeStripe(conf, blk, t, bio, m.sector, [m.ddIdx], null);
    }
    return;
  }
  const rows = new Map<number, number[]>();
  for (let i = 0; i < bio.pages; i++) {
    const m = mapPage(conf.geo, bio.page + i);
    const dds = rows.get(m.sector);
    if (dds) dds.push(m.ddIdx);
    else rows.set(m.sector, [m.ddIdx]);
  }
  const sectors = [...rows.keys()].sort((a, b) => a - b);
  let last: StripeHead | null = null; // batch_last: the last batchable stripe, held, the next one's head
  for (const sector of sectors)
    last = yield* writeStripe(conf, blk, t, bio, sector, rows.get(sector) as number[], last);
  if (last) yield* raid5ReleaseStripe(conf, t, last); // the end of raid5_make_request drops batch_last's
}

/** An atomic op on conf->active_aligned_reads: the CPU takes the counter's cache line, waiting while another
 * CPU has it (a few CPUs at once queue for it as for a lock, without lock_stat seeing it). */
export function* atomicOnLine(t: SimThread, conf: R5Conf): Gen {
  yield t.acquire(conf.alignedReads, conf.labels.directRead);
  conf.alignedReads.release(t);
}

/** Reads that fit in a chunk bypass the stripe cache: one clone per chunk piece, straight to the member. */
function* makeRead(conf: R5Conf, io: MemberIo, t: SimThread, bio: Bio): Gen {
  const ppc = conf.geo.pagesPerChunk;
  let page = bio.page;
  const end = bio.page + bio.pages;
  const pieces: { disk: number; sector: number; bytes: number }[] = [];
  while (page < end) {
    const next = Math.min(end, (Math.floor(page / ppc) + 1) * ppc);
    const bytes = bio.pages === 1 ? bio.bytes : (next - page) * 4096;
    pieces.push({ ...memberOf(conf.geo, page), bytes });
    page = next;
  }
  bio.remaining = pieces.length;
  for (const piece of pieces) {
    if (conf.p.alignedReadLock === 'device_lock') {
      // raid5_read_one_chunk before 5.14: device_lock around the quiesce wait and the counter's increment
      yield t.acquire(conf.deviceLock, conf.labels.directRead);
      conf.deviceLock.release(t);
    } else yield* atomicOnLine(t, conf); // raid5_read_one_chunk: atomic_inc(&conf->active_aligned_reads)
    yield* io.submitDirectRead(t, bio, piece.disk, piece.sector, piece.bytes);
  }
}

/** md_submit_bio -> raid5_make_request, under the submitter's plug (the caller's blk_start_plug). */
export function* raid5MakeRequest(conf: R5Conf, io: MemberIo, t: SimThread, bio: Bio): Gen {
  if (bio.write) yield* makeWrite(conf, io.blk, t, bio);
  else yield* makeRead(conf, io, t, bio);
}
