// The A/B page's state (zustand): pinned baseline A (loaded from localStorage at start), the run's progress,
// and the last comparison's results with what was compared. Plain data; intents live in compareActions.ts.
import { create } from 'zustand';
import type { SimResult } from '../../protocol/batch';
import { readPin, type ParamChange, type Pin } from './comparePin';
import { browserStorage } from '../storage';

/** What one comparison ran: both sides as they were at Run, the shared seeds and the changes A -> B. */
export interface CompareRunInfo {
  a: Pin;
  b: Pin;
  seeds: number[];
  durationNs: { a: number; b: number };
  warmupNs: { a: number; b: number };
  changes: ParamChange[];
}

export type ComparePhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface CompareState {
  pin: Pin | null;
  /** The A that the last pin replaced, so a pin by mistake can be taken back. */
  previousPin: Pin | null;
  /** Trouble with storage (unreadable or unsaved pin), shown on the page; the pin itself may still be set. */
  pinNote: string | null;
  /** Refusals at the Run form's fields, by field ('replications', 'duration'). */
  fieldErrors: Record<string, string>;
  phase: ComparePhase;
  done: number;
  total: number;
  /** Why the last run stopped (failure text), or null. */
  message: string | null;
  /** Results by replication, a[i] and b[i] on seeds[i]. */
  results: { info: CompareRunInfo; a: SimResult[]; b: SimResult[] } | null;
}

const stored = readPin(browserStorage());

export const useCompare = create<CompareState>()(() => ({
  pin: stored.pin,
  previousPin: null,
  pinNote: stored.error,
  fieldErrors: {},
  phase: 'idle',
  done: 0,
  total: 0,
  message: null,
  results: null,
}));
