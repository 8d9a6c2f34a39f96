// Colours (Okabe-Ito) and patterns for the small state grids: the classic bitmap's counters, llbitmap's
// state bytes and raid5's async op phases. Indexed by the code the model sends; the legend names each one.
import { SWATCH, type Swatch } from '../raid5/cellPalette';

export interface CodeStyle extends Swatch {
  label: string;
  about: string;
}

/** md-bitmap.c counters as the classic bitmap's live() codes them. */
export const CLASSIC_STYLES: readonly CodeStyle[] = [
  { label: 'clean', ...SWATCH.blank, about: 'bit clear: no write since the daemon cleaned it' },
  { label: 'bit set', ...SWATCH.blueDots, about: 'bit set, no write in flight: the daemon clears it after two passes' },
  { label: 'NEEDED', ...SWATCH.yellowHatch, about: 'NEEDED_MASK: this chunk must be resynced' },
  { label: 'RESYNC', ...SWATCH.purpleStripes, about: 'RESYNC_MASK: md_do_sync is syncing this chunk' },
  { label: 'writing', ...SWATCH.vermilionCross, about: 'writes in flight counted on this chunk' },
];

/** md-llbitmap.c state bytes (STATE_NAMES order). */
export const LLBITMAP_STYLES: readonly CodeStyle[] = [
  { label: 'unwritten', ...SWATCH.blank, about: 'BitUnwritten: never written, needs no sync' },
  { label: 'clean', ...SWATCH.blueDots, about: 'BitClean: written and in sync' },
  { label: 'dirty', ...SWATCH.vermilionCross, about: 'BitDirty: written since the daemon last cleaned it' },
  { label: 'need sync', ...SWATCH.yellowHatch, about: 'BitNeedSync: must be resynced' },
  { label: 'syncing', ...SWATCH.purpleStripes, about: 'BitSyncing: md_do_sync is on it' },
];

/** raid5 ops=async: OP_PHASES codes (none, queued, the phases in ops_run order, then awaiting the callback). */
export const OP_STYLES: readonly CodeStyle[] = [
  { label: 'no op', ...SWATCH.blank, about: 'no async op in flight' },
  { label: 'queued', ...SWATCH.yellowHatch, about: 'handed to the offload engine, waiting for a thread or channel' },
  {
    label: 'prexor',
    ...SWATCH.purpleStripes,
    about: 'ops_run_prexor5: old data xor-ed out of parity (read-modify-write)',
  },
  {
    label: 'biodrain',
    ...SWATCH.blueDots,
    about: 'ops_run_biodrain: new data copied from the bios into the stripe pages',
  },
  { label: 'reconstruct', ...SWATCH.vermilionCross, about: 'ops_run_reconstruct5/6: the new parity computed' },
  {
    label: 'callback',
    ...SWATCH.green,
    about: 'the engine is done; ops_complete_reconstruct (which hands the stripe back) has not run yet',
  },
];
