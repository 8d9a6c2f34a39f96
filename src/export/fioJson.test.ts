// fio JSON against the real consumers: Debian's fio (its own output's key tree and its percentile arithmetic),
// fio's fio_jsonplus_clat2csv on our json+, `fio --parse-only` on our fio line, and fio-plot's key lookups.
// Needs Debian's fio (.ci/run installs it); without it these tests fail, they do not skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fioCommandLine, fioJobOptions } from './commands';
import { percentileObject, platCounts, platIdxToVal, platValToIdx, depthLevels, sampleStats } from './fioStats';

type Json = Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-fio-'));
const params = { rw: 'randrw', rwmixread: 70, bs: 4096, iodepth: 8, numjobs: 2, direct: true, size: 64 * 2 ** 20 };

/** Every key path of a JSON value; the keys of `bins` depend on the data, so bins counts as one leaf. */
function keyTree(v: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Json)) {
      if (k === 'bins') out.set(`${path}/bins`, 'object');
      else keyTree(x, `${path}/${k}`, out);
    }
  } else out.set(path, typeof v);
  return out;
}

let real: Json;
let ours: Json;
let oursJob: Json;
beforeAll(() => {
  // Real fio, with the job options of our --commands line (only the target, engine and run time differ).
  const opts = fioJobOptions(params).map(([k, v]): [string, string] =>
    k === 'filename'
      ? [k, join(dir, 'target')]
      : k === 'ioengine'
        ? [k, 'null']
        : k === 'runtime'
          ? [k, '200ms']
          : [k, v],
  );
  const args = opts.map(([k, v]) => (v === '' ? `--${k}` : `--${k}=${v}`));
  const r = spawnSync('fio', [...args, '--output-format=json+', `--output=${join(dir, 'real.json')}`], {
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0)
    throw new Error(`Debian's fio must be installed (apt-get install fio): ${r.error ?? r.stderr}`);
  real = JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')) as Json;
  const s = spawnSync(
    'node_modules/.bin/tsx',
    [
      'src/cli/sim.ts',
      '--preset',
      'raid5-3disk-threads',
      ...Object.entries({ ...params, bs: '4k', size: '64m', direct: 'true' }).flatMap(([k, v]) => [
        '--set',
        `${k}=${v}`,
      ]),
      '--duration',
      '20ms',
      '--warmup',
      '2ms',
      '--fio-json',
      join(dir, 'ours.json'),
    ],
    { encoding: 'utf8' },
  );
  expect(s.stderr).toBe('');
  ours = JSON.parse(readFileSync(join(dir, 'ours.json'), 'utf8')) as Json;
  oursJob = (ours.jobs as Json[])[0];
}, 120_000);

describe("fio's arithmetic", () => {
  it("bucket values and the 17 percentiles of real fio's json+ come out of our bucket walk unchanged", () => {
    const dirs = (real.jobs as Json[])[0] as Record<string, { clat_ns: { bins: Json; percentile: Json } }>;
    for (const ddir of ['read', 'write']) {
      const { bins, percentile } = dirs[ddir].clat_ns;
      const pairs = Object.entries(bins).map(([k, c]): [number, number] => [Number(k), c as number]);
      for (const [v] of pairs) expect(platIdxToVal(platValToIdx(v))).toBe(v);
      expect(Object.keys(percentile)).toHaveLength(17);
      expect(percentileObject(platCounts(pairs))).toEqual(percentile);
    }
  });
  it('depth buckets as io_u_mark_depth (2-3 is "2", 32-63 is "32"); sample stddev over n - 1', () => {
    expect(depthLevels([0, 1, 1, 1, 0, 0, 0, 0, 1])).toEqual({
      '1': 25,
      '2': 50,
      '4': 0,
      '8': 25,
      '16': 0,
      '32': 0,
      '>=64': 0,
    });
    expect(sampleStats([1, 3])).toEqual({ min: 1, max: 3, mean: 2, stddev: 1.414214, samples: 2 });
  });
});

describe('our json+ and real fio-3.33', () => {
  it("covers real fio's key tree for the job, key for key and type for type", () => {
    const want = keyTree((real.jobs as Json[])[0]);
    const have = keyTree(oursJob);
    const missing = [...want.keys()].filter((k) => !have.has(k));
    const extra = [...have.keys()].filter((k) => !want.has(k));
    const mistyped = [...want].filter(([k, t]) => have.has(k) && have.get(k) !== t).map(([k]) => k);
    expect({ missing, extra, mistyped }).toEqual({ missing: [], extra: [], mistyped: [] });
    for (const k of ['fio version', 'timestamp', 'timestamp_ms', 'time', 'jobs']) expect(ours).toHaveProperty([k]);
  });
  it('has data in the figures the model knows: interval samples, percentiles, bins, depth, ctx, md0 and members', () => {
    const w = oursJob.write as Json;
    expect(w.iops_samples).toBeGreaterThanOrEqual(10);
    expect(w.iops_stddev).toBeGreaterThan(0);
    expect(w.bw_min as number).toBeLessThanOrEqual(w.bw_max as number);
    const clat = w.clat_ns as { N: number; bins: Json; min: number; max: number };
    expect(Object.values(clat.bins).reduce((a: number, b) => a + (b as number), 0)).toBe(clat.N);
    expect(Number.isInteger(oursJob.elapsed) && Number.isInteger(w.runtime)).toBe(true);
    expect(Object.values(oursJob.iodepth_level as Json).reduce((a: number, b) => a + (b as number), 0)).toBeCloseTo(
      100,
      3,
    );
    expect(oursJob.ctx).toBeGreaterThan(0);
    const du = ours.disk_util as Json[];
    expect(du[0]).toMatchObject({ name: 'md0' });
    expect(Object.keys(du[0])).toContain('aggr_write_merge');
    expect(du.length).toBe(4);
  });
});

describe('real consumers', () => {
  it('fio_jsonplus_clat2csv converts our json+ into data rows, and --validate agrees with our bins', () => {
    const out = join(dir, 'clat.csv');
    const conv = spawnSync('fio_jsonplus_clat2csv', [join(dir, 'ours.json'), out], { encoding: 'utf8' });
    expect(conv.status, conv.stderr).toBe(0);
    const csv = readdirSync(dir).find((f) => f.startsWith('clat_job0'));
    const rows = readFileSync(join(dir, csv ?? 'missing'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(rows.length).toBeGreaterThan(10);
    const check = spawnSync('fio_jsonplus_clat2csv', [join(dir, 'ours.json'), out, '--validate'], { encoding: 'utf8' });
    expect([check.status, check.stdout.trim()]).toEqual([0, `${join(dir, 'clat_job0.csv')} validated`]);
  });

  it('fio --parse-only accepts the fio line of --commands', () => {
    const line = fioCommandLine(params).replace(/--output=\S+/, `--output=${join(dir, 'parse.json')}`);
    const r = spawnSync('fio', ['--parse-only', ...line.split(' ').slice(1)], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  // fio-plot 1.1.21 (louwrentius/fio-plot at cfc6a6f6e): jsonimport.validate_json_file and filter_json_files,
  // then jsonparsing_support.get_json_mapping and merge_job_data, the lookups that raised KeyError before.
  it("fio-plot 1.1.21's JSON lookups find every key, for both directions of a mix", () => {
    const validKeys = ['fio version', 'global options', 'client_stats', 'jobs'].filter((k) => k in ours);
    expect(validKeys.length).toBeGreaterThanOrEqual(2);
    const job = oursJob as Record<string, Json>;
    const o = job['job options'];
    for (const k of ['rw', 'iodepth', 'numjobs', 'bs']) expect(o).toHaveProperty([k]);
    expect(Number.isInteger(Number(o.iodepth)) && Number.isInteger(Number(o.numjobs))).toBe(true);
    for (const mode of ['read', 'write']) {
      const d = job[mode] as Record<string, Json | number>;
      for (const k of ['bw', 'iops', 'iops_stddev']) expect(typeof d[k], `${mode}.${k}`).toBe('number');
      const lat = d.lat_ns as Json;
      for (const k of ['mean', 'stddev']) expect(typeof lat[k], `${mode}.lat_ns.${k}`).toBe('number');
    }
    for (const k of ['latency_ms', 'latency_us', 'latency_ns']) expect(typeof job[k]).toBe('object');
    for (const k of ['usr_cpu', 'sys_cpu']) expect(typeof job[k]).toBe('number');
    expect(typeof ours['fio version']).toBe('string');
  });
});
