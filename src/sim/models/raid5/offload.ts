// Async parity offload (async_tx, seed 001): handle_stripe hands prexor/biodrain/reconstruct to a pool of
// offload threads or a DMA engine and never waits; the op holds a stripe reference and its completion
// callback marks the blocks for writing, sets STRIPE_HANDLE and releases the stripe.
import { BlockDevice } from '../../block/device';
import { Fifo } from '../../core/fifo';
import type { Kernel } from '../../core/kernel';
import { Lock, LockClass, spinlock } from '../../core/lock';
import { lockView } from '../../core/model';
import type { SimThread, ThreadBody, Gen } from '../../core/thread';
import { IDLE } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { R5Conf } from './conf';
import { raid5ReleaseStripe } from './release';
import { R5_LOCKED, R5_WANTWRITE, STRIPE_HANDLE, type StripeHead } from './stripeHead';

/** The work a stripe's pending op needs: CPU time on an offload thread, or bytes through a DMA engine. */
export interface PendingOp {
  cpuNs: number;
  bytes: number;
  /** For the UI only: prexor, biodrain, reconstruct shares of the work; when it was queued and when an
   * engine took it (-1: not yet), and how long the engine's service takes (ns). */
  phaseNs: [number, number, number];
  queuedNs: number;
  startedNs: number;
  serviceNs: number;
}

