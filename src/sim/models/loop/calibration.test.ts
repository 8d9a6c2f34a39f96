// The loop story (seed 002) reproduced by presets, with the tolerances the issue states.
// Each test runs a preset and its baseline at a fixed seed and prints measured vs published.
import { describe, expect, it } from 'vitest';
import { iops, runLoop, runPresetPair } from './testkit';

describe('loop presets reproduce the published figures', () => {
  // The table's figure (ext4 file on SSD, 4K libaio QD64, 1 job: 1,740 -> 25,318 IOPS, 14.5x) is the one
  // this preset's setup matches; Ming Lei's "close to 10 times" was a remark about another box (loop over
  // virtio-blk) with no numbers. In the model the ratio is the 16 work items kloopd0 runs at once, less
  // the per-IO CPU path: 14.5 +-20% (11.6..17.4) holds it, 10 +-20% could not.
  it('loop-blk-mq-randread: blk-mq / single-thread IOPS = 14.5 (+-20%), published 1,740 -> 25,318', () => {
    const { with: mq, without: st } = runPresetPair('loop-blk-mq-randread');
    const ratio = iops(mq) / iops(st);
    console.log(
      `loop randread QD64: single-thread ${iops(st)} IOPS (published 1,740), blk-mq ${iops(mq)} (published 25,318): ratio ${ratio.toFixed(2)} vs published 14.55`,
    );
    expect(ratio).toBeGreaterThan(14.5 * 0.8);
    expect(ratio).toBeLessThan(14.5 * 1.2);
    // single-thread: loop0 waits for every backing read; blk-mq: workers wait, the device is not the limit
    expect(mq.devices[0].meanQueueDepth).toBeGreaterThan(12);
    expect(st.devices[0].meanQueueDepth).toBeLessThan(1.05);
  });

  it('loop-dio-aio-randread: dio-aio / blk-mq IOPS = 2 (+-20%), published "doubled"', () => {
    const { with: dio, without: mq } = runPresetPair('loop-dio-aio-randread');
    const ratio = iops(dio) / iops(mq);
    const cpuPerIo = (r: typeof dio) => r.threads.reduce((s, t) => s + t.cpuNs, 0) / ((iops(r) * r.simulatedNs) / 1e9);
    console.log(
      `loop single-job randread: blk-mq ${iops(mq)} IOPS, dio-aio ${iops(dio)}: ratio ${ratio.toFixed(2)} vs published 2; CPU per IO ${cpuPerIo(mq).toFixed(0)} -> ${cpuPerIo(dio).toFixed(0)} ns`,
    );
    expect(ratio).toBeGreaterThan(2 * 0.8);
    expect(ratio).toBeLessThan(2 * 1.2);
    expect(cpuPerIo(dio)).toBeLessThan(cpuPerIo(mq)); // no page-cache double copy
  });

  it('loop-seqread-regression: single-thread and dio-aio beat blk-mq; blk-mq on 4 CPUs > 2x slower than on 1 (published: boot > 2x slower)', () => {
    const { with: mq, without: st } = runPresetPair('loop-seqread-regression');
    const dio = runLoop({ loop_mode: 'dio-aio' }, { preset: 'loop-seqread-regression' });
    const oneCpu = runLoop({ cpus: 1 }, { preset: 'loop-seqread-regression' });
    const seq = (r: typeof mq) => r.extra!.backingSequentialFraction as number;
    const slower = iops(oneCpu) / iops(mq);
    console.log(
      `loop seq read on a readahead disk: single-thread ${iops(st)}, dio-aio ${iops(dio)}, blk-mq 1 CPU ${iops(oneCpu)}, blk-mq 4 CPUs ${iops(mq)} IOPS (${slower.toFixed(2)}x slower, published > 2x); in-order backing requests ${seq(st)} / ${seq(dio)} / ${seq(oneCpu)} / ${seq(mq)}`,
    );
    expect(iops(st)).toBeGreaterThan(iops(mq) * 1.5);
    expect(iops(dio)).toBeGreaterThan(iops(mq) * 1.5);
    expect(slower).toBeGreaterThan(2);
    expect(seq(st)).toBe(1);
    expect(seq(mq)).toBeLessThan(0.95);
  });

  it('the regression needs workers to overtake each other: with jitter 0 blk-mq keeps the stream in order', () => {
    const r = runLoop({ jitter: 0 }, { preset: 'loop-seqread-regression', duration: '50ms' });
    expect(r.extra!.backingSequentialFraction).toBe(1);
  });

  it('randwrite: blk-mq ~ single-thread within 10% (published 35,709 -> 34,624): writes to the file stay serial', () => {
    const at = (mode: string) =>
      runLoop({ loop_mode: mode, rw: 'randwrite', dirty_bytes: '2m' }, { duration: '30ms', warmup: '10ms' });
    const st = at('single-thread'),
      mq = at('blk-mq');
    const kworkersWriting = mq.threads.filter((t) => t.role === 'kworker' && t.cpuNs > 0.05 * mq.simulatedNs).length;
    console.log(
      `loop randwrite: single-thread ${iops(st)}, blk-mq ${iops(mq)} IOPS (published 35,709 -> 34,624); kworkers doing real work: ${kworkersWriting}`,
    );
    expect(Math.abs(iops(mq) / iops(st) - 1)).toBeLessThan(0.1);
    expect(kworkersWriting).toBeLessThanOrEqual(1);
  });
});
