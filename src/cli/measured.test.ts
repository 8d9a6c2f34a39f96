// `npm run sim -- --measured FILE.json` and `--measured-lockstat FILE` end to end, on a real fio result written
// by Debian's fio in this test: the JSON result gains measured and vsMeasured, the summary shows both side by
// side, the run's own figures are unchanged, and a bad file exits 2 with one line before anything runs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fioDir, realFio } from '../scenarios/measured/fioFixtures.testkit';

const sim = (args: string[]) => spawnSync('node_modules/.bin/tsx', ['src/cli/sim.ts', ...args], { encoding: 'utf8' });
const RUN = ['--preset', 'raid5-3disk-threads', '--duration', '4ms', '--warmup', '1ms', '--seed', '3'];
const LOCKS = 'src/scenarios/measured/fixtures/lock_stat-md-raid5-format.txt';
let good: string;
interface Out {
  throughput: { opsPerSec: number };
  measured: { fio: { source: string; throughput: { opsPerSec: number } }; lockStat: { rows: unknown[] } };
  vsMeasured: {
    fio: { opsPerSec: number; clatNs: { p99: number } };
    lockStat: { locks: { name: string }[]; modelOnly: string[] };
  };
}
const json = (text: string) => JSON.parse(text) as Out;

beforeAll(() => {
  // The preset's workload: randwrite 4k, iodepth 32, numjobs 4.
  good = realFio('cli.json', { rw: 'randwrite', bs: '4k', iodepth: '32', numjobs: '4', group_reporting: '' }, 'json+');
});

describe('npm run sim -- --measured', () => {
  it('the JSON result gains measured and vsMeasured; the model figures are those of a run without it', () => {
    const r = sim([...RUN, '--json', '--measured', good, '--measured-lockstat', LOCKS]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = json(r.stdout);
    const plain = json(sim([...RUN, '--json']).stdout);
    expect(out.throughput).toEqual(plain.throughput);
    expect(out.measured.fio.source).toBe('fio');
    expect(out.measured.fio.throughput.opsPerSec).toBeGreaterThan(0);
    expect(out.vsMeasured.fio.opsPerSec).toBeCloseTo(
      plain.throughput.opsPerSec / out.measured.fio.throughput.opsPerSec,
      3,
    );
    expect(out.vsMeasured.fio.clatNs.p99).toBeGreaterThan(0);
    expect(out.measured.lockStat.rows.length).toBe(5);
    // The preset models 3.12, whose lockdep printed spinlocks as &(&name)->rlock: only the queue lock lines up with
    // this file of today's names, and the others are listed as having no row.
    expect(out.vsMeasured.lockStat.locks.map((l) => l.name)).toEqual(['&q->queue_lock']);
    expect(out.vsMeasured.lockStat.modelOnly).toContain('&(&conf->device_lock)->rlock');
    const now = json(sim([...RUN, '--set', 'kernel=current', '--json', '--measured-lockstat', LOCKS]).stdout);
    expect(now.vsMeasured.lockStat.locks.map((l) => l.name)).toContain('&conf->device_lock');
  });

  it('the human summary prints model and measured side by side', () => {
    const r = sim([...RUN, '--measured', good]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /measured: .*cli\.json \(fio-3\.\d+, 1 job entry, rw=randwrite bs=4096 iodepth=32 numjobs=4\)/,
    );
    expect(r.stdout).toMatch(/^figure\s+model\s+measured\s+model\/measured$/m);
    expect(r.stdout).toMatch(/^IOPS\s+\S+\s+\S+\s+\d+\.\d\d$/m);
    expect(r.stdout).toMatch(/^clat p99\.9\s/m);
  });

  it.each([
    ['iodepth', { iodepth: '8' }, "measured jobs.0.job options.iodepth=8: accepted 32 (the scenario's iodepth)"],
    ['rw', { rw: 'randread' }, "measured jobs.0.job options.rw=randread: accepted randwrite (the scenario's rw)"],
  ])('a job with another %s: exit 2, one line', (_f, change, line) => {
    const file = realFio(`cli-${_f}.json`, { rw: 'randwrite', bs: '4k', iodepth: '32', numjobs: '4', ...change });
    const r = sim([...RUN, '--measured', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });

  it('not JSON, not fio, a lock_stat without its version line: exit 2, one line each', () => {
    const notFio = join(fioDir, 'not-fio.json');
    writeFileSync(notFio, '{"jobs": [{}]}');
    const noVersion = join(fioDir, 'lock.txt');
    writeFileSync(noVersion, '&conf->device_lock: 1 2\n');
    const cases: [string[], RegExp][] = [
      [
        ['--measured', 'README.md'],
        /^measured=README\.md: accepted fio's JSON result \(--output-format=json\): not JSON/,
      ],
      [['--measured', notFio], /^measured fio version=\(missing\): accepted a field every fio JSON result has/],
      [
        ['--measured-lockstat', noVersion],
        /^measured-lockstat=.*lock\.txt: accepted \/proc\/lock_stat text starting with/,
      ],
      [['--measured', join(fioDir, 'absent.json')], /^measured=.*absent\.json: accepted a readable file \(ENOENT\)/],
    ];
    for (const [args, re] of cases) {
      const r = sim([...RUN, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
