// md core in the live snapshots: raid5 (and raid1) carry the bitmap grid, md_do_sync's position and window,
// raid5's bitmap batch and bitmap_lock in the locks when those run, and nothing of them when they do not.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { createModel } from '../../run';

function snapAfter(model: string, params: Record<string, string | number | boolean>, steps: number[]) {
  const m = createModel(model, resolveScenario({ model, params }).params, 3);
  return steps.map((ns) => {
    m.sim.runUntil(ns);
    return m.snapshot();
  });
}

describe('raid5 snapshot: md core', () => {
  it('a new array with the classic bitmap: bitmap cells, a resync position that grows, the batch, bitmap_lock', () => {
    const [a, b] = snapAfter(
      'raid5',
      { bitmap: 'bitmap', assume_clean: false, disks: 4, size: '256m', bitmap_chunk: '1m' },
      [2e6, 6e6],
    );
    const x = b.extra!;
    expect(x.bitmap).toBe('bitmap');
    expect(x.bitmapCells).toBeInstanceOf(Uint8Array);
    expect((x.bitmapCells as Uint8Array).some((c) => c > 0)).toBe(true);
    expect(x.syncSpanPages as number).toBeGreaterThan(x.syncPosPages as number);
    expect(x.resyncRunning).toBe(true);
    expect(x.syncPosPages as number).toBeGreaterThan(a.extra!.syncPosPages as number);
    expect(x.seqWrite as number).toBeGreaterThan(0);
    expect(x.seqFlush as number).toBeGreaterThanOrEqual(x.seqWrite as number);
    expect(x.bitmapListStripes).toBe((x.stripeCounts as Record<string, number>).bitmap_list);
    expect(b.locks.map((l) => l.name)).toContain('bitmap_lock');
  });
  it('llbitmap: its state bytes, no bitmap_lock (it has no global lock)', () => {
    const [s] = snapAfter('raid5', { bitmap: 'llbitmap', disks: 4, size: '256m' }, [3e6]);
    expect(s.extra!.bitmap).toBe('llbitmap');
    expect(s.extra!.bitmapCells).toBeInstanceOf(Uint8Array);
    expect(s.locks.map((l) => l.name)).not.toContain('bitmap_lock');
  });
  it('no bitmap and --assume-clean: none of it', () => {
    const [s] = snapAfter('raid5', { bitmap: 'none', assume_clean: true, disks: 4 }, [2e6]);
    for (const k of ['bitmap', 'bitmapCells', 'syncSpanPages', 'bitmapListStripes'])
      expect(s.extra).not.toHaveProperty(k);
    expect(s.locks.map((l) => l.name)).not.toContain('bitmap_lock');
  });
  it('raid1 with the classic bitmap lists bitmap_lock beside device_lock', () => {
    const [s] = snapAfter('raid1', { bitmap: 'bitmap' }, [3e6]);
    expect(s.locks.map((l) => l.name)).toEqual(['device_lock', 'bitmap_lock']);
  });
});
