// The builders the composition root (models/index.ts) hands to array models: a bitmap of the chosen kind and
// md_do_sync. Array models reach md core only through these, never by importing this folder.
import { MdBitmap } from './classic';
import type { MdLibs } from './host';
import { LlBitmap } from './llbitmap';
import { MdDoSync } from './mdDoSync';

export const MD_LIBS: MdLibs = {
  createBitmap(host, p) {
    if (p.bitmap === 'bitmap') return new MdBitmap(host, p);
    if (p.bitmap === 'llbitmap') return new LlBitmap(host, p);
    return null;
  },
  createSync(host, p, pers, bitmap) {
    const sync = new MdDoSync(host, p, pers, bitmap);
    if (bitmap instanceof LlBitmap) bitmap.onNeedSync = () => sync.request();
    return sync;
  },
};
