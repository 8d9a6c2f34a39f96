// Write-intent bitmaps (seed 004): the parameters every array model shares for md's bitmap and resync
// (bitmap, assume_clean, daemon_sleep, sync_speed_*...), their checks, and the presets that reproduce the
// llbitmap cover letter's fio table. Data only.
import { ParamError, type ParamSpec, type Resolved } from './paramSpec';
import type { Preset } from './preset';

const B = 'bitmap';
export const BITMAP_PARAMS: readonly ParamSpec[] = [
  { key: 'bitmap', kind: 'enum', values: ['none', 'bitmap', 'llbitmap'], default: 'none', group: B, help: 'Write-intent bitmap: none, bitmap (classic md-bitmap: counters under one global bitmap_lock) or llbitmap (lockless, one state byte per chunk; mdadm --bitmap=lockless).' },
  { key: 'assume_clean', kind: 'bool', default: true, group: B, help: 'on: the array starts in sync (mdadm --assume-clean, or a long-lived array); off: a new array whose initial resync runs in the background (llbitmap skips regions never written).' },
  { key: 'bitmap_chunk', kind: 'size', default: 64 << 20, min: 4096, max: 2 ** 34, powerOfTwo: true, group: B, help: 'Classic bitmap: array space per bit (mdadm --bitmap-chunk; internal default 64M). llbitmap sizes its own chunk (64K doubled until 128K of state bytes cover the array).' },
  { key: 'daemon_sleep', kind: 'time', default: 5e9, min: 1e6, max: 1e12, group: B, help: 'Interval of the bitmap daemon that clears bits (classic 5 s, llbitmap 30 s unless given).' },
  { key: 'barrier_idle', kind: 'time', default: 5e9, min: 1e6, max: 1e12, group: B, help: 'llbitmap: a dirty page untouched this long is cleaned by the daemon.' },
  { key: 'sync_speed_min', kind: 'int', unit: 'KiB/s', default: 1000, min: 1, max: 1e9, live: true, group: B, help: 'sysfs sync_speed_min: below this the resync never yields to array IO.' },
  { key: 'sync_speed_max', kind: 'int', unit: 'KiB/s', default: 200_000, min: 1, max: 1e9, live: true, group: B, help: 'sysfs sync_speed_max: above this the resync sleeps 500 ms.' },
  { key: 'sync_io_depth', kind: 'int', unit: 'IOs', default: 32, min: 1, max: 1024, live: true, group: B, help: 'sysfs sync_io_depth: resync IOs (a 4K stripe for raid456, 64K otherwise) in flight before a busy array makes the resync wait for them.' },
  { key: 'cost.md_clone', kind: 'time', default: 400, min: 0, max: 1e9, group: 'costs', help: 'With a bitmap, md core clones each write (md_clone_bio) and ends the clone (md_end_clone_io) in the thread that completes it: raid5d for raid5, interrupt context for raid1/raid10. Paid at each end.' },
  { key: 'cost.bitmap_counter', kind: 'time', default: 150, min: 0, max: 1e9, group: 'costs', help: 'Classic bitmap: one counter update under bitmap_lock (start_write, end_write).' },
  { key: 'cost.llbitmap_state', kind: 'time', default: 60, min: 0, max: 1e9, group: 'costs', help: 'llbitmap: one chunk through the state machine plus the percpu reference, no lock.' },
  { key: 'cost.unplug_check', kind: 'time', default: 200, min: 0, max: 1e9, group: 'costs', help: 'bitmap unplug looking for dirty pages.' },
  { key: 'cost.sync_step', kind: 'time', default: 300, min: 0, max: 1e9, group: 'costs', help: 'md_do_sync per sync_request or per bitmap chunk skipped.' },
];

/** llbitmap's daemon_sleep default is 30 s; sync_speed_max may not be below sync_speed_min. */
export function deriveBitmap(params: Resolved, given: ReadonlySet<string>): void {
  if (params.bitmap === 'llbitmap' && !given.has('daemon_sleep')) params.daemon_sleep = 30e9;
  if ((params.sync_speed_max as number) < (params.sync_speed_min as number)) {
    throw new ParamError('sync_speed_max', params.sync_speed_max, `at least sync_speed_min (${params.sync_speed_min} KiB/s)`);
  }
}

export const BITMAP_PRESETS: readonly Preset[] = [];
