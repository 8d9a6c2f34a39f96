// The UI's state (zustand): which scenario runs, playback, the latest snapshot and figures, errors.
// Plain data only; intents live in actions.ts and the high-rate frames in frameRing.ts, not here.
import { create } from 'zustand';
import type { Figures, PaceReport, ParamValue, Snapshot, Speed } from '../protocol/messages';

export const SPEEDS: readonly { label: string; speed: Speed }[] = [
  { label: '1 µs/s', speed: 1e3 },
  { label: '10 µs/s', speed: 1e4 },
  { label: '100 µs/s', speed: 1e5 },
  { label: '1 ms/s', speed: 1e6 },
  { label: '10 ms/s', speed: 1e7 },
  { label: '100 ms/s', speed: 1e8 },
  { label: 'max', speed: 'max' },
];

/** Timeline spans in simulated ns; 'auto' follows the speed (about three wall seconds of history). */
export const WINDOWS: readonly { label: string; ns: number | 'auto' }[] = [
  { label: 'auto', ns: 'auto' },
  { label: '10 µs', ns: 1e4 },
  { label: '100 µs', ns: 1e5 },
  { label: '1 ms', ns: 1e6 },
  { label: '10 ms', ns: 1e7 },
  { label: '100 ms', ns: 1e8 },
];

export const DEFAULT_PRESET = 'raid5-3disk-threads';

/** The app's pages: the live lab, sweeps, A/B comparison, the five stories in plain words, and the validation set. */
export const PAGES = [
  { id: 'lab', label: 'Lab' },
  { id: 'sweep', label: 'Sweep' },
  { id: 'compare', label: 'A/B' },
  { id: 'stories', label: 'Stories' },
  { id: 'validation', label: 'Validation' },
  { id: 'calibrate', label: 'Calibrate' },
] as const;
export type Page = (typeof PAGES)[number]['id'];

export interface SimState {
  /** The worker answered the handshake. */
  connected: boolean;
  runId: number;
  model: string;
  preset: string | null;
  seed: number;
  /** What the user set on top of the preset (or the model's defaults). */
  overrides: Record<string, ParamValue>;
  /** Every parameter of the current run, resolved. */
  params: Record<string, ParamValue>;
  playing: boolean;
  speed: Speed;
  snapshot: Snapshot | null;
  figures: Figures | null;
  /** Completed operations per simulated second over roughly the last wall second. */
  recentOpsPerSec: number | null;
  /** The run could not start, or the model stopped with an error. */
  runError: string | null;
  /** The stall watchdog's word on the run (issue 11): too early to expect a completion, or stalled; null when
   * completions come. */
  watch: { status: 'early' | 'stalled'; message: string; atNs: number } | null;
  /** The worker's latest measure of where its time goes while playing (about once a second); null before one. */
  pace: PaceReport | null;
  /** Refusals shown at the control that caused them, by parameter key (or 'seed'). */
  fieldErrors: Record<string, string>;
  /** One line about what the last change did (applied live, or started a new run). */
  notice: string | null;
  timelineWindow: number | 'auto';
  page: Page;
  /** Projector mode: fewer, bigger panels in large type for a room (key V, ?view=projector). */
  projector: boolean;
}

export const initialState: SimState = {
  connected: false,
  runId: 0,
  model: '',
  preset: null,
  seed: 1,
  overrides: {},
  params: {},
  playing: true,
  speed: 1e6,
  snapshot: null,
  figures: null,
  recentOpsPerSec: null,
  runError: null,
  watch: null,
  pace: null,
  fieldErrors: {},
  notice: null,
  timelineWindow: 'auto',
  page: 'lab',
  projector: false,
};

export const useSim = create<SimState>()(() => ({ ...initialState }));
