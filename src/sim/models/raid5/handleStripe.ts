// handle_stripe (raid5.c): one pass of the per-stripe state machine that never waits. analyse_stripe
// counts, handle_stripe_clean_event returns finished writes, handle_stripe_dirtying chooses RMW or RCW
// by counting reads, schedule_reconstruction runs prexor/biodrain/reconstruct, ops_run_io submits.
import type { SimThread, Gen } from '../../core/thread';
import type { Bio } from './bio';
import { IO_THRESHOLD, type R5Conf } from './conf';
import type { MemberIo } from './io';
import {
  R5_LOCKED,
  R5_OVERWRITE,
  R5_UPTODATE,
  R5_WANTREAD,
  R5_WANTWRITE,
  STRIPE_ACTIVE,
  STRIPE_DELAYED,
  STRIPE_FULL_WRITE,
  STRIPE_HANDLE,
  STRIPE_IO_STARTED,
  STRIPE_PREREAD_ACTIVE,
  STRIPE_SYNC_REQUESTED,
  STRIPE_SYNCING,
  type StripeHead,
} from './stripeHead';
import { bitmapEndWrite, mustReconstruct } from './bitmapHooks';
import { handleSyncStripe } from './bitmapSync';
import { batchOf, breakStripeBatchList, clearBatchReady, isBatchMember } from './batch';

export interface HandleCounters {
  rmw: number;
  rcw: number;
  fullWrites: number;
  passes: number;
  /** handle_active_stripes trips that took stripes, and the stripes they took (MAX_STRIPE_BATCH at most). */
  batches: number;
  batchedStripes: number;
  /** Completed passes and the stripe of the latest, for the UI's "step one pass" (never reset). */
  passesDone: number;
  lastPassStripe: number;
  memberIosByThread: Map<string, number>;
}

const PAGE = 4096;

function isParity(sh: StripeHead, i: number): boolean {
  return i === sh.pdIdx || i === sh.qdIdx;
}

/** handle_stripe_dirtying: count reads for RMW and RCW, issue the cheaper one's reads (or park the stripe
 * on the delayed list without PREREAD_ACTIVE), and reconstruct once either count is zero. Returns CPU ns. */
function dirtying(conf: R5Conf, sh: StripeHead, batch: readonly StripeHead[], c: HandleCounters): number {
  const n = sh.devs.length;
  let rmw = 0;
  let rcw = 0;
  for (let i = 0; i < n; i++) {
    const d = sh.devs[i];
    const ready = d.flags & (R5_UPTODATE | R5_LOCKED);
    if ((d.towrite.length > 0 || isParity(sh, i)) && !ready) rmw++;
    if (!(d.flags & R5_OVERWRITE) && !isParity(sh, i) && !ready) rcw++;
  }
  if (conf.rmwLevel === 0 || mustReconstruct(conf, sh)) rmw = 2 * n; // PARITY_DISABLE_RMW, or not yet in sync: reconstruct-write
  if (rmw === 0 || rcw === 0) return scheduleReconstruction(conf, sh, batch, rcw !== 0, c);
  const useRmw = rmw < rcw || (conf.rmwLevel === 2 && rmw === rcw);
  if (useRmw) c.rmw++;
  else c.rcw++;
  if (!(sh.state & STRIPE_PREREAD_ACTIVE)) {
    sh.state |= STRIPE_DELAYED | STRIPE_HANDLE; // wait for a pre-read generation
    return 0;
  }
  for (let i = 0; i < n; i++) {
    const d = sh.devs[i];
    if (d.flags & (R5_UPTODATE | R5_LOCKED)) continue;
    const want = useRmw ? d.towrite.length > 0 || isParity(sh, i) : !(d.flags & R5_OVERWRITE) && !isParity(sh, i);
    if (want) d.flags |= R5_LOCKED | R5_WANTREAD;
  }
  sh.state |= STRIPE_IO_STARTED;
  return 0;
}

