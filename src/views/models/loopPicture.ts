// What the loop machine view draws, from one snapshot: fio jobs, the loop queue of the chosen design, its
// handlers, the page cache between (buffered designs) and the backing device. Pure; null if not a loop snapshot.
import type { LockView, Snapshot } from '../../protocol/messages';

export type LoopMode = 'single-thread' | 'blk-mq' | 'dio-aio';
export interface ThreadNow {
  name: string;
  state: number;
  label: string;
  utilisation: number;
}
export interface QueueNow {
  name: string;
  length: number;
}

export interface LoopPicture {
  mode: LoopMode;
  /** The kernel version each design comes from, and what its queue is called there. */
  design: string;
  jobs: ThreadNow[];
  inFlight: number;
  iodepth: number;
  queues: QueueNow[];
  /** The driver's locks: lo_lock, and blk-mq's pool->lock or dio-aio's worker->lock. */
  locks: LockView[];
  handlers: ThreadNow[];
  /** Handlers not idle now (working, spinning, waiting for a CPU or for their backing read). */
  handlersBusy: number;
  /** dio-aio: AIOs the one worker has in flight on the backing file. */
  aioInFlight: number | null;
  /** Buffered designs copy every page twice (backing page cache, then the loop request's page). */
  doubleCopy: boolean;
  dirtyPages: number;
  writebackPages: number;
  device: {
    name: string;
    inService: number;
    queued: number;
    parallelism: number;
    utilisation: number;
    requests: number;
    seqFraction: number | null;
  };
  irq: ThreadNow | null;
  flusher: ThreadNow | null;
}

const IDLE = 4;
const DESIGNS: Record<LoopMode, string> = {
  'single-thread': 'loop ≤ 3.19: lo_bio_list under lo_lock, one loop0 kthread',
  'blk-mq': 'loop 4.0 blk-mq: one hw queue, each read a work item on kloopd0',
  'dio-aio': 'loop 4.4+: kthread_worker loop0 submits AIO with O_DIRECT',
};

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const thread = (t: Snapshot['threads'][number]): ThreadNow => ({
  name: t.name,
  state: t.state,
  label: t.label,
  utilisation: t.utilisation,
});

export function loopPicture(s: Snapshot | null | undefined): LoopPicture | null {
  const x = s?.extra;
  if (
    s?.model !== 'loop' ||
    !x ||
    typeof x.loopMode !== 'string' ||
    !Array.isArray(x.loopQueues) ||
    !(x.loopMode in DESIGNS)
  )
    return null;
  const mode = x.loopMode as LoopMode;
  const handlers = s.threads.filter((t) => t.role === 'loop_thread' || t.role === 'kworker').map(thread);
  const dev = s.devices[0];
  const irq = s.threads.find((t) => t.role === 'interrupt');
  const flusher = s.threads.find((t) => t.role === 'flusher');
  const requests = num(x.backingRequests);
  return {
    mode,
    design: DESIGNS[mode],
    jobs: s.threads.filter((t) => t.role === 'submitter').map(thread),
    inFlight: num(x.inFlight),
    iodepth: num(x.iodepth),
    queues: (x.loopQueues as QueueNow[]).map((q) => ({ name: q.name, length: num(q.length) })),
    locks: s.locks,
    handlers,
    handlersBusy: handlers.filter((t) => t.state !== IDLE).length,
    aioInFlight: mode === 'dio-aio' ? num(x.backingOutstanding) : null,
    doubleCopy: mode !== 'dio-aio',
    dirtyPages: num(x.dirtyPages),
    writebackPages: num(x.writebackPages),
    device: {
      name: dev?.name ?? 'backing',
      inService: num(x.backingInService),
      queued: num(x.backingQueued),
      parallelism: Math.max(1, num(x.backingParallelism)),
      utilisation: dev?.utilisation ?? 0,
      requests,
      seqFraction: requests > 0 ? num(x.backingSeqRequests) / requests : null,
    },
    irq: irq ? thread(irq) : null,
    flusher: flusher ? thread(flusher) : null,
  };
}
