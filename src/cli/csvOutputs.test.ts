// `npm run sim -- --csv FILE --threads-csv FILE`: the time series and each thread's states per sampling interval,
// units in the column names; the intervals average to the run's own figures, and the result is unchanged.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-csv-'));
const RUN = ['src/cli/sim.ts', '--preset', 'raid5-3disk-threads', '--duration', '4ms', '--warmup', '1ms', '--json'];
const sim = (args: string[]) => spawnSync('node_modules/.bin/tsx', [...RUN, ...args], { encoding: 'utf8' });
const rows = (file: string) => {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\r\n');
  const cols = head.split(',');
  return { cols, rows: lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i], c]))) };
};

describe('npm run sim -- --csv / --threads-csv', () => {
  it('20 intervals whose means are the whole run figures; thread fractions sum to 1; result unchanged', () => {
    const s = join(dir, 'series.csv');
    const t = join(dir, 'threads.csv');
    const r = sim(['--csv', s, '--threads-csv', t]);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as {
      throughput: { opsPerSec: number };
      devices: { name: string; utilisation: number }[];
      threads: unknown[];
    };
    expect(result).toEqual(JSON.parse(sim([]).stdout));
    const series = rows(s);
    expect(series.cols).toEqual([
      'time_ms',
      'ops_per_sec',
      'bytes_per_sec',
      'util_fraction:nvme0n1',
      'util_fraction:nvme1n1',
      'util_fraction:nvme2n1',
    ]);
    expect(series.rows).toHaveLength(20);
    const mean = (k: string) => series.rows.reduce((a, x) => a + Number(x[k]), 0) / series.rows.length;
    expect(mean('ops_per_sec')).toBeCloseTo(result.throughput.opsPerSec, 6);
    expect(mean('util_fraction:nvme0n1')).toBeCloseTo(result.devices[0].utilisation, 3);
    const threads = rows(t);
    expect(threads.cols).toEqual([
      'time_ms',
      'thread',
      'role',
      'running_fraction',
      'spinning_fraction',
      'runnable_fraction',
      'blocked_fraction',
      'idle_fraction',
    ]);
    expect(threads.rows).toHaveLength(20 * result.threads.length);
    for (const x of threads.rows) {
      const sum = ['running', 'spinning', 'runnable', 'blocked', 'idle'].reduce(
        (a, k) => a + Number(x[`${k}_fraction`]),
        0,
      );
      expect(sum).toBeCloseTo(1, 4);
    }
  }, 60_000);
});
