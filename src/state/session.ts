// Connects the bridge to the store: worker messages land in the frame ring (every frame) and the
// store (coalesced to a few updates a second). It decides nothing about scenarios; actions.ts does.
import { SimBridge } from '../bridge/simBridge';
import type { FramesMsg, FromWorker } from '../protocol/messages';
import { assertNever } from '../lib/assertNever';
import { dropExportRequests, onExportReply } from './export/exportReplies';
import { frameRing } from './lab/frameRing';
import { onMirrorFrame, resetMirrorLive } from './lab/mirrorLive';
import { noteRaid5Change, onRaid5Frame, resetRaid5Live } from './lab/raid5Live';
import { useSim, type SimState } from './store';

/** Store updates from frames are batched this long while playing: numbers people can read, fewer renders. */
const STORE_EVERY_MS = 100;
/** Recent throughput and simulation rate are measured over about this much wall time. */
const RATE_WINDOW_MS = 1000;

let bridge: SimBridge | null = null;
let pending: Partial<SimState> | null = null;
let flushTimer: ReturnType<typeof setTimeout> | null = null;
const history: { wallMs: number; simNs: number; completions: number }[] = [];
/** Simulated ns per wall second, measured; the timeline's 'auto' span uses it at 'max' speed. */
export const measured = { simNsPerSec: 0 };

function flush(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  if (pending) useSim.setState(pending);
  pending = null;
}

function queue(update: Partial<SimState>, now: boolean): void {
  pending = { ...pending, ...update };
  if (now) flush();
  else flushTimer ??= setTimeout(flush, STORE_EVERY_MS);
}

function noteRates(m: FramesMsg): number | null {
  const wallMs = performance.now();
  history.push({ wallMs, simNs: m.snapshot.timeNs, completions: m.snapshot.completions });
  while (history.length > 2 && wallMs - history[1].wallMs >= RATE_WINDOW_MS) history.shift();
  const a = history[0];
  const dt = m.snapshot.timeNs - a.simNs;
  if (wallMs > a.wallMs) measured.simNsPerSec = (dt * 1000) / (wallMs - a.wallMs);
  return dt > 0 ? ((m.snapshot.completions - a.completions) * 1e9) / dt : useSim.getState().recentOpsPerSec;
}

/** Forgets everything about the previous run (called when a new runId begins). */
export function clearRun(runId: number): void {
  frameRing.reset(runId);
  dropExportRequests('a new run started before the export was ready; ask again');
  resetRaid5Live();
  resetMirrorLive();
  history.length = 0;
  pending = null;
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  useSim.setState({
    runId,
    snapshot: null,
    figures: null,
    recentOpsPerSec: null,
    runError: null,
    watch: null,
    pace: null,
  });
}

function onMessage(m: FromWorker): void {
  switch (m.type) {
    case 'ready':
      useSim.setState({ connected: true });
      return;
    case 'started':
      useSim.setState({ model: m.model, preset: m.preset, seed: m.seed, params: m.params, runError: null });
      return;
    case 'frames': {
      frameRing.push(m);
      const recentOpsPerSec = noteRates(m);
      onRaid5Frame(m, measured.simNsPerSec);
      onMirrorFrame(m, measured.simNsPerSec);
      queue(
        { snapshot: m.snapshot, playing: m.playing, recentOpsPerSec, ...(m.figures ? { figures: m.figures } : {}) },
        !m.playing,
      );
      return;
    }
    case 'liveApplied':
      noteRaid5Change(measured.simNsPerSec);
      useSim.setState((s) => ({ params: { ...s.params, [m.key]: m.value } }));
      return;
    case 'error': {
      flush();
      if (m.where === 'setLive' && m.key) {
        useSim.setState((s) => ({ fieldErrors: { ...s.fieldErrors, [m.key as string]: m.message }, notice: null }));
      } else if (m.where === 'start' && m.key) {
        useSim.setState((s) => ({
          runError: m.message,
          fieldErrors: { ...s.fieldErrors, [m.key as string]: m.message },
          playing: false,
        }));
      } else useSim.setState({ runError: m.message, playing: false });
      return;
    }
    case 'watch':
      useSim.setState({ watch: m.status === 'ok' ? null : { status: m.status, message: m.message, atNs: m.atNs } });
      return;
    case 'pace': {
      const { type: _type, runId: _runId, ...report } = m;
      useSim.setState({ pace: report });
      return;
    }
    case 'trace':
    case 'exportProgress':
    case 'result':
    case 'exportError':
      onExportReply(m);
      return;
    default:
      assertNever(m, 'worker message');
  }
}

/** The app's bridge, created on first use (only in the browser: it makes a Worker). */
export function getBridge(): SimBridge {
  bridge ??= new SimBridge({
    onMessage,
    onCrash: (message) => useSim.setState({ runError: `simulation worker: ${message}`, playing: false }),
  });
  return bridge;
}
