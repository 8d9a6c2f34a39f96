// When a write stripe is handled (rules of 6.x raid5.c): a REQ_SYNC (O_DIRECT) write marks its stripes
// STRIPE_PREREAD_ACTIVE in raid5_make_request, so a stripe handled before the rest of its row arrives
// pre-reads at once; a write without REQ_SYNC (writeback) leaves a partial stripe on delayed_list until
// raid5_activate_delayed, and hold_list waits while full-stripe writes are pending, so the row fills first.
// The plug decides how much arrives together: raid5_unplug releases a plug's stripes in one go, and io_submit
// plugs a batch of more than AIO_PLUG_THRESHOLD iocbs (fio's iodepth_batch_submit). Sequential 1M writes on
// 9 HDDs (a 4M row: each bio covers a quarter of its stripes), stripe_cache_size 4096, server CPU.
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../core/result';
import { runRaid5 } from './testkit';

const ROW = {
  level: 5,
  disks: 9,
  device: 'hdd',
  rw: 'write',
  bs: '1m',
  numjobs: 1,
  iodepth: 32,
  size: '1000g',
  cpus: 8,
  stripe_cache_size: 4096,
};
const run = (p: Record<string, string | number | boolean>) =>
  runRaid5({ ...ROW, ...p }, { duration: '300ms', warmup: '200ms' });
/** Member bytes pre-read per member byte written. */
const readPerWritten = (r: SimResult) => (r.extra!.memberReadBytes as number) / (r.extra!.memberWriteBytes as number);

describe('write stripes wait for their row, or not, by how the writes arrive', () => {
  it('buffered (no REQ_SYNC) sequential writes become full-stripe writes with next to no pre-reads, with workers as without', () => {
    const r0 = run({ direct: false, group_thread_cnt: 0 });
    const r4 = run({ direct: false, group_thread_cnt: 4 });
    console.log(
      `buffered: read/written gtc=0 ${readPerWritten(r0).toFixed(4)}, gtc=4 ${readPerWritten(r4).toFixed(4)}; full writes ${r0.extra!.fullStripeWrites}, ${r4.extra!.fullStripeWrites}`,
    );
    expect(readPerWritten(r0)).toBeLessThan(0.02);
    expect(readPerWritten(r4)).toBeLessThan(0.02);
  }, 60_000);

  it('O_DIRECT with one bio per io_submit: workers handle stripes before their row fills and pre-read; a batch under one plug does not', () => {
    const single = run({ direct: true, group_thread_cnt: 4, iodepth_batch_submit: 1 });
    const batch = run({ direct: true, group_thread_cnt: 4, iodepth_batch_submit: 16 });
    console.log(
      `O_DIRECT gtc=4: read/written iodepth_batch_submit=1 ${readPerWritten(single).toFixed(4)} (${(single.throughput.bytesPerSec / 1e6).toFixed(0)} MB/s), =16 ${readPerWritten(batch).toFixed(4)} (${(batch.throughput.bytesPerSec / 1e6).toFixed(0)} MB/s)`,
    );
    expect(readPerWritten(single)).toBeGreaterThan(0.05);
    expect(readPerWritten(batch)).toBeLessThan(0.02);
    expect(batch.throughput.bytesPerSec).toBeGreaterThan(single.throughput.bytesPerSec);
  }, 60_000);
});
