// What every part of the loop model shares: the kernel, the parameters, activity labels, the IO record, the
// driver interface, and CPU costs drawn with jitter from a per-thread stream. No kernel function here.
import { CpuJitter } from '../../core/cpuJitter';
import type { Kernel } from '../../core/kernel';
import type { LockClass } from '../../core/lock';
import type { LockView } from '../../core/model';
import type { RandomStreams } from '../../core/random';
import type { QueueStats } from '../../core/stats/queueStats';
import type { Op, SimThread, Gen } from '../../core/thread';
import type { LoopParams } from './params';

/** One fio IO on /dev/loop0: a bio (single-thread) or a request (blk-mq, dio-aio). */
export interface LoopIo {
  id: number;
  job: number;
  write: boolean;
  /** Byte offset in /dev/loop0, which is also the offset in the backing file and on the backing device. */
  offset: number;
  bytes: number;
  submittedAt: number;
  /** When it joined the queue it waits in now (lo_bio_list, a worklist), for queue statistics. */
  queuedAt: number;
}

export type Completion = (t: SimThread, io: LoopIo) => Gen;

/** What the model needs from each loop design: the submitter's entry, and what lock_stat and the UI show. */
export interface LoopDriver {
  submit(t: SimThread, io: LoopIo): Gen;
  lockClasses(): LockClass[];
  queues(): QueueStats[];
  lockViews(): LockView[];
}

export class LoopCtx {
  readonly labels: Record<string, number>;
  private readonly jitter: CpuJitter;
  /** Completes an IO to fio (bio_endio / blk_mq_complete_request); set by the model. */
  endIo: Completion = function* () {
    /* replaced by the model */
  };

  constructor(
    readonly kernel: Kernel,
    readonly p: LoopParams,
    streams: RandomStreams,
  ) {
    this.jitter = new CpuJitter(streams, () => this.p.jitter);
    const l = (s: string) => kernel.label(s);
    this.labels = {
      fio: l('fio'),
      submit: l('submit_bio'),
      loLock: l('lo_lock'),
      queueWork: l('queue_work'),
      pageCache: l('page_cache_read'),
      copy: l('copy_page'),
      dio: l('lo_rw_aio'),
      writePage: l('generic_perform_write'),
      writeback: l('writeback'),
      irq: l('end_io'),
      endio: l('blk_mq_complete_request'),
    };
  }

  /** t.compute of a mean cost, drawn within +-jitter from the thread's own stream. */
  cpu(t: SimThread, meanNs: number, label: number): Op {
    return this.jitter.compute(t, meanNs, label);
  }

  pages(bytes: number): number {
    return Math.ceil(bytes / 4096);
  }
}
