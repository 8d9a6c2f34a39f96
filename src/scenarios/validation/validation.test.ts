// The validation set's data against the catalog: every claim names existing presets and its runs resolve, its
// figure reads runs it names (checked on shortened runs: the full-length figures and their bounds are asserted
// once, by src/sim/models/raid5/validation.test.ts), the presets set no cost, and every gap says what it needs.
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../sim/core/result';
import { runScenario } from '../../sim/run';
import { findPreset } from '../catalog';
import { STORIES } from '../stories';
import { claimRuns } from '../stories/runs';
import { VALIDATION_PRESETS } from '../validationPresets';
import { VALIDATION } from './index';

const claims = VALIDATION.flatMap((g) => g.claims.map((c) => [`${g.id}/${c.id}`, c] as const));

describe('validation claims', () => {
  it('are V1..V5 of validation.md, ids unique across the page (stories included), each row runnable or a gap', () => {
    expect(VALIDATION.map((g) => g.id)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5']);
    const groupIds = [...VALIDATION.map((g) => g.id), ...STORIES.map((s) => s.id)];
    expect(new Set(groupIds).size).toBe(groupIds.length);
    for (const g of VALIDATION) {
      const ids = [...g.claims.map((c) => c.id), ...g.gaps.map((x) => x.id)];
      expect(new Set(ids).size, g.id).toBe(ids.length);
      expect(g.claims.length + g.gaps.length, g.id).toBeGreaterThan(0);
      for (const x of g.gaps) expect(x.needs.length, `${g.id}/${x.id}`).toBeGreaterThan(5);
    }
    expect(claims.length).toBe(22);
    expect(claims.filter(([, c]) => c.knownMiss).map(([n]) => n)).toEqual([
      'V1/v1-rmw-size',
      'V2/v2-patch',
      'V2/v2-skip-copy',
      'V5/v5-brd-bw',
      'V5/v5-nvme-gain',
      'V5/v5-brd-gain',
    ]);
  });

  it.each(claims)(
    '%s names existing presets, every run resolves, and it states source, published value and assumptions',
    (_n, c) => {
      expect(findPreset(c.lab)).toBeDefined();
      expect(Object.keys(c.runs).length).toBeGreaterThan(0);
      for (const run of Object.values(c.runs)) expect(findPreset(run.preset), run.preset).toBeDefined();
      expect(() => claimRuns(c)).not.toThrow();
      expect(Number.isFinite(c.publishedValue)).toBe(true);
      expect(c.source).toBeTruthy();
      expect(c.assumptions).toBeTruthy();
    },
  );

  // A disk array may complete nothing in 20 ms (a ratio of zeros is NaN): what is checked is that the figure reads
  // only the runs the claim names and gives a number.
  it.each(claims)(
    '%s: its figure reads only the runs it names (shortened to 20 ms)',
    (_n, c) => {
      const results: Record<string, SimResult> = {};
      for (const r of claimRuns(c, 1, { durationNs: 20e6, warmupNs: 5e6 }))
        results[r.name] = runScenario(r.scenario).result;
      const named = new Proxy(results, {
        get: (t, k: string) => {
          if (!(k in t)) throw new Error(`figure read run ${k}, not among ${Object.keys(t).join(', ')}`);
          return t[k];
        },
      });
      expect(typeof c.figure(named)).toBe('number');
    },
    60_000,
  );
});

describe('validation presets', () => {
  it('are in the catalog under the validation story, raid5, with their durations', () => {
    for (const p of VALIDATION_PRESETS) {
      expect(findPreset(p.id)).toBe(p);
      expect(p.story).toBe('Validation: published figures beyond the seeds');
      expect(p.durationNs).toBeGreaterThan(0);
    }
  });
});
