// For a parameter the runs do not pin: why, in the terms of the mechanism, and the fio run that would. The
// run is the one whose bottleneck is that part of the machine (the kernel path each one exercises is in
// ../shared/domain.md): QD1 for the member's latency, a large sequential run for its bandwidth, deep 4K random
// reads for its parallelism, raid5d alone for the CPU, full-stripe writes for the parity code.
import type { ParamValue } from '../scenarios/paramSpec';

export interface AdviceContext {
  /** The fitted machine. */
  machine: Record<string, number>;
  /** Each run's resolved parameters. */
  runs: readonly Record<string, ParamValue>[];
}

const has = (c: AdviceContext, test: (p: Record<string, ParamValue>) => boolean) => c.runs.some(test);

export function adviceFor(key: string, c: AdviceContext): string {
  const m = c.machine;
  switch (key) {
    case 'device.bandwidth':
      return (
        "no run moves bytes fast enough to reach the members' shared bandwidth: add a large sequential run " +
        "(fio --rw=read --bs=1m --iodepth=16 --numjobs=4, or --rw=write), where bytes/s is the members' limit"
      );
    case 'device.latency':
      return (
        'no run waits on a member alone: add a queue-depth-1 run (fio --rw=randread --bs=4k --iodepth=1 ' +
        "--numjobs=1), whose completion latency is the member's latency plus the md path"
      );
    case 'device.seek':
      return 'no run pays a seek per IO: add 4K random reads at queue depth 1 (fio --rw=randread --bs=4k --iodepth=1 --numjobs=1)';
    case 'device.parallelism': {
      const lat = m['device.latency'] ?? 0;
      const bw = m['device.bandwidth'] ?? 0;
      const xfer = bw > 0 ? (4096 * 1e9) / bw : 0;
      // A member's IOPS ceiling is parallelism / (latency + one 4K transfer) or bandwidth / 4K, the lower one.
      const bound = bw > 0 ? Math.floor(((lat + xfer) * bw) / 1e9 / 4096) : 0;
      const p = m['device.parallelism'] ?? 0;
      if (lat > 0 && bw > 0 && p > bound)
        return (
          `with latency ${(lat / 1000).toFixed(1)} us and ${(bw / 1e9).toFixed(2)} GB/s a member's 4K requests are ` +
          `bandwidth-bound at any depth unless it serves at most ${bound} at once: no fio run can tell a larger ` +
          "parallelism apart; fix it (--fix device.parallelism=N) from the device's datasheet or nvme id-ctrl"
        );
      return (
        'no run keeps more requests in flight on a member than it serves at once: add deep 4K random reads ' +
        '(fio --rw=randread --bs=4k --iodepth=64 --numjobs=8)'
      );
    }
    case 'cpu_speed':
      return has(c, (p) => String(p.rw).includes('write') && p.group_thread_cnt === 0)
        ? 'the runs with raid5d alone are bound elsewhere: add 4K random writes at a higher depth with group_thread_cnt=0'
        : 'no run is bound by the CPU: add 4K random writes with group_thread_cnt=0 (raid5d alone handles every stripe, so IOPS follow the core)';
    case 'xor_speed':
    case 'raid6_speed':
      return (
        "parity is a small share of every run's CPU time next to the rest of the stripe path: add large " +
        'sequential writes (fio --rw=write --bs=1m --iodepth=16) with group_thread_cnt=4, or fix it (--fix ' +
        `${key}) to follow cpu_speed by the CPU class's own figure`
      );
    default:
      return 'the runs do not move it';
  }
}
