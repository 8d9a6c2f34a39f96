// The validation set of ../shared/validation.md, figures the model was never calibrated to, one test per
// figure beside the model. The figures are data (src/scenarios/validation: each setup's preset, the check in
// validation.md's tolerance, the assumptions about what the post left unsaid, and the known misses with their
// suspected mechanism), so the Validation page runs exactly what is asserted here. A known miss must still
// miss: once the model comes within the check, the fix removes the mark. Runs shared by several figures
// (V1's table) are run once.
import { describe, expect, it } from 'vitest';
import { judge } from '../../../scenarios/stories/figures';
import { claimRuns } from '../../../scenarios/stories/runs';
import type { Claim } from '../../../scenarios/stories/types';
import { VALIDATION } from '../../../scenarios/validation';
import type { SimResult } from '../../core/result';
import { runScenario } from '../../run';

const cache = new Map<string, SimResult>();
function measure(claim: Claim): number {
  const results: Record<string, SimResult> = {};
  for (const r of claimRuns(claim)) {
    let res = cache.get(r.key);
    if (!res) cache.set(r.key, (res = runScenario(r.scenario).result));
    results[r.name] = res;
  }
  return claim.figure(results);
}

for (const group of VALIDATION.filter((g) => g.claims.length > 0)) {
  describe(`${group.id}: ${group.title} (${group.source})`, () => {
    it.each(group.claims.map((c) => [c.id, c] as const))(
      '%s',
      (id, claim) => {
        const v = measure(claim);
        const verdict = judge(claim.check, v);
        console.log(
          `${group.id}/${id}: ${v.toFixed(claim.digits)} ${claim.unit} (check ${verdict.rule}, published ${claim.published})${claim.knownMiss ? ' KNOWN MISS' : ''}`,
        );
        expect(
          verdict.ok,
          `${group.id}/${id}: ${v} vs ${verdict.rule}${claim.knownMiss ? ' (marked as a known miss)' : ''}`,
        ).toBe(!claim.knownMiss);
      },
      120_000,
    );
  });
}
