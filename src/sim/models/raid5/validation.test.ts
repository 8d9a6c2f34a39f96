// The validation set of ../shared/validation.md, figures the model was never calibrated to, run with the
// parameters that describe each published setup and the CPU class's own costs (no cost.* anywhere).
// Tolerances are validation.md's: relative effects keep their sign and come within a third of the
// published size; absolute figures within the factor stated per figure. Assumptions about what each post
// left unsaid are written beside the figure.
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../core/result';
import { runRaid5 } from './testkit';

const SEEDS = [1, 2];
/** Mean over SEEDS of a figure of one run. */
function mean(params: Record<string, string | number | boolean>, figure: (r: SimResult) => number, duration: string, warmup: string): number {
  return SEEDS.reduce((s, seed) => s + figure(runRaid5(params, { duration, warmup, seed })), 0) / SEEDS.length;
}
const writesPerSec = (r: SimResult) => r.throughput.opsPerSec;

describe('V1: raid6 read-modify-write on ten HDDs (Stockhausen, 584acdd49cd2, 2015)', () => {
  // Assumed: fio randwrite with libaio, 8 jobs at iodepth 1 (the post says "8 threads"), O_DIRECT; 7200 rpm
  // disks of the hdd class; the E5630's 4 cores / 8 threads as 8 CPUs; the array's 3.2 TB all addressed.
  // skip_copy=0 columns (the skip_copy=1 penalty with RMW is unexplained by the commit and not modelled).
  const setup = { level: 6, disks: 10, chunk: '64k', device: 'hdd', group_thread_cnt: 4, rw: 'randwrite', numjobs: 8, iodepth: 1, size: '3200g', cpus: 8, cpu_model: 'xeon-2010' };
  const run = (bs: string, rmw: number) => mean({ ...setup, bs, rmw_level: rmw }, writesPerSec, '3s', '500ms');
  const published = { '4k': [165, 140], '64k': [2282, 1962], '128k': [4113, 3898], '256k': [7557, 7638], '512k': [19652, 19688] } as const;

  let measured: Record<string, [number, number]> | null = null;
  /** Both columns at every block size, run once for the tests below. */
  const table = (): Record<string, [number, number]> => {
    if (measured) return measured;
    const m: Record<string, [number, number]> = {};
    for (const bs of Object.keys(published)) m[bs] = [run(bs, 1), run(bs, 0)];
    const lines = Object.entries(m).map(([bs, [a, b]]) => {
      const kbs = (x: number) => (x * parseInt(bs, 10)).toFixed(0);
      const [pa, pb] = published[bs as keyof typeof published];
      return `${bs}: rmw1 ${a.toFixed(1)}/s (${kbs(a)} KB/s, published ${pa}), rmw0 ${b.toFixed(1)}/s (${kbs(b)} KB/s, published ${pb}), RMW/RCW ${(a / b).toFixed(3)} (published ${(pa / pb).toFixed(3)})`;
    });
    console.log(`V1\n${lines.join('\n')}`);
    return (measured = m);
  };
  /** RMW's lead over RCW, mean of 4K and 64K: published +17%. */
  const rmwGain = (m: Record<string, [number, number]>) => (m['4k'][0] / m['4k'][1] + m['64k'][0] / m['64k'][1]) / 2 - 1;

  it('writes/s stay roughly flat from 4K to 128K, RMW leads, less at 128K, and the columns meet at 256K and above', () => {
    const m = table();
    // Flat: published 41 -> 32 writes/s from 4K to 128K (x1.28); a third more is x1.7.
    expect(m['4k'][0] / m['128k'][0]).toBeLessThan(1.7);
    expect(m['4k'][0] / m['128k'][0]).toBeGreaterThan(1 / 1.7);
    expect(rmwGain(m)).toBeGreaterThan(0);
    // 128K: published +5.5%, smaller than below it.
    expect(m['128k'][0] / m['128k'][1] - 1).toBeLessThan(rmwGain(m));
    // Converged: published within 1.5% at 256K and 512K.
    for (const bs of ['256k', '512k']) expect(Math.abs(m[bs][0] / m[bs][1] - 1)).toBeLessThan(0.05);
  }, 60_000);

  // KNOWN MISS (reported on the issue): RMW leads by about +27% (4K +22%, 64K +33%) where the post has
  // +16..20% (tolerance: a third, +12..+24%). The disks have NCQ (32 commands, served by seek and rotational
  // position), which narrowed it at 4K; still unmodelled and suspected: the drives' write cache (a write is
  // done once in the cache, so RCW's three writes cost less than its reads suggest) and the post's unstated
  // fio queue depth. This test passes while the miss stands and fails once the model comes in range.
  it.fails('RMW leads RCW by +12%..+24% at 4K..64K (published +16..+20%)', () => {
    const g = rmwGain(table());
    expect(g).toBeGreaterThan(0.12);
    expect(g).toBeLessThan(0.24);
  }, 60_000);
});

