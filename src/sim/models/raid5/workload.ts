// raid5's fio workload: the shared fio job loop (sim/block/fioJobs) making raid5 Bios, which work in 4K pages
// (a bs below 4K still covers one page). Each bio goes in under the submitter's blk_plug (the block device's
// direct-IO path plugs around its bios), and a batch of iodepth_batch_submit IOs under one. Knows nothing
// of raid5's queueing.
import { FioJobs } from '../../block/fioJobs';
import type { Kernel } from '../../core/kernel';
import type { RandomStream } from '../../core/random';
import type { SimThread, Gen } from '../../core/thread';
import type { BlockLayer } from '../../block/blockLayer';
import type { Bio } from './bio';
import type { Raid5Params } from './params';

export function raid5Workload(
  kernel: Kernel,
  p: Raid5Params,
  arrayBytes: number,
  stream: (name: string) => RandomStream,
  submit: (t: SimThread, bio: Bio) => Gen,
  fioLabel: number,
  blk: BlockLayer,
): FioJobs {
  const bsPages = Math.max(1, Math.ceil(p.bs / 4096));
  const spanPages = Math.max(bsPages, Math.floor(Math.min(arrayBytes, p.size) / 4096));
  let nextBioId = 0;
  const fio: FioJobs = new FioJobs(
    kernel,
    {
      rw: p.rw,
      stride: bsPages * 4096,
      spanBytes: spanPages * 4096,
      iodepth: p.iodepth,
      iodepthLow: p.iodepth,
      numjobs: p.numjobs,
      rwmixread: p.rwmixread,
      batchSubmit: p.iodepthBatchSubmit,
    },
    stream,
    {
      plug: { start: (t) => blk.startPlug(t), finish: (t) => blk.finishPlug(t) },
      *prepare(t) {
        yield t.compute(p.costs.fioNs, fioLabel);
      },
      *submit(t, job) {
        const write = fio.nextIsWrite(job);
        const page = fio.nextOffset(job) / 4096;
        blk.startPlug(t);
        yield* submit(t, {
          id: nextBioId++,
          write,
          bytes: p.bs,
          page,
          pages: bsPages,
          remaining: bsPages,
          submittedAt: kernel.now,
          job: job.index,
          sync: p.direct,
        });
        yield* blk.finishPlug(t);
      },
    },
  );
  return fio;
}
