// Sweeps on the batch runners users have: GNU parallel (Debian's `parallel`) runs N shards as N processes and
// their lines, sorted by point, equal one unsharded run, with the same USL fit from --fit; --shard auto/N takes
// the shard from a Kubernetes Indexed Job's or a Slurm array's index variable; --fit refuses mixed sweeps.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveShard } from './autoShard';

const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-batch-'));
const SWEEP = [
  'src/cli/sweep.ts',
  '--preset',
  'raid5-3disk-threads',
  '--param',
  'group_thread_cnt=0..3',
  '--replications',
  '2',
  '--duration',
  '2ms',
  '--warmup',
  '1ms',
  '--jobs',
  '1',
  '--json',
];
const tsx = 'node_modules/.bin/tsx';
const sweep = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(tsx, args, { encoding: 'utf8', env: { ...process.env, ...env } });
type Line = { index?: number; usl?: unknown };
const parse = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
const points = (text: string) =>
  parse(text)
    .filter((l) => l.usl === undefined)
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));

let whole: string;
beforeAll(() => {
  const r = sweep(SWEEP);
  expect(r.status, r.stderr).toBe(0);
  whole = r.stdout;
}, 120_000);

describe('GNU parallel', () => {
  it('3 shards as 3 processes: the lines sorted by point equal one run, and --fit gives its USL line', () => {
    const cmd = [tsx, ...SWEEP, '--shard', '{}/3'].join(' ');
    const r = spawnSync('parallel', ['--will-cite', '-j', '3', cmd, ':::', '1', '2', '3'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.stringify(points(r.stdout))).toBe(JSON.stringify(points(whole)));
    const file = join(dir, 'shards.jsonl');
    writeFileSync(file, r.stdout);
    const fit = sweep(['src/cli/sweep.ts', '--fit', file, '--json']);
    expect(fit.status, fit.stderr).toBe(0);
    const usl = parse(whole).filter((l) => l.usl !== undefined);
    expect(usl.length).toBe(1);
    expect(parse(fit.stdout)).toEqual(usl);
  }, 180_000);
});

describe('--shard auto/N', () => {
  it('reads JOB_COMPLETION_INDEX (0-based) or SLURM_ARRAY_TASK_ID (1-based); the shards equal K/N', () => {
    expect(resolveShard('auto/4', { JOB_COMPLETION_INDEX: '0' })).toBe('1/4');
    expect(resolveShard('auto/4', { SLURM_ARRAY_TASK_ID: '4' })).toBe('4/4');
    expect(resolveShard('auto/4', { JOB_COMPLETION_INDEX: '2', SLURM_ARRAY_TASK_ID: '3' })).toBe('3/4');
    expect(resolveShard('2/4', {})).toBe('2/4');
    const k8s = sweep([...SWEEP, '--shard', 'auto/2'], { JOB_COMPLETION_INDEX: '1' });
    const slurm = sweep([...SWEEP, '--shard', 'auto/2'], { SLURM_ARRAY_TASK_ID: '2' });
    const fixed = sweep([...SWEEP, '--shard', '2/2']);
    expect(k8s.status, k8s.stderr).toBe(0);
    expect(k8s.stdout).toBe(fixed.stdout);
    expect(slurm.stdout).toBe(fixed.stdout);
  }, 120_000);

  it('refuses with one line when neither is set, or one is out of range, or they disagree', () => {
    const env = { ...process.env };
    delete env.JOB_COMPLETION_INDEX;
    delete env.SLURM_ARRAY_TASK_ID;
    const r = spawnSync(tsx, [...SWEEP, '--shard', 'auto/3'], { encoding: 'utf8', env });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'shard=auto/3: accepted auto/N only where JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (a Slurm job array) is set; neither is: use K/N\n',
    );
    expect(() => resolveShard('auto/3', { JOB_COMPLETION_INDEX: '3' })).toThrow(
      'shard=auto/3 with JOB_COMPLETION_INDEX=3: accepted JOB_COMPLETION_INDEX an integer 0..2 for 3 shards',
    );
    expect(() => resolveShard('auto/3', { SLURM_ARRAY_TASK_ID: '0' })).toThrow(/SLURM_ARRAY_TASK_ID an integer 1\.\.3/);
    expect(() => resolveShard('auto/3', { JOB_COMPLETION_INDEX: '0', SLURM_ARRAY_TASK_ID: '2' })).toThrow(
      /says shard 1, SLURM_ARRAY_TASK_ID=2 says 2/,
    );
  });
});

describe('--fit over lines of different sweeps', () => {
  const other = (args: string[]) => {
    const r = sweep(args);
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };
  it.each([
    ['preset', ['--preset', 'raid5-4disk-threads'], /its preset is "raid5-4disk-threads", but "raid5-3disk-threads"/],
    ['range', ['--param', 'group_thread_cnt=0..2'], /its parameter range \(--param\) is .*sweep\.axes differs/],
    ['seeds', ['--seed', '7'], /its seeds \(first seed\) is 7, but 1 /],
    ['duration', ['--duration', '3ms'], /its duration is 3000000, but 2000000 /],
  ])(
    'another %s: exit 2, one line naming it',
    (_what, change, re) => {
      const args = [...SWEEP];
      for (let i = 0; i < change.length; i += 2) {
        const at = args.indexOf(change[i]);
        if (at >= 0) args[at + 1] = change[i + 1];
        else args.push(change[i], change[i + 1]);
      }
      const a = join(dir, `a-${_what}.jsonl`);
      const b = join(dir, `b-${_what}.jsonl`);
      writeFileSync(a, whole);
      writeFileSync(b, other(args));
      const r = sweep(['src/cli/sweep.ts', '--fit', a, '--fit', b]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^fit=.*b-${_what}\\.jsonl:1: accepted lines of one sweep: `));
      expect(r.stderr).toMatch(re);
    },
    120_000,
  );
});
