// CPU costs that vary around their mean: t.compute of meanNs drawn within +-jitter, from a stream per
// thread ("cpu <name>") so adding a thread never shifts another's draws. No model knowledge.
import type { RandomStream, RandomStreams } from './random';
import type { Op, SimThread } from './thread';

export class CpuJitter {
  private readonly rngs = new Map<SimThread, RandomStream>();

  /** `jitter` is read on every call, so a model may change it while running. */
  constructor(
    private readonly streams: RandomStreams,
    private readonly jitter: () => number,
  ) {}

  compute(t: SimThread, meanNs: number, label: number): Op {
    const j = this.jitter();
    if (j === 0 || meanNs === 0) return t.compute(meanNs, label);
    let r = this.rngs.get(t);
    if (!r) {
      r = this.streams.get(`cpu ${t.name}`);
      this.rngs.set(t, r);
    }
    return t.compute(meanNs * (1 + j * (2 * r.uniform() - 1)), label);
  }
}
