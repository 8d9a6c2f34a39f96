// The UI's state (zustand): scenario, playback and the latest snapshot. Commands go to the bridge.
// No model code; the worker owns the simulation.
import { create } from 'zustand';
import { SimBridge } from '../bridge/simBridge';
import type { Snapshot } from '../sim/core/model';
import { findPreset } from '../scenarios/catalog';

export const SPEEDS: { label: string; simNsPerSec: number }[] = [
  { label: '1 us/s', simNsPerSec: 1e3 }, { label: '100 us/s', simNsPerSec: 1e5 },
  { label: '1 ms/s', simNsPerSec: 1e6 }, { label: '10 ms/s', simNsPerSec: 1e7 }, { label: 'max', simNsPerSec: Infinity },
];

interface State {
  preset: string;
  model: string;
  seed: number;
  params: Record<string, string | number | boolean>;
  speed: number;
  playing: boolean;
  snapshot: Snapshot | null;
  error: string | null;
  start(preset: string, params?: Record<string, string | number | boolean>, seed?: number): void;
  togglePlay(): void;
  step(): void;
  setSpeed(simNsPerSec: number): void;
  setLive(key: string, value: string | number | boolean): void;
}

let bridge: SimBridge | null = null;

export const useSim = create<State>((set, get) => {
  const b = () => (bridge ??= new SimBridge((m) => {
    if (m.type === 'frame') set({ snapshot: m.snapshot, playing: m.playing });
    else set({ error: m.message });
  }));
  return {
    preset: '', model: '', seed: 1, params: {}, speed: 1e6, playing: false, snapshot: null, error: null,
    start(preset, params = {}, seed = get().seed) {
      const p = findPreset(preset);
      set({ preset, model: p?.model ?? '', params, seed, error: null, snapshot: null });
      b().start({ preset, seed, params }, get().speed);
    },
    togglePlay() {
      const playing = !get().playing;
      set({ playing });
      b().send({ type: playing ? 'play' : 'pause' });
    },
    step() {
      set({ playing: false });
      b().send({ type: 'step' });
    },
    setSpeed(simNsPerSec) {
      set({ speed: simNsPerSec });
      b().send({ type: 'speed', simNsPerSec });
    },
    setLive(key, value) {
      set({ params: { ...get().params, [key]: value }, error: null });
      b().send({ type: 'setLive', key, value });
    },
  };
});
