// fio jobs as submitting threads: `numjobs` threads each keeping `iodepth` bios in flight (libaio),
// with rw / bs / rwmixread / direct / size in fio's meaning. Generates bios; knows nothing of raid5.
import type { RandomStream } from '../../core/random';
import type { Op, SimThread, ThreadBody } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import { IDLE } from '../../core/thread';
import type { Kernel } from '../../core/kernel';
import type { Bio } from './bio';
import type { Raid5Params } from './params';

export interface Job {
  index: number;
  thread: SimThread;
  wq: WaitQueue;
  inflight: number;
  reaped: number;
  nextPage: number;
  rng: RandomStream;
}

export class Workload {
  readonly jobs: Job[] = [];
  private nextBioId = 0;
  private readonly arrayPages: number;
  private readonly bsPages: number;

  constructor(
    private readonly kernel: Kernel,
    private readonly p: Raid5Params,
    arrayBytes: number,
    stream: (name: string) => RandomStream,
    private readonly submit: (t: SimThread, bio: Bio) => Generator<Op, void, void>,
    private readonly fioLabel: number,
  ) {
    this.bsPages = Math.max(1, Math.ceil(p.bs / 4096));
    this.arrayPages = Math.max(this.bsPages, Math.floor(Math.min(arrayBytes, p.size) / 4096));
    const region = Math.floor(this.arrayPages / p.numjobs);
    for (let j = 0; j < p.numjobs; j++) {
      const name = `fio/${j}`;
      const job: Job = {
        index: j, thread: null as unknown as SimThread, wq: new WaitQueue(kernel, `${name} io_getevents`, IDLE),
        inflight: 0, reaped: 0, nextPage: j * region, rng: stream(name),
      };
      job.thread = kernel.spawn(name, 'submitter', (t) => this.body(t, job));
      this.jobs.push(job);
    }
  }

  private isWrite(job: Job): boolean {
    switch (this.p.rw) {
      case 'read': case 'randread': return false;
      case 'write': case 'randwrite': return true;
      default: return job.rng.uniform() * 100 >= this.p.rwmixread;
    }
  }

  private nextOffset(job: Job): number {
    if (this.p.rw.startsWith('rand')) {
      const slots = Math.floor(this.arrayPages / this.bsPages);
      return job.rng.below(slots) * this.bsPages;
    }
    const page = job.nextPage;
    job.nextPage += this.bsPages;
    if (job.nextPage + this.bsPages > this.arrayPages) job.nextPage = 0;
    return page;
  }

  private newBio(job: Job): Bio {
    const write = this.isWrite(job);
    return {
      id: this.nextBioId++, write, bytes: this.p.bs, page: this.nextOffset(job), pages: this.bsPages,
      remaining: this.bsPages, submittedAt: this.kernel.now, job: job.index, sync: this.p.direct,
    };
  }

  private *body(t: SimThread, job: Job): ThreadBody {
    for (;;) {
      while (job.inflight < this.p.iodepth) {
        yield t.compute(this.p.costs.fioNs, this.fioLabel);
        job.inflight++;
        yield* this.submit(t, this.newBio(job));
      }
      while (job.reaped === 0) yield t.wait(job.wq); // io_getevents
      job.reaped = 0;
    }
  }

  /** bio_endio reached the job: one IO slot frees up. */
  complete(bio: Bio): void {
    const job = this.jobs[bio.job];
    job.inflight--;
    job.reaped++;
    job.wq.wakeThread(job.thread);
  }
}
