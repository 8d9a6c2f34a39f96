// opPhase: which async op phase a stripe's op is in, from when its engine took it and the phases' shares,
// and 'callback' once the engine is done but the completion has not run.
import { describe, expect, it } from 'vitest';
import { opPhase, type PendingOp } from './offload';

const op = (over: Partial<PendingOp>): PendingOp => ({
  cpuNs: 300,
  bytes: 0,
  phaseNs: [100, 50, 150],
  queuedNs: 0,
  startedNs: -1,
  serviceNs: 300,
  ...over,
});

describe('opPhase', () => {
  it('is none without an op and queued until an engine takes it', () => {
    expect(opPhase(undefined, 10)).toBe(0);
    expect(opPhase(op({}), 10)).toBe(1);
  });

  it('walks prexor, biodrain, reconstruct by the share of service time elapsed', () => {
    const o = op({ startedNs: 1000 });
    expect(opPhase(o, 1000)).toBe(2);
    expect(opPhase(o, 1099)).toBe(2);
    expect(opPhase(o, 1100)).toBe(3);
    expect(opPhase(o, 1149)).toBe(3);
    expect(opPhase(o, 1150)).toBe(4);
    expect(opPhase(o, 1299)).toBe(4);
    expect(opPhase(o, 1300)).toBe(5); // the engine is done; ops_complete_reconstruct has not run yet
    expect(opPhase(o, 5000)).toBe(5);
  });

  it("skips prexor for a reconstruct-write (no old data to remove), and scales to a DMA channel's time", () => {
    const rcw = op({ phaseNs: [0, 50, 150], startedNs: 0, serviceNs: 2000 });
    expect(opPhase(rcw, 0)).toBe(3);
    expect(opPhase(rcw, 499)).toBe(3);
    expect(opPhase(rcw, 500)).toBe(4);
    expect(opPhase(rcw, 2000)).toBe(5);
  });
});
