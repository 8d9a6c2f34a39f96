// The stripe-handling threads (raid5.c): raid5d (md0_raid5) and the worker groups' raid5_do_work, with
// handle_active_stripes taking up to MAX_STRIPE_BATCH stripes under device_lock, __get_priority_stripe's
// hold_list fairness, and raid5_activate_delayed's pre-read generations. Each holds a blk_plug over its
// passes (blk_start_plug / blk_finish_plug in raid5d and raid5_do_work), so member bios merge there.
import type { SimThread, ThreadBody, Gen } from '../../core/thread';
import type { Bio } from './bio';
import { IO_THRESHOLD, type R5Conf, type Worker } from './conf';
import { handleStripe, type HandleCounters } from './handleStripe';
import type { MemberIo } from './io';
import { releaseInactive, releaseLocked, releaseStripeList, wakeupStripeThread } from './release';
import { raid5dBitmapUnplug } from './bitmapHooks';
import { STRIPE_DELAYED, STRIPE_IO_STARTED, STRIPE_PREREAD_ACTIVE, type StripeHead } from './stripeHead';

const ANY_GROUP = -1;

export interface HandlerContext {
  conf: R5Conf;
  io: MemberIo;
  counters: HandleCounters;
  endBio: (bio: Bio) => void;
}

/** __get_priority_stripe: handle_list first; hold_list only when it has been bypassed enough. */
function getPriorityStripe(conf: R5Conf, group: number): StripeHead | null {
  // A worker takes its own group's list; raid5d (ANY_GROUP) the conf's, then the first group with work.
  let list = conf.workerCnt > 0 && group !== ANY_GROUP ? conf.groups[group].handleList : conf.handleList;
  if (group === ANY_GROUP && list.length === 0)
    for (const g of conf.groups)
      if (g.handleList.length > 0) {
        list = g.handleList;
        break;
      }
  let sh: StripeHead | null = null;
  if (list.length > 0) {
    sh = list.head as StripeHead;
    if (conf.holdList.length === 0) conf.bypassCount = 0;
    else if (!(sh.state & STRIPE_IO_STARTED)) {
      if (conf.holdList.head === conf.lastHold) conf.bypassCount++;
      else {
        conf.lastHold = conf.holdList.head;
        conf.bypassCount = 0;
      }
    }
  } else if (
    conf.holdList.length > 0 &&
    ((conf.bypassThreshold > 0 && conf.bypassCount > conf.bypassThreshold) || conf.pendingFullWrites === 0)
  ) {
    sh = conf.holdList.head as StripeHead;
    list = conf.holdList;
    conf.bypassCount = Math.max(0, conf.bypassCount - conf.bypassThreshold);
  }
  if (!sh) return null;
  list.remove(sh);
  const from = conf.groupOfList(list);
  if (from) from.stripesCnt--;
  sh.count++;
  if (sh.count !== 1) throw new Error(`stripe ${sh.idx} picked with count ${sh.count}`);
  return sh;
}

/** raid5_activate_delayed: start a new pre-read generation once none is in flight. With priority_stripe
 * (2.6.24's get_priority_stripe) the generation waits on hold_list behind full-stripe writes; without it,
 * it joins handle_list in FIFO order like any ready stripe. */
function* activateDelayed(conf: R5Conf, t: SimThread): Gen {
  if (conf.prereadActiveStripes >= IO_THRESHOLD || conf.delayedList.length === 0) return;
  // The whole drain is one compute: only device_lock holders (this thread) touch delayed_list and the
  // lists it feeds, so nothing else can observe the stripes between the per-stripe steps.
  const toGroups = new Set<number>();
  yield t.compute(conf.p.costs.pickNs * conf.delayedList.length, conf.labels.activate);
  while (conf.delayedList.length > 0) {
    const sh = conf.delayedList.shift() as StripeHead;
    sh.state &= ~STRIPE_DELAYED;
    if (!(sh.state & STRIPE_PREREAD_ACTIVE)) {
      sh.state |= STRIPE_PREREAD_ACTIVE;
      conf.prereadActiveStripes++;
    }
    if (conf.p.priorityStripe) conf.holdList.push(sh);
    else if (conf.workerCnt > 0) toGroups.add(conf.queueOnGroup(sh));
    else conf.handleList.push(sh);
  }
  for (const g of toGroups) wakeupStripeThread(conf, g);
}

