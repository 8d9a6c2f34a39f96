// fio jobs on /dev/loop0: the shared fio job loop (sim/block/fioJobs) making LoopIos in bytes, with loop's costs:
// fio's own work, the page-cache copy of buffered IO, and io_submit. Knows nothing of loop's queueing.
import { FioJobs } from '../../block/fioJobs';
import type { RandomStream } from '../../core/random';
import type { SimThread, Gen } from '../../core/thread';
import type { LoopCtx, LoopIo } from './ctx';

export class Fio {
  readonly jobs: FioJobs;
  /** IOs made so far, shared with the submit hook. */
  private readonly made = { count: 0 };

  constructor(ctx: LoopCtx, stream: (name: string) => RandomStream, submit: (t: SimThread, io: LoopIo) => Gen) {
    const p = ctx.p;
    const L = ctx.labels;
    // Buffered AIO is synchronous in Linux: io_submit returns only when the IO is done.
    const depth = p.direct ? p.iodepth : 1;
    const made = this.made;
    const jobs: FioJobs = new FioJobs(
      ctx.kernel,
      {
        rw: p.rw,
        stride: p.bs,
        spanBytes: p.size,
        iodepth: depth,
        iodepthLow: p.direct ? p.iodepthLow : 0,
        numjobs: p.numjobs,
        rwmixread: p.rwmixread,
      },
      stream,
      {
        *prepare(t) {
          yield ctx.cpu(t, p.costs.fioNs, L.fio);
          // Without O_DIRECT every page also goes through /dev/loop0's own page cache (the double cache).
          if (!p.direct) yield ctx.cpu(t, ctx.pages(p.bs) * (p.costs.pageCacheNs + p.costs.copyNs), L.pageCache);
        },
        *submit(t, job) {
          const write = jobs.nextIsWrite(job);
          const io: LoopIo = {
            id: made.count++,
            job: job.index,
            write,
            offset: jobs.nextOffset(job),
            bytes: p.bs,
            submittedAt: ctx.kernel.now,
            queuedAt: 0,
          };
          yield ctx.cpu(t, p.costs.submitNs, L.submit);
          yield* submit(t, io);
        },
      },
    );
    this.jobs = jobs;
  }

  /** aio_complete reached the job: one IO slot frees up. */
  complete(io: LoopIo): void {
    this.jobs.complete(io.job);
  }

  /** IOs made so far: each has completed or is in flight. */
  get submitted(): number {
    return this.made.count;
  }

  inFlight(): number {
    return this.jobs.inFlight();
  }
}
