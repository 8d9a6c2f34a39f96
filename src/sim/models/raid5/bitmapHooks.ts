// raid5's side of md's write-intent bitmap: a write's bitmap range, start/end write, raid5d's BITMAP UNPLUGGING
// and when a write must reconstruct. md core (src/sim/md) supplies the bitmap itself.
import type { Gen } from '../../md/contract';
import type { SimThread } from '../../core/thread';
import type { Bio } from './bio';
import type { R5Conf } from './conf';
import { releaseLocked } from './release';
import type { StripeHead } from './stripeHead';

export type { MdParams, MdHost, SyncPersonality, MdSync, BitmapOps as Bitmap } from '../../md/contract';

/** raid5_bitmap_sector: a write's bitmap range is its whole row of chunks, in member pages. */
function bitmapRange(conf: R5Conf, bio: Bio): [number, number] {
  const g = conf.geo;
  const perRow = g.pagesPerChunk * g.dataDisks;
  const first = Math.floor(bio.page / perRow);
  const last = Math.floor((bio.page + bio.pages - 1) / perRow);
  return [first * g.pagesPerChunk, (last - first + 1) * g.pagesPerChunk];
}

/** md_clone_bio's start_write, on the submitter, before raid5_make_request. */
export function* bitmapStartWrite(conf: R5Conf, t: SimThread, bio: Bio): Gen {
  if (!conf.bitmap || !bio.write) return;
  const [page, pages] = bitmapRange(conf, bio);
  yield t.compute(conf.p.costs.mdCloneNs, conf.labels.fio);
  yield* conf.bitmap.startWrite(t, page, pages);
}

/** md_end_clone_io's end_write, in the thread that completes the bio (raid5d or a worker). */
export function* bitmapEndWrite(conf: R5Conf, t: SimThread, bio: Bio): Gen {
  if (!conf.bitmap || !bio.write || bio.remaining !== 1) return;
  const [page, pages] = bitmapRange(conf, bio);
  yield t.compute(conf.p.costs.mdCloneNs, conf.labels.handle);
  yield* conf.bitmap.endWrite(t, page, pages);
}

/** raid5d with bitmap_list non-empty (called and returning with device_lock held): bump seq_flush,
 * drop the lock, write the bitmap and wait, retake it, set seq_write, and release the delayed stripes. */
export function* raid5dBitmapUnplug(conf: R5Conf, t: SimThread, freed: StripeHead[]): Gen {
  if (!conf.bitmap || conf.bitmapList.length === 0) return;
  conf.seqFlush++;
  conf.deviceLock.release(t);
  yield* conf.bitmap.unplug(t);
  yield t.acquire(conf.deviceLock);
  conf.seqWrite = conf.seqFlush;
  // activate_bit_delay: splice the list off, then give each stripe a reference and release it again;
  // one whose first write came after this batch's seq_flush goes back for the next batch
  const batch: StripeHead[] = [];
  for (let sh = conf.bitmapList.shift(); sh; sh = conf.bitmapList.shift()) batch.push(sh);
  for (const sh of batch) {
    yield t.compute(conf.p.costs.releaseNs, conf.labels.release);
    sh.count++;
    releaseLocked(conf, sh, freed);
  }
}

/** handle_stripe_dirtying's reasons to force RCW: the region is not yet resynced (recovery_cp) or its
 * parity not yet built (llbitmap's blocks_synced). */
export function mustReconstruct(conf: R5Conf, sh: StripeHead): boolean {
  if (conf.sync && sh.sector >= conf.sync.recoveryCp) return true;
  return conf.bitmap !== null && !conf.bitmap.blocksSynced(sh.sector);
}
