// The shape of a story (one seed post in plain words) and of its claims: which runs of which presets
// reproduce each published figure, the pure function that computes the figure, and the test's tolerance.
import type { SimResult } from '../../sim/core/result';

export type Values = Record<string, string | number | boolean>;

/** One headless run a claim needs: a preset, optionally its baseline side, optionally overrides. */
export interface ClaimRun {
  preset: string;
  /** Overlay the preset's baseline (the other side of the comparison it makes). */
  baseline?: boolean;
  /** Overrides on top (and after the baseline), in CLI spelling. */
  params?: Values;
  /** Simulated durations where the claim's test uses others than the preset's (e.g. '30ms'). */
  duration?: string;
  warmup?: string;
  /** The run's seed where the claim averages several (e.g. a mean over seeds 1 and 2); else the page's seed 1. */
  seed?: number;
}

/** How the measured figure is judged; the same bound the claim's test asserts. */
export type Check =
  | { kind: 'within'; target: number; tolerance: number } // |figure / target - 1| <= tolerance
  | { kind: 'above'; bound: number } // figure > bound
  | { kind: 'below'; bound: number } // figure < bound
  | { kind: 'equals'; value: number }
  | { kind: 'factor'; target: number; factor: number } // target / factor < figure < target * factor
  | { kind: 'between'; low: number; high: number }; // low < figure < high

export interface Claim {
  id: string;
  /** What is measured, in plain words. */
  what: string;
  /** The published value as its source gives it (text, with its own units). */
  published: string;
  /** The published value as a number in the figure's unit, when there is one (for measured / published). */
  publishedValue: number | null;
  /** Unit of the figure, e.g. '× IOPS (preset / baseline)'. */
  unit: string;
  /** Where the figure was published when not in the seed post itself. */
  source?: string;
  /** Named runs the figure reads. */
  runs: Record<string, ClaimRun>;
  /** The preset "Open in Lab" loads. */
  lab: string;
  /** How the figure is computed, in words (shown beside the table). */
  how: string;
  figure: (runs: Record<string, SimResult>) => number;
  /** Digits after the point when showing the figure. */
  digits: number;
  check: Check;
  /** The test file that asserts this tolerance. */
  test: string;
  /** Set when the model, run with the setup's own parameters and its CPU class's costs, is known to fall
   * outside the check: why, and the mechanism suspected missing. The page says so beside the verdict, and the
   * test asserts the miss still stands (so a fix shows, and this is removed, rather than a cost tuned). */
  knownMiss?: string;
  /** What the published setup left unsaid and the claim's runs assume (validation figures), shown beside it. */
  assumptions?: string;
}

export interface KernelName {
  name: string;
  what: string;
}

export interface Story {
  /** The seed's number, '000'..'004': also the sub-page's id. */
  id: string;
  /** The seed file in shared/seeds. */
  seedFile: string;
  title: string;
  /** One sentence for the list of stories. */
  gist: string;
  author: string;
  list: string;
  date: string;
  /** The thread's subject, as posted. */
  subject: string;
  /** At most one sentence of the post, attributed. */
  quote: { text: string; by: string };
  /** The claim in plain words: 2-4 short paragraphs. */
  plain: string[];
  /** What the model does: the kernel functions and structures it mirrors. */
  model: { summary: string; names: KernelName[] };
  claims: Claim[];
}
