// paceNote: which limit the worker's measured shares point at, and the rate it says, from a PaceReport.
import { describe, expect, it } from 'vitest';
import type { PaceReport } from '../../protocol/messages';
import { paceNote, simMs } from './paceNote';

const report = (p: Partial<PaceReport>): PaceReport => ({
  speed: 'max',
  wallMs: 1000,
  modelMs: 0,
  snapshotMs: 0,
  postMs: 0,
  ackWaitMs: 0,
  simNs: 0,
  events: 0,
  ...p,
});

describe('paceNote', () => {
  it('says the model limits max when the worker mostly steps it, with the measured rate and shares', () => {
    const n = paceNote(report({ modelMs: 850, snapshotMs: 90, postMs: 30, simNs: 27.4e6 }))!;
    expect(n.limit).toBe('model');
    expect(n.simMsPerSec).toBeCloseTo(27.4);
    expect(n.text).toBe(
      "max: the model computes 27 ms of simulated time per second here (measured: stepping the model 85% of the worker's time, snapshots and frames 12%)",
    );
  });

  it('names frames, the page or idle time when the model steps under 60% of the time', () => {
    const frames = paceNote(report({ modelMs: 300, snapshotMs: 500, postMs: 100, simNs: 6e6 }))!;
    expect(frames.limit).toBe('frames');
    expect(frames.text).toMatch(/limited by pacing, not the model: snapshots and frames take 60%/);
    expect(frames.text).toMatch(/the model alone: 20 ms per second/);
    const page = paceNote(report({ modelMs: 200, snapshotMs: 50, ackWaitMs: 700, simNs: 4e6 }))!;
    expect(page.limit).toBe('page');
    expect(page.text).toMatch(/waits 70% of its time for the page/);
    const idle = paceNote(report({ modelMs: 220, snapshotMs: 30, simNs: 1e6 }))!;
    expect(idle.limit).toBe('idle');
    expect(idle.text).toMatch(/idle 75%/);
  });

  it('says nothing for a paced speed or an empty window', () => {
    expect(paceNote(report({ speed: 1e6, modelMs: 900 }))).toBeNull();
    expect(paceNote(report({ wallMs: 0 }))).toBeNull();
  });

  it('rounds rates to what a reader can take in', () => {
    expect([simMs(0.4213), simMs(5.53), simMs(27.4), simMs(132.6)]).toEqual(['0.42', '5.5', '27', '133']);
  });
});
