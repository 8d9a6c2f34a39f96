// The timeline raster against hand-made frames: state shares and the dominant state per pixel, unknown before the first
// record, and eviction keeping each thread's state. Pure data; no canvas.
import { describe, expect, it } from 'vitest';
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
