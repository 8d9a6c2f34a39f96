// md core's builders for an array personality (raid5, raid1/raid10), as md.c's bitmap_create and
// md_do_sync serve raid5.c and raid1.c: a bitmap of the chosen kind (or none), and the resync thread.
import { MdBitmap } from './classic';
import type { BitmapOps, MdHost, MdParams, MdSync, SyncPersonality } from './contract';
import { LlBitmap } from './llbitmap';
import { MdDoSync } from './mdDoSync';

/** md_bitmap_create: the classic bitmap, llbitmap, or none. */
export function createBitmap(host: MdHost, p: MdParams): BitmapOps | null {
  if (p.bitmap === 'bitmap') return new MdBitmap(host, p);
  if (p.bitmap === 'llbitmap') return new LlBitmap(host, p);
  return null;
}

/** md_do_sync for the array; llbitmap asks it for a pass when its lazy parity build needs one. */
export function createSync(host: MdHost, p: MdParams, pers: SyncPersonality, bitmap: BitmapOps | null): MdSync {
  const sync = new MdDoSync(host, p, pers, bitmap);
  if (bitmap instanceof LlBitmap) bitmap.onNeedSync = () => sync.request();
  return sync;
}
