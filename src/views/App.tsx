// The main screen: preset and parameter controls, playback, and the live picture of the run
// (threads, locks, lock_stat, throughput). Reads the store only; never touches the worker or the model.
import { useEffect } from 'react';
import { useSim, SPEEDS } from '../state/store';
import { PRESETS } from '../scenarios/catalog';
import { formatNs, formatRate } from '../lib/units';
import { Controls } from './Controls';
import { ThreadPanel } from './ThreadPanel';
import { LockPanel } from './LockPanel';

/** Throughput over the last >=200 us of simulated time, kept outside React (it derives from frames). */
const last = { current: { t: 0, c: 0, rate: 0 } };
function noteFrame(t: number, c: number): void {
  if (t - last.current.t > 2e5) last.current = { t, c, rate: ((c - last.current.c) * 1e9) / (t - last.current.t) };
}

export function App() {
  const s = useSim();
  useEffect(() => {
    if (!useSim.getState().preset) useSim.getState().start('raid5-3disk-threads', { group_thread_cnt: 0, stripe_cache_size: 256 });
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).tagName === 'INPUT' || (e.target as HTMLElement).tagName === 'SELECT') return;
      if (e.key === ' ') { e.preventDefault(); useSim.getState().togglePlay(); }
      if (e.key === 'ArrowRight') useSim.getState().step();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const snap = s.snapshot;
  if (snap) noteFrame(snap.timeNs, snap.completions);
  const preset = PRESETS.find((p) => p.id === s.preset);
  return (
    <div className="app">
      <header>
        <h1>Stripe Lab</h1>
        <span className="status" aria-live="polite">
          seed <b data-testid="seed">{s.seed}</b> · simulated time <b data-testid="simtime">{snap ? formatNs(snap.timeNs) : '—'}</b> · events <b>{snap?.events ?? 0}</b> · throughput <b data-testid="throughput">{formatRate(last.current.rate)} ops/s</b>
        </span>
      </header>
      <div className="playback" role="toolbar" aria-label="playback">
        <button data-testid="play" onClick={s.togglePlay}>{s.playing ? 'Pause' : 'Play'} (space)</button>
        <button data-testid="step" onClick={s.step}>Step 1 event (→)</button>
        <label>speed <select value={String(s.speed)} onChange={(e) => s.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((sp) => <option key={sp.label} value={String(sp.simNsPerSec)}>{sp.label}</option>)}
        </select></label>
        {preset && <span className="shows">{preset.shows}</span>}
      </div>
      {s.error && <div className="error" role="alert">{s.error}</div>}
      <main>
        <Controls />
        <ThreadPanel />
        <LockPanel />
      </main>
    </div>
  );
}
