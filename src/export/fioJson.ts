// fio's own JSON output (fio 3.x --output-format=json, or json+ with clat_ns.bins; group_reporting: one job) for a
// simulated storage run, key for key as fio-3.33 writes it, so fio's tools and fio-plot read it. Pure data from
// the result and an optional capture; what the simulation does not measure is written as fio writes an
// unmeasured figure (zeros, N 0) and named in UNMEASURED, never invented.
import { fioJobOptions } from './commands';
import { binsObject, depthLevels, latencyMaps, latStats, percentileObject, platCounts, sampleStats } from './fioStats';

/** The parts of a run's result this reads (SimResult has this shape). */
export interface FioSource {
  model: string;
  preset: string | null;
  seed: number;
  params: Record<string, string | number | boolean>;
  simulatedNs: number;
  throughput: { opsPerSec: number; bytesPerSec: number };
  latencyNs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  threads?: readonly { name: string; role: string; cpuNs: number; states: Record<string, number> }[];
  devices: readonly {
    name: string;
    utilisation: number;
    opsPerSec: number;
    bytesPerSec: number;
    readBytesPerSec?: number;
    writeBytesPerSec?: number;
    meanRequestBytes?: number;
    mergesPerSec?: number;
  }[];
}

/** What a run observed beyond its result (src/sim/fioTap.ts and the interval sampler of `npm run sim`). */
export interface FioCapture {
  /** Completion latency of every measured IO as [valueNs, count] buckets (HdrHistogram buckets, finer than fio's). */
  latencyBuckets: [number, number][] | null;
  latencyMinNs: number;
  latencyMaxNs: number;
  /** Submissions per in-flight depth (index = depth after the submission). */
  depthCounts: number[] | null;
  /** Times a submitter slept or went idle. */
  contextSwitches: number | null;
  /** fio's bw/iops averaging interval, scaled to the simulated run; samples are IOs and bytes per interval. */
  intervalNs: number;
  samples: { ios: number; bytes: number }[];
}

/** fio keys the simulation cannot know: they carry fio's unmeasured value (0, or N 0). `--describe` lists them. */
export const UNMEASURED: Record<string, string> = {
  slat_ns: 'submission latency is not separated from completion: N 0 (clat_ns and lat_ns carry the whole IO)',
  usr_cpu: "the model does not split user from kernel time; the submitters' CPU is all in sys_cpu",
  majf: 'page faults are not modelled: 0',
  minf: 'page faults are not modelled: 0',
  iodepth_submit: 'io_submit batch sizes are not recorded: all 0',
  iodepth_complete: 'io_getevents batch sizes are not recorded: all 0',
  'disk_util *_ticks, in_queue': 'per-member time in queue is not recorded: 0',
  timestamp: 'a simulated run has no wall-clock time: 0',
};

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

const unmeasuredLat = () => ({ min: 0, max: 0, mean: 0, stddev: 0, N: 0 });

/** A share of each bucket, rounded so the counts sum to round(total * share) (largest remainder). */
function shareBuckets(b: [number, number][], share: number): [number, number][] {
  if (share >= 1) return b;
  if (share <= 0) return [];
  const want = Math.round(b.reduce((a, [, c]) => a + c, 0) * share);
  const parts = b.map(([v, c]) => ({ v, c: Math.floor(c * share), r: c * share - Math.floor(c * share) }));
  let left = want - parts.reduce((a, p) => a + p.c, 0);
  for (const p of [...parts].sort((x, y) => y.r - x.r)) {
    if (left <= 0) break;
    p.c++;
    left--;
  }
  return parts.filter((p) => p.c > 0).map((p) => [p.v, p.c]);
}