describe('V2: sequential writes on nine HDDs (Shaohua Li, 765d704db1f5, 2017)', () => {
  // Assumed (the commit says only "sequential writes with a large iodepth" on an Atom): fio rw=write bs=1M
  // iodepth=32 direct=1 numjobs=1 with iodepth_batch_submit=16 (one plug per batch), stripe_cache_size=4096
  // (the usual setting for streaming writes to HDD raid5), 8 Atom cores, 9 hdd-class disks (180 MB/s).
  const setup = { level: 5, disks: 9, device: 'hdd', rw: 'write', bs: '1m', numjobs: 1, iodepth: 32, iodepth_batch_submit: 16, size: '1000g', cpus: 8, cpu_model: 'atom', stripe_cache_size: 4096 };
  const mbs = (gtc: number) => runRaid5({ ...setup, group_thread_cnt: gtc }, { duration: '400ms', warmup: '200ms' }).throughput.bytesPerSec / 1e6;

  it('workers help (gtc=4 > gtc=0), and gtc=0 is within x1.5 of ~600 MB/s', () => {
    const [g0, g4] = [mbs(0), mbs(4)];
    console.log(`V2: gtc=0 ${g0.toFixed(0)} MB/s (published ~600), gtc=4 ${g4.toFixed(0)} MB/s (published 750, theory 1440)`);
    expect(g0).toBeGreaterThan(600 / 1.5);
    expect(g0).toBeLessThan(600 * 1.5);
    expect(g4).toBeGreaterThan(g0);
  }, 60_000);
});

describe('V5: chunk-aligned reads on raid6 6+2 (Gal Ofri, 97ae27252f49, 2021), the "after" rows', () => {
  // Assumed: fio's 1,024 threads as 256 jobs x iodepth 4 (numjobs stops at 256); 96 CPUs of the server class;
  // NVMe members of ~250k IOPS (80 us x 20 in flight) and 2 GB/s each, as the post's "drive-bound" figures
  // imply (2 M IOPS and 16 GB/s over 8 drives); brd members; memory_bandwidth of a two-socket server (default).
  const setup = { level: 6, disks: 8, numjobs: 256, iodepth: 4, cpus: 96, size: '1000g' };
  const nvme = { device: 'nvme', 'device.bandwidth': 2e9, 'device.latency': '80us', 'device.parallelism': 20 };
  const run = (dev: object, rw: string, bs: string) => runRaid5({ ...setup, ...dev, rw, bs }, { duration: '3ms', warmup: '1ms' }).throughput;

  it('8 NVMe: ~2 M IOPS of 4K random reads and ~16 GB/s of 128K reads, each within x1.5', () => {
    const iops = run(nvme, 'randread', '4k').opsPerSec;
    const bw = run(nvme, 'read', '128k').bytesPerSec;
    console.log(`V5 nvme: ${(iops / 1e6).toFixed(2)} M IOPS (published 2 M), ${(bw / 1e9).toFixed(1)} GB/s (published 16)`);
    expect(iops / 2e6).toBeGreaterThan(1 / 1.5);
    expect(iops / 2e6).toBeLessThan(1.5);
    expect(bw / 16e9).toBeGreaterThan(1 / 1.5);
    expect(bw / 16e9).toBeLessThan(1.5);
  }, 60_000);

  it('8 brd: ~4 M IOPS of 4K random reads within x1.5 (the counter\'s cache line, not the lock, is the limit now)', () => {
    const r = runRaid5({ ...setup, device: 'ramdisk', rw: 'randread', bs: '4k' }, { duration: '3ms', warmup: '1ms' });
    const iops = r.throughput.opsPerSec;
    console.log(`V5 brd: ${(iops / 1e6).toFixed(2)} M IOPS (published 4 M), active_aligned_reads contended ${r.extra!.alignedReadAtomicsContended}`);
    expect(iops / 4e6).toBeGreaterThan(1 / 1.5);
    expect(iops / 4e6).toBeLessThan(1.5);
  }, 60_000);

  // KNOWN MISS (reported on the issue): brd 128K reads give ~96 GB/s (published 55): the copies share the
  // machine's memory_bandwidth (a two-socket server's ~100 GB/s of copying, the default) and nothing else;
  // brd's per-page work (one xarray lookup and kmap per 4K page) is not charged. Passes while the miss stands.
  it.fails('8 brd: ~55 GB/s of 128K reads within x1.5', () => {
    const bw = run({ device: 'ramdisk' }, 'read', '128k').bytesPerSec;
    console.log(`V5 brd: ${(bw / 1e9).toFixed(1)} GB/s (published 55)`);
    expect(bw / 55e9).toBeLessThan(1.5);
  }, 60_000);
});
