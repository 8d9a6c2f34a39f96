// Permalinks: the scenario and the view as one compact `#s=` value (lz-string of a small versioned JSON),
// and reading what an address asks (that, `?s=`, or the readable ?preset=..&disks=..). No checks here: linkCheck.ts.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { fieldName } from '../../lib/fieldName';
import type { ParamValue, Speed } from '../../protocol/messages';
import { initialState, type Page } from '../store';

export const LINK_VERSION = 1;

/** Everything a link reproduces: the scenario (model, preset, overrides, seed), the speed and the view. */
export interface LinkState {
  model: string;
  preset: string | null;
  seed: number;
  speed: Speed;
  overrides: Record<string, ParamValue>;
  page: Page;
  timelineWindow: number | 'auto';
  /** The followed stripe_head (raid5), or null. */
  follow: number | null;
  /** The story open on the Stories page ('000'..'004'); absent or null for the list. */
  story?: string | null;
  /** Projector mode (`view=projector`); absent means the normal screen. */
  projector?: boolean;
  /** The lock_stat panel's histograms tab (`lockstat=hists`); absent means its table. */
  lockHists?: boolean;
}

/** The readable form's names that are not model parameters (no model has a parameter by these names). */
export const VIEW_KEYS = [
  'model',
  'preset',
  'seed',
  'speed',
  'page',
  'window',
  'follow',
  'story',
  'view',
  'lockstat',
] as const;

/** The JSON a link carries; fields at their default (linkCheck's fallbacks) are left out to keep links short. */
export function linkWire(s: LinkState): Record<string, unknown> {
  const wire: Record<string, unknown> = { v: LINK_VERSION };
  if (s.preset !== null) wire.preset = s.preset;
  else wire.model = s.model; // a preset names its model
  if (s.seed !== initialState.seed) wire.seed = s.seed;
  if (s.speed !== initialState.speed) wire.speed = s.speed;
  if (Object.keys(s.overrides).length > 0) wire.params = s.overrides;
  if (s.page !== 'lab') wire.page = s.page;
  if (s.timelineWindow !== 'auto') wire.window = s.timelineWindow;
  if (s.follow !== null) wire.follow = s.follow;
  if (s.page === 'stories' && s.story) wire.story = s.story;
  if (s.projector) wire.view = 'projector';
  if (s.lockHists) wire.lockstat = 'hists';
  return wire;
}

/** The value of `s=`: URL-safe as it is (lz-string's URI alphabet). */
export function linkCode(s: LinkState): string {
  return compressToEncodedURIComponent(JSON.stringify(linkWire(s)));
}

/** The hash to put in the address bar or a shared link. */
export function linkHash(s: LinkState): string {
  return `#s=${linkCode(s)}`;
}

/** What an address asks for. `wire` is unchecked (a link may be damaged or hand-edited); problems are top-level only. */
export type AddressAsk =
  | { kind: 'none' }
  | { kind: 'link'; wire: unknown; problems: string[] }
  | { kind: 'readable'; wire: Record<string, unknown>; problems: string[] };

/** A field name as messages show it: as it is when plain, else quoted with spaces and '=' escaped (never ambiguous). */

const shown = (x: string) => JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);

/** Decodes an `s=` value; an undecodable one is reported (naming field s) and read as an empty link. */
export function decodeLinkCode(code: string): { wire: unknown; problems: string[] } {
  const refuse = (why: string) => ({
    wire: {},
    problems: [`link: s=${shown(code)}: accepted a link made by Copy link (${why}); opened the defaults`],
  });
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(code);
  } catch {
    text = null;
  }
  if (!text) return refuse('it does not decompress');
  try {
    return { wire: JSON.parse(text) as unknown, problems: [] };
  } catch {
    return refuse('it decompresses to something that is not JSON');
  }
}

/** A readable value as a number when it looks like one (so `seed=7` is 7), else the string as typed. */
function numberish(raw: string): string | number {
  return /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(raw) ? Number(raw) : raw;
}

/** Reads `#s=` (or `?s=`), else the readable query (?preset=ID&disks=16&speed=max&seed=7&page=sweep). */
export function readAddress(search: string, hash: string): AddressAsk {
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const q = new URLSearchParams(search);
  const code = h.get('s') ?? q.get('s');
  if (code !== null) {
    const { wire, problems } = decodeLinkCode(code);
    const ignored = [...q.keys()].filter((k) => k !== 's');
    if (ignored.length > 0)
      problems.push(
        `link: ${fieldName(ignored[0])}=${shown(q.get(ignored[0]) ?? '')}: accepted nothing beside s= (the link carries the whole scenario); ignored ${ignored.join(', ')}`,
      );
    return { kind: 'link', wire, problems };
  }
  if ([...q.keys()].length === 0) return { kind: 'none' };
  const wire: Record<string, unknown> = { v: LINK_VERSION };
  const params: Record<string, string> = {};
  const problems: string[] = [];
  for (const [k, raw] of q) {
    const view = (VIEW_KEYS as readonly string[]).includes(k);
    if (view ? k in wire : k in params)
      problems.push(`link: ${fieldName(k)}=${shown(raw)}: accepted each name once; kept the first`);
    else if (!view) params[k] = raw;
    else
      wire[k] =
        k === 'model' || k === 'preset' || k === 'page' || k === 'story' || k === 'view' || k === 'lockstat'
          ? raw
          : numberish(raw);
  }
  if (Object.keys(params).length > 0) wire.params = params;
  return { kind: 'readable', wire, problems };
}
