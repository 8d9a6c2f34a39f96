// The release path (raid5.c): raid5_release_stripe (lockless llist or device_lock), __release_stripe /
// do_release_stripe placement under device_lock, release_stripe_list draining the llist, and
// release_inactive_stripe_list splicing freed stripes back under the hash locks.
import type { SimThread, Gen } from '../../core/thread';
import { IO_THRESHOLD, type R5Conf } from './conf';
import {
  STRIPE_BIT_DELAY,
  STRIPE_DELAYED,
  STRIPE_HANDLE,
  STRIPE_ON_RELEASE_LIST,
  STRIPE_PREREAD_ACTIVE,
  type StripeHead,
} from './stripeHead';

/** raid5_wakeup_stripe_thread: queue the group's worker 0, then one more of its idle workers per
 * MAX_STRIPE_BATCH stripes queued on the group. */
export function wakeupStripeThread(conf: R5Conf, group: number): void {
  const ws = conf.workers.filter((w) => !w.retired && w.group === group);
  if (ws.length === 0) return;
  const queue = (w: (typeof ws)[number]) => {
    w.pending = true;
    if (!w.running) w.wq.wakeThread(w.thread);
  };
  queue(ws[0]);
  let thrCnt = Math.floor(conf.groups[group].stripesCnt / conf.p.maxStripeBatch) - 1;
  for (let i = 1; i < ws.length && thrCnt > 0; i++) {
    if (!ws[i].pending && !ws[i].running) {
      queue(ws[i]);
      thrCnt--;
    }
  }
}

/** do_release_stripe: the count reached 0 under device_lock; put the stripe where it belongs. */
export function doReleaseStripe(conf: R5Conf, sh: StripeHead, freed: StripeHead[]): void {
  if (sh.state & STRIPE_HANDLE) {
    if (sh.state & STRIPE_DELAYED && !(sh.state & STRIPE_PREREAD_ACTIVE)) {
      conf.delayedList.push(sh);
    } else if (sh.state & STRIPE_BIT_DELAY && sh.bmSeq - conf.seqWrite > 0) {
      conf.bitmapList.push(sh);
    } else {
      sh.state &= ~(STRIPE_DELAYED | STRIPE_BIT_DELAY);
      if (conf.workerCnt > 0) {
        wakeupStripeThread(conf, conf.queueOnGroup(sh));
        return; // the kernel does not wake raid5d for group work
      }
      conf.handleList.push(sh);
    }
    conf.wakeupRaid5d();
    return;
  }
  if (sh.state & STRIPE_PREREAD_ACTIVE) {
    sh.state &= ~STRIPE_PREREAD_ACTIVE;
    conf.prereadActiveStripes--;
    if (conf.prereadActiveStripes < IO_THRESHOLD) conf.wakeupRaid5d();
  }
  conf.activeStripes--;
  freed.push(sh); // temp_inactive_list
}

/** __release_stripe: drop a reference under device_lock. */
export function releaseLocked(conf: R5Conf, sh: StripeHead, freed: StripeHead[]): void {
  sh.count--;
  if (sh.count < 0) throw new Error(`stripe ${sh.idx} refcount went negative`);
  if (sh.count === 0) doReleaseStripe(conf, sh, freed);
}

/** release_stripe_list: drain released_stripes (caller holds device_lock); returns how many. */
export function* releaseStripeList(conf: R5Conf, t: SimThread, freed: StripeHead[]): Gen<number> {
  if (conf.released.length === 0) return 0;
  const list = conf.released; // llist_del_all, then reversed back into submission order
  conf.released = [];
  // One compute for the drain (caller holds device_lock, so only the wake-ups move, to its end)
  yield t.compute(conf.p.costs.releaseNs * list.length, conf.labels.release);
  for (const sh of list) {
    sh.state &= ~STRIPE_ON_RELEASE_LIST;
    releaseLocked(conf, sh, freed);
  }
  return list.length;
}

/** raid5_release_stripe: drop a reference from any context. */
export function* raid5ReleaseStripe(conf: R5Conf, t: SimThread, sh: StripeHead): Gen {
  const lockless = conf.p.release === 'lockless';
  if (sh.count > 1 && (!lockless || conf.p.releaseList === 'last_ref' || sh.state & STRIPE_ON_RELEASE_LIST)) {
    // atomic_add_unless(&sh->count, -1, 1) (3.14), or the slow path's atomic_dec_and_lock finding it is not
    // the last reference: no lock either way
    sh.count--;
    return;
  }
  if (lockless && !(sh.state & STRIPE_ON_RELEASE_LIST)) {
    // llist_add onto released_stripes; raid5d drops the reference when it drains the list
    sh.state |= STRIPE_ON_RELEASE_LIST;
    conf.releasedQueueings++;
    const wasEmpty = conf.released.length === 0;
    conf.released.push(sh);
    if (wasEmpty) conf.wakeupRaid5d();
    return;
  }
  const freed: StripeHead[] = [];
  yield t.acquireAndCompute(conf.deviceLock, conf.p.costs.releaseNs, conf.labels.release, conf.labels.release);
  releaseLocked(conf, sh, freed);
  conf.deviceLock.release(t);
  yield* releaseInactive(conf, t, freed);
}

/** release_inactive_stripe_list: move freed stripes to inactive_list[hash] under that hash lock, then wake
 * every task on wait_for_stripe once (one queue for all hashes: each woken task rechecks its own list). */
export function* releaseInactive(conf: R5Conf, t: SimThread, freed: StripeHead[]): Gen {
  const doWakeup = freed.length > 0;
  while (freed.length > 0) {
    const h = freed[0].hashLockIndex;
    const lock = conf.hashLockFor(h);
    yield t.acquireAndCompute(lock, conf.p.costs.releaseNs / 2, conf.labels.release, conf.labels.releaseInactive);
    for (let i = 0; i < freed.length;) {
      const sh = freed[i];
      if (sh.hashLockIndex !== h) {
        i++;
        continue;
      }
      freed.splice(i, 1);
      // taken back by a lookup while it waited here (find_get_stripe's list_del_init off the temp list)
      if (sh.count > 0 || sh.list) continue;
      if (conf.liveStripes > conf.maxNrStripes) dropStripe(conf, sh);
      else conf.pushInactive(sh);
    }
    lock.release(t);
  }
  if (doWakeup) conf.waitForStripe.wakeAll();
}

/** drop_one_stripe: a shrinking cache frees this stripe_head for good. */
export function dropStripe(conf: R5Conf, sh: StripeHead): void {
  if (sh.sector >= 0 && conf.hash.get(sh.sector) === sh) conf.hash.delete(sh.sector);
  sh.sector = -1;
  sh.dead = true;
  conf.liveStripes--;
}
