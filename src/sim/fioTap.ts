// What the fio JSON export needs beyond the contract result, observed from outside the model: the completion
// latency histogram (the run's `latency` Histogram, bucket by bucket), the queue depth at each submission
// (fio's iodepth_level) and the submitters' context switches. It schedules nothing and changes no state.
import type { ModelRun } from './core/model';
import { FioJobs, type FioJob } from './block/fioJobs';
import { Histogram } from './core/stats/histogram';
import { SimThread, BLOCKED, IDLE } from './core/thread';
import type { FioCapture } from '../export/fioJson';

/** The run's IO latency histogram: the Histogram held in a field named `latency`, nearest the run's root. */
function find(root: object): { latency: Histogram | null; fio: FioJobs[] } {
  const fio: FioJobs[] = [];
  let latency: Histogram | null = null;
  const seen = new Set<object>();
  let level: [string, unknown][] = Object.entries(root);
  while (level.length && seen.size < 500_000) {
    const next: [string, unknown][] = [];
    for (const [key, x] of level) {
      if (typeof x !== 'object' || x === null || seen.has(x) || ArrayBuffer.isView(x) || x instanceof SimThread)
        continue;
      seen.add(x);
      if (x instanceof Histogram) {
        if (key === 'latency' && !latency) latency = x;
      } else if (x instanceof FioJobs) fio.push(x);
      else if (x instanceof Map) for (const v of x.values()) next.push(['', v]);
      else if (Array.isArray(x)) for (const v of x) next.push(['', v]);
      else if (!(x instanceof Set)) next.push(...Object.entries(x));
    }
    level = next;
  }
  return { latency, fio };
}

export interface FioTap {
  /** Call at the end of warm-up, after run.resetStats(): depth and switch counts start again. */
  reset(): void;
  capture(): Omit<FioCapture, 'intervalNs' | 'samples'>;
}

export function attachFioTap(run: ModelRun): FioTap {
  const { latency, fio } = find(run);
  const depths: number[] = [];
  let submissions = 0;
  for (const jobs of fio)
    for (const job of jobs.jobs) {
      let inflight = job.inflight;
      // fio's io_u_mark_depth: the depth counted at each submission (the in-flight count after it)
      Object.defineProperty(job as FioJob, 'inflight', {
        get: () => inflight,
        set: (v: number) => {
          if (v > inflight) {
            depths[v] = (depths[v] ?? 0) + 1;
            submissions++;
          }
          inflight = v;
        },
      });
    }
  const submitters = new Set(fio.flatMap((f) => f.jobs.map((j) => j.thread)));
  let switches = 0;
  const prev = run.kernel.listener;
  run.kernel.listener = (time, thread, state, label) => {
    prev?.(time, thread, state, label);
    // a voluntary context switch: the submitter sleeps (io_getevents) or goes idle
    if ((state === BLOCKED || state === IDLE) && submitters.has(thread)) switches++;
  };
  return {
    reset() {
      depths.length = 0;
      submissions = 0;
      switches = 0;
    },
    capture() {
      const buckets: [number, number][] = [];
      if (latency) for (const [low, width, c] of latency.buckets()) buckets.push([low + Math.floor(width / 2), c]);
      return {
        latencyBuckets: latency ? buckets : null,
        latencyMinNs: latency && latency.count ? latency.min : 0,
        latencyMaxNs: latency ? latency.max : 0,
        depthCounts: submissions ? Array.from(depths, (c) => c ?? 0) : null,
        contextSwitches: fio.length ? switches : null,
      };
    },
  };
}
