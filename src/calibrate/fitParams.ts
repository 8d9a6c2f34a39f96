// The machine parameters a calibration fits, and the map between the optimiser's vector (natural logs, so a
// step means the same ratio at any scale) and a scenario's values. Hardware only: cpu_speed, the member
// device's latency (its seek on a disk), bandwidth and parallelism, and the CPU's parity throughput when a run
// writes. Never a cost.*: those follow cpu_speed by the CPU class's one rule (scenarios/cpuClasses.ts).
import { ParamError, type ParamSpec, type ParamValue } from '../scenarios/paramSpec';
import { modelInfo } from '../scenarios/catalog';

export interface FitParam {
  key: string;
  /** Natural-log bounds of the value (the spec's range, a positive floor where the spec allows 0). */
  lo: number;
  hi: number;
  /** The spec's own range, to clamp a value that exp(log(x)) put an ulp outside it. */
  min: number;
  max: number;
  int: boolean;
  /** What the value means, for the report. */
  label: string;
}

/** Lower bounds where the spec's minimum is 0 (a log has none): far below any real device or CPU. */
const FLOOR: Record<string, number> = { cpu_speed: 0.01, 'device.latency': 100, 'device.seek': 10_000 };

function spec(model: string, key: string): ParamSpec {
  const s = modelInfo(model)?.params.find((p) => p.key === key);
  if (!s) throw new ParamError('model', model, `a model with the parameter ${key} (raid5, raid1, raid10)`);
  return s;
}

function fitParam(model: string, key: string, label: string): FitParam {
  const s = spec(model, key);
  if (s.kind !== 'int' && s.kind !== 'number' && s.kind !== 'time')
    throw new Error(`${key} is not a numeric parameter`);
  return {
    key,
    lo: Math.log(Math.max(s.min, FLOOR[key] ?? s.min)),
    hi: Math.log(s.max),
    min: Math.max(s.min, FLOOR[key] ?? s.min),
    max: s.max,
    int: s.kind === 'int',
    label,
  };
}

/** Writes of at least this size make the parity code a visible share of a run's CPU time (xor over every byte
 * of a full stripe or a large read-modify-write); under it the stripe handling's fixed costs swamp it, and the
 * fit would move xor_speed along a flat valley with cpu_speed. */
export const PARITY_BS = 64 * 1024;

/** The candidates for a model, device kind and level, in report order. `largeWrites`: a run writes in blocks of
 * PARITY_BS or more, so the parity speed is fitted (xor for raid5's P; raid6's P+Q at raid6_speed); otherwise
 * it follows cpu_speed by the CPU class's rule. A brd ram disk has no latency or queue to fit. */
export function candidateParams(model: string, device: string, level: number, largeWrites: boolean): FitParam[] {
  if (device === 'ramdisk')
    throw new ParamError(
      'device',
      device,
      'a device with a latency, bandwidth and queue to fit (nvme, sata-ssd, virtio, hdd); brd is a memcpy',
    );
  const out = [fitParam(model, 'cpu_speed', 'one core relative to a server core')];
  if (device === 'hdd') out.push(fitParam(model, 'device.seek', 'average seek of a member (its latency)'));
  else out.push(fitParam(model, 'device.latency', 'service latency of a member'));
  out.push(fitParam(model, 'device.bandwidth', 'bytes/s of a member (read and write)'));
  out.push(fitParam(model, 'device.parallelism', 'requests a member serves at once'));
  if (model === 'raid5' && largeWrites)
    out.push(
      level === 6
        ? fitParam(model, 'raid6_speed', 'P+Q syndrome bytes/s of one core')
        : fitParam(model, 'xor_speed', 'xor bytes/s of one core'),
    );
  return out;
}

/** A log vector as scenario values: ints rounded (the model takes whole requests), the rest as they are. */
export function valuesOf(params: readonly FitParam[], x: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  params.forEach((p, i) => {
    const v = Math.min(p.max, Math.max(p.min, Math.exp(x[i])));
    out[p.key] = p.int ? Math.min(p.max, Math.max(1, Math.round(v))) : v;
  });
  return out;
}

/** Scenario values as the log vector the optimiser starts from. */
export function logsOf(params: readonly FitParam[], values: Record<string, ParamValue>): number[] {
  return params.map((p) => Math.log(Number(values[p.key])));
}
