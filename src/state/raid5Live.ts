// What raid5 frames feed besides the thread ring: the recent-figures window, the series ring for the
// charts, and a small store (recent figures + bottleneck verdict) updated a few times a second.
import { create } from 'zustand';
import type { FramesMsg } from '../protocol/messages';
import { bottleneck, type Verdict } from './bottleneck';
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
let lastStoreMs = -Infinity;

export function resetRaid5Live(): void {
  recentWindow.reset();
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
  const recent = recentWindow.push(sample, recentWindowNs(simNsPerSec));
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
  useRaid5.setState({ recent, verdict: bottleneck(recent) });
}
