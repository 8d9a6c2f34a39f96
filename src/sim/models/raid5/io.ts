// Member disks and their completion path: submit_bio to a member, the interrupt context that runs
// raid5_end_read_request / raid5_end_write_request (one irq thread per member), and bio_endio.
import { BlockDevice, type ServiceTime } from '../../core/device';
import { IrqThread } from '../../core/irqThread';
import type { Kernel } from '../../core/kernel';
import type { RandomStream } from '../../core/random';
import type { Op, SimThread } from '../../core/thread';
import { Lock, LockClass } from '../../core/lock';
import type { Bio } from './bio';
import type { R5Conf } from './conf';
import { raid5ReleaseStripe } from './release';
import { R5_LOCKED, R5_UPTODATE, STRIPE_HANDLE, type StripeHead } from './stripeHead';

/** One member request: a piece of a bio read directly (chunk-aligned read) or a stripe's dev IO. */
interface Req {
  bio: Bio | null;
  sh: StripeHead | null;
  dev: number;
  write: boolean;
  /** A metadata write (md_super_write for the bitmap): what its completion runs. */
  done?: () => void;
}

export class MemberIo {
  readonly members: BlockDevice[] = [];
  readonly irqs: IrqThread<number>[] = [];
  private readonly reqs: (Req | null)[] = [];
  private readonly freeTags: number[] = [];
  readBytes = 0;
  writeBytes = 0;
  submitted = 0;
  /** Member bytes since the start, never reset (is_mddev_idle compares them). */
  lifetimeBytes = 0;
  /** q->queue_lock of each member's legacy request queue (blk=sq), one lock class for all. */
  readonly queueLockClass = new LockClass('queue_lock', 'spinlock');
  private readonly queueLocks: Lock[] = [];
  private readonly lSubmit: number;

  constructor(
    kernel: Kernel,
    private readonly conf: R5Conf,
    private readonly onBioPieceDone: (bio: Bio) => void,
    serviceTime: ((disk: number) => ServiceTime | undefined),
  ) {
    const p = conf.p;
    this.lSubmit = kernel.label('submit_bio');
    for (let d = 0; d < p.disks; d++) {
      this.queueLocks.push(new Lock(kernel, this.queueLockClass, { preemptOff: true, handoffNs: p.costs.handoffNs, bounceNs: p.costs.bounceNs }));
      const name = `sd${String.fromCharCode(97 + d)}`;
      const irq = new IrqThread<number>(kernel, `irq/${name}`, (t, tag) => this.irqHandler(t, d, tag));
      this.members.push(new BlockDevice(kernel.sim, name, {
        latencyNs: p.deviceLatencyNs, bandwidthBytesPerSec: p.deviceBandwidth, parallelism: p.deviceParallelism,
      }, (tag) => irq.raise(tag), serviceTime(d)));
      this.irqs.push(irq);
    }
  }

  /** submit_bio to a member; `sector` in 4K pages is used by seek-aware devices. */
  submit(disk: number, req: Req, sector: number, bytes: number): void {
    const tag = this.freeTags.pop() ?? this.reqs.length;
    this.reqs[tag] = req;
    this.submitted++;
    this.lifetimeBytes += bytes;
    if (req.write) this.writeBytes += bytes;
    else this.readBytes += bytes;
    this.members[disk].submit(tag, bytes, sector, req.write);
  }

  /** generic_make_request on the calling thread: its CPU cost, and with blk=sq the member's queue_lock
   * (__make_request: elevator merge and insert under q->queue_lock). */
  private *makeRequest(t: SimThread, disk: number, label: number): Generator<Op, void, void> {
    const c = this.conf.p.costs;
    if (this.conf.p.blk === 'sq') {
      const q = this.queueLocks[disk];
      yield t.compute(Math.max(0, c.submitNs - c.queueLockNs), label);
      yield t.acquire(q);
      yield t.compute(c.queueLockNs, this.lSubmit);
      q.release(t);
    } else yield t.compute(c.submitNs, label);
  }

  *submitDirectRead(t: SimThread, bio: Bio, disk: number, sector: number, bytes: number): Generator<Op, void, void> {
    yield* this.makeRequest(t, disk, this.conf.labels.directRead);
    this.submit(disk, { bio, sh: null, dev: disk, write: false }, sector, bytes);
  }

  /** ops_run_io for one stripe unit (4K) of a stripe_head to or from member `dev`. */
  *submitStripeIo(t: SimThread, sh: StripeHead, dev: number, write: boolean): Generator<Op, void, void> {
    yield* this.makeRequest(t, dev, this.conf.labels.submit);
    this.submit(dev, { bio: null, sh, dev, write }, sh.sector, 4096);
    if (sh.history) sh.history.push(`${(this.conf.kernel.now / 1e6).toFixed(6)} ms: ${write ? 'write to' : 'read from'} ${this.members[dev].name} submitted by ${t.name}`);
  }

  private *irqHandler(t: SimThread, disk: number, tag: number): Generator<Op, void, void> {
    yield t.compute(this.conf.p.costs.completionNs, this.conf.labels.endRequest);
    if (this.conf.p.blk === 'sq') {
      // blk_end_request: request accounting and freeing under the queue_lock
      const q = this.queueLocks[disk];
      yield t.acquire(q);
      yield t.compute(this.conf.p.costs.queueLockNs / 2, this.lSubmit);
      q.release(t);
    }
    yield* this.endRequest(t, tag);
  }

  /** raid5_end_read_request / raid5_end_write_request, or the chunk-aligned read's endio. */
  private *endRequest(t: SimThread, tag: number): Generator<Op, void, void> {
    const req = this.reqs[tag] as Req;
    this.reqs[tag] = null;
    this.freeTags.push(tag);
    if (req.done) {
      req.done();
      return;
    }
    if (req.bio) {
      this.onBioPieceDone(req.bio);
      return;
    }
    const sh = req.sh as StripeHead;
    const dev = sh.devs[req.dev];
    if (!req.write) dev.flags |= R5_UPTODATE;
    dev.flags &= ~R5_LOCKED;
    sh.ioInFlight--;
    sh.state |= STRIPE_HANDLE;
    if (sh.history) sh.history.push(`${(this.conf.kernel.now / 1e6).toFixed(6)} ms: ${req.write ? 'write to' : 'read from'} ${this.members[req.dev].name} done`);
    yield* raid5ReleaseStripe(this.conf, t, sh);
  }

  resetStats(): void {
    for (const m of this.members) m.resetStats();
    this.readBytes = 0;
    this.writeBytes = 0;
    this.submitted = 0;
  }

  inFlight(): number {
    return this.reqs.length - this.freeTags.length;
  }
}

/** An HDD's service time: seek proportional to sqrt(distance), half a rotation on average, transfer. */
export function hddServiceTime(rng: RandomStream, bandwidth: number, spanPages: number): ServiceTime {
  let head = 0;
  const avgSeekNs = 8e6;
  const rotationNs = 60e9 / 7200;
  return (bytes, sector) => {
    const dist = Math.abs(sector - head) / Math.max(1, spanPages);
    head = sector;
    const seek = dist === 0 ? 0 : 0.3e6 + avgSeekNs * Math.sqrt(dist) * 1.5;
    return seek + rng.uniform() * rotationNs + (bytes * 1e9) / bandwidth;
  };
}