/** schedule_reconstruction + raid_run_ops: prexor (RMW), biodrain, reconstruct; lock blocks to write. */
function scheduleReconstruction(
  conf: R5Conf,
  sh: StripeHead,
  batch: readonly StripeHead[],
  rmw: boolean,
  c: HandleCounters,
): number {
  const costs = conf.p.costs;
  const parities = conf.geo.level === 6 ? 2 : 1;
  let written = 0;
  // Inline, the blocks can be written in this same pass; async, only once the op's callback says so.
  const want = conf.offload ? 0 : R5_WANTWRITE;
  // A batch head drains and reconstructs its members in the same pass (ops_run_biodrain and
  // ops_run_reconstruct5 walk the batch list); `written` counts the head's blocks, the cost all of them.
  for (const s of batch) {
    for (let i = 0; i < s.devs.length; i++) {
      const d = s.devs[i];
      if (d.towrite.length === 0) continue;
      d.written.push(...d.towrite); // biodrain
      d.towrite.length = 0;
      d.flags = (d.flags | R5_LOCKED | want | R5_UPTODATE) & ~R5_OVERWRITE;
      if (s === sh) written++;
    }
    for (let i = 0; i < s.devs.length; i++) if (isParity(s, i)) s.devs[i].flags |= R5_LOCKED | want | R5_UPTODATE;
  }
  if (written === conf.geo.dataDisks) {
    sh.state |= STRIPE_FULL_WRITE;
    conf.pendingFullWrites++;
    c.fullWrites++;
  }
  const drainNs = (conf.skipCopy ? written * costs.copyPageNs * 0.1 : written * costs.copyPageNs) * batch.length;
  // raid5, RMW: prexor removes old data from P, reconstruct adds new; RCW: xor every data block into P.
  // raid6: one syndrome pass over the data blocks makes P and Q together (gen_syndrome for RCW, xor_syndrome
  // over the old and the new blocks for RMW), at the boot log's raid6 gen() rate, not two xor passes.
  const xorSources = rmw ? 2 * (written + 1) : conf.geo.dataDisks + 1;
  const xorNs =
    (parities === 2
      ? ((rmw ? 2 * written : conf.geo.dataDisks) * PAGE * 1e9) / costs.raid6BytesPerSec
      : (xorSources * PAGE * 1e9) / costs.xorBytesPerSec) * batch.length;
  if (conf.offload) {
    // The op holds a reference until its callback; handle_stripe goes on without waiting.
    sh.count++;
    sh.opState = rmw ? 'prexor+biodrain+reconstruct' : 'biodrain+reconstruct';
    // The phase split is for the UI only (ops_run_prexor5, ops_run_biodrain, ops_run_reconstruct5 in order).
    const phaseNs: [number, number, number] = rmw ? [xorNs / 2, drainNs, xorNs / 2] : [0, drainNs, xorNs];
    conf.offload.ops.set(sh, {
      cpuNs: drainNs + xorNs,
      bytes: (written + xorSources * parities) * PAGE,
      phaseNs,
      queuedNs: -1,
      startedNs: -1,
      serviceNs: 0,
    });
    return 0;
  }
  return drainNs + xorNs;
}

