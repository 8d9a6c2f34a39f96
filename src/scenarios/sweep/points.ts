// Sweep points: `--param KEY=a,b,c | a..b | a..b:step` expanded against the model's parameter specs,
// the cartesian product in flag order (first flag slowest), and `--shard K/N`. Runs nothing.
import { parseSize, parseTime } from '../../lib/units';
import { ParamError, type ParamSpec } from '../paramSpec';

export type RawValue = string | number;
export interface Axis {
  key: string;
  values: RawValue[];
}
export type Point = Record<string, RawValue>;

/** Most values a single --param may expand to: a typo like 0..1e9 is refused, not run. */
export const MAX_AXIS = 10_000;
const RANGE_ACCEPTED = 'a list a,b,c or a range a..b or a..b:step (a <= b, step > 0)';

/** Splits KEY=SPEC; the key must be a parameter of the model. */
export function parseParamFlag(flag: string, specs: readonly ParamSpec[]): Axis {
  const eq = flag.indexOf('=');
  if (eq <= 0 || eq === flag.length - 1) throw new ParamError('--param', flag, `KEY=${RANGE_ACCEPTED}`);
  const key = flag.slice(0, eq);
  const spec = specs.find((s) => s.key === key);
  if (!spec) throw new ParamError('--param', key, `a known key: ${specs.map((s) => s.key).join(', ')}`);
  return { key, values: expandValues(spec, flag.slice(eq + 1)) };
}

/** The numeric reader for a range bound or step of this parameter kind, or null if it has no ranges. */
function numberReader(spec: ParamSpec): ((t: string) => number | null) | null {
  switch (spec.kind) {
    case 'int':
      return (t) => (/^\s*-?\d+\s*$/.test(t) ? Number(t) : null);
    case 'number':
    case 'rate':
      return (t) => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : null);
    case 'size':
      return parseSize;
    case 'time':
      return parseTime;
    default:
      return null;
  }
}

/** [a, b, step?] of `a..b` or `a..b:step`, or null when the text is not exactly that. */
function rangeParts(text: string): [string, string, string?] | null {
  const ab = text.trim().split('..');
  if (ab.length !== 2 || text.includes(',')) return null;
  const bs = ab[1].split(':');
  if (bs.length > 2 || ab[0] === '' || bs.some((x) => x === '')) return null;
  return [ab[0], bs[0], bs[1]];
}

export function expandValues(spec: ParamSpec, text: string): RawValue[] {
  const bad = () => new ParamError(spec.key, text, RANGE_ACCEPTED);
  const range = rangeParts(text);
  if (!range) {
    if (text.includes('..')) throw bad();
    const items = text.split(',').map((s) => s.trim());
    if (items.some((s) => s === '')) throw bad();
    return items;
  }
  const read = numberReader(spec);
  if (!read)
    throw new ParamError(spec.key, text, `a list a,b,c (ranges need a numeric parameter; ${spec.key} is ${spec.kind})`);
  const a = read(range[0]);
  const b = read(range[1]);
  const step = range[2] === undefined ? 1 : read(range[2]);
  if (a === null || b === null || step === null || !(step > 0) || a > b) throw bad();
  const count = Math.floor((b - a) / step + 1e-9) + 1;
  if (count > MAX_AXIS) throw new ParamError(spec.key, text, `at most ${MAX_AXIS} values per --param`);
  // Multiply rather than accumulate, so 0..1:0.1 ends at 1, not 0.9999999.
  return Array.from({ length: count }, (_, i) => Number((a + i * step).toPrecision(12)));
}

/** Every combination, first axis slowest (nested loops in flag order). */
export function expandPoints(axes: readonly Axis[]): Point[] {
  let out: Point[] = [{}];
  for (const ax of axes) out = out.flatMap((p) => ax.values.map((v) => ({ ...p, [ax.key]: v })));
  return out;
}

export interface Shard {
  k: number;
  n: number;
}

/** `K/N`, 1 <= K <= N (like Playwright's --shard). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 1) || !(k >= 1) || k > n)
    throw new ParamError('shard', text, 'K/N with 1 <= K <= N (every N-th point starting at the K-th)');
  return { k, n };
}

/** Indices (0-based, into the full point list) this shard runs: K-1, K-1+N, K-1+2N, ... */
export function shardIndices(total: number, shard: Shard | null): number[] {
  const out: number[] = [];
  const start = shard ? shard.k - 1 : 0;
  const stride = shard ? shard.n : 1;
  for (let i = start; i < total; i += stride) out.push(i);
  return out;
}
