// Property-based fuzzing in CI (fast-check): each model's space (src/cli/fuzzSpace.ts), a few simulated ms per
// configuration with every invariant checked after every event and the stall watchdog on, through the same
// campaign as `npm run fuzz` (src/cli/fuzzCampaign.ts). A crash, a broken invariant or a stall fails with the
// shrunk configuration and its `npm run sim` line; a combination the resolver refuses is counted by the field it
// names. FUZZ_RUNS (default 50 per model), FUZZ_SEED and FUZZ_DURATION widen or replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelInfo } from '../scenarios/catalog';
import { resolveScenario } from '../scenarios/scenarioFile';
import { runScenarioChecked } from './checked';
import { fuzzModel, reproduceLine, type FuzzFailure } from '../cli/fuzzCampaign';
import { FUZZ_MODELS, FUZZ_SPACES } from '../cli/fuzzSpace';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const DURATION = process.env.FUZZ_DURATION ?? '2ms';

describe(`fuzz: ${RUNS} configurations per model, seed ${SEED}, ${DURATION} each, invariants and stall watchdog on`, () => {
  it.each(FUZZ_MODELS)(
    '%s holds under random valid configurations',
    (model) => {
      const found: FuzzFailure[] = [];
      const s = fuzzModel(model, { runs: RUNS, seed: SEED, duration: DURATION, onFailure: (f) => found.push(f) });
      process.stdout.write(`fuzz ${model}: ${JSON.stringify(s)}\n`);
      expect(found.map((f) => `${f.line}\n  reproduce: ${f.reproduce}`)).toEqual([]);
      expect(s.runs).toBe(RUNS);
      expect(s.ran + s.refused).toBe(RUNS);
      // Most draws are valid: a resolver that refused everything would make this test vacuous.
      expect(s.ran).toBeGreaterThan(RUNS / 4);
    },
    240_000, // a few seconds of CPU each; the wall time on a loaded shared machine can be 20x that
  );

  it('every key a space draws is a parameter of its model (the specs --describe prints)', () => {
    for (const model of FUZZ_MODELS) {
      const keys = new Set(modelInfo(model)!.params.map((p) => p.key));
      for (const params of fc.sample(FUZZ_SPACES[model], { numRuns: 50, seed: 1 }))
        for (const k of Object.keys(params)) expect(keys.has(k), `${model}: ${k}`).toBe(true);
    }
  });

  it('a failure is reported as an npm run sim line that replays it', () => {
    expect(reproduceLine('raid5', { disks: 3, direct: false, chunk: '64k' }, 7, '2ms')).toBe(
      'npm run sim -- --model raid5 --set disks=3 --set direct=false --set chunk=64k --seed 7 --duration 2ms --warmup 0.5ms --check-invariants',
    );
  });

  it('a broken configuration is caught: the property fails and fast-check reports the seed and the shrunk case', () => {
    let message = '';
    try {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 64 }), (iodepth) => {
          const sc = resolveScenario({ model: 'raid1', params: { iodepth }, duration: '1ms', warmup: '0ms', seed: 1 });
          // A watchdog of 1 ns: any configuration "stalls", so the property must fail and shrink to iodepth 1.
          runScenarioChecked(sc, { invariants: true, stallNs: 1 });
        }),
        { numRuns: 5, seed: 42 },
      );
    } catch (e) {
      message = `${(e as Error).message}\n${String((e as Error).cause)}`;
    }
    expect(message).toMatch(/seed: 42/);
    expect(message).toMatch(/Counterexample: \[1\]/);
    expect(message).toMatch(/stall: model=raid1 seed=1/);
  });
});
