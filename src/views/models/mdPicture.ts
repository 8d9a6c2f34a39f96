// What the md-core parts of a machine view draw (raid1/raid10 and raid5 alike), from one snapshot: the
// write-intent bitmap (classic counters or llbitmap state bytes) as a grid, bitmap_lock, md_do_sync's window.
// Pure; null when the run has no bitmap (or no resync).
import type { LockView, Snapshot } from '../../protocol/messages';
import type { ThreadNow } from './loopPicture';
import type { CodeStyle } from './codeStyles';
import { CLASSIC_STYLES, LLBITMAP_STYLES } from './codeStyles';

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

export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const threadNow = (t: Snapshot['threads'][number]): ThreadNow => ({
  name: t.name,
  state: t.state,
  label: t.label,
  utilisation: t.utilisation,
});

/** The bitmap from the snapshot's extra (figures + live()), bitmap_lock from its locks. */
export function bitmapNow(s: Snapshot, x: Record<string, unknown>): BitmapNow | null {
  if ((x.bitmap !== 'bitmap' && x.bitmap !== 'llbitmap') || !(x.bitmapCells instanceof Uint8Array)) return null;
  const classic = x.bitmap === 'bitmap';
  return {
    kind: x.bitmap,
    cells: x.bitmapCells,
    styles: classic ? CLASSIC_STYLES : LLBITMAP_STYLES,
    chunksPerCell: Math.max(1, num(x.bitmapChunksPerCell)),
    chunkBytes: num(x.bitmapChunkBytes),
    pagesToWrite: num(x.bitmapPagesToWrite),
    pagesLater: num(classic ? x.bitmapPagesPending : x.bitmapPagesDying),
    writesInFlight: num(x.bitmapWritesInFlight),
    lock: s.locks.find((l) => l.name === 'bitmap_lock') ?? null,
    pageRefs: classic ? null : num(x.bitmapPageRefs),
    daemons: s.threads.filter((t) => t.role === 'workqueue' && t.name.includes('llbitmap')).map(threadNow),
  };
}

/** md_do_sync's pass from the snapshot's extra; null when the run has no resync thread. */
export function resyncNow(s: Snapshot, x: Record<string, unknown>): ResyncNow | null {
  if (x.syncSpanPages === undefined) return null;
  const rs = s.threads.find((t) => t.role === 'resync');
  return {
    running: x.resyncRunning === true,
    posPages: num(x.syncPosPages),
    spanPages: Math.max(1, num(x.syncSpanPages)),
    activePages: num(x.syncActivePages),
    limitPages: num(x.syncIoLimitPages),
    kibPerSec: num(x.resyncKiBPerSec),
    throttleWaits: num(x.resyncThrottleWaits),
    thread: rs ? threadNow(rs) : null,
  };
}

/** How many cells of each code a grid holds (the legend's counts). */
export function codeCounts(cells: Uint8Array, codes: number): number[] {
  const n = new Array<number>(codes).fill(0);
  for (const c of cells) if (c < codes) n[c]++;
  return n;
}
