// A real fio result (fio 3.x --output-format=json or json+) read into the figures the model also has, checked
// with valibot and against the scenario's workload (rw, bs, numjobs, iodepth). Pure: text in, data or a
// ParamError out (one line naming the field, the value and what was expected); it never fills in a figure.
import * as v from 'valibot';
import { ParamError } from '../paramSpec';
import { parseSize } from '../../lib/units';

const Num = v.number();
const Lat = v.looseObject({
  min: Num,
  max: Num,
  mean: Num,
  N: Num,
  percentile: v.optional(v.record(v.string(), Num)),
  bins: v.optional(v.record(v.string(), Num)),
});
const Dir = v.looseObject({ io_bytes: Num, bw_bytes: Num, iops: Num, runtime: Num, total_ios: Num, clat_ns: Lat });
const Options = v.record(v.string(), v.string());
const Job = v.looseObject({
  jobname: v.string(),
  error: Num,
  'job options': v.optional(Options),
  read: Dir,
  write: Dir,
});
const DiskUtil = v.looseObject({ name: v.string(), util: Num });
export const FioResultSchema = v.looseObject({
  'fio version': v.string(),
  'global options': v.optional(Options),
  jobs: v.pipe(v.array(Job), v.minLength(1)),
  disk_util: v.optional(v.array(DiskUtil)),
});
type FioResult = v.InferOutput<typeof FioResultSchema>;
type FioLat = v.InferOutput<typeof Lat>;

/** Completion latency as the model reports it: fio's clat_ns (the model's IO latency has no separate slat). */
export interface MeasuredLatency {
  N: number;
  mean: number;
  max: number;
  /** fio's percentiles; null when fio printed none, or several jobs' cannot be combined (no json+ bins). */
  p50: number | null;
  p90: number | null;
  p99: number | null;
  p999: number | null;
}

export interface MeasuredDirection {
  opsPerSec: number;
  bytesPerSec: number;
  clatNs: MeasuredLatency | null;
}

/** What fio reported, in the model's units: the `measured` field of a result. */
export interface MeasuredFio {
  source: 'fio';
  fioVersion: string;
  /** The file's name as the user gave it (for the summary and the UI's label). */
  file: string;
  /** Job entries in the file: 1 with group_reporting, numjobs without it. */
  jobEntries: number;
  workload: { rw: string; bs: number; iodepth: number; numjobs: number };
  throughput: { opsPerSec: number; bytesPerSec: number };
  read: MeasuredDirection;
  write: MeasuredDirection;
  /** Both directions together, as the model's latencyNs is. */
  clatNs: MeasuredLatency | null;
  /** fio's disk_util: utilisation as a fraction (fio prints percent). */
  devices: { name: string; utilisation: number }[];
}

/** fio's defaults for the options the scenario must agree on (fio's HOWTO). */
const FIO_DEFAULTS: Record<string, string> = { rw: 'read', bs: '4k', iodepth: '1', numjobs: '1' };
const RW_ALIASES: Record<string, string> = { readwrite: 'rw', randreadwrite: 'randrw' };
const ALIASES: Record<string, string> = { blocksize: 'bs', readwrite: 'rw' };

/** fio's size spelling: a bare number is bytes, k/m/g are powers of 1024 (kb_base=1024, fio's default). */
function fioSize(text: string): number | null {
  return parseSize(text.replace(/i?b$/i, ''));
}

function firstIssue(issues: readonly v.BaseIssue<unknown>[]): ParamError {
  const issue = issues[0];
  const path = v.getDotPath(issue) ?? '(top level)';
  if (issue.input === undefined)
    return new ParamError(
      `measured ${path}`,
      '(missing)',
      "a field every fio JSON result has (this is not fio's --output-format=json output)",
    );
  return new ParamError(`measured ${path}`, issue.input, `${issue.expected ?? issue.message}, as fio writes it`);
}

/** Parses the text of a fio JSON result; refuses anything else with one line naming the first bad field. */
export function parseFioResult(text: string, file = 'file'): FioResult {
  let json: unknown;
  try {
    // fio may print notes before the JSON object (e.g. "note: both iodepth >= 1 and synchronous I/O engine").
    const start = text.indexOf('{');
    json = JSON.parse(start > 0 ? text.slice(start) : text);
  } catch (e) {
    throw new ParamError(
      'measured',
      file,
      `fio's JSON result (--output-format=json): not JSON (${(e as Error).message})`,
    );
  }
  const r = v.safeParse(FioResultSchema, json);
  if (!r.success) throw firstIssue(r.issues);
  return r.output;
}

