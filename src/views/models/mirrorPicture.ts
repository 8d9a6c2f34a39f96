// What the raid1/raid10 machine view draws, from one snapshot: fio jobs, pending_bio_list and the md thread,
// the write-intent bitmap (classic counters or llbitmap state bytes) as a grid, md_do_sync's window, the
// members. Pure; null if the snapshot is not a mirror's.
import type { LockView, Snapshot } from '../../protocol/messages';
import type { ThreadNow } from './loopPicture';
import type { CodeStyle } from './codeStyles';
import { CLASSIC_STYLES, LLBITMAP_STYLES } from './codeStyles';

export interface MemberNow { name: string; inService: number; queued: number; parallelism: number; utilisation: number }

export interface BitmapNow {
  kind: 'bitmap' | 'llbitmap';
  cells: Uint8Array;
  styles: readonly CodeStyle[];
  chunksPerCell: number;
  chunkBytes: number;
  /** Bitmap file pages (classic) or pages with dirty blocks (llbitmap) the next unplug writes. */
  pagesToWrite: number;
  /** classic: pages whose bits the daemon cleared, written on its next pass; llbitmap: pages being suspended. */
  pagesLater: number;
  writesInFlight: number;
  lock: LockView | null;
  /** llbitmap: live per-page references (writes in flight that hold a page's barrier). */
  pageRefs: number | null;
  daemons: ThreadNow[];
}

export interface ResyncNow {
  running: boolean;
  posPages: number;
  spanPages: number;
  activePages: number;
  limitPages: number;
  kibPerSec: number;
  throttleWaits: number;
  thread: ThreadNow | null;
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

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const thread = (t: Snapshot['threads'][number]): ThreadNow => ({ name: t.name, state: t.state, label: t.label, utilisation: t.utilisation });

function bitmapNow(s: Snapshot, x: Record<string, unknown>): BitmapNow | null {
  if ((x.bitmap !== 'bitmap' && x.bitmap !== 'llbitmap') || !(x.bitmapCells instanceof Uint8Array)) return null;
  const classic = x.bitmap === 'bitmap';
  const lock = x.bitmapLock as LockView | undefined;
  return {
    kind: x.bitmap, cells: x.bitmapCells, styles: classic ? CLASSIC_STYLES : LLBITMAP_STYLES,
    chunksPerCell: Math.max(1, num(x.bitmapChunksPerCell)), chunkBytes: num(x.bitmapChunkBytes),
    pagesToWrite: num(x.bitmapPagesToWrite), pagesLater: num(classic ? x.bitmapPagesPending : x.bitmapPagesDying),
    writesInFlight: num(x.bitmapWritesInFlight), lock: lock && typeof lock.name === 'string' ? lock : null,
    pageRefs: classic ? null : num(x.bitmapPageRefs),
    daemons: s.threads.filter((t) => t.role === 'workqueue' && t.name.includes('llbitmap')).map(thread),
  };
}

export function mirrorPicture(s: Snapshot | null | undefined): MirrorPicture | null {
  const x = s?.extra;
  if (!s || !x || (x.level !== 'raid1' && x.level !== 'raid10') || !Array.isArray(x.memberQueues)) return null;
  const util = new Map(s.devices.map((d) => [d.name, d.utilisation]));
  const md = s.threads.find((t) => t.role === 'raid1d' || t.role === 'raid10d');
  const rs = s.threads.find((t) => t.role === 'resync');
  return {
    level: x.level,
    jobs: s.threads.filter((t) => t.role === 'submitter').map(thread),
    mdThread: md ? thread(md) : null,
    pendingWrites: num(x.pendingWrites),
    memberIosInFlight: num(x.memberIosInFlight),
    deviceLock: s.locks.find((l) => l.name === 'device_lock') ?? null,
    bitmap: bitmapNow(s, x),
    resync: x.syncSpanPages === undefined ? null : {
      running: x.resyncRunning === true, posPages: num(x.syncPosPages), spanPages: Math.max(1, num(x.syncSpanPages)),
      activePages: num(x.syncActivePages), limitPages: num(x.syncIoLimitPages), kibPerSec: num(x.resyncKiBPerSec),
      throttleWaits: num(x.resyncThrottleWaits), thread: rs ? thread(rs) : null,
    },
    members: (x.memberQueues as MemberNow[]).map((m) => ({
      name: m.name, inService: num(m.inService), queued: num(m.queued), parallelism: Math.max(1, num(m.parallelism)), utilisation: util.get(m.name) ?? 0,
    })),
  };
}

/** How many cells of each code a grid holds (the legend's counts). */
export function codeCounts(cells: Uint8Array, codes: number): number[] {
  const n = new Array<number>(codes).fill(0);
  for (const c of cells) if (c < codes) n[c]++;
  return n;
}
