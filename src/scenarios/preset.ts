// The shape of a preset: a named scenario with a stable id and a one-line "what this shows".
// Plain data, shared by the CLI and the UI.
export interface Preset {
  id: string;
  model: string;
  /** The story (seed) it belongs to, for grouping in the picker. */
  story: string;
  title: string;
  shows: string;
  params: Record<string, string | number | boolean>;
  /** The other side of the comparison a preset makes: params overlaid on this preset's. */
  baseline?: Record<string, string | number | boolean>;
  /** Default measured and warm-up durations, in simulated ns. */
  durationNs?: number;
  warmupNs?: number;
}