function direction(share: number, r: FioSource, cap: FioCapture | undefined, plus: boolean) {
  const runtimeMs = share > 0 ? Math.round(r.simulatedNs / 1e6) : 0;
  const sec = r.simulatedNs / 1e9;
  const ios = Math.round(r.throughput.opsPerSec * share * sec);
  const bytes = Math.round(r.throughput.bytesPerSec * share * sec);
  const bwBytes = share > 0 ? Math.round(r.throughput.bytesPerSec * share) : 0;
  const buckets = cap?.latencyBuckets ? shareBuckets(cap.latencyBuckets, share) : null;
  let clat: Record<string, unknown> = unmeasuredLat();
  if (buckets && buckets.length) {
    const plat = platCounts(buckets);
    clat = { ...latStats(plat, { min: cap!.latencyMinNs, max: cap!.latencyMaxNs, mean: r.latencyNs.mean }) };
    clat.percentile = percentileObject(plat);
    if (plus) clat.bins = binsObject(plat);
  } else if (ios > 0) {
    // no capture (a result alone): the result's figures, under fio's names
    clat = { min: 0, max: r.latencyNs.max, mean: r.latencyNs.mean, stddev: 0, N: ios };
    clat.percentile = {
      '50.000000': r.latencyNs.p50,
      '90.000000': r.latencyNs.p90,
      '99.000000': r.latencyNs.p99,
      '99.900000': r.latencyNs.p999,
    };
  }
  const lat = Object.fromEntries(Object.entries(clat).filter(([k]) => k !== 'percentile' && k !== 'bins'));
  const perSec = cap && cap.intervalNs > 0 ? 1e9 / cap.intervalNs : 0;
  const bw = sampleStats(share > 0 && cap ? cap.samples.map((s) => Math.round((s.bytes * share * perSec) / 1024)) : []);
  const iops = sampleStats(share > 0 && cap ? cap.samples.map((s) => Math.round(s.ios * share * perSec)) : []);
  const bwKiB = Math.round(bwBytes / 1024);
  return {
    io_bytes: bytes,
    io_kbytes: Math.round(bytes / 1024),
    bw_bytes: bwBytes,
    bw: bwKiB,
    iops: share > 0 ? Number((r.throughput.opsPerSec * share).toFixed(6)) : 0,
    runtime: runtimeMs,
    total_ios: ios,
    short_ios: 0,
    drop_ios: 0,
    slat_ns: unmeasuredLat(),
    clat_ns: clat,
    lat_ns: lat,
    bw_min: bw.min,
    bw_max: bw.max,
    bw_agg: bwKiB > 0 && bw.samples ? Number(((bw.mean / bwKiB) * 100).toFixed(6)) : 0,
    bw_mean: bw.mean,
    bw_dev: bw.stddev,
    bw_samples: bw.samples,
    iops_min: iops.min,
    iops_max: iops.max,
    iops_mean: iops.mean,
    iops_stddev: iops.stddev,
    iops_samples: iops.samples,
  };
}

const zeroMap = (labels: string[]) => Object.fromEntries(labels.map((l) => [l, 0]));

/** disk_util as fio writes it: md0 first, with the members' averages in aggr_*, then each member. */
function diskUtil(r: FioSource) {
  const sec = r.simulatedNs / 1e9;
  const members = r.devices.map((d) => {
    const req = d.meanRequestBytes && d.meanRequestBytes > 0 ? d.meanRequestBytes : 0;
    const readIos = req ? Math.round(((d.readBytesPerSec ?? 0) * sec) / req) : 0;
    const writeIos = req ? Math.round(((d.writeBytesPerSec ?? 0) * sec) / req) : Math.round(d.opsPerSec * sec);
    return {
      name: d.name,
      read_ios: readIos,
      write_ios: writeIos,
      read_merges: 0,
      write_merges: Math.round((d.mergesPerSec ?? 0) * sec),
      read_ticks: 0,
      write_ticks: 0,
      in_queue: 0,
      util: Number((Math.min(1, d.utilisation) * 100).toFixed(6)),
    };
  });
  if (!members.length) return [];
  const n = members.length;
  const avg = (k: 'read_ios' | 'write_ios' | 'read_merges' | 'write_merges') =>
    Math.floor(members.reduce((a, m) => a + m[k], 0) / n);
  const ios = Math.round(r.throughput.opsPerSec * sec);
  const reads = Math.round(ios * readShare(r.params));
  const md0 = {
    name: 'md0',
    read_ios: reads,
    write_ios: ios - reads,
    read_merges: 0,
    write_merges: 0,
    read_ticks: 0,
    write_ticks: 0,
    in_queue: 0,
    util: 0, // md devices account no io_ticks, so fio prints 0 for md0 itself
    aggr_read_ios: avg('read_ios'),
    aggr_write_ios: avg('write_ios'),
    aggr_read_merges: avg('read_merges'),
    aggr_write_merge: avg('write_merges'), // fio's spelling
    aggr_read_ticks: 0,
    aggr_write_ticks: 0,
    aggr_in_queue: 0,
    aggr_util: Math.max(...members.map((m) => m.util)),
  };
  return [md0, ...members];
}

