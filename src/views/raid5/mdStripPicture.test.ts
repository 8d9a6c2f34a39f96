// raid5's md strip picture: the bitmap and resync read as the mirror's are, bitmap_lock from the locks, the
// bitmap batch with seq_flush ahead of seq_write meaning raid5d is in BITMAP UNPLUGGING; null without md core.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../protocol/messages';
import { mdStripPicture } from './mdStripPicture';
import { raid5Snapshot } from './raid5Snapshot.testkit';

const snap = (extra: Record<string, unknown>, locks: Snapshot['locks'] = []): Snapshot =>
  raid5Snapshot(extra, {
    threads: [
      { name: 'md0_raid5', role: 'raid5d', state: 3, label: 'md_super_wait', utilisation: 0.5 },
      { name: 'md0_resync', role: 'resync', state: 0, label: 'md_do_sync', utilisation: 0.2 },
    ],
    locks,
  });

const md = {
  stripeCounts: { bitmap_list: 7 },
  bitmap: 'bitmap',
  bitmapChunkBytes: 64 << 20,
  resyncRunning: true,
  resyncKiBPerSec: 4096,
  bitmapCells: Uint8Array.from([2, 2, 4, 1]),
  bitmapChunksPerCell: 1,
  bitmapPagesToWrite: 1,
  bitmapPagesPending: 0,
  bitmapWritesInFlight: 2,
  syncPosPages: 300,
  syncActivePages: 20,
  syncWindowPages: 32,
  syncSpanPages: 3000,
  syncIoLimitPages: 32,
  bitmapListStripes: 7,
  seqFlush: 12,
  seqWrite: 11,
};

describe('mdStripPicture', () => {
  it('a new raid5 with the classic bitmap: grid, bitmap_lock, the batch waiting on the unplug, the resync', () => {
    const p = mdStripPicture(
      snap(md, [
        { name: 'device_lock', holder: null, waiters: [], spinning: true },
        { name: 'bitmap_lock', holder: 'fio/1', waiters: [], spinning: true },
      ]),
    );
    expect(p?.bitmap).toMatchObject({ kind: 'bitmap', pagesToWrite: 1, writesInFlight: 2 });
    expect(p?.bitmap?.lock?.holder).toBe('fio/1');
    expect(p?.batch).toMatchObject({ stripes: 7, seqFlush: 12, seqWrite: 11, unplugging: true });
    expect(p?.batch?.raid5d).toMatchObject({ name: 'md0_raid5', state: 3, label: 'md_super_wait' });
    expect(p?.resync).toMatchObject({ running: true, posPages: 300, spanPages: 3000, activePages: 20, limitPages: 32 });
    expect(p?.resync?.thread?.name).toBe('md0_resync');
  });

  it('seq_write caught up: no unplug; --assume-clean: no resync; llbitmap: no lock', () => {
    const clean = mdStripPicture(snap({ ...md, bitmap: 'llbitmap', seqWrite: 12, syncSpanPages: undefined }));
    expect(clean?.batch?.unplugging).toBe(false);
    expect(clean?.resync).toBeNull();
    expect(clean?.bitmap).toMatchObject({ kind: 'llbitmap', lock: null });
  });

  it('a resync without a bitmap has no batch; neither bitmap nor resync (or not raid5 md core) gives nothing', () => {
    const noBitmap = mdStripPicture(snap({ stripeCounts: {}, syncSpanPages: 3000, syncPosPages: 0 }));
    expect(noBitmap?.bitmap).toBeNull();
    expect(noBitmap?.batch).toBeNull();
    expect(noBitmap?.resync?.spanPages).toBe(3000);
    expect(mdStripPicture(snap({ stripeCounts: {}, bitmap: 'none' }))).toBeNull();
    expect(mdStripPicture(null)).toBeNull();
  });
});
