// The configuration the Lab's stall watchdog spoke about, as the `npm run sim` line that replays it with the
// invariants and the watchdog on (issue 11's "copy the configuration"): the preset, what was set over it, the seed,
// no warm-up and a window that reaches the moment the watchdog spoke. Live knob changes made during the run are
// not in it: the line starts the configuration as it is now.
import type { ParamValue } from '../../protocol/messages';

export interface WatchLineInput {
  model: string;
  preset: string | null;
  overrides: Record<string, ParamValue>;
  seed: number;
  /** Simulated time when the watchdog spoke. */
  atNs: number;
}

/** A window just past `ns`, in ms rounded up to 0.1 ms. */
function windowPast(ns: number): string {
  return `${Math.max(1, Math.ceil((ns * 1.05) / 1e5)) / 10}ms`;
}

export function watchLine(w: WatchLineInput): string {
  const quote = (v: string) => (/^[\w.:/+=-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
  return [
    'npm run sim --',
    w.preset ? `--preset ${quote(w.preset)}` : `--model ${quote(w.model)}`,
    ...Object.entries(w.overrides).map(([k, v]) => `--set ${quote(`${k}=${String(v)}`)}`),
    `--seed ${w.seed}`,
    `--duration ${windowPast(w.atNs)}`,
    '--warmup 0ns',
    '--check-invariants',
  ].join(' ');
}
