// Member disks of a mirror and their completion path: submit_bio on the caller's CPU, an irq thread per member
// running the request's end_io work. Knows no raid layout and never chooses where a copy goes.
import { BlockDevice } from '../../core/device';
import { IrqThread } from '../../core/irqThread';
import type { Kernel } from '../../core/kernel';
import type { Op, SimThread } from '../../core/thread';
import type { MirrorConf } from './conf';

type Gen = Generator<Op, void, void>;
/** What runs in interrupt context when the member request completes. */
export type EndIo = (t: SimThread) => Gen | null;

export class MirrorIo {
  readonly members: BlockDevice[] = [];
  private readonly ends: (EndIo | null)[] = [];
  private readonly freeTags: number[] = [];
  readBytes = 0;
  writeBytes = 0;
  syncBytes = 0;
  metaBytes = 0;
  /** Bytes of array (non-resync) IO since the start: what is_mddev_idle watches. */
  nonSyncBytes = 0;

  constructor(kernel: Kernel, private readonly conf: MirrorConf) {
    const p = conf.p;
    for (let d = 0; d < p.disks; d++) {
      const name = `sd${String.fromCharCode(97 + d)}`;
      const irq = new IrqThread<number>(kernel, `irq/${name}`, (t, tag) => this.endRequest(t, tag));
      this.members.push(new BlockDevice(kernel.sim, name, {
        latencyNs: p.deviceLatencyNs, bandwidthBytesPerSec: p.deviceBandwidth, parallelism: p.deviceParallelism,
      }, (tag) => irq.raise(tag)));
    }
  }

  /** Queues a request on a member without CPU cost (the caller pays for building it). */
  start(disk: number, page: number, bytes: number, write: boolean, kind: 'data' | 'sync' | 'meta', end: EndIo): void {
    const tag = this.freeTags.pop() ?? this.ends.length;
    this.ends[tag] = end;
    if (kind === 'sync') this.syncBytes += bytes;
    else if (kind === 'meta') this.metaBytes += bytes;
    else if (write) this.writeBytes += bytes;
    else this.readBytes += bytes;
    if (kind !== 'sync') this.nonSyncBytes += bytes;
    this.members[disk].submit(tag, bytes, page, write);
  }

  /** submit_bio on the calling thread. */
  *submit(t: SimThread, disk: number, page: number, bytes: number, write: boolean, kind: 'data' | 'sync', end: EndIo): Gen {
    yield t.compute(this.conf.p.costs.submitNs, this.conf.labels.submit);
    this.start(disk, page, bytes, write, kind, end);
  }

  /** The member request's completion in interrupt context: free its tag, pay the completion, run its end_io. */
  private *endRequest(t: SimThread, tag: number): Gen {
    const end = this.ends[tag] as EndIo;
    this.ends[tag] = null;
    this.freeTags.push(tag);
    yield t.compute(this.conf.p.costs.completionNs, this.conf.labels.endRequest);
    const g = end(t);
    if (g) yield* g;
  }

  inFlight(): number {
    return this.ends.length - this.freeTags.length;
  }

  resetStats(): void {
    for (const m of this.members) m.resetStats();
    this.readBytes = this.writeBytes = this.syncBytes = this.metaBytes = 0;
  }
}