/** The option a job ran with: its job options over the global options, else fio's default. */
function optionOf(res: FioResult, job: FioResult['jobs'][number], key: string): { value: string; where: string } {
  const pick = (o: Record<string, string> | undefined) => {
    if (!o) return undefined;
    if (key in o) return o[key];
    const alias = Object.keys(ALIASES).find((a) => ALIASES[a] === key && a in o);
    return alias ? o[alias] : undefined;
  };
  const own = pick(job['job options']);
  if (own !== undefined) return { value: own, where: 'job options' };
  const global = pick(res['global options']);
  if (global !== undefined) return { value: global, where: 'global options' };
  return { value: FIO_DEFAULTS[key], where: '(fio default)' };
}

/** The workload a result's jobs ran, from their job options (fio's default where none is given), in the model's
 * spelling: rw, bs, iodepth, numjobs and direct always; size only when the file states it. Every job entry
 * must agree (a file of several different jobs is not one run); a size fio states in percent or a bs pair of
 * different sizes is refused naming the field, since the model addresses one span and one request size. */
export function jobWorkload(res: FioResult): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  res.jobs.forEach((job, i) => {
    const at = (key: string, where: string) =>
      where === '(fio default)' ? `measured jobs.${i}.${key}` : `measured jobs.${i}.${where}.${key}`;
    const mine: Record<string, string | number | boolean> = {};
    const rw = optionOf(res, job, 'rw').value;
    mine.rw = RW_ALIASES[rw] ?? rw;
    const bs = optionOf(res, job, 'bs');
    const sizes = [
      ...new Set(
        bs.value
          .split(',')
          .filter((s) => s !== '')
          .map((s) => fioSize(s)),
      ),
    ];
    if (sizes.length !== 1 || sizes[0] === null)
      throw new ParamError(at('bs', bs.where), bs.value, 'one block size (e.g. 4k; a read,write pair of equal sizes)');
    mine.bs = sizes[0];
    for (const key of ['iodepth', 'numjobs'] as const) {
      const o = optionOf(res, job, key);
      if (!/^\d+$/.test(o.value)) throw new ParamError(at(key, o.where), o.value, 'a whole number, as fio takes it');
      mine[key] = Number(o.value);
    }
    // fio's direct defaults to 0 (buffered), and the JSON lists only the options given.
    const direct = optionOf(res, job, 'direct');
    if (direct.where === '(fio default)') mine.direct = false;
    else if (direct.value !== '0' && direct.value !== '1')
      throw new ParamError(at('direct', direct.where), direct.value, '0 or 1');
    else mine.direct = direct.value === '1';
    const size = optionOf(res, job, 'size');
    if (size.where !== '(fio default)') {
      const bytes = fioSize(size.value);
      if (bytes === null)
        throw new ParamError(at('size', size.where), size.value, 'a size in bytes (e.g. 16g); not a percentage');
      mine.size = bytes;
    }
    if (i === 0) Object.assign(out, mine);
    for (const [k, val] of Object.entries(mine))
      if (out[k] !== val)
        throw new ParamError(at(k, 'job options'), val, `${out[k]} (jobs.0's ${k}: one workload per file)`);
  });
  return out;
}

type Params = Record<string, string | number | boolean>;

/** Refuses a job whose rw, bs, numjobs or iodepth differs from the scenario's, naming the field and both values. */
export function checkWorkload(res: FioResult, params: Params): MeasuredFio['workload'] {
  const want = {
    rw: String(params.rw),
    bs: Number(params.bs),
    iodepth: Number(params.iodepth),
    numjobs: Number(params.numjobs),
  };
  res.jobs.forEach((job, i) => {
    const field = (key: string, where: string) =>
      where === '(fio default)' ? `measured jobs.${i}.${key}` : `measured jobs.${i}.${where}.${key}`;
    const rw = optionOf(res, job, 'rw');
    const rwNorm = RW_ALIASES[rw.value] ?? rw.value;
    if (rwNorm !== want.rw) throw new ParamError(field('rw', rw.where), rw.value, `${want.rw} (the scenario's rw)`);
    const bs = optionOf(res, job, 'bs');
    // bs=4k,64k is fio's read,write pair: every size given must be the scenario's.
    const sizes = bs.value.split(',').filter((s) => s !== '');
    if (sizes.length === 0 || sizes.some((s) => fioSize(s) !== want.bs))
      throw new ParamError(field('bs', bs.where), bs.value, `${want.bs} bytes (the scenario's bs)`);
    for (const key of ['iodepth', 'numjobs'] as const) {
      const o = optionOf(res, job, key);
      if (Number(o.value) !== want[key])
        throw new ParamError(field(key, o.where), o.value, `${want[key]} (the scenario's ${key})`);
    }
  });
  return want;
}