export class Offload {
  /** pool->lock of the workqueue (threads) or the DMA channel's prep lock (dma): the hand-off's lock. */
  readonly lockClass: LockClass;
  private readonly lock: Lock;
  private readonly queue = new Fifo<StripeHead>();
  private readonly wq: WaitQueue;
  private readonly engine: BlockDevice | null = null;
  private readonly done = new Fifo<StripeHead>();
  private readonly irqWq: WaitQueue;
  private irq: SimThread | null = null;
  readonly ops = new Map<StripeHead, PendingOp>();
  private readonly lXor: number;
  private readonly lQueue: number;
  completed = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly conf: R5Conf,
  ) {
    const p = conf.p;
    const dma = p.offload === 'dma';
    this.lockClass = new LockClass(dma ? 'dma_chan_lock' : 'wq_pool_lock', 'spinlock');
    this.lock = spinlock(kernel, this.lockClass, p.costs);
    this.wq = new WaitQueue(kernel, 'async_tx work', IDLE);
    this.irqWq = new WaitQueue(kernel, 'irq/dma', IDLE);
    this.lXor = kernel.label(dma ? 'dma xor/copy' : 'async_xor');
    this.lQueue = kernel.label(dma ? 'dma prep' : 'queue_work');
    if (dma) {
      const dmaParams = { latencyNs: 1000, bandwidthBytesPerSec: p.dmaBytesPerSec, parallelism: p.offloadThreads };
      this.engine = new BlockDevice(
        kernel.sim,
        'dma0',
        dmaParams,
        (tag) => {
          this.done.push(this.conf.stripes[tag]);
          if (this.irq) this.irqWq.wakeThread(this.irq);
        },
        (bytes, idx) => {
          // The device's own formula; the "sector" is the stripe index, so the UI knows when its op started.
          const ns = dmaParams.latencyNs + (bytes * 1e9) / dmaParams.bandwidthBytesPerSec;
          const op = this.ops.get(this.conf.stripes[idx]);
          if (op) [op.startedNs, op.serviceNs] = [kernel.now, ns];
          return ns;
        },
      );
      this.irq = kernel.spawn('irq/dma0', 'interrupt', (t) => this.dmaIrq(t));
    } else {
      for (let i = 0; i < p.offloadThreads; i++) kernel.spawn(`kworker/async-${i}`, 'offload', (t) => this.worker(t));
    }
  }

  get inFlight(): number {
    return this.ops.size;
  }

  /** Offload threads in an op's xor/copy now (threads); the DMA engine's channels busy otherwise. */
  private busy = 0;

  /** For the live view: the engine, its queue and busy channels or threads, the hand-off lock, and each op's
   * phase now (OP_PHASES codes), read from the ops' recorded times. Read-only. */
  live(): {
    mode: string;
    engines: number;
    busy: number;
    queued: number;
    inFlight: number;
    completed: number;
    lock: { name: string; holder: string | null; waiters: string[] };
    phaseOf: (sh: StripeHead) => number;
  } {
    const now = this.kernel.now;
    const l = this.lock;
    return {
      mode: this.engine ? 'dma' : 'threads',
      engines: this.conf.p.offloadThreads,
      busy: this.engine ? this.engine.inService : this.busy,
      queued: this.engine ? this.engine.queue.length : this.queue.length,
      inFlight: this.ops.size,
      completed: this.completed,
      lock: lockView(this.lockClass.name, l),
      phaseOf: (sh) => opPhase(this.ops.get(sh), now),
    };
  }

  /** raid_run_ops handing the ops over: called by the handler after its pass; never waits for the op. */
  *submit(t: SimThread, sh: StripeHead): Gen {
    yield t.acquireAndCompute(this.lock, this.conf.p.costs.offloadQueueNs, this.lQueue);
    const op = this.ops.get(sh) as PendingOp;
    op.queuedNs = this.kernel.now;
    if (this.engine) this.engine.submit(sh.idx, op.bytes, sh.idx);
    else {
      this.queue.push(sh);
      this.wq.wakeOne();
    }
    this.lock.release(t);
  }

  private *worker(t: SimThread): ThreadBody {
    for (;;) {
      while (this.queue.length === 0) yield t.wait(this.wq);
      yield t.acquireAndCompute(this.lock, this.conf.p.costs.offloadQueueNs / 2, this.lQueue);
      const sh = this.queue.shift();
      this.lock.release(t);
      if (!sh) continue; // another worker took it while this one waited for the lock
      const op = this.ops.get(sh) as PendingOp;
      [op.startedNs, op.serviceNs] = [this.kernel.now, op.cpuNs];
      this.busy++;
      yield t.compute(op.cpuNs, this.lXor);
      this.busy--;
      yield* this.complete(t, sh);
    }
  }

  private *dmaIrq(t: SimThread): ThreadBody {
    for (;;) {
      while (this.done.length === 0) yield t.wait(this.irqWq);
      const sh = this.done.shift() as StripeHead;
      yield t.acquireAndCompute(this.lock, this.conf.p.costs.completionNs, this.lQueue); // descriptor cleanup
      this.lock.release(t);
      yield* this.complete(t, sh);
    }
  }

  /** ops_complete_reconstruct: the blocks are ready to write; hand the stripe back to handle_stripe. */
  private *complete(t: SimThread, sh: StripeHead): Gen {
    this.ops.delete(sh);
    this.completed++;
    sh.opState = null;
    for (const d of sh.devs) if (d.flags & R5_LOCKED) d.flags |= R5_WANTWRITE;
    sh.state |= STRIPE_HANDLE;
    sh.history?.push(`${(this.kernel.now / 1e6).toFixed(6)} ms: reconstruct done on ${t.name}`);
    yield* raid5ReleaseStripe(this.conf, t, sh);
  }
}

/** The op states the UI names, by code: 0 no op; 1 queued for the engine; then the phases in kernel order;
 * last, the engine's work done and its completion callback (ops_complete_reconstruct) not yet run. */
export const OP_PHASES = ['none', 'queued', 'prexor', 'biodrain', 'reconstruct', 'callback'] as const;

/** Which phase an op is in at `now`: by the share of its engine time elapsed against the phases' shares. */
export function opPhase(op: PendingOp | undefined, now: number): number {
  if (!op) return 0;
  if (op.startedNs < 0) return 1;
  if (now - op.startedNs >= op.serviceNs) return 5;
  const total = op.phaseNs[0] + op.phaseNs[1] + op.phaseNs[2];
  const done = total > 0 && op.serviceNs > 0 ? ((now - op.startedNs) / op.serviceNs) * total : 0;
  if (done < op.phaseNs[0]) return 2;
  if (done < op.phaseNs[0] + op.phaseNs[1]) return 3;
  return 4;
}
