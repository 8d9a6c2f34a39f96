// The async offload strip's reading of a raid5 snapshot: engine, hand-off lock, stripes by op phase, and the
// kernel ops this model never runs marked as such (not as zero).
import { describe, expect, it } from 'vitest';
import type { OffloadView } from '../../protocol/messages';
import { offloadPicture } from './offloadPicture';
import { raid5Snapshot } from './raid5Snapshot.testkit';

const snap = (offload: OffloadView | null) => raid5Snapshot({ cellIds: Uint32Array.from([7, 8, 9, 10]), offload });

describe('offloadPicture', () => {
  const offload: OffloadView = {
    mode: 'threads',
    engines: 4,
    busy: 2,
    queued: 5,
    inFlight: 7,
    completed: 120,
    lock: { name: 'wq_pool_lock', holder: 'md0_raid5', waiters: ['kworker/async-1'] },
    phases: ['none', 'queued', 'prexor', 'biodrain', 'reconstruct', 'callback'],
    phaseCounts: [240, 5, 1, 0, 2, 3],
    opCells: Uint8Array.from([0, 4, 1, 2]),
  };

  it('lists the shown stripes with an op by phase, in grid order, and counts each kernel op', () => {
    const p = offloadPicture(snap(offload));
    expect(p?.stripes).toEqual([
      { idx: 8, code: 4, phase: 'reconstruct' },
      { idx: 9, code: 1, phase: 'queued' },
      { idx: 10, code: 2, phase: 'prexor' },
    ]);
    expect(p?.byOp).toEqual({ biofill: null, compute: null, prexor: 1, biodrain: 0, reconstruct: 2, check: null });
    expect(p).toMatchObject({
      mode: 'threads',
      engines: 4,
      busy: 2,
      queued: 5,
      queuedStripes: 5,
      callbackStripes: 3,
      completed: 120,
    });
    expect(p?.lock).toEqual({ name: 'wq_pool_lock', holder: 'md0_raid5', waiters: ['kworker/async-1'] });
  });

  it('is null with ops=inline (no offload in the snapshot) and for other models', () => {
    expect(offloadPicture(snap(null))).toBeNull();
    expect(offloadPicture(null)).toBeNull();
  });
});
