// A snapshot is a pure read: a raid5 run that is snapshotted after every event (the UI's heaviest use) gives
// the same result and the same later snapshots, byte for byte, as the same run snapshotted only at the end.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { createModel } from '../../run';

/** JSON with typed arrays as plain arrays, so cells, cellIds and threadNs are compared too. */
const bytes = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v));

function run(preset: string, everyEvent: boolean): { result: string; snapshots: string[] } {
  const sc = resolveScenario({ preset, seed: 3 });
  const m = createModel(sc.model, sc.params, sc.seed);
  const warmupNs = 300_000;
  const endNs = 1_200_000;
  const marks = [warmupNs, 600_000, 900_000, endNs];
  const snapshots: string[] = [];
  let followed = false;
  for (const mark of marks) {
    while (m.sim.peek() <= mark) {
      m.sim.step();
      if (everyEvent) m.snapshot();
    }
    if (mark === warmupNs) m.resetStats();
    if (!followed && m.follow) {
      // follow a stripe that is in use, so the history path runs too
      const s = m.snapshot();
      const cells = s.extra?.cells as Uint8Array;
      const ids = s.extra?.cellIds as Uint32Array;
      const busy = cells.findIndex((c) => c !== 0);
      expect(busy).toBeGreaterThanOrEqual(0);
      expect(m.follow(ids[busy])).toBeNull();
      followed = true;
    }
    snapshots.push(bytes(m.snapshot()));
  }
  return { result: bytes(m.result({ preset, warmupNs })), snapshots };
}

describe('raid5 snapshot() is a pure read', () => {
  // the md branch (bitmap) too; a latency window closes within the run only where IO completes early enough
  for (const [preset, windowCloses] of [
    ['raid5-3disk-threads', true],
    ['bitmap-raid5-assume-clean', false],
  ] as const) {
    it(`${preset}: a snapshot after every event changes neither the result nor later snapshots`, () => {
      const every = run(preset, true);
      const once = run(preset, false);
      expect(every.result).toBe(once.result);
      expect(every.snapshots).toEqual(once.snapshots);
      // the run got somewhere: the latency window closed and the followed stripe has a history
      const last = JSON.parse(once.snapshots.at(-1)!) as {
        extra: { latencyWindow: { count: number } | null; followed: { history: string[] } | null };
      };
      if (windowCloses) expect(last.extra.latencyWindow?.count).toBeGreaterThan(0);
      expect(last.extra.followed?.history.length).toBeGreaterThan(1);
    });
  }
});
