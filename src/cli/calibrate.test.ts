// `npm run calibrate` end to end: bad input exits 2 with one line before any model runs; a small real fit on
// two fio files written by `npm run sim -- --fio-json` prints the --json object of issue 17 and writes a
// profile, which `calibrate --profile --predict` turns back into exactly the fit's residuals and `npm run sim
// -- --profile` applies under the explicit --set values.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { realFio } from '../scenarios/measured/fioFixtures.testkit';

const tsx = (script: string, args: string[]) =>
  spawnSync('node_modules/.bin/tsx', [script, ...args], { encoding: 'utf8' });
const calibrate = (args: string[]) => tsx('src/cli/calibrate.ts', args);
const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-calibrate-'));
const MACHINE = ['--set', 'cpu_speed=0.7', '--set', 'device.bandwidth=1.3e9'];
const ARRAY = ['--set', 'level=5', '--set', 'disks=4', '--set', 'device=nvme'];
const TIMING = ['--duration', '10ms', '--warmup', '3ms'];
let a: string;
let b: string;

beforeAll(() => {
  const make = (file: string, workload: string[]) => {
    const out = join(dir, file);
    const r = tsx('src/cli/sim.ts', [
      '--model',
      'raid5',
      ...ARRAY,
      ...MACHINE,
      ...TIMING,
      ...workload,
      '--fio-json',
      out,
    ]);
    if (r.status !== 0) throw new Error(r.stderr);
    return out;
  };
  a = make('a.json', ['--set', 'rw=randwrite', '--set', 'group_thread_cnt=0']);
  b = make('b.json', ['--set', 'rw=read', '--set', 'bs=1m', '--set', 'iodepth=8', '--set', 'numjobs=1']);
});

describe('npm run calibrate: bad input exits 2 naming the field, before anything runs', () => {
  it('a file that is not fio JSON', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"jobs": []}');
    const r = calibrate([...ARRAY, '--measured', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "measured fio version=(missing): accepted a field every fio JSON result has (this is not fio's --output-format=json output)\n",
    );
  });

  it("a real fio result whose job options contradict the run's settings", () => {
    const real = realFio('cal-real.json', { rw: 'randwrite', bs: '8k', iodepth: '4', numjobs: '1' });
    const r = calibrate([...ARRAY, '--measured', real, '--with', 'bs=4k']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${real} measured jobs.0.job options.bs=8k: accepted 4096 bytes (the scenario's bs)\n`);
  });

  it('fewer runs than fitted parameters lists them and what to add or fix', () => {
    const r = calibrate([...ARRAY, '--measured', a, '--with', 'group_thread_cnt=0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^measured=1 run: accepted at least one --measured run per fitted parameter: 4 are fitted/,
    );
    expect(r.stderr).toMatch(/add 3 more runs .* or fix 3 with --fix KEY/);
  });

  it('--with before any --measured, and an unknown flag', () => {
    expect(calibrate(['--with', 'group_thread_cnt=4']).stderr).toBe(
      '--with=group_thread_cnt=4: accepted a --with after the --measured FILE it applies to\n',
    );
    expect(calibrate(['--measured', a, '--bogus']).stderr).toMatch(/^option=--bogus: accepted --model, --set/);
  });
});

describe('npm run calibrate: a fit, its profile, and the profile applied', () => {
  it('--json is one object {fit, residuals, evaluations}; --predict on the profile gives the same residuals; sim --profile runs that machine', () => {
    const profile = join(dir, 'machine.json');
    const fix = ['--fix', 'device.latency', '--fix', 'device.parallelism', '--fix', 'xor_speed'];
    const runs = ['--measured', a, '--with', 'group_thread_cnt=0', '--measured', b];
    const r = calibrate([...ARRAY, ...TIMING, ...runs, ...fix, '--json', '--out', profile]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      fit: Record<string, { value: number; ci95: [number, number]; identified: boolean }>;
      residuals: { run: string; figure: string; ratio: number }[];
      evaluations: number;
    };
    expect(Object.keys(out.fit)).toEqual(['cpu_speed', 'device.bandwidth']);
    expect(out.fit.cpu_speed.value).toBeGreaterThan(0.63);
    expect(out.fit.cpu_speed.value).toBeLessThan(0.77);
    expect(out.fit.cpu_speed.ci95[0]).toBeLessThanOrEqual(out.fit.cpu_speed.value);
    expect(out.residuals.map((x) => x.figure)).toEqual(['iops', 'bw', 'p50', 'p99', 'iops', 'bw', 'p50', 'p99']);
    expect(out.evaluations).toBeGreaterThan(3);
    const saved = JSON.parse(readFileSync(profile, 'utf8')) as { sources: { sha256: string }[]; createdAt: string };
    expect(saved.sources).toHaveLength(2);
    expect(saved.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isNaN(Date.parse(saved.createdAt))).toBe(false);
    const again = calibrate([...ARRAY, ...TIMING, ...runs, '--profile', profile, '--predict', '--json']);
    expect(again.status).toBe(0);
    expect((JSON.parse(again.stdout) as { residuals: unknown }).residuals).toEqual(out.residuals);
    const sim = tsx('src/cli/sim.ts', ['--model', 'raid5', '--profile', profile, '--set', 'cpu_speed=2', '--json']);
    const params = (JSON.parse(sim.stdout) as { params: Record<string, number> }).params;
    expect(params['device.bandwidth']).toBe(out.fit['device.bandwidth'].value);
    expect(params.cpu_speed).toBe(2); // --set wins over the profile
  }, 120_000);
});
