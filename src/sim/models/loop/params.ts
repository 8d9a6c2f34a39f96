// The resolved loop parameters the model reads (CLI spelling in, typed fields out) and the CPU-cost
// table. Values arrive validated from src/scenarios/loopSpec.ts; this file only types and unpacks them.
import { unpackFio, type FioParams } from '../../block/fioJobs';
import { unpackMachine, type MachineParams } from '../../core/machine';
import type { Params } from '../../core/model';

export type LoopMode = 'single-thread' | 'blk-mq' | 'dio-aio';

export interface LoopCosts {
  fioNs: number;
  submitNs: number;
  loLockNs: number;
  queueWorkNs: number;
  pageCacheNs: number;
  copyNs: number;
  dioNs: number;
  writePageNs: number;
  writebackNs: number;
  completionNs: number;
  endioNs: number;
  handoffNs: number;
  bounceNs: number;
}

export interface LoopParams extends MachineParams, FioParams {
  mode: LoopMode;
  workers: number;
  device: string;
  deviceLatencyNs: number;
  deviceSeqLatencyNs: number;
  deviceBandwidth: number;
  deviceParallelism: number;
  iodepthLow: number;
  direct: boolean;
  dirtyBytes: number;
  jitter: number;
  costs: LoopCosts;
}

export function unpackLoop(p: Params): LoopParams {
  const n = (k: string) => p[k] as number;
  return {
    mode: p.loop_mode as LoopMode,
    workers: n('workers'),
    ...unpackMachine(p),
    ...unpackFio(p),
    device: p.device as string,
    deviceLatencyNs: n('device.latency'),
    deviceSeqLatencyNs: n('device.seq_latency'),
    deviceBandwidth: n('device.bandwidth'),
    deviceParallelism: n('device.parallelism'),
    iodepthLow: n('iodepth_low'),
    direct: p.direct as boolean,
    dirtyBytes: n('dirty_bytes'),
    jitter: n('jitter'),
    costs: {
      fioNs: n('cost.fio'),
      submitNs: n('cost.submit'),
      loLockNs: n('cost.lo_lock'),
      queueWorkNs: n('cost.queue_work'),
      pageCacheNs: n('cost.page_cache'),
      copyNs: n('cost.copy'),
      dioNs: n('cost.dio'),
      writePageNs: n('cost.write_page'),
      writebackNs: n('cost.writeback'),
      completionNs: n('cost.completion'),
      endioNs: n('cost.endio'),
      handoffNs: n('cost.handoff'),
      bounceNs: n('cost.bounce'),
    },
  };
}