const PCT = { p50: '50.000000', p90: '90.000000', p99: '99.000000', p999: '99.900000' } as const;

/** A percentile from [valueNs, count] buckets, as fio reads its own: the first bucket whose running count
 * reaches the rank. */
function binPercentile(bins: [number, number][], total: number, pct: number): number {
  const rank = Math.max(1, Math.ceil((total * pct) / 100));
  let seen = 0;
  for (const [value, count] of bins) {
    seen += count;
    if (seen >= rank) return value;
  }
  return bins.length ? bins[bins.length - 1][0] : 0;
}

/** Several clat_ns blocks as one: counts and means add up exactly; percentiles only from one block, or from
 * the json+ bins of all of them. */
export function mergeLatency(parts: readonly FioLat[]): MeasuredLatency | null {
  const live = parts.filter((p) => p.N > 0);
  if (live.length === 0) return null;
  const N = live.reduce((a, p) => a + p.N, 0);
  const mean = live.reduce((a, p) => a + p.mean * p.N, 0) / N;
  const max = Math.max(...live.map((p) => p.max));
  const none = { p50: null, p90: null, p99: null, p999: null };
  if (live.length === 1) {
    const pc = live[0].percentile;
    if (!pc) return { N, mean, max, ...none };
    const at = (k: string) => (k in pc ? pc[k] : null);
    return { N, mean, max, p50: at(PCT.p50), p90: at(PCT.p90), p99: at(PCT.p99), p999: at(PCT.p999) };
  }
  if (!live.every((p) => p.bins)) return { N, mean, max, ...none };
  const sum = new Map<number, number>();
  for (const p of live)
    for (const [k, c] of Object.entries(p.bins ?? {})) sum.set(Number(k), (sum.get(Number(k)) ?? 0) + c);
  const bins = [...sum.entries()].sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((a, [, c]) => a + c, 0);
  return {
    N,
    mean,
    max,
    p50: binPercentile(bins, total, 50),
    p90: binPercentile(bins, total, 90),
    p99: binPercentile(bins, total, 99),
    p999: binPercentile(bins, total, 99.9),
  };
}

function direction(res: FioResult, dir: 'read' | 'write'): MeasuredDirection {
  const ds = res.jobs.map((j) => j[dir]);
  return {
    opsPerSec: ds.reduce((a, d) => a + d.iops, 0),
    bytesPerSec: ds.reduce((a, d) => a + d.bw_bytes, 0),
    clatNs: mergeLatency(ds.map((d) => d.clat_ns)),
  };
}

/** A fio result as `measured`: checked, matched to the scenario, summed over its job entries. */
export function measuredFio(text: string, params: Params, file = 'file'): MeasuredFio {
  const res = parseFioResult(text, file);
  const failed = res.jobs.findIndex((j) => j.error !== 0);
  if (failed >= 0)
    throw new ParamError(`measured jobs.${failed}.error`, res.jobs[failed].error, '0 (a job that ran without error)');
  const workload = checkWorkload(res, params);
  const read = direction(res, 'read');
  const write = direction(res, 'write');
  return {
    source: 'fio',
    fioVersion: res['fio version'],
    file,
    jobEntries: res.jobs.length,
    workload,
    throughput: { opsPerSec: read.opsPerSec + write.opsPerSec, bytesPerSec: read.bytesPerSec + write.bytesPerSec },
    read,
    write,
    clatNs: mergeLatency(res.jobs.flatMap((j) => [j.read.clat_ns, j.write.clat_ns])),
    devices: (res.disk_util ?? []).map((d) => ({ name: d.name, utilisation: d.util / 100 })),
  };
}
