// lock_stat's contention-point blocks and lockdep class names, held to the kernel's own printf formats
// (kernel/locking/lockdep_proc.c seq_stats: "%40s %14lu %29s %pS" under a dashed line as long as the name,
// a dotted line of 40 + 1 + 12 * 15 after the contending block), on a raid5 run through `npm run sim`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelLockName } from './lockStat';
import { resolveScenario } from '../scenarios/scenarioFile';
import { createModel, runScenario } from '../sim/run';
import { attachLockTap } from '../sim/lockTap';

describe('lock_stat class names', () => {
  it("prints lockdep's names: &conf->device_lock since 5.6, &(&conf->device_lock)->rlock before", () => {
    expect(kernelLockName('device_lock', 'current')).toBe('&conf->device_lock');
    expect(kernelLockName('device_lock', '6.1')).toBe('&conf->device_lock');
    expect(kernelLockName('device_lock', '4.12')).toBe('&(&conf->device_lock)->rlock');
    expect(kernelLockName('hash_lock', '3.13')).toBe('&(conf->hash_locks + i)->rlock');
    expect(kernelLockName('stripe_lock')).toBe('&sh->stripe_lock');
    expect(kernelLockName('wait_barrier.lock', '4.12')).toBe('&conf->wait_barrier'); // a waitqueue: never ->rlock
    expect(kernelLockName('l')).toBe('l'); // Lock Lab's own lock has no kernel name
  });
});

describe('lock_stat contention points', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-ls-'));
  it('prints both point blocks per contended class in the kernel geometry, with the call sites of the model', () => {
    const r = spawnSync(
      'node_modules/.bin/tsx',
      ['src/cli/sim.ts', '--preset', 'raid5-3disk-threads', '--duration', '5ms', '--lockstat', join(dir, 'ls.txt')],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'ls.txt'), 'utf8').split('\n');
    const row = lines.findIndex((l) => /^\s+&\(&conf->device_lock\)->rlock:/.test(l));
    expect(row).toBeGreaterThan(4);
    const name = '&(&conf->device_lock)->rlock';
    const dash = `${' '.repeat(40 - name.length)}${'-'.repeat(name.length)}`;
    expect(lines[row + 1]).toBe(dash);
    const point = /^ {12}&\(&conf->device_lock\)->rlock [ \d]{14} [ [\]<>0-9]{29} ([a-z_][\w ]*)$/;
    const block = (from: number) => {
      const out: string[] = [];
      for (let i = from; point.test(lines[i]); i++) out.push((point.exec(lines[i]) as RegExpExecArray)[1]);
      return out;
    };
    const contention = block(row + 2);
    expect(contention.length).toBeGreaterThanOrEqual(1);
    expect(contention.length).toBeLessThanOrEqual(4);
    expect(lines[row + 2 + contention.length]).toBe(dash);
    const contending = block(row + 3 + contention.length);
    expect(contending.length).toBeGreaterThanOrEqual(1);
    const after = row + 3 + contention.length + contending.length;
    expect(lines.slice(after, after + 3)).toEqual(['', '.'.repeat(40 + 1 + 12 * 15), '']);
    for (const fn of [...contention, ...contending]) expect(fn).toMatch(/^[a-z_]/);
    // a class without contentions has no point block: the next line is another row or the end
    const quiet = lines.findIndex((l) => /stripe_lock\)->rlock:\s+0\s+0 /.test(l));
    expect(lines[quiet + 1] ?? '').not.toMatch(/^\s+-+$/);
  });

  it('the tap only observes: the result is the same with it', () => {
    const sc = resolveScenario({ preset: 'raid5-3disk-threads', duration: '2ms', warmup: '1ms' });
    const run = createModel(sc.model, sc.params, sc.seed);
    const tap = attachLockTap(run);
    run.sim.runUntil(sc.warmupNs);
    run.resetStats();
    tap.reset();
    run.sim.runUntil(sc.warmupNs + sc.durationNs);
    expect(run.result({ preset: sc.preset, warmupNs: sc.warmupNs })).toEqual(runScenario(sc).result);
    const dl = tap.capture().get('device_lock');
    expect(dl?.contentionPoints.reduce((a, [, n]) => a + n, 0)).toBeGreaterThan(0);
  });
});