/** handle_active_stripes: called and returns with device_lock held; drops it while handling. The pick loop
 * and the release loop each cost one compute for the batch (n x pickNs, n x releaseNs): the lists they walk
 * change only under device_lock, which this thread holds throughout, so only the wake-ups the releases issue
 * move, to the end of the loop (at most MAX_STRIPE_BATCH x releaseNs later), where a woken thread would
 * still find device_lock held. */
function* handleActiveStripes(ctx: HandlerContext, t: SimThread, group: number, freed: StripeHead[]): Gen<number> {
  const { conf } = ctx;
  const batch: StripeHead[] = [];
  while (batch.length < conf.p.maxStripeBatch) {
    const sh = getPriorityStripe(conf, group);
    if (!sh) break;
    sh.history?.push(`${(conf.kernel.now / 1e6).toFixed(6)} ms: picked by ${t.name}`);
    batch.push(sh);
  }
  if (batch.length === 0) return 0;
  yield t.compute(conf.p.costs.pickNs * batch.length, conf.labels.pick);
  ctx.counters.batches++;
  ctx.counters.batchedStripes += batch.length;
  conf.deviceLock.release(t);
  yield* releaseInactive(conf, t, freed);
  for (const sh of batch) yield* handleStripe(conf, ctx.io, t, sh, ctx.counters, ctx.endBio);
  yield t.yieldCpu(); // cond_resched()
  yield t.acquireAndCompute(
    conf.deviceLock,
    conf.p.costs.releaseNs * batch.length,
    conf.labels.release,
    conf.labels.handleActive,
  );
  for (const sh of batch) releaseLocked(conf, sh, freed);
  return batch.length;
}

/** raid5d: the md thread. Sleeps until md_wakeup_thread, then drains, activates and handles. */
export function* raid5d(ctx: HandlerContext, t: SimThread): ThreadBody {
  const { conf } = ctx;
  for (;;) {
    if (!conf.raid5dWakeup) {
      yield t.wait(conf.raid5dWq);
      continue;
    }
    conf.raid5dWakeup = false;
    if (conf.bitmap) yield* conf.bitmap.daemonWork(t); // md_check_recovery
    const freed: StripeHead[] = [];
    ctx.io.blk.startPlug(t); // member IO of the passes gathers and merges in raid5d's plug
    if (conf.deferred) yield* conf.deferred.flush(t, ctx.io); // flush_deferred_bios, before taking device_lock
    yield t.acquire(conf.deviceLock, conf.labels.raid5d);
    for (;;) {
      const released = yield* releaseStripeList(conf, t, freed);
      yield* raid5dBitmapUnplug(conf, t, freed);
      yield* activateDelayed(conf, t);
      const handled = yield* handleActiveStripes(ctx, t, ANY_GROUP, freed);
      if (!handled && !released) break;
    }
    conf.deviceLock.release(t);
    yield* releaseInactive(conf, t, freed);
    yield* ctx.io.blk.finishPlug(t);
  }
}

/** raid5_do_work: one worker of the group; runs a pass each time queue_work() queues it. */
export function* raid5DoWork(ctx: HandlerContext, t: SimThread, w: Worker): ThreadBody {
  const { conf } = ctx;
  for (;;) {
    if (!w.pending) {
      if (w.retired) return;
      yield t.wait(w.wq);
      continue;
    }
    w.pending = false;
    w.running = true;
    const freed: StripeHead[] = [];
    ctx.io.blk.startPlug(t);
    yield t.acquire(conf.deviceLock, conf.labels.doWork);
    for (;;) {
      const released = yield* releaseStripeList(conf, t, freed);
      const handled = yield* handleActiveStripes(ctx, t, w.group, freed);
      if (!handled && !released) break;
    }
    conf.deviceLock.release(t);
    yield* releaseInactive(conf, t, freed);
    yield* ctx.io.blk.finishPlug(t);
    w.running = false;
  }
}