/** handle_stripe: one pass; the caller holds a reference and no global lock. */
export function* handleStripe(
  conf: R5Conf,
  io: MemberIo,
  t: SimThread,
  sh: StripeHead,
  c: HandleCounters,
  endBio: (bio: Bio) => void,
): Gen {
  sh.handler = t.name;
  sh.history?.push(`${(conf.kernel.now / 1e6).toFixed(6)} ms: handle_stripe on ${t.name}`);
  sh.state &= ~STRIPE_HANDLE;
  if (isBatchMember(sh)) {
    sh.handler = null; // clear_batch_ready: a member is handled with its head, never on its own
    return;
  }
  clearBatchReady(sh);
  // The stripes this pass covers: fixed from here on, since nothing joins a batch once its head is handled.
  const batch = batchOf(sh);
  if (sh.state & STRIPE_ACTIVE) {
    sh.state |= STRIPE_HANDLE; // someone else is handling it: ask for another pass
    sh.handler = null;
    return;
  }
  sh.state |= STRIPE_ACTIVE;
  sh.state &= ~STRIPE_DELAYED;
  c.passes++;
  // analyse_stripe
  let locked = 0;
  let toWrite = 0;
  let written = 0;
  for (const d of sh.devs) {
    if (d.flags & R5_LOCKED) locked++;
    if (d.towrite.length) toWrite++;
    if (d.written.length) written++;
  }
  let cpuNs = conf.p.costs.handleNs;
  const returned: Bio[] = [];
  let batchDone = false;
  if (written > 0 && locked === 0) {
    // handle_stripe_clean_event: parity and data are on disk; return the write bios (a head's, and its
    // members', whose writes all completed before the head's last reference went).
    for (const s of batch) {
      for (const d of s.devs) {
        if (d.written.length > 0) {
          for (const b of d.written) returned.push(b);
          d.written.length = 0;
        }
        if (s !== sh) d.flags &= ~R5_UPTODATE;
      }
    }
    batchDone = sh.batchList.length > 0;
    if (sh.state & STRIPE_FULL_WRITE) {
      sh.state &= ~STRIPE_FULL_WRITE;
      conf.pendingFullWrites--;
    }
    sh.state &= ~STRIPE_IO_STARTED;
  }
  if (sh.state & (STRIPE_SYNC_REQUESTED | STRIPE_SYNCING)) cpuNs += handleSyncStripe(conf, sh);
  const opBefore = sh.opState;
  if (toWrite > 0 && locked === 0) cpuNs += dirtying(conf, sh, batch, c);
  // ops_run_io: every block marked Want{read,write} gets a member bio and holds a reference.
  // A batch head's ops_run_io goes disk by disk through the whole batch, so each member's bios for a disk
  // follow one another (and merge in the plug); a member's bio holds a reference on it and on the head.
  // The member IOs as one flat list, stripe then (device << 1 | write): a tuple per IO was the pass's
  // largest allocation.
  const ios: (StripeHead | number)[] = [];
  let anyWrite = false;
  for (let i = 0; i < sh.devs.length; i++) {
    for (const s of batch) {
      const d = s.devs[i];
      if (d.flags & (R5_WANTREAD | R5_WANTWRITE)) {
        const write = (d.flags & R5_WANTWRITE) !== 0;
        anyWrite ||= write;
        ios.push(s, (i << 1) | (write ? 1 : 0));
        d.flags &= ~(R5_WANTREAD | R5_WANTWRITE);
        s.count++;
        s.ioInFlight++;
        if (s !== sh) sh.count++;
      }
    }
  }
  yield t.compute(cpuNs, conf.labels.handle);
  if (conf.offload && sh.opState && !opBefore) yield* conf.offload.submit(t, sh);
  if (ios.length > 0) yield* drainUnderStripeLock(conf, t, sh);
  const defer = conf.deferred?.shouldDefer() ?? false;
  const deferred: { sh: StripeHead; dev: number }[] | null = defer ? [] : null;
  for (let k = 0; k < ios.length; k += 2) {
    const s = ios[k] as StripeHead;
    const code = ios[k + 1] as number;
    const write = (code & 1) === 1;
    if (deferred && write) deferred.push({ sh: s, dev: code >> 1 });
    else yield* io.submitStripeIo(t, s, code >> 1, write);
  }
  // 4.12: a worker's writes to rotational members wait for raid5d to dispatch them in order (deferredIo.ts)
  if (deferred) yield* conf.deferred!.defer(t, io, deferred);
  c.memberIosByThread.set(t.name, (c.memberIosByThread.get(t.name) ?? 0) + ios.length / 2);
  if (anyWrite && sh.state & STRIPE_PREREAD_ACTIVE) {
    sh.state &= ~STRIPE_PREREAD_ACTIVE; // dec_preread_active after the writes are issued
    conf.prereadActiveStripes--;
    if (conf.prereadActiveStripes < IO_THRESHOLD) conf.wakeupRaid5d();
  }
  for (const b of returned) {
    yield* bitmapEndWrite(conf, t, b);
    endBio(b);
  }
  if (batchDone) yield* breakStripeBatchList(conf, t, sh);
  if (returned.length > 0 && conf.waitForOverlap.length > 0) conf.waitForOverlap.wakeAll();
  sh.state &= ~STRIPE_ACTIVE;
  sh.handler = null;
  c.passesDone++;
  c.lastPassStripe = sh.idx;
}

/** The brief sh->stripe_lock section of a pass (ops_run_biodrain / analyse take it for the bio lists). */
function* drainUnderStripeLock(conf: R5Conf, t: SimThread, sh: StripeHead): Gen {
  const lock = conf.stripeLocks[sh.idx];
  yield t.acquireAndCompute(lock, conf.p.costs.addBioNs / 2, conf.labels.handle);
  lock.release(t);
}
