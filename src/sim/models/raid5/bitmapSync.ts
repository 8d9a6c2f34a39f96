// raid5's resync and md core wiring: raid5_sync_request, handle_stripe's parity check for a resync row, and
// attaching the bitmap and md_do_sync the composition root supplies. Reads members only; never writes parity.
import type { SimThread, Gen } from '../../core/thread';
import type { Kernel } from '../../core/kernel';
import type { Bitmap, MdHost, MdParams, SyncPersonality } from './bitmapHooks';
import { createBitmap, createSync } from '../../md/create';
import type { Raid5Params } from './params';
import type { R5Conf } from './conf';
import type { MemberIo } from './io';
import { getActiveStripe } from './makeRequest';
import { raid5ReleaseStripe } from './release';
import {
  R5_LOCKED,
  R5_UPTODATE,
  R5_WANTREAD,
  STRIPE_HANDLE,
  STRIPE_SYNC_REQUESTED,
  STRIPE_SYNCING,
  type StripeHead,
} from './stripeHead';

/** raid5_sync_request: one stripe per call (STRIPE_SECTORS), released for raid5d with SYNC_REQUESTED. */
export function raid5SyncPersonality(conf: R5Conf, io: MemberIo): SyncPersonality {
  return {
    nonSyncBytes: () => io.lifetimeBytes - conf.syncBytes,
    *syncRequest(t: SimThread, page: number, done: (pages: number) => void): Gen<number> {
      const sh = yield* getActiveStripe(conf, t, page, io.blk);
      sh.syncDone = done;
      sh.state |= STRIPE_SYNC_REQUESTED | STRIPE_HANDLE;
      yield* raid5ReleaseStripe(conf, t, sh);
      return 1;
    },
  };
}

/** The sync part of a handle_stripe pass; returns its CPU ns. Reads what is not up to date; once all is,
 * checks parity (xor of every member) and reports the row in sync. Waits while writes own the stripe. */
export function handleSyncStripe(conf: R5Conf, sh: StripeHead): number {
  if (sh.state & STRIPE_SYNC_REQUESTED) {
    sh.state = (sh.state & ~STRIPE_SYNC_REQUESTED) | STRIPE_SYNCING;
  }
  if (!(sh.state & STRIPE_SYNCING)) return 0;
  for (const d of sh.devs) if (d.flags & R5_LOCKED || d.towrite.length > 0 || d.written.length > 0) return 0;
  let missing = 0;
  for (const d of sh.devs) {
    if (d.flags & R5_UPTODATE) continue;
    d.flags |= R5_LOCKED | R5_WANTREAD; // handle_stripe_fill -> fetch_block
    conf.syncBytes += 4096;
    missing++;
  }
  if (missing > 0) return 0;
  // handle_parity_checks5: check_state_run -> zero-sum result -> STRIPE_INSYNC -> md_done_sync
  sh.state &= ~STRIPE_SYNCING;
  const done = sh.syncDone;
  sh.syncDone = null;
  done?.(1);
  return (sh.devs.length * 4096 * 1e9) / conf.p.costs.xorBytesPerSec;
}

/** sysfs sync_speed_min / sync_speed_max / sync_io_depth at run time: md_do_sync reads them each window. */
export function setMdLive(p: Raid5Params, key: string, v: number): void {
  const md = p.md.live;
  if (!md) return; // no resync thread: nothing reads them yet
  if (key === 'sync_speed_min') md.syncSpeedMinKiB = v;
  else if (key === 'sync_speed_max') md.syncSpeedMaxKiB = v;
  else md.syncIoDepth = v;
}

/** The model's parts attachMd needs. */
interface Raid5Parts {
  kernel: Kernel;
  p: Raid5Params;
  conf: R5Conf;
  io: MemberIo;
}

/** md core's bitmap and initial resync over the members' space, when the scenario asks for them. */
export function attachMd(m: Raid5Parts, memberPages: number): void {
  const { p, conf, io } = m;
  if (p.md.bitmap === 'none' && p.md.assumeClean) return;
  const c = p.costs;
  const host: MdHost = {
    kernel: m.kernel,
    spanPages: memberPages,
    members: p.disks,
    level456: true,
    costs: {
      bitmapCounterNs: c.bitmapCounterNs,
      llbitmapStateNs: c.llbitmapStateNs,
      unplugCheckNs: c.unplugCheckNs,
      submitNs: c.submitNs,
      syncStepNs: c.syncStepNs,
      handoffNs: c.handoffNs,
      bounceNs: c.bounceNs,
    },
    writeMetadata: (disk, bytes, done) =>
      io.submit(disk, { bio: null, sh: null, dev: disk, write: true, done }, 0, bytes),
    wakeupMdThread: () => conf.wakeupRaid5d(),
  };
  const md: MdParams = {
    bitmap: p.md.bitmap,
    assumeClean: p.md.assumeClean,
    bitmapChunkBytes: p.md.bitmapChunk,
    daemonSleepNs: p.md.daemonSleepNs,
    barrierIdleNs: p.md.barrierIdleNs,
    syncSpeedMinKiB: p.md.syncSpeedMin,
    syncSpeedMaxKiB: p.md.syncSpeedMax,
    syncIoDepth: p.md.syncIoDepth,
  };
  p.md.live = md;
  const bitmap: Bitmap | null = createBitmap(host, md);
  conf.bitmap = bitmap;
  // llbitmap's lazy parity build needs the sync thread even on an assume-clean array
  if (!p.md.assumeClean || p.md.bitmap === 'llbitmap')
    conf.sync = createSync(host, md, raid5SyncPersonality(conf, io), bitmap);
}
