// Colours (Okabe-Ito) and patterns for the small state grids: the classic bitmap's counters, llbitmap's
// state bytes and raid5's async op phases. Indexed by the code the model sends; the legend names each one.
export interface CodeStyle {
  label: string;
  colour: string;
  ink: string;
  pattern: 'none' | 'dots' | 'hatch' | 'stripes' | 'cross';
  about: string;
}

/** md-bitmap.c counters as the classic bitmap's live() codes them. */
export const CLASSIC_STYLES: readonly CodeStyle[] = [
  { label: 'clean', colour: '#E6E6E6', ink: '#E6E6E6', pattern: 'none', about: 'bit clear: no write since the daemon cleaned it' },
  { label: 'bit set', colour: '#56B4E9', ink: '#0B4F8A', pattern: 'dots', about: 'bit set, no write in flight: the daemon clears it after two passes' },
  { label: 'NEEDED', colour: '#F0E442', ink: '#7A6F00', pattern: 'hatch', about: 'NEEDED_MASK: this chunk must be resynced' },
  { label: 'RESYNC', colour: '#CC79A7', ink: '#6B2A52', pattern: 'stripes', about: 'RESYNC_MASK: md_do_sync is syncing this chunk' },
  { label: 'writing', colour: '#D55E00', ink: '#FBD3B8', pattern: 'cross', about: 'writes in flight counted on this chunk' },
];

/** md-llbitmap.c state bytes (STATE_NAMES order). */
export const LLBITMAP_STYLES: readonly CodeStyle[] = [
  { label: 'unwritten', colour: '#E6E6E6', ink: '#E6E6E6', pattern: 'none', about: 'BitUnwritten: never written, needs no sync' },
  { label: 'clean', colour: '#56B4E9', ink: '#0B4F8A', pattern: 'dots', about: 'BitClean: written and in sync' },
  { label: 'dirty', colour: '#D55E00', ink: '#FBD3B8', pattern: 'cross', about: 'BitDirty: written since the daemon last cleaned it' },
  { label: 'need sync', colour: '#F0E442', ink: '#7A6F00', pattern: 'hatch', about: 'BitNeedSync: must be resynced' },
  { label: 'syncing', colour: '#CC79A7', ink: '#6B2A52', pattern: 'stripes', about: 'BitSyncing: md_do_sync is on it' },
];

/** raid5 ops=async: OP_PHASES codes (none, queued, the phases in ops_run order, then awaiting the callback). */
export const OP_STYLES: readonly CodeStyle[] = [
  { label: 'no op', colour: '#E6E6E6', ink: '#E6E6E6', pattern: 'none', about: 'no async op in flight' },
  { label: 'queued', colour: '#F0E442', ink: '#7A6F00', pattern: 'hatch', about: 'handed to the offload engine, waiting for a thread or channel' },
  { label: 'prexor', colour: '#CC79A7', ink: '#6B2A52', pattern: 'stripes', about: 'ops_run_prexor5: old data xor-ed out of parity (read-modify-write)' },
  { label: 'biodrain', colour: '#56B4E9', ink: '#0B4F8A', pattern: 'dots', about: 'ops_run_biodrain: new data copied from the bios into the stripe pages' },
  { label: 'reconstruct', colour: '#D55E00', ink: '#FBD3B8', pattern: 'cross', about: 'ops_run_reconstruct5/6: the new parity computed' },
  { label: 'callback', colour: '#009E73', ink: '#009E73', pattern: 'none', about: 'the engine is done; ops_complete_reconstruct (which hands the stripe back) has not run yet' },
];

/** A CSS background for a legend swatch. */
export function codeSwatch(st: CodeStyle): string {
  switch (st.pattern) {
    case 'dots': return `radial-gradient(circle, ${st.ink} 1.1px, transparent 1.4px) 0 0 / 4px 4px, ${st.colour}`;
    case 'hatch': return `repeating-linear-gradient(135deg, ${st.colour} 0 3px, ${st.ink} 3px 4px)`;
    case 'stripes': return `repeating-linear-gradient(0deg, ${st.colour} 0 3px, ${st.ink} 3px 4px)`;
    case 'cross': return `repeating-linear-gradient(45deg, transparent 0 3px, ${st.ink} 3px 4px), repeating-linear-gradient(135deg, ${st.colour} 0 3px, ${st.ink} 3px 4px)`;
    default: return st.colour;
  }
}
