// Parameter descriptions (unit, default, range, help) and the one place user input is checked
// against them. Every refusal names the key, the value given and what is accepted; nothing is clamped.
import { formatBytes, formatNs, parseBandwidth, parseRate, parseSize, parseTime } from '../lib/units';

interface Base {
  key: string;
  help: string;
  live?: boolean;
  group?: string;
}
export type ParamSpec = Base &
  (
    | { kind: 'int'; unit: string; default: number; min: number; max: number; powerOfTwo?: boolean }
    | {
        kind: 'number';
        unit: string;
        default: number;
        min: number;
        max: number;
        /** min itself refused (e.g. a speed: above 0) */ minExclusive?: boolean;
      }
    | { kind: 'time'; default: number; min: number; max: number }
    | { kind: 'size'; default: number; min: number; max: number; multipleOf?: number; powerOfTwo?: boolean }
    | { kind: 'rate'; default: number; min: number; max: number }
    | { kind: 'enum'; values: readonly string[]; default: string }
    | { kind: 'bool'; default: boolean }
  );

export type ParamValue = string | number | boolean;

export class ParamError extends Error {
  constructor(
    readonly key: string,
    readonly value: unknown,
    readonly accepted: string,
  ) {
    super(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}: accepted ${accepted}`);
  }
}

export function unitOf(s: ParamSpec): string {
  switch (s.kind) {
    case 'int':
    case 'number':
      return s.unit;
    case 'time':
      return 'ns (accepts ns, us, ms, s)';
    case 'size':
      return 'bytes (accepts 4k, 512k, 1m)';
    case 'rate':
      return 'per second (accepts 450k, 1m)';
    case 'enum':
      return 'one of';
    case 'bool':
      return 'on/off';
  }
}

export function acceptedOf(s: ParamSpec): string {
  switch (s.kind) {
    case 'int':
      return `an integer ${s.min}..${s.max}${s.powerOfTwo ? ', a power of two' : ''}`;
    case 'number': {
      const range = s.minExclusive ? `a number above ${s.min}, at most ${s.max}` : `a number ${s.min}..${s.max}`;
      return s.unit === 'bytes/s' ? `${range} bytes/s (or with its unit: 2 GB/s, 500M, 1.5GiB/s)` : range;
    }
    case 'time':
      return `a time ${formatNs(s.min)}..${formatNs(s.max)} (e.g. 2us, 1ms)`;
    case 'size':
      return `a size ${formatBytes(s.min)}..${formatBytes(s.max)}${s.multipleOf ? `, a multiple of ${s.multipleOf}` : ''}${s.powerOfTwo ? ', a power of two' : ''}`;
    case 'rate':
      return `a rate ${s.min}..${s.max} per second`;
    case 'enum':
      return s.values.join(' | ');
    case 'bool':
      return 'on | off (true | false, 1 | 0)';
  }
}

const isPow2 = (x: number) => x > 0 && (x & (x - 1)) === 0;

/** Parses a value (a CLI string, or a JSON value from a file or the UI) against its spec. */
export function parseParam(s: ParamSpec, raw: unknown): ParamValue {
  const fail = () => new ParamError(s.key, raw, acceptedOf(s));
  const numeric = (parse: (t: string) => number | null): number => {
    const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? parse(raw) : null;
    if (v === null || !Number.isFinite(v)) throw fail();
    return v;
  };
  switch (s.kind) {
    case 'int': {
      const v = numeric((t) => (/^\s*-?\d+\s*$/.test(t) ? Number(t) : null));
      if (!Number.isInteger(v) || v < s.min || v > s.max || (s.powerOfTwo && !isPow2(v))) throw fail();
      return v;
    }
    case 'number': {
      // a bandwidth may be typed with its unit ("2 GB/s", "500M"), as the UI shows it
      const plain = (t: string) => (t.trim() === '' ? null : Number(t));
      const withUnit = (t: string) => {
        const x = plain(t);
        return x !== null && Number.isFinite(x) ? x : parseBandwidth(t);
      };
      const v = numeric(s.unit === 'bytes/s' ? withUnit : plain);
      if (v < s.min || (s.minExclusive && v === s.min) || v > s.max) throw fail();
      return v;
    }
    case 'time': {
      const v = numeric(parseTime);
      if (v < s.min || v > s.max) throw fail();
      return v;
    }
    case 'size': {
      const v = numeric(parseSize);
      if (
        !Number.isInteger(v) ||
        v < s.min ||
        v > s.max ||
        (s.multipleOf && v % s.multipleOf !== 0) ||
        (s.powerOfTwo && !isPow2(v))
      )
        throw fail();
      return v;
    }
    case 'rate': {
      const v = numeric(parseRate);
      if (v < s.min || v > s.max) throw fail();
      return v;
    }
    case 'enum':
      if (typeof raw !== 'string' || !s.values.includes(raw)) throw fail();
      return raw;
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (raw === 1 || raw === 'on' || raw === 'true' || raw === '1') return true;
      if (raw === 0 || raw === 'off' || raw === 'false' || raw === '0') return false;
      throw fail();
  }
}

export type Resolved = Record<string, ParamValue>;

/** A device preset's figures as the device.* parameters, each unless the user gave it: every model with a
 * `device` choice (raid5, raid1/raid10, loop, ext4) derives them this way. */
export function fillDeviceParams(
  params: Resolved,
  given: ReadonlySet<string>,
  d: { latency: number; bandwidth: number; parallelism: number; seqLatency?: number },
): void {
  const fill = (key: string, v: number | undefined) => {
    if (v !== undefined && !given.has(key)) params[key] = v;
  };
  fill('device.latency', d.latency);
  fill('device.seq_latency', d.seqLatency);
  fill('device.bandwidth', d.bandwidth);
  fill('device.parallelism', d.parallelism);
}

/** Defaults, overlaid by `given` (each checked); an unknown key is refused with the known ones listed. */
export function resolveParams(specs: readonly ParamSpec[], given: Record<string, unknown>): Resolved {
  const out: Resolved = {};
  for (const s of specs) out[s.key] = s.default;
  for (const [k, v] of Object.entries(given)) {
    const s = specs.find((x) => x.key === k);
    if (!s) throw new ParamError(k, v, `a known key: ${specs.map((x) => x.key).join(', ')}`);
    out[k] = parseParam(s, v);
  }
  return out;
}

/** A value shown the way a user would type it (2us, 512k). */
export function displayValue(s: ParamSpec, v: ParamValue): string {
  if (typeof v !== 'number') return String(v);
  if (s.kind === 'time') return formatNs(v).replace(' ', '');
  if (s.kind === 'size') return formatBytes(v);
  return String(v);
}
