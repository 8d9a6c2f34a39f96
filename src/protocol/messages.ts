// Messages between the UI and the simulation worker: two discriminated unions, every message after
// `start` tagged with its runId so the UI can drop stale frames after a reset. Types only.
import type { Snapshot } from '../sim/core/model';

export interface ScenarioMsg {
  model?: string;
  preset?: string;
  seed: number;
  params: Record<string, string | number | boolean>;
}

export type ToWorker =
  | { type: 'start'; runId: number; scenario: ScenarioMsg; speed: number }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  | { type: 'step'; runId: number }
  | { type: 'speed'; runId: number; simNsPerSec: number }
  | { type: 'setLive'; runId: number; key: string; value: string | number | boolean }
  | { type: 'ack'; runId: number };

export type FromWorker =
  | { type: 'frame'; runId: number; snapshot: Snapshot; playing: boolean }
  | { type: 'error'; runId: number; message: string };

/** Speed meaning "as fast as the worker can go". */
export const MAX_SPEED = Infinity;
