// What the raid1/raid10 machine view draws, from one snapshot: fio jobs, pending_bio_list and the md thread,
// the write-intent bitmap (classic counters or llbitmap state bytes) as a grid, md_do_sync's window, the
// members. Pure; null if the snapshot is not a mirror's.
import type { LockView, Snapshot } from '../../protocol/messages';
import type { ThreadNow } from './loopPicture';
import { bitmapNow, num, resyncNow, threadNow as thread, type BitmapNow, type ResyncNow } from './mdPicture';

export interface MemberNow {
  name: string;
  inService: number;
  queued: number;
  parallelism: number;
  utilisation: number;
}

export interface MirrorPicture {
  level: string;
  jobs: ThreadNow[];
  mdThread: ThreadNow | null;
  pendingWrites: number;
  memberIosInFlight: number;
  deviceLock: LockView | null;
  bitmap: BitmapNow | null;
  resync: ResyncNow | null;
  members: MemberNow[];
}

export function mirrorPicture(s: Snapshot | null | undefined): MirrorPicture | null {
  const x = s?.extra;
  if (!s || !x || (x.level !== 'raid1' && x.level !== 'raid10') || !Array.isArray(x.memberQueues)) return null;
  const util = new Map(s.devices.map((d) => [d.name, d.utilisation]));
  const md = s.threads.find((t) => t.role === 'raid1d' || t.role === 'raid10d');
  return {
    level: x.level,
    jobs: s.threads.filter((t) => t.role === 'submitter').map(thread),
    mdThread: md ? thread(md) : null,
    pendingWrites: num(x.pendingWrites),
    memberIosInFlight: num(x.memberIosInFlight),
    deviceLock: s.locks.find((l) => l.name === 'device_lock') ?? null,
    bitmap: bitmapNow(s, x),
    resync: resyncNow(s, x),
    members: (x.memberQueues as MemberNow[]).map((m) => ({
      name: m.name,
      inService: num(m.inService),
      queued: num(m.queued),
      parallelism: Math.max(1, num(m.parallelism)),
      utilisation: util.get(m.name) ?? 0,
    })),
  };
}
