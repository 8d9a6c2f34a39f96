// What raid5 frames feed besides the thread ring: the recent-figures window, the series ring for the
// charts, and a small store (recent figures + bottleneck verdict) updated a few times a second.
import { create } from 'zustand';
import type { FramesMsg } from '../../protocol/messages';
import { bottleneck, measuring, type Verdict } from './bottleneck';
import { raid5Extra } from './raid5Extra';
import { RecentWindow, recentWindowNs, sampleOf, type RecentFigures } from './recent';
import { SeriesRing } from './seriesRing';

/** The store is refreshed at most this often while playing (every frame when paused or stepping). */
const STORE_EVERY_MS = 250;

export interface Raid5LiveState {
  recent: RecentFigures | null;
  verdict: Verdict | null;
}

export const useRaid5 = create<Raid5LiveState>()(() => ({ recent: null, verdict: null }));
export const seriesRing = new SeriesRing();
const recentWindow = new RecentWindow();
/** The bottleneck line's own window, started over at each live change: the verdict reads only the new state,
 * while the figures on screen keep the steady window (a fresh one over a frame or two showed 1.15M IOPS). */
const verdictWindow = new RecentWindow();
let lastStoreMs = -Infinity;
/** Part of the window that must hold the new state before the line gives a verdict, after a start or a change. */
export const SETTLE_SHARE = 0.5;

/** The window's figures need this much simulated time of one state (all of a short window, half a long one). */
export function settleNs(windowNs: number): number {
  return Math.max(Math.min(windowNs, 2e6), windowNs * SETTLE_SHARE);
}

/**
 * A live change was applied (the worker said so; frames after this message are of the new state): the verdict's
 * window starts over, so the verdict describes only the new state, and the line says measuring until then.
 */
export function noteRaid5Change(simNsPerSec: number): void {
  verdictWindow.reset();
  lastStoreMs = -Infinity;
  if (useRaid5.getState().verdict) useRaid5.setState({ verdict: measuring(0, settleNs(recentWindowNs(simNsPerSec))) });
}

export function resetRaid5Live(): void {
  recentWindow.reset();
  verdictWindow.reset();
  seriesRing.reset();
  lastStoreMs = -Infinity;
  useRaid5.setState({ recent: null, verdict: null });
}

/** One frame: `simNsPerSec` is the measured simulation rate (it sizes the window). */
export function onRaid5Frame(m: FramesMsg, simNsPerSec: number): void {
  const x = raid5Extra(m.snapshot);
  const sample = sampleOf(m.snapshot);
  if (!x || !sample) {
    if (useRaid5.getState().recent) resetRaid5Live();
    return;
  }
  const windowNs = recentWindowNs(simNsPerSec);
  const recent = recentWindow.push(sample, windowNs);
  const forVerdict = verdictWindow.push(sample, windowNs);
  const lat = x.latencyWindow;
  seriesRing.push(m.snapshot.timeNs, {
    iops: recent ? recent.opsPerSec : NaN,
    mbps: recent ? recent.bytesPerSec / 1e6 : NaN,
    p50Us: lat ? lat.p50 / 1e3 : NaN,
    p99Us: lat ? lat.p99 / 1e3 : NaN,
    cacheActive: x.stripeCacheActive,
    handleList: x.stripeCounts.handle_list,
    memberQueue: x.memberQueues.reduce((s, q) => s + q.queued + q.inService, 0),
  });
  const now = performance.now();
  if (!recent || (m.playing && now - lastStoreMs < STORE_EVERY_MS)) return;
  lastStoreMs = now;
  const need = settleNs(windowNs);
  const span = forVerdict?.spanNs ?? 0;
  useRaid5.setState({ recent, verdict: !forVerdict || span < need ? measuring(span, need) : bottleneck(forVerdict) });
}
