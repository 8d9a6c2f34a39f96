// What raid1/raid10 frames feed: the members' recent figures (mirrorRecent.ts) in a small store, updated a
// few times a second like raid5's (raid5Live.ts), for the mirror machine view.
import { create } from 'zustand';
import type { FramesMsg } from '../../protocol/messages';
import { MirrorWindow, mirrorSampleOf } from './mirrorRecent';
import { recentWindowNs, type MemberFigures } from './recent';

/** The store is refreshed at most this often while playing (every frame when paused or stepping). */
const STORE_EVERY_MS = 250;

export interface MirrorLiveState {
  /** Per member name, over the recent window; null before two samples. */
  members: Map<string, MemberFigures> | null;
}

export const useMirror = create<MirrorLiveState>()(() => ({ members: null }));
const memberWindow = new MirrorWindow();
let lastStoreMs = -Infinity;

export function resetMirrorLive(): void {
  memberWindow.reset();
  lastStoreMs = -Infinity;
  useMirror.setState({ members: null });
}

/** One frame: `simNsPerSec` is the measured simulation rate (it sizes the window). */
export function onMirrorFrame(m: FramesMsg, simNsPerSec: number): void {
  const sample = mirrorSampleOf(m.snapshot);
  if (!sample) {
    if (useMirror.getState().members) resetMirrorLive();
    return;
  }
  const figs = memberWindow.push(sample, recentWindowNs(simNsPerSec));
  const now = performance.now();
  if (!figs || (m.playing && now - lastStoreMs < STORE_EVERY_MS)) return;
  lastStoreMs = now;
  useMirror.setState({ members: new Map(figs.map((f) => [f.name, f])) });
}
