// What every model exposes to the CLI and the worker: stats reset, the contract result, a live
// snapshot for the UI, and live parameter changes. Pure data in and out; no DOM, no wall clock.
import type { Kernel } from './kernel';
import type { Lock } from './lock';
import type { LockRow, QueueRow, SimResult, DeviceRow } from './result';
import type { Simulator } from './simulator';

export type ParamValue = string | number | boolean;
export type Params = Record<string, ParamValue>;

/** A lock instance as the UI draws it: who holds it, who waits in order, and how they wait. */
export interface LockView {
  name: string;
  holder: string | null;
  waiters: string[];
  spinning: boolean;
}

/** A lock instance now, as every model's snapshot draws it (a semaphore shows how many hold it). */
export function lockView(name: string, l: Lock): LockView {
  return {
    name,
    holder: l.owner?.name ?? (l.holders > 0 ? `${l.holders} holders` : null),
    waiters: l.waiters.toArray().map((w) => w.name),
    spinning: l.spins,
  };
}

/** A compact, structured-cloneable picture of the model at one instant: the part every model fills. */
export interface SnapshotBase {
  timeNs: number;
  events: number;
  /** Completed top-level operations and bytes since the run started (not reset by warm-up). */
  completions: number;
  bytes: number;
  threads: { name: string; role: string; state: number; label: string; utilisation: number }[];
  locks: LockView[];
  lockStats: LockRow[];
  queues: QueueRow[];
  devices: DeviceRow[];
}
/** One model's snapshot: the generic part, the model's name (what protocol's Snapshot union is discriminated
 * by) and its extras, typed beside the model that produces them (raid5: models/raid5/snapshot.ts). */
export interface ModelSnapshot<M extends string = string, X = Record<string, unknown>> extends SnapshotBase {
  model: M;
  extra: X;
}
/** Any model's snapshot with its extras unread (warm-up, lessons' generic figures). */
export type Snapshot = ModelSnapshot;

export interface ModelRun<S extends Snapshot = Snapshot> {
  readonly sim: Simulator;
  readonly kernel: Kernel;
  /** Starts a new measurement window (end of warm-up). */
  resetStats(): void;
  result(meta: { preset: string | null; warmupNs: number }): SimResult;
  snapshot(): S;
  /** Applies a runtime knob; returns an error message, or null when applied. */
  setLive(key: string, value: ParamValue): string | null;
  /** Optional: completed units of the model's per-item work (raid5: handle_stripe passes), for "step one pass". */
  passesDone?(): number;
  /** Optional: keep the history of one item (raid5: a stripe_head by index); null stops. Returns an error or null. */
  follow?(id: number | null): string | null;
  /** Optional: the model's debug invariants (core/invariant.ts); throws an InvariantViolation naming the rule.
   * src/sim/checked.ts calls it after every event under --check-invariants and in the fuzz tests. */
  checkInvariants?(): void;
  /** Optional: the lengths of the model's lists right now (raid5: handle_list, inactive...), for a stall report. */
  listLengths?(): [string, number][];
}

export interface ModelFactory<S extends Snapshot = Snapshot> {
  readonly name: string;
  create(params: Params, seed: number): ModelRun<S>;
}
