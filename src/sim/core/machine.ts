// The simulated machine's shapes: a CPU, the Kernel's options (context switch, wake-up, time slice), the
// machine block every model's parameters share, and the listener that timelines use. The Kernel (kernel.ts)
// gives them behaviour.
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

/** The machine block of a model's parameters (CLI spelling cpus, wakeup, switch). */
export interface MachineParams {
  cpus: number;
  wakeupNs: number;
  switchNs: number;
}

/** From a model's parameters (core/model's Params; typed here by shape so machine.ts imports nothing above it). */
export function unpackMachine(p: Readonly<Record<string, string | number | boolean>>): MachineParams {
  return { cpus: p.cpus as number, wakeupNs: p.wakeup as number, switchNs: p.switch as number };
}

/** The scheduler time slice the array and file-system models run with. */
export const DEFAULT_SLICE_NS = 3_000_000;

/** The Kernel's options for a machine block, with the default slice. */
export function kernelOptions(m: MachineParams, numaNodes = 1): KernelOptions {
  return { cpus: m.cpus, switchNs: m.switchNs, wakeupNs: m.wakeupNs, sliceNs: DEFAULT_SLICE_NS, numaNodes };
}
