// Stripe batching ("RAID5: batch adjacent full stripe write", 4.1): a full-stripe write joins the batch of the
// stripe before it in the same chunk (stripe_add_to_batch_list), only the head is handled, and handle_stripe's
// biodrain, reconstruct and ops_run_io cover the whole batch (so each member's writes are contiguous and merge
// in the plug); break_stripe_batch_list hands the members back when the head's writes are done.
import type { SimThread, Gen } from '../../core/thread';
import type { R5Conf } from './conf';
import { raid5ReleaseStripe } from './release';
import {
  R5_OVERWRITE,
  STRIPE_BATCH_READY,
  STRIPE_BIT_DELAY,
  STRIPE_HANDLE,
  STRIPE_PREREAD_ACTIVE,
  type StripeHead,
} from './stripeHead';

/** stripe_can_batch: not handled yet, and every data block fully overwritten. */
export function stripeCanBatch(conf: R5Conf, sh: StripeHead): boolean {
  if (!conf.p.stripeBatching || conf.offload || !(sh.state & STRIPE_BATCH_READY)) return false;
  for (let i = 0; i < sh.devs.length; i++) {
    if (i === sh.pdIdx || i === sh.qdIdx) continue;
    const d = sh.devs[i];
    if (d.towrite.length === 0 || !(d.flags & R5_OVERWRITE)) return false;
  }
  return true;
}

/** The head candidate: the stripe one row before, from the caller's last stripe (6.0's batch_last, with
 * make_request=per_stripe) or looked up under its hash lock (find_get_stripe); a reference is taken on it. */
function* findHead(conf: R5Conf, t: SimThread, sector: number, last: StripeHead | null): Gen<StripeHead | null> {
  if (last && last.sector === sector && conf.p.makeRequest === 'per_stripe') {
    last.count++;
    return last;
  }
  const lock = conf.hashLockFor(conf.hashIndexOf(sector));
  yield t.acquireAndCompute(lock, conf.p.costs.lookupNs, conf.labels.lookup, conf.labels.batchList);
  const head = conf.hash.get(sector) ?? null;
  // A count-0 head sits on a list and would need device_lock to take: it is past batching anyway.
  const ok = head !== null && head.count > 0;
  if (ok) head.count++;
  lock.release(t);
  return ok ? head : null;
}

/** stripe_add_to_batch_list: sh (a batchable full-stripe write) joins the batch of the stripe before it. */
export function* stripeAddToBatchList(conf: R5Conf, t: SimThread, sh: StripeHead, last: StripeHead | null): Gen {
  if (sh.sector % conf.geo.pagesPerChunk === 0) return; // a batch never crosses a chunk boundary
  const head = yield* findHead(conf, t, sh.sector - 1, last);
  if (!head) return;
  // lock_two_stripes: both stripe_locks, the lower index first
  const [a, b] = head.idx < sh.idx ? [head, sh] : [sh, head];
  yield t.acquire(conf.stripeLocks[a.idx], conf.labels.batchList);
  yield t.acquire(conf.stripeLocks[b.idx], conf.labels.batchList);
  if (stripeCanBatch(conf, head) && stripeCanBatch(conf, sh) && !sh.batchHead) {
    const h = head.batchHead ?? head;
    h.batchHead = h;
    sh.batchHead = h;
    h.batchList.push(sh);
    sh.count++; // the batch holds the member until break_stripe_batch_list
    if (sh.state & STRIPE_PREREAD_ACTIVE) {
      sh.state &= ~STRIPE_PREREAD_ACTIVE; // the head's pre-read accounting covers the batch
      conf.prereadActiveStripes--;
    }
    if (sh.state & STRIPE_BIT_DELAY) {
      sh.state &= ~STRIPE_BIT_DELAY; // the head waits for the later bitmap batch of the two
      h.bmSeq = Math.max(h.bmSeq, sh.bmSeq);
      h.state |= STRIPE_BIT_DELAY;
    }
    sh.history?.push(`${(conf.kernel.now / 1e6).toFixed(6)} ms: joined the batch of stripe ${h.idx}`);
  }
  conf.stripeLocks[b.idx].release(t);
  conf.stripeLocks[a.idx].release(t);
  yield* raid5ReleaseStripe(conf, t, head);
}

/** clear_batch_ready on the head's first pass: nothing joins the batch once it is being handled. */
export function clearBatchReady(sh: StripeHead): void {
  sh.state &= ~STRIPE_BATCH_READY;
  for (const m of sh.batchList) m.state &= ~STRIPE_BATCH_READY;
}

/** A batch member is never handled on its own (handle_stripe returns for it). */
export function isBatchMember(sh: StripeHead): boolean {
  return sh.batchHead !== null && sh.batchHead !== sh;
}

/** The stripes a head's pass covers: the head, then its members in the order they joined. */
export function batchOf(sh: StripeHead): readonly StripeHead[] {
  return sh.batchList.length === 0 ? sh.alone : [sh, ...sh.batchList];
}

/** break_stripe_batch_list: the head's writes are done; each member leaves the batch and the batch's
 * reference on it is dropped (it goes back to the inactive list). */
export function* breakStripeBatchList(conf: R5Conf, t: SimThread, head: StripeHead): Gen {
  const members = head.batchList.splice(0);
  head.batchHead = null;
  for (const m of members) {
    m.batchHead = null;
    m.state &= ~STRIPE_HANDLE; // nothing left to do: the member goes back to its inactive list
    yield* raid5ReleaseStripe(conf, t, m);
  }
}
