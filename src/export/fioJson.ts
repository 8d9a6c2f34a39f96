// A fio-style JSON summary (fio --output-format=json, group_reporting: one job) of a simulated storage run,
// so tools that read fio output can read the simulation's. Pure data from the result; figures fio would
// have that the simulation does not measure (slat, min, stddev, CPU) are left out, not invented.
import { sizeText } from './commands';

/** The parts of a run's result this reads (SimResult has this shape). */
export interface FioSource {
  model: string;
  preset: string | null;
  seed: number;
  params: Record<string, string | number | boolean>;
  simulatedNs: number;
  throughput: { opsPerSec: number; bytesPerSec: number };
  latencyNs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  devices: readonly { name: string; utilisation: number; opsPerSec: number; bytesPerSec: number }[];
}

const pctKey = (p: number) => p.toFixed(6);

function direction(share: number, r: FioSource) {
  const sec = r.simulatedNs / 1e9;
  const ios = Math.round(r.throughput.opsPerSec * share * sec);
  const bytes = Math.round(r.throughput.bytesPerSec * share * sec);
  const L = r.latencyNs;
  const lat = { max: L.max, mean: L.mean, N: ios };
  return {
    io_bytes: bytes,
    io_kbytes: Math.round(bytes / 1024),
    bw_bytes: Math.round(r.throughput.bytesPerSec * share),
    bw: Math.round((r.throughput.bytesPerSec * share) / 1024),
    iops: Number((r.throughput.opsPerSec * share).toFixed(3)),
    runtime: Number((r.simulatedNs / 1e6).toFixed(3)),
    total_ios: ios,
    short_ios: 0,
    drop_ios: 0,
    // Completion latency: submission to completion; the model has no separate submission latency.
    clat_ns: ios
      ? {
          ...lat,
          percentile: { [pctKey(50)]: L.p50, [pctKey(90)]: L.p90, [pctKey(99)]: L.p99, [pctKey(99.9)]: L.p999 },
        }
      : { N: 0 },
    lat_ns: ios ? lat : { N: 0 },
  };
}

/** Whether a run has a fio workload to describe: fio's bs among its parameters. Lock Lab's lock rounds are
 * not IOs, so there is no fio JSON for them (the UI greys the button, the CLI refuses --fio-json). */
export function hasFioWorkload(params: FioSource['params']): boolean {
  return 'bs' in params;
}

/** The share of IOs that are reads, from fio's rw and rwmixread. */
export function readShare(params: FioSource['params']): number {
  const rw = String(params.rw ?? 'randwrite');
  if (rw === 'read' || rw === 'randread') return 1;
  if (rw === 'randrw' || rw === 'rw' || rw === 'readwrite') return Number(params.rwmixread ?? 50) / 100;
  return 0;
}

export function fioJson(r: FioSource): Record<string, unknown> {
  const p = r.params;
  const reads = readShare(p);
  const mixed = reads > 0 && reads < 1;
  const options: Record<string, string> = { name: 'stripe-lab', filename: '/dev/md0', ioengine: 'libaio' };
  for (const k of ['rw', 'bs', 'iodepth', 'numjobs', 'rwmixread', 'direct', 'size']) {
    if (p[k] === undefined || (k === 'rwmixread' && !mixed)) continue;
    const v = p[k];
    options[k] =
      typeof v === 'boolean'
        ? v
          ? '1'
          : '0'
        : (k === 'bs' || k === 'size') && typeof v === 'number'
          ? sizeText(v)
          : String(v);
  }
  return {
    'fio version': 'stripe-lab-sim',
    timestamp: 0,
    time: `simulated: ${r.model}${r.preset ? ` preset ${r.preset}` : ''}, seed ${r.seed}`,
    'global options': {},
    jobs: [
      {
        jobname: 'stripe-lab',
        groupid: 0,
        error: 0,
        elapsed: Number((r.simulatedNs / 1e9).toFixed(6)),
        'job options': options,
        read: direction(reads, r),
        write: direction(1 - reads, r),
        trim: direction(0, r),
      },
    ],
    disk_util: r.devices.map((d) => ({ name: d.name, util: Number((d.utilisation * 100).toFixed(2)) })),
    'stripe-lab': {
      note: 'Simulated run. Latency is over all IOs; with a read/write mix, IOs and bytes are split by rwmixread and both directions carry the same latency figures. slat, min, stddev and CPU figures are not measured and are left out.',
      measuredNs: r.simulatedNs,
    },
  };
}
