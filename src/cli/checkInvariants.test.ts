// `npm run sim -- --check-invariants` end to end: clean on every model's default configuration (exit 0, same
// result as without the flag), and a broken invariant (the test-only STRIPE_LAB_TEST_BREAK_AT hook) exits 3
// with the one-line report, the same line for the same seed; a long window with no completion is a stall.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const sim = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('node_modules/.bin/tsx', ['src/cli/sim.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
const SHORT = ['--duration', '2ms', '--warmup', '1ms', '--seed', '5', '--json'];

describe('npm run sim -- --check-invariants', () => {
  it.each(['raid5', 'raid1', 'raid10', 'loop', 'ext4', 'lock-lab'])('%s default: clean, same result', (m) => {
    const on = sim(['--model', m, '--check-invariants', ...SHORT]);
    expect(on.stderr).toBe('');
    expect(on.status).toBe(0);
    const off = sim(['--model', m, ...SHORT]);
    expect(on.stdout).toBe(off.stdout);
  });

  it('a broken invariant exits 3 with one line naming model, seed, time, event count and rule; it reproduces', () => {
    const env = { STRIPE_LAB_TEST_BREAK_AT: '1234' };
    const a = sim(['--model', 'raid1', '--check-invariants', ...SHORT], env);
    expect(a.status).toBe(3);
    expect(a.stdout).toBe('');
    expect(a.stderr).toMatch(
      /^invariant violated: model=raid1 seed=5 t=\d+ns events=1234 rule=test_hook_broken_invariant: STRIPE_LAB_TEST_BREAK_AT=1234\n$/,
    );
    expect(sim(['--model', 'raid1', '--check-invariants', ...SHORT], env).stderr).toBe(a.stderr);
    // Without the flag the hook does nothing.
    expect(sim(['--model', 'raid1', ...SHORT], env).status).toBe(0);
  });

  it('a window too short for an HDD array warns with the minimum duration instead of a silent 0', () => {
    const r = sim(['--model', 'raid5', '--set', 'device=hdd', '--duration', '100us', '--warmup', '0ms', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).throughput.opsPerSec).toBe(0);
    expect(r.stderr).toMatch(/^warning: nothing completed in the 100us window; .* use --duration [\d.]+m?s or more\n$/);
  });
});
