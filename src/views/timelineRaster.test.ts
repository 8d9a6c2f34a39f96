// The timeline raster against hand-made frames: state shares and the dominant state per pixel, unknown before the first
// record, and eviction keeping each thread's state. Pure data; no canvas.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameRing } from '../state/lab/frameRing';
import type { FramesMsg } from '../protocol/messages';
import { TimelineRaster, UNKNOWN } from './timelineRaster';

function frame(runId: number, rows: [number, number, number][], nowNs: number, threads = 2): FramesMsg {
  return {
    type: 'frames',
    runId,
    seq: 1,
    playing: true,
    threadsFrom: 0,
    newThreads: Array.from({ length: threads }, (_, i) => ({ name: `t${i}`, role: 'worker' })),
    labelsFrom: 0,
    newLabels: [''],
    figures: null,
    columns: {
      timeNs: Float64Array.from(rows.map((r) => r[0])),
      thread: Uint16Array.from(rows.map((r) => r[1])),
      state: Uint8Array.from(rows.map((r) => r[2])),
      label: new Uint16Array(rows.length),
    },
    snapshot: {
      model: 'lock-lab',
      extra: {},
      timeNs: nowNs,
      events: 0,
      completions: 0,
      bytes: 0,
      threads: [],
      locks: [],
      lockStats: [],
      queues: [],
      devices: [],
    },
  };
}

const row = (r: TimelineRaster, track: number, width: number) =>
  Array.from({ length: width }, (_, px) => r.dominant(track, px));

describe('TimelineRaster', () => {
  it('paints each pixel with the state that filled most of it', () => {
    const ring = new FrameRing(16);
    // t0: running 0..60, spinning 60..100; t1: idle from 50
    ring.push(
      frame(
        1,
        [
          [0, 0, 0],
          [50, 1, 4],
          [60, 0, 1],
        ],
        100,
      ),
    );
    const r = new TimelineRaster();
    r.build(ring, 2, 10, 0, 100);
    expect(row(r, 0, 10)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(row(r, 1, 10)).toEqual([UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, 4, 4, 4, 4, 4]);
  });

  it('keeps the share of each state inside a pixel', () => {
    const ring = new FrameRing(16);
    ring.push(
      frame(
        1,
        [
          [0, 0, 0],
          [30, 0, 4],
          [100, 0, 0],
        ],
        100,
        1,
      ),
    ); // running 30%, idle 70%
    const r = new TimelineRaster();
    r.build(ring, 1, 1, 0, 100);
    expect([...r.acc.subarray(0, 5)].map((x) => Number(x.toFixed(2)))).toEqual([0.3, 0, 0, 0, 0.7]);
  });

  it('keeps the state of evicted rows as the base', () => {
    const ring = new FrameRing(2);
    ring.push(
      frame(
        1,
        [
          [0, 0, 3],
          [10, 1, 0],
          [20, 1, 2],
        ],
        40,
      ),
    );
    expect(ring.size).toBe(2);
    const r = new TimelineRaster();
    r.build(ring, 2, 4, 0, 40);
    expect(row(r, 0, 4)).toEqual([3, 3, 3, 3]); // from its evicted row on
    expect(row(r, 1, 4)).toEqual([UNKNOWN, 0, 2, 2]);
  });

  it('starts over on a new runId', () => {
    const ring = new FrameRing(8);
    ring.push(frame(1, [[0, 0, 0]], 10));
    ring.push(frame(2, [[0, 1, 1]], 10));
    expect(ring.size).toBe(1);
    expect(ring.runId).toBe(2);
  });
});

describe('TimelineRaster, incremental', () => {
  // Random frames pushed into a small ring (so rows are evicted) and a window sliding with the ring's now:
  // the raster kept across builds must give the same shares as one built from scratch at every step.
  it('gives the shares of a raster built from scratch, without rebuilding, as the window slides', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 4 })),
            { maxLength: 12 },
          ),
          { minLength: 1, maxLength: 20 },
        ),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 12, max: 64 }), // >= a batch: no push drops rows unseen
        (batches, width, capacity) => {
          const ring = new FrameRing(capacity);
          const kept = new TimelineRaster();
          const span = width * 10;
          let now = 0;
          for (const batch of batches) {
            const rows = batch
              .map(([dt, th, st]) => [(now += dt), th, st] as [number, number, number])
              .sort((a, b) => a[0] - b[0]);
            now += 5;
            ring.push(frame(1, rows, now, 3));
            kept.build(ring, 3, width, now - span, now);
            const scratch = new TimelineRaster();
            scratch.build(ring, 3, width, now - span, now);
            // Before the ring's eviction point the kept raster still knows rows the ring dropped: compare after.
            const firstBin = Math.ceil(now / 10) - width;
            let worst = 0;
            for (let i = 0; i < scratch.acc.length; i++)
              if ((firstBin + (Math.floor(i / 5) % width)) * 10 >= ring.evictedUpToNs)
                worst = Math.max(worst, Math.abs(kept.acc[i] - scratch.acc[i]));
            expect(worst).toBeLessThan(1e-4);
          }
          // rebuilt only when a push drops rows it never saw (a batch larger than the ring), never here
          expect(kept.rebuilds).toBe(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('starts over on a new run, another width or span, and a window that moves back', () => {
    const ring = new FrameRing(64);
    ring.push(
      frame(
        1,
        [
          [0, 0, 0],
          [30, 0, 1],
        ],
        40,
      ),
    );
    const r = new TimelineRaster();
    r.build(ring, 2, 4, 0, 40);
    r.build(ring, 2, 4, 0, 40);
    expect(r.rebuilds).toBe(1);
    r.build(ring, 2, 8, 0, 40); // width
    r.build(ring, 2, 8, -40, 40); // span
    r.build(ring, 2, 8, -50, 30); // back
    expect(r.rebuilds).toBe(4);
    ring.push(frame(2, [[0, 1, 2]], 40)); // new run
    r.build(ring, 2, 8, -40, 40);
    expect(r.rebuilds).toBe(5);
    expect(r.dominant(1, 7)).toBe(2);
    expect(r.dominant(0, 7)).toBe(UNKNOWN);
  });
});
