// md_super_write + md_super_wait for bitmap metadata: small writes to every member, then the caller sleeps
// until all are done. Counts bitmap IO; never decides what is dirty.
import { BLOCKED } from '../core/thread';
import { WaitQueue } from '../core/waitQueue';
import type { Gen, MdHost } from './contract';
import type { SimThread } from '../core/thread';

export class SuperWriter {
  private pending = 0;
  private readonly wq: WaitQueue;
  /** Metadata writes submitted (per member) and their bytes, since the last reset. */
  writes = 0;
  bytes = 0;
  /** Times a caller slept on md_super_wait, and the total time it slept. */
  waits = 0;
  waitNs = 0;

  constructor(
    private readonly host: MdHost,
    name: string,
    private readonly label: number,
  ) {
    this.wq = new WaitQueue(host.kernel, `${name} md_super_wait`, BLOCKED);
  }

  /** Writes each of `sizes` (bytes) to every member, then waits for all of them. */
  *writeAndWait(t: SimThread, sizes: readonly number[]): Gen {
    if (sizes.length === 0) return;
    yield* this.write(t, sizes);
    yield* this.wait(t);
  }

  /** Metadata writes submitted and not yet completed (for the UI). */
  get inFlight(): number {
    return this.pending;
  }

  /** Submits without waiting (filemap_write_page(..., wait=false)). */
  *write(t: SimThread, sizes: readonly number[]): Gen {
    const h = this.host;
    for (const bytes of sizes) {
      for (let d = 0; d < h.members; d++) {
        yield t.compute(h.costs.submitNs, this.label);
        this.pending++;
        this.writes++;
        this.bytes += bytes;
        h.writeMetadata(d, bytes, () => {
          if (--this.pending === 0) this.wq.wakeAll();
        });
      }
    }
  }

  /** md_super_wait: sleeps until no metadata write is pending. */
  *wait(t: SimThread): Gen {
    if (this.pending === 0) return;
    const from = this.host.kernel.now;
    this.waits++;
    while (this.pending > 0) yield t.wait(this.wq);
    this.waitNs += this.host.kernel.now - from;
  }

  resetStats(): void {
    this.writes = this.bytes = this.waits = this.waitNs = 0;
  }
}
