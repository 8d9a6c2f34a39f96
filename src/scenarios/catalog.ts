// Every model's parameter specs and presets, by model name: what --describe, --list-presets
// and the UI's pickers read. Adding a model means adding one line to each table here.
import { deriveExt4, EXT4_PARAMS, EXT4_PRESETS } from './ext4Spec';
import { LOCK_LAB_PARAMS, LOCK_LAB_PRESETS } from './lockLabSpec';
import { deriveLoop, LOOP_PARAMS, LOOP_PRESETS } from './loopSpec';
import type { ParamSpec, Resolved } from './paramSpec';
import { deriveRaid5, RAID5_PARAMS } from './raid5Spec';
import { RAID5_ASYNC_PRESETS, RAID5_PRESETS } from './raid5Presets';
import { deriveRaid1, deriveRaid10, RAID1_PARAMS, RAID10_PARAMS } from './mirrorSpec';
import { BITMAP_PRESETS } from './bitmapPresets';
import { VALIDATION_PRESETS } from './validationPresets';
import type { Preset } from './preset';

export interface ModelInfo {
  name: string;
  title: string;
  params: readonly ParamSpec[];
  defaultDurationNs: number;
  defaultWarmupNs: number;
  /** Fills parameters that depend on others (e.g. device.* from device) and checks cross-field rules. */
  derive?: (params: Resolved, given: ReadonlySet<string>) => void;
}

export const MODELS: readonly ModelInfo[] = [
  {
    name: 'lock-lab',
    title: 'Lock Lab: threads contending for a lock',
    params: LOCK_LAB_PARAMS,
    defaultDurationNs: 200e6,
    defaultWarmupNs: 20e6,
  },
  {
    name: 'raid5',
    title: 'md raid5: stripe cache, raid5d and workers, device_lock',
    params: RAID5_PARAMS,
    defaultDurationNs: 50e6,
    defaultWarmupNs: 10e6,
    derive: deriveRaid5,
  },
  {
    name: 'loop',
    title: 'loop device: single-thread, blk-mq workqueue or AIO+O_DIRECT over a backing file',
    params: LOOP_PARAMS,
    defaultDurationNs: 50e6,
    defaultWarmupNs: 5e6,
    derive: deriveLoop,
  },
  {
    name: 'ext4',
    title: 'ext4 writeback: 4K buffers or 512K bios into the request queue and its queue_lock',
    params: EXT4_PARAMS,
    defaultDurationNs: 20e6,
    defaultWarmupNs: 10e6,
    derive: deriveExt4,
  },
  {
    name: 'raid1',
    title: 'md raid1: mirrors, raid1d, write-intent bitmaps and the initial resync',
    params: RAID1_PARAMS,
    defaultDurationNs: 50e6,
    defaultWarmupNs: 10e6,
    derive: deriveRaid1,
  },
  {
    name: 'raid10',
    title: 'md raid10 (near-2): mirrored stripes, raid10d, bitmaps and resync',
    params: RAID10_PARAMS,
    defaultDurationNs: 50e6,
    defaultWarmupNs: 10e6,
    derive: deriveRaid10,
  },
];

export const PRESETS: readonly Preset[] = [
  ...LOCK_LAB_PRESETS,
  ...RAID5_PRESETS,
  ...RAID5_ASYNC_PRESETS,
  ...LOOP_PRESETS,
  ...EXT4_PRESETS,
  ...BITMAP_PRESETS,
  ...VALIDATION_PRESETS,
];

export function modelInfo(name: string): ModelInfo | undefined {
  return MODELS.find((m) => m.name === name);
}

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
