// What every part of the ext4 model shares: the kernel, the parameters, activity labels, and CPU costs
// drawn with jitter from a per-thread stream. State holders only; no kernel function lives here.
import { CpuJitter } from '../../core/cpuJitter';
import type { Kernel } from '../../core/kernel';
import type { RandomStreams } from '../../core/random';
import type { Op, SimThread } from '../../core/thread';
import type { Ext4Params } from './params';

export class Ext4Ctx {
  readonly labels: Record<string, number>;
  private readonly jitter: CpuJitter;

  constructor(
    readonly kernel: Kernel,
    readonly p: Ext4Params,
    streams: RandomStreams,
  ) {
    this.jitter = new CpuJitter(streams, () => this.p.jitter);
    const l = (s: string) => kernel.label(s);
    this.labels = {
      write: l('generic_perform_write'),
      journal: l('start_this_handle'),
      writepage: l('block_write_full_page'),
      bioWritePage: l('ext4_bio_write_page'),
      ioSubmit: l('ext4_io_submit'),
      plug: l('blk_plug'),
      makeRequest: l('__make_request'),
      dispatch: l('request_fn'),
      endio: l('blk_update_request'),
      endRequest: l('blk_finish_request'),
    };
  }

  /** t.compute of a mean cost, drawn within +-jitter from the thread's own stream. */
  cpu(t: SimThread, meanNs: number, label: number): Op {
    return this.jitter.compute(t, meanNs, label);
  }
}
