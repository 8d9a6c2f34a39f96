// The resolved ext4 parameters the model reads (CLI spelling in, typed fields out) and the CPU-cost table.
// Values arrive validated from src/scenarios/ext4Spec.ts; this file only types and unpacks them.
import { unpackMachine, type MachineParams } from '../../core/machine';
import type { Params } from '../../core/model';

export interface Ext4Costs {
  writePageNs: number;
  journalNs: number;
  pageWbNs: number;
  bufferNs: number;
  bioAddNs: number;
  bioSubmitNs: number;
  queueLockNs: number;
  plugNs: number;
  dispatchNs: number;
  completionNs: number;
  bioEndNs: number;
  endPageNs: number;
  endRequestNs: number;
  handoffNs: number;
  bounceNs: number;
}

export interface Ext4Params extends MachineParams {
  submit: 'buffer' | 'bio';
  /** Pages per bio at most (max_bio / 4K). */
  maxBioPages: number;
  plug: boolean;
  nrToWrite: number;
  dirtyBytes: number;
  /** Pages per request at most (max_sectors / 4K). */
  maxRequestPages: number;
  deviceLatencyNs: number;
  deviceBandwidth: number;
  deviceParallelism: number;
  numjobs: number;
  bsPages: number;
  size: number;
  jitter: number;
  costs: Ext4Costs;
}

export function unpackExt4(p: Params): Ext4Params {
  const n = (k: string) => p[k] as number;
  return {
    submit: p.submit as 'buffer' | 'bio',
    maxBioPages: n('max_bio') / 4096,
    plug: p.plug as boolean,
    nrToWrite: n('nr_to_write'),
    dirtyBytes: n('dirty_bytes'),
    maxRequestPages: n('max_sectors') / 4096,
    deviceLatencyNs: n('device.latency'),
    deviceBandwidth: n('device.bandwidth'),
    deviceParallelism: n('device.parallelism'),
    numjobs: n('numjobs'),
    bsPages: n('bs') / 4096,
    size: n('size'),
    ...unpackMachine(p),
    jitter: n('jitter'),
    costs: {
      writePageNs: n('cost.write_page'),
      journalNs: n('cost.journal'),
      pageWbNs: n('cost.page_wb'),
      bufferNs: n('cost.buffer'),
      bioAddNs: n('cost.bio_add'),
      bioSubmitNs: n('cost.bio_submit'),
      queueLockNs: n('cost.queue_lock'),
      plugNs: n('cost.plug'),
      dispatchNs: n('cost.dispatch'),
      completionNs: n('cost.completion'),
      bioEndNs: n('cost.bio_end'),
      endPageNs: n('cost.end_page'),
      endRequestNs: n('cost.end_request'),
      handoffNs: n('cost.handoff'),
      bounceNs: n('cost.bounce'),
    },
  };
}
