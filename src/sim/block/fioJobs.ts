// fio's libaio job loop as simulated threads, shared by every model with a fio workload: `numjobs`
// submitters, each keeping up to `iodepth` IOs in flight and reaping with io_getevents until no more than
// `iodepth_low` are left; offsets and the read/write mix in fio's meaning (rw, bs, rwmixread, size).
// What an IO is, and what making and submitting one costs, is the model's (the two hooks).
import type { Kernel } from '../core/kernel';
import type { Params } from '../core/model';
import type { RandomStream } from '../core/random';
import { IDLE, type SimThread, type ThreadBody, type Gen } from '../core/thread';
import { WaitQueue } from '../core/waitQueue';

/** The fio options of a model's parameters, in fio's own names (rw, bs, iodepth, numjobs, rwmixread, size). */
export interface FioParams {
  rw: string;
  bs: number;
  iodepth: number;
  numjobs: number;
  rwmixread: number;
  size: number;
}

export function unpackFio(p: Params): FioParams {
  const n = (k: string) => p[k] as number;
  return {
    rw: p.rw as string,
    bs: n('bs'),
    iodepth: n('iodepth'),
    numjobs: n('numjobs'),
    rwmixread: n('rwmixread'),
    size: n('size'),
  };
}

export interface FioJobSpec {
  /** fio rw: read, write, randread, randwrite, randrw (or rw, which mixes sequentially). */
  rw: string;
  /** Bytes between consecutive offsets: fio's bs, rounded up to the page where the model works in pages. */
  stride: number;
  /** The span the offsets cover (fio size, or the device), in bytes. */
  spanBytes: number;
  iodepth: number;
  /** fio iodepth_low: 0..iodepth; iodepth (fio's default) refills as soon as one IO completes. */
  iodepthLow: number;
  numjobs: number;
  /** Percentage of reads in a mixed workload. */
  rwmixread: number;
  /** fio iodepth_batch_submit: IOs prepared, then handed to one io_submit (default 1). */
  batchSubmit?: number;
}

/** io_submit's blk_plug around a batch of more than AIO_PLUG_THRESHOLD (2) iocbs. */
export const AIO_PLUG_THRESHOLD = 2;

export interface FioJob {
  readonly index: number;
  readonly thread: SimThread;
  /** IOs submitted and not yet completed. */
  inflight: number;
  /** Completions since the job last reaped them (what io_getevents would return). */
  reaped: number;
  /** The next sequential offset, in bytes. */
  nextOffset: number;
  readonly rng: RandomStream;
  readonly wq: WaitQueue;
}

export interface FioHooks {
  /** CPU spent in fio before the IO counts as in flight (fio's own per-IO work, a page-cache copy...). */
  prepare(t: SimThread, job: FioJob): Gen;
  /** Makes the IO (drawing its direction, then its offset) and submits it; it completes through complete(). */
  submit(t: SimThread, job: FioJob): Gen;
  /** blk_start_plug / blk_finish_plug around one io_submit of a batch above AIO_PLUG_THRESHOLD. */
  plug?: { start(t: SimThread): void; finish(t: SimThread): Gen };
}

export class FioJobs {
  readonly jobs: FioJob[] = [];
  private readonly low: number;

  constructor(
    kernel: Kernel,
    private readonly spec: FioJobSpec,
    stream: (name: string) => RandomStream,
    private readonly hooks: FioHooks,
  ) {
    this.low = Math.min(spec.iodepthLow, spec.iodepth - 1);
    // Each job starts at its own region, as fio's offset_increment would place them.
    const region = Math.floor(spec.spanBytes / spec.numjobs / spec.stride) * spec.stride;
    for (let j = 0; j < spec.numjobs; j++) {
      const name = `fio/${j}`;
      const job = {
        index: j,
        thread: null as unknown as SimThread,
        inflight: 0,
        reaped: 0,
        nextOffset: j * region,
        rng: stream(name),
        wq: new WaitQueue(kernel, `${name} io_getevents`, IDLE),
      };
      job.thread = kernel.spawn(name, 'submitter', (t) => this.body(t, job));
      this.jobs.push(job);
    }
  }

  /** The next IO's direction: one draw from the job's stream for a mixed workload, none otherwise. */
  nextIsWrite(job: FioJob): boolean {
    switch (this.spec.rw) {
      case 'read':
      case 'randread':
        return false;
      case 'write':
      case 'randwrite':
        return true;
      default:
        return job.rng.uniform() * 100 >= this.spec.rwmixread;
    }
  }

  /** The next IO's offset in bytes: uniform over the span's stride slots (rand*), or sequential with wrap-around. */
  nextOffset(job: FioJob): number {
    const { rw, stride, spanBytes } = this.spec;
    if (rw.startsWith('rand')) return job.rng.below(Math.max(1, Math.floor(spanBytes / stride))) * stride;
    const off = job.nextOffset;
    job.nextOffset = off + 2 * stride > spanBytes ? 0 : off + stride;
    return off;
  }

  private *body(t: SimThread, job: FioJob): ThreadBody {
    for (;;) {
      while (job.inflight < this.spec.iodepth) {
        // iodepth_batch_submit: fio queues n IOs, then commits them with one io_submit (n = 1 by default)
        const n = Math.min(this.spec.batchSubmit ?? 1, this.spec.iodepth - job.inflight);
        for (let k = 0; k < n; k++) yield* this.hooks.prepare(t, job);
        const plug = n > AIO_PLUG_THRESHOLD ? this.hooks.plug : undefined;
        plug?.start(t);
        for (let k = 0; k < n; k++) {
          job.inflight++;
          yield* this.hooks.submit(t, job);
        }
        if (plug) yield* plug.finish(t);
      }
      do {
        // io_getevents
        while (job.reaped === 0) yield t.wait(job.wq);
        job.reaped = 0;
      } while (job.inflight > this.low);
    }
  }

  /** The IO's completion reached its job (aio_complete): one slot frees up. */
  complete(jobIndex: number): void {
    const job = this.jobs[jobIndex];
    job.inflight--;
    job.reaped++;
    job.wq.wakeThread(job.thread);
  }

  inFlight(): number {
    let n = 0;
    for (const j of this.jobs) n += j.inflight;
    return n;
  }
}
