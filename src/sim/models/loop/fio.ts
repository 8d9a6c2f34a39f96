// fio jobs on /dev/loop0: `numjobs` threads each keeping `iodepth` IOs in flight with libaio, rw / bs /
// rwmixread / direct / size in fio's meaning. It makes IOs and reaps them; it knows nothing of loop's queueing.
import type { Kernel } from '../../core/kernel';
import type { RandomStream } from '../../core/random';
import type { Op, SimThread, ThreadBody } from '../../core/thread';
import { IDLE } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { LoopCtx, LoopIo } from './ctx';

interface Job {
  index: number;
  thread: SimThread;
  wq: WaitQueue;
  inflight: number;
  reaped: number;
  nextOffset: number;
  rng: RandomStream;
}

export class Fio {
  readonly jobs: Job[] = [];
  private nextId = 0;
  private readonly depth: number;
  private readonly low: number;

  constructor(
    kernel: Kernel,
    private readonly ctx: LoopCtx,
    stream: (name: string) => RandomStream,
    private readonly submit: (t: SimThread, io: LoopIo) => Generator<Op, void, void>,
  ) {
    const p = ctx.p;
    // Buffered AIO is synchronous in Linux: io_submit returns only when the IO is done.
    this.depth = p.direct ? p.iodepth : 1;
    this.low = p.direct ? Math.min(p.iodepthLow, this.depth - 1) : 0;
    const region = Math.floor(p.size / p.numjobs / p.bs) * p.bs;
    for (let j = 0; j < p.numjobs; j++) {
      const name = `fio/${j}`;
      const job: Job = {
        index: j, thread: null as unknown as SimThread, wq: new WaitQueue(kernel, `${name} io_getevents`, IDLE),
        inflight: 0, reaped: 0, nextOffset: j * region, rng: stream(name),
      };
      job.thread = kernel.spawn(name, 'submitter', (t) => this.body(t, job));
      this.jobs.push(job);
    }
  }

  private isWrite(job: Job): boolean {
    switch (this.ctx.p.rw) {
      case 'read': case 'randread': return false;
      case 'write': case 'randwrite': return true;
      default: return job.rng.uniform() * 100 >= this.ctx.p.rwmixread;
    }
  }

  private offset(job: Job): number {
    const { bs, size, rw } = this.ctx.p;
    if (rw.startsWith('rand')) return job.rng.below(Math.floor(size / bs)) * bs;
    const off = job.nextOffset;
    job.nextOffset = off + 2 * bs > size ? 0 : off + bs;
    return off;
  }

  private *body(t: SimThread, job: Job): ThreadBody {
    const { costs, bs, direct } = this.ctx.p;
    const L = this.ctx.labels;
    for (;;) {
      while (job.inflight < this.depth) {
        yield this.ctx.cpu(t, costs.fioNs, L.fio);
        // Without O_DIRECT every page also goes through /dev/loop0's own page cache (the double cache).
        if (!direct) yield this.ctx.cpu(t, this.ctx.pages(bs) * (costs.pageCacheNs + costs.copyNs), L.pageCache);
        job.inflight++;
        const io: LoopIo = { id: this.nextId++, job: job.index, write: this.isWrite(job), offset: this.offset(job), bytes: bs, submittedAt: this.ctx.kernel.now, queuedAt: 0 };
        yield this.ctx.cpu(t, costs.submitNs, L.submit);
        yield* this.submit(t, io);
      }
      // io_getevents until no more than iodepth_low are left in flight.
      do {
        while (job.reaped === 0) yield t.wait(job.wq);
        job.reaped = 0;
      } while (job.inflight > this.low);
    }
  }

  /** aio_complete reached the job: one IO slot frees up. */
  complete(io: LoopIo): void {
    const job = this.jobs[io.job];
    job.inflight--;
    job.reaped++;
    job.wq.wakeThread(job.thread);
  }

  /** IOs made so far: each has completed or is in flight. */
  get submitted(): number {
    return this.nextId;
  }

  inFlight(): number {
    return this.jobs.reduce((s, j) => s + j.inflight, 0);
  }
}
