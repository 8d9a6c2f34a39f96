// The mirror models' fio workload: the shared fio job loop (sim/block/fioJobs) making MirrorBios in 4K pages,
// offsets aligned to bs. Knows nothing of raid1 or raid10.
import { FioJobs } from '../../block/fioJobs';
import type { Kernel } from '../../core/kernel';
import type { RandomStream } from '../../core/random';
import type { SimThread, Gen } from '../../core/thread';
import type { MirrorBio } from './conf';

export interface FioSpec {
  rw: string;
  bs: number;
  iodepth: number;
  numjobs: number;
  rwmixread: number;
  fioNs: number;
}

export function mirrorWorkload(
  kernel: Kernel,
  f: FioSpec,
  spanPages: number,
  stream: (name: string) => RandomStream,
  submit: (t: SimThread, bio: MirrorBio) => Gen,
  label: number,
): FioJobs {
  const bsPages = Math.max(1, Math.ceil(f.bs / 4096));
  let nextId = 0;
  const fio: FioJobs = new FioJobs(
    kernel,
    {
      rw: f.rw,
      stride: bsPages * 4096,
      spanBytes: spanPages * 4096,
      iodepth: f.iodepth,
      iodepthLow: f.iodepth,
      numjobs: f.numjobs,
      rwmixread: f.rwmixread,
    },
    stream,
    {
      *prepare(t) {
        yield t.compute(f.fioNs, label);
      },
      *submit(t, job) {
        const write = fio.nextIsWrite(job);
        const page = fio.nextOffset(job) / 4096;
        yield* submit(t, {
          id: nextId++,
          write,
          bytes: f.bs,
          page,
          pages: bsPages,
          submittedAt: kernel.now,
          job: job.index,
        });
      },
    },
  );
  return fio;
}
