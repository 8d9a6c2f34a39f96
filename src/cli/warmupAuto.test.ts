// `--warmup auto` end to end: npm run sim and npm run sweep detect the warm-up (MSER-5) and say so; a bad
// --warmup or scenario-file warmup is refused naming the field, the value and what is accepted.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimResult } from '../sim/core/result';
import type { PointLine } from '../analysis/sweep/aggregate';

const tsx = 'node_modules/.bin/tsx';
const run = (script: string, ...args: string[]) => spawnSync(tsx, [script, ...args], { encoding: 'utf8' });
const sim = (...args: string[]) => run('src/cli/sim.ts', ...args);
const sweep = (...args: string[]) => run('src/cli/sweep.ts', ...args);
const REFUSAL = 'warmup=soon: accepted a time 0..1000s (e.g. 200ms), or auto (detected by MSER-5)';

describe('npm run sim -- --warmup auto', () => {
  it('detects the cut over warm-up + duration and equals the fixed run at that cut (same seed)', () => {
    const r = sim('--preset', 'lock-lab-basic', '--duration', '10ms', '--warmup', 'auto', '--seed', '4', '--json');
    expect(r.stderr).toBe('');
    const auto = JSON.parse(r.stdout) as SimResult;
    const w = auto.warmup;
    if (!w) throw new Error('no warmup field');
    expect(w).toMatchObject({ rule: 'MSER-5', horizonNs: 30e6, samples: 200 }); // lock-lab-basic's fixed warm-up is 20ms
    expect(['detected', 'not-detected']).toContain(w.mode);
    expect(auto.warmupNs + auto.simulatedNs).toBe(30e6);
    const fixed = sim(
      '--preset',
      'lock-lab-basic',
      '--duration',
      `${auto.simulatedNs}ns`,
      '--warmup',
      `${auto.warmupNs}ns`,
      '--seed',
      '4',
      '--json',
    );
    const { warmup: _, ...rest } = auto;
    expect(JSON.stringify(rest)).toBe(fixed.stdout.trim());
  });

  it('says which warm-up in the human summary', () => {
    expect(sim('--preset', 'lock-lab-basic', '--duration', '5ms', '--warmup', 'auto').stdout.split('\n')[0]).toMatch(
      /warm-up \((detected by MSER-5: \d+ of 40 batches|fixed: MSER-5 found no cut)/,
    );
    expect(sim('--preset', 'lock-lab-basic', '--duration', '5ms', '--warmup', '1ms').stdout.split('\n')[0]).toContain(
      'after 1.000 ms warm-up (fixed)',
    );
  });

  it('refuses --warmup soon with exit 2, naming the field, the value and what is accepted', () => {
    const r = sim('--preset', 'lock-lab-basic', '--warmup', 'soon');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(REFUSAL);
  });

  it('takes "warmup": "auto" from a scenario file and refuses a bad one by field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-warmup-'));
    writeFileSync(
      join(dir, 'auto.json'),
      JSON.stringify({ preset: 'lock-lab-basic', duration: '5ms', warmup: 'auto' }),
    );
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ preset: 'lock-lab-basic', warmup: 'soon' }));
    expect((JSON.parse(sim('--scenario', join(dir, 'auto.json'), '--json').stdout) as SimResult).warmup?.rule).toBe(
      'MSER-5',
    );
    const bad = sim('--scenario', join(dir, 'bad.json'), '--json');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(REFUSAL);
  });
});

describe('npm run sweep -- --warmup auto', () => {
  it('--json lines carry the detected warm-up: mode, rule, mean and interval, fallbacks counted', () => {
    const r = sweep(
      '--preset',
      'lock-lab-basic',
      '--param',
      'threads=2,4',
      '--replications',
      '2',
      '--duration',
      '5ms',
      '--warmup',
      'auto',
      '--json',
      '--jobs',
      '2',
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warm-up detected per run (MSER-5');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as PointLine);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      const w = l.warmup;
      if (w?.mode !== 'detected') throw new Error(`point ${l.index}: warmup ${JSON.stringify(w)}`);
      expect(w).toMatchObject({ rule: 'MSER-5', horizonNs: 25e6 });
      expect(w.ns.ci95).toHaveLength(2);
      expect(w.notDetected).toBeGreaterThanOrEqual(0);
      expect(l.warmupNs).toBe(Math.round(w.ns.mean));
    }
  });

  it('the table says detected with the mean, or fixed with what was discarded', () => {
    const auto = sweep(
      '--preset',
      'lock-lab-basic',
      '--param',
      'threads=2,4',
      '--replications',
      '2',
      '--duration',
      '5ms',
      '--warmup',
      'auto',
      '--jobs',
      '2',
    );
    expect(auto.stdout).toContain('warm-up (MSER-5)');
    expect(auto.stdout).toMatch(/\nwarm-up detected \(MSER-5\): mean [\d.]+ ?[mµun]?s over 4 runs/);
    const fixed = sweep(
      '--preset',
      'lock-lab-basic',
      '--param',
      'threads=2,4',
      '--duration',
      '2ms',
      '--warmup',
      '1ms',
      '--jobs',
      '2',
    );
    expect(fixed.stdout).toContain('warm-up fixed: 1.000ms discarded (not detected)');
    expect(fixed.stdout).toContain('\nwarm-up fixed: 1.000ms discarded\n');
    const fixedJson = sweep(
      '--preset',
      'lock-lab-basic',
      '--param',
      'threads=2',
      '--duration',
      '2ms',
      '--warmup',
      '1ms',
      '--json',
    );
    expect((JSON.parse(fixedJson.stdout.split('\n')[0]) as PointLine).warmup).toEqual({ mode: 'fixed', ns: 1e6 });
  });

  it('refuses --warmup soon before running anything', () => {
    const r = sweep('--preset', 'lock-lab-basic', '--param', 'threads=2,4', '--warmup', 'soon');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(REFUSAL);
  });
});
