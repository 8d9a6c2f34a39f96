// What raid5's md strip draws, from one snapshot: md core's bitmap and resync (the parts the mirror machine
// draws too) and raid5's own bitmap batch: stripes parked on bitmap_list, seq_flush / seq_write. Pure; null
// when the run has neither a bitmap nor a resync.
import type { Snapshot } from '../../protocol/messages';
import type { ThreadNow } from '../models/loopPicture';
import { bitmapNow, num, resyncNow, threadNow, type BitmapNow, type ResyncNow } from '../models/mdPicture';

/** raid5's batching of first writes behind the bitmap (raid5d's BITMAP UNPLUGGING step). */
export interface BitmapBatch {
  /** stripe_heads on bitmap_list: their first write waits for the next bitmap write. */
  stripes: number;
  seqFlush: number;
  seqWrite: number;
  /** seq_flush past seq_write: raid5d has dropped device_lock and waits for the bitmap write now. */
  unplugging: boolean;
  /** md0_raid5 now (what it is doing while the batch waits). */
  raid5d: ThreadNow | null;
}

export interface MdStripPicture {
  bitmap: BitmapNow | null;
  batch: BitmapBatch | null;
  resync: ResyncNow | null;
}

export function mdStripPicture(s: Snapshot | null | undefined): MdStripPicture | null {
  const x = s?.extra;
  if (!s || !x) return null;
  const bitmap = bitmapNow(s, x);
  const resync = resyncNow(s, x);
  if (!bitmap && !resync) return null;
  const seqFlush = num(x.seqFlush);
  const seqWrite = num(x.seqWrite);
  const r5d = s.threads.find((t) => t.role === 'raid5d');
  return {
    bitmap,
    resync,
    batch: bitmap
      ? {
          stripes: num(x.bitmapListStripes),
          seqFlush,
          seqWrite,
          unplugging: seqFlush > seqWrite,
          raid5d: r5d ? threadNow(r5d) : null,
        }
      : null,
  };
}
