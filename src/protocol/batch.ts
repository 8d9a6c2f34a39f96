// The batch protocol: the UI's sweep and A/B pages hand whole runs to a pool of batch workers, one run per
// message, and get each run's contract result back. Types only.
import type { SimResult } from '../sim/core/result';

export type { SimResult };
import type { ParamValue } from './messages';

/** One headless run, already resolved by the catalog (so the worker never refuses a value). */
export interface BatchTask {
  model: string;
  preset: string | null;
  params: Record<string, ParamValue>;
  seed: number;
  durationNs: number;
  warmupNs: number;
  /** 'auto': the worker detects the warm-up (MSER-5) over warmupNs + durationNs; absent: warmupNs is fixed. */
  warmupMode?: 'fixed' | 'auto';
}

export type ToBatchWorker = { type: 'run'; id: number; task: BatchTask };

export type FromBatchWorker =
  { type: 'result'; id: number; result: SimResult } | { type: 'error'; id: number; message: string };
