// Detected warm-up (warmupMode 'auto'): the result is exactly the fixed run at the detected cut, says how
// the cut was chosen, and fixed runs stay as they were (no `warmup` field).
import { describe, expect, it } from 'vitest';
import { runScenario, type RunSpec } from './run';
import { sampleTimes, WARMUP_SAMPLES } from './warmup';
import { resolveScenario } from '../scenarios/scenarioFile';

function spec(preset: string, seed: number, extra: Record<string, string> = {}): RunSpec {
  return resolveScenario({ preset, seed, duration: '20ms', warmup: 'auto', ...extra });
}

describe('runScenario with detected warm-up', () => {
  for (const [preset, seed] of [
    ['raid5-3disk-threads', 1],
    ['lock-lab-basic', 2],
  ] as const) {
    it(`${preset} seed ${seed}: equals the fixed run at the detected cut, byte for byte`, () => {
      const s = spec(preset, seed);
      expect(s.warmupMode).toBe('auto');
      const auto = runScenario(s).result;
      const w = auto.warmup;
      if (!w) throw new Error('no warmup field on a detected run');
      expect(w.rule).toBe('MSER-5');
      expect(w.horizonNs).toBe(s.warmupNs + s.durationNs);
      expect(auto.warmupNs).toBe(w.ns);
      expect(auto.simulatedNs).toBe(w.horizonNs - w.ns);
      if (w.mode === 'detected') {
        expect(w.ns).toBe(sampleTimes(w.horizonNs)[w.batchesCut * 5]);
        expect(w.batchesCut).toBeLessThan(w.batches / 2);
      }
      const fixed = runScenario({ ...s, warmupMode: undefined, warmupNs: w.ns, durationNs: w.horizonNs - w.ns }).result;
      expect(fixed.warmup).toBeUndefined();
      const { warmup: _, ...rest } = auto;
      expect(JSON.stringify(rest)).toBe(JSON.stringify(fixed));
    });
  }

  it('is deterministic: the same seed detects the same cut', () => {
    const a = runScenario(spec('lock-lab-basic', 3)).result;
    const b = runScenario(spec('lock-lab-basic', 3)).result;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('refuses a horizon shorter than one nanosecond per sample, naming warmup=auto', () => {
    const s = { ...spec('lock-lab-basic', 1), warmupNs: 0, durationNs: WARMUP_SAMPLES - 1 };
    expect(() => runScenario(s)).toThrow(/warmup=auto: the horizon .* 199 ns; accepted: at least 200 ns/);
  });

  it('a fixed scenario resolves without warmupMode and its result has no warmup field', () => {
    const s = resolveScenario({ preset: 'lock-lab-basic', duration: '5ms' });
    expect('warmupMode' in s).toBe(false);
    expect(runScenario(s).result.warmup).toBeUndefined();
  });
});
