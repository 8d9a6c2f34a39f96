// The UI <-> simulation-worker protocol: two discriminated unions and the columnar frame layout.
// Types and constants only: no runtime code from other rooms, no behaviour.
import type { LockView } from '../sim/core/model';
import type { LockRow, QueueRow, DeviceRow, SimResult } from '../sim/core/result';
import type { AnySnapshot } from '../sim/models';
import type {
  FollowedStripe,
  LatencyWindow,
  LockHistogram,
  MemberQueue,
  OffloadView,
  Raid5Extra,
} from '../sim/models/raid5/snapshot';

export type { LockView, LockRow, QueueRow, DeviceRow, SimResult };
/** A model's snapshot as it crosses the worker boundary: a union discriminated by `model`. */
export type Snapshot = AnySnapshot;
export type { FollowedStripe, LatencyWindow, LockHistogram, MemberQueue, OffloadView, Raid5Extra };

/** Bumped on any incompatible change; the handshake refuses a mismatch instead of misreading frames. */
export const PROTOCOL_VERSION = 4;

/** Thread states by the number frames carry; mirrors STATE_NAMES in sim/core/thread.ts (a test keeps them equal). */
export const THREAD_STATES = ['running', 'spinning', 'runnable', 'blocked', 'idle'] as const;
export type ThreadStateName = (typeof THREAD_STATES)[number];

export type ParamValue = string | number | boolean;

/** Simulated nanoseconds per wall-clock second, or as fast as the worker can go. */
export type Speed = number | 'max';

/** What to run: a preset and/or a model, the seed, and overrides (the catalog resolves the rest). */
export interface ScenarioMsg {
  model?: string;
  preset?: string;
  seed: number;
  params: Record<string, ParamValue>;
}

/**
 * Thread state changes since the previous frame, one row per change, in time order.
 * Fresh buffers every message so they can be transferred, not copied.
 */
export interface FrameColumns {
  timeNs: Float64Array;
  thread: Uint16Array;
  /** 0..4 = running, spinning, runnable, blocked, idle (STATE_NAMES in sim/core/thread.ts). */
  state: Uint8Array;
  /** Index into the run's label table (grown by `newLabels`). */
  label: Uint16Array;
}

/** Whole-run figures from the model's result(), sent a few times a second (not every frame). */
export interface Figures {
  throughput: SimResult['throughput'];
  latencyNs: SimResult['latencyNs'];
}

/** Where the worker's wall time went over the last `wallMs` of playing at `speed`, and the simulated time it
 * covered: stepping the model, building snapshots and figures, cutting and posting frames, and waiting for the
 * page to ack; the rest of `wallMs` is yields, timers and message handling. Measured, never estimated. */
export interface PaceReport {
  speed: Speed;
  wallMs: number;
  modelMs: number;
  snapshotMs: number;
  postMs: number;
  ackWaitMs: number;
  simNs: number;
  events: number;
}

export type ToWorker =
  /** Handshake: the only message without a runId. */
  | { type: 'init'; protocol: number }
  /** Drops any current run and starts `scenario` from time 0 under a new runId. */
  | { type: 'start'; runId: number; scenario: ScenarioMsg; speed: Speed; playing: boolean }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  /** Runs exactly one event (pausing first), then sends one frame. */
  | { type: 'step'; runId: number }
  /** Runs until the model's next unit of work completes (raid5: one handle_stripe pass), pausing first. */
  | { type: 'stepPass'; runId: number }
  /** Runs `ns` of simulated time (pausing first), then sends one frame. */
  | { type: 'stepTime'; runId: number; ns: number }
  /** Keeps the history of one item (raid5: a stripe_head index) in the snapshots; null stops. */
  | { type: 'follow'; runId: number; id: number | null }
  | { type: 'setSpeed'; runId: number; speed: Speed }
  /** A runtime knob (ParamSpec.live); anything else is refused with an error naming the key. */
  | { type: 'setLive'; runId: number; key: string; value: ParamValue }
  /** Starts the current scenario again from time 0 under this new runId (same seed, same params). */
  | { type: 'reset'; runId: number }
  /** The UI has taken frames up to `seq`; the worker stops stepping when too many are unacked. */
  | { type: 'ack'; runId: number; seq: number }
  /** A Chrome / Perfetto trace of the last `windowNs` up to now, by an exact replay of the run; answered by `trace`. */
  | { type: 'exportTrace'; runId: number; requestId: number; windowNs: number }
  /** The contract result (design.md 6) of the run so far; answered by `result`. */
  | { type: 'exportResult'; runId: number; requestId: number };

export type FromWorker =
  /** Handshake reply. */
  | { type: 'ready'; protocol: number; models: string[] }
  /** A run exists: the resolved parameters it uses. */
  | {
      type: 'started';
      runId: number;
      model: string;
      preset: string | null;
      seed: number;
      params: Record<string, ParamValue>;
    }
  | {
      type: 'frames';
      runId: number;
      /** 1, 2, 3... per run; acks name it. */
      seq: number;
      playing: boolean;
      columns: FrameColumns;
      /** Threads created since the previous frame, in id order, starting at id `threadsFrom`. */
      threadsFrom: number;
      newThreads: { name: string; role: string }[];
      labelsFrom: number;
      newLabels: string[];
      snapshot: Snapshot;
      figures: Figures | null;
    }
  | { type: 'liveApplied'; runId: number; key: string; value: ParamValue }
  /** About once a wall second while playing: where the worker's time went (the pace note at 'max'). */
  | ({ type: 'pace'; runId: number } & PaceReport)
  /** Trace-event JSON text of [fromNs, toNs] in simulated time; `replayedEvents` is the replay's length. */
  | {
      type: 'trace';
      runId: number;
      requestId: number;
      fromNs: number;
      toNs: number;
      replayedEvents: number;
      json: string;
    }
  /** A long trace replay's progress (events replayed of `of`), a few times a second until its `trace` reply. */
  | { type: 'exportProgress'; runId: number; requestId: number; events: number; of: number }
  | { type: 'result'; runId: number; requestId: number; result: SimResult }
  /** An export request could not be answered (bad window, a run that stopped with an error...). */
  | { type: 'exportError'; runId: number; requestId: number; message: string }
  /** The stall watchdog's status changed (worker/liveWatch.ts): 'early' (no completion yet, too early to tell),
   * 'stalled' (nothing completed for longer than the configuration's bound), or 'ok' again. */
  | { type: 'watch'; runId: number; status: 'ok' | 'early' | 'stalled'; message: string; atNs: number }
  /** `where`: start (bad scenario), setLive (bad knob; `key` names it), model (the run threw and stopped), protocol. */
  | { type: 'error'; runId: number; where: 'start' | 'setLive' | 'model' | 'protocol'; key?: string; message: string };

export type FramesMsg = Extract<FromWorker, { type: 'frames' }>;
