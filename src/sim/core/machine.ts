// The simulated machine's shapes: a CPU, the Kernel's options (context switch, wake-up, time slice) and the
// listener that timelines use. Types only; the Kernel (kernel.ts) gives them behaviour.
import type { SimThread } from './thread';

export interface Cpu {
  readonly index: number;
  /** Its NUMA node: CPUs are split into numaNodes equal, consecutive ranges (cpu_to_node). */
  readonly node: number;
  thread: SimThread | null;
  last: SimThread | null;
}

export interface KernelOptions {
  cpus: number;
  /** Context switch: CPU time paid when a CPU starts running a different thread. */
  switchNs: number;
  /** Wake-up latency: from wake_up() to the sleeper being runnable. */
  wakeupNs: number;
  /** Scheduler time slice; a preemptible thread yields its CPU after it if others wait. 0 = never. */
  sliceNs: number;
  /** NUMA nodes the CPUs are split into (1 unless given); cpus must be a multiple of it. */
  numaNodes?: number;
}

/** Receives every thread state change, for timelines (the worker turns these into frames). */
export type StateListener = (timeNs: number, thread: SimThread, state: number, label: number) => void;
