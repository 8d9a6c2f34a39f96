// fio jobs for the mirror models: numjobs threads keeping iodepth bios in flight (libaio), offsets aligned to
// bs. Generates bios only; knows nothing of raid.
import type { Kernel } from '../../core/kernel';
import type { RandomStream } from '../../core/random';
import { IDLE, type Op, type SimThread, type ThreadBody } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { MirrorBio } from './conf';

export interface FioSpec {
  rw: string;
  bs: number;
  iodepth: number;
  numjobs: number;
  rwmixread: number;
  fioNs: number;
}

interface Job {
  index: number;
  thread: SimThread;
  wq: WaitQueue;
  inflight: number;
  reaped: number;
  nextPage: number;
  rng: RandomStream;
}

export class MirrorWorkload {
  readonly jobs: Job[] = [];
  private nextId = 0;
  private readonly bsPages: number;

  constructor(
    private readonly kernel: Kernel,
    private readonly f: FioSpec,
    private readonly spanPages: number,
    stream: (name: string) => RandomStream,
    private readonly submit: (t: SimThread, bio: MirrorBio) => Generator<Op, void, void>,
    private readonly label: number,
  ) {
    this.bsPages = Math.max(1, Math.ceil(f.bs / 4096));
    const region = Math.floor(spanPages / f.numjobs);
    for (let j = 0; j < f.numjobs; j++) {
      const name = `fio/${j}`;
      const job: Job = { index: j, thread: null as unknown as SimThread, wq: new WaitQueue(kernel, `${name} io_getevents`, IDLE), inflight: 0, reaped: 0, nextPage: j * region, rng: stream(name) };
      job.thread = kernel.spawn(name, 'submitter', (t) => this.body(t, job));
      this.jobs.push(job);
    }
  }

  private newBio(job: Job): MirrorBio {
    const rw = this.f.rw;
    const write = rw === 'write' || rw === 'randwrite' || (rw === 'randrw' && job.rng.uniform() * 100 >= this.f.rwmixread);
    let page: number;
    if (rw.startsWith('rand')) page = job.rng.below(Math.floor(this.spanPages / this.bsPages)) * this.bsPages;
    else {
      page = job.nextPage;
      job.nextPage = job.nextPage + 2 * this.bsPages > this.spanPages ? 0 : job.nextPage + this.bsPages;
    }
    return { id: this.nextId++, write, bytes: this.f.bs, page, pages: this.bsPages, submittedAt: this.kernel.now, job: job.index };
  }

  private *body(t: SimThread, job: Job): ThreadBody {
    for (;;) {
      while (job.inflight < this.f.iodepth) {
        yield t.compute(this.f.fioNs, this.label);
        job.inflight++;
        yield* this.submit(t, this.newBio(job));
      }
      while (job.reaped === 0) yield t.wait(job.wq); // io_getevents
      job.reaped = 0;
    }
  }

  complete(bio: MirrorBio): void {
    const job = this.jobs[bio.job];
    job.inflight--;
    job.reaped++;
    job.wq.wakeThread(job.thread);
  }

  inflight(): number {
    return this.jobs.reduce((s, j) => s + j.inflight, 0);
  }
}