/** fio JSON of a run; `plus` adds json+'s clat_ns.bins. Without a capture the interval and histogram figures
 * are fio's unmeasured values. */
export function fioJson(r: FioSource, cap?: FioCapture, plus = true): Record<string, unknown> {
  const p = r.params;
  const reads = readShare(p);
  const numjobs = Number(p.numjobs ?? 1);
  const runtimeMs = Math.round(r.simulatedNs / 1e6);
  const submitters = (r.threads ?? []).filter((t) => t.role === 'submitter');
  const running = submitters.reduce((a, t) => a + (t.states.running ?? 0) + (t.states.spinning ?? 0), 0);
  const maps = cap?.latencyBuckets
    ? latencyMaps(cap.latencyBuckets)
    : {
        latency_ns: zeroMap(['2', '4', '10', '20', '50', '100', '250', '500', '750', '1000']),
        latency_us: zeroMap(['2', '4', '10', '20', '50', '100', '250', '500', '750', '1000']),
        latency_ms: zeroMap(['2', '4', '10', '20', '50', '100', '250', '500', '750', '1000', '2000', '>=2000']),
      };
  const batchMap = zeroMap(['0', '4', '8', '16', '32', '64', '>=64']);
  const depth = Number(p.iodepth ?? 1);
  return {
    'fio version': 'fio-3.33',
    timestamp: 0,
    timestamp_ms: 0,
    time: `simulated: ${r.model}${r.preset ? ` preset ${r.preset}` : ''}, seed ${r.seed}`,
    jobs: [
      {
        jobname: 'stripe-lab',
        groupid: 0,
        error: 0,
        eta: 0,
        elapsed: Math.floor((numjobs * runtimeMs) / 1000),
        // real fio records valued options only: flags (time_based, group_reporting) are not in 'job options'
        'job options': Object.fromEntries(fioJobOptions(p).filter(([, v]) => v !== '')),
        read: direction(reads, r, cap, plus),
        write: direction(1 - reads, r, cap, plus),
        trim: direction(0, r, cap, plus),
        sync: { total_ios: 0, lat_ns: unmeasuredLat() },
        job_runtime: numjobs * runtimeMs,
        usr_cpu: 0,
        sys_cpu: submitters.length ? Number(((running / submitters.length) * 100).toFixed(6)) : 0,
        ctx: cap?.contextSwitches ?? 0,
        majf: 0,
        minf: 0,
        iodepth_level: cap?.depthCounts ? depthLevels(cap.depthCounts) : depthLevels([]),
        iodepth_submit: batchMap,
        iodepth_complete: batchMap,
        ...maps,
        latency_depth: depth,
        latency_target: 0,
        latency_percentile: 100,
        latency_window: 0,
      },
    ],
    disk_util: diskUtil(r),
    'stripe-lab': {
      note: 'Simulated run in fio-3.33 json+ shape. Latency is over all IOs; with a read/write mix, IOs and histogram counts are split by rwmixread and both directions share one distribution. bw/iops samples are per interval of intervalNs (fio averages over 500 ms; a simulated run is shorter, so its interval is scaled). Unmeasured keys are listed in `unmeasured`.',
      measuredNs: r.simulatedNs,
      intervalNs: cap?.intervalNs ?? 0,
      unmeasured: UNMEASURED,
    },
  };
}
