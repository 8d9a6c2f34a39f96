// Every model's parameter specs and presets, by model name: what --describe, --list-presets
// and the UI's pickers read. Adding a model means adding one line to each table here.
import { LOCK_LAB_PARAMS, LOCK_LAB_PRESETS } from './lockLabSpec';
import type { ParamSpec } from './paramSpec';
import type { Preset } from './preset';

export interface ModelInfo {
  name: string;
  title: string;
  params: readonly ParamSpec[];
  defaultDurationNs: number;
  defaultWarmupNs: number;
}

export const MODELS: readonly ModelInfo[] = [
  { name: 'lock-lab', title: 'Lock Lab: threads contending for a lock', params: LOCK_LAB_PARAMS, defaultDurationNs: 200e6, defaultWarmupNs: 20e6 },
];

export const PRESETS: readonly Preset[] = [...LOCK_LAB_PRESETS];

export function modelInfo(name: string): ModelInfo | undefined {
  return MODELS.find((m) => m.name === name);
}

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
