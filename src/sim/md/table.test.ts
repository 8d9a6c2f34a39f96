// The seed's fio table from the six bitmap-* presets: each row's ratios within 20% of published, rows in
// published order; prints measured beside published. Asserts on simulated figures only, never wall time.
import { beforeAll, describe, expect, it } from 'vitest';
import { BITMAP_PRESETS } from '../../scenarios/bitmapPresets';
import { KNOWN_MISSES } from '../../scenarios/stories/seed004';
import { resolveScenario } from '../../scenarios/scenarioFile';
import type { SimResult } from '../core/result';
import { runScenario } from '../run';

/** MiB/s as published: none, bitmap, llbitmap. */
const PUBLISHED: Record<string, [number, number, number]> = {
  'bitmap-raid1': [13.7, 9696 / 1024, 19.5],
  'bitmap-raid1-assume-clean': [19.5, 11.9, 19.5],
  'bitmap-raid10': [21.9, 11.6, 27.8],
  'bitmap-raid10-assume-clean': [27.8, 15.4, 27.8],
  'bitmap-raid5': [14.0, 11.6, 12.9],
  'bitmap-raid5-assume-clean': [17.8, 13.4, 13.9],
};
const COLUMNS = ['none', 'bitmap', 'llbitmap'] as const;
const IDS = Object.keys(PUBLISHED);
const runs: Record<string, SimResult[]> = {};
const mib = (r: SimResult) => r.throughput.bytesPerSec / 2 ** 20;

function runColumn(id: string, column: (typeof COLUMNS)[number]): SimResult {
  const p = BITMAP_PRESETS.find((x) => x.id === id)!;
  const params = column === 'none' ? p.baseline! : column === 'llbitmap' ? { bitmap: 'llbitmap' } : {};
  return runScenario(resolveScenario({ preset: id, params })).result;
}

/** The pairs this test orders: same column, published values more than 10% apart. */
function orderedPairs(): { col: number; lo: string; hi: string }[] {
  const out: { col: number; lo: string; hi: string }[] = [];
  for (let col = 0; col < 3; col++) {
    for (const a of IDS)
      for (const b of IDS) if (PUBLISHED[a][col] * 1.1 < PUBLISHED[b][col]) out.push({ col, lo: a, hi: b });
  }
  return out;
}

beforeAll(() => {
  for (const id of IDS) runs[id] = COLUMNS.map((c) => runColumn(id, c));
  // Measured MiB/s beside published, and the same scaled so raid1 --assume-clean without a bitmap reads 19.5.
  const k = 19.5 / mib(runs['bitmap-raid1-assume-clean'][0]);
  const f = (x: number) => x.toFixed(1).padStart(7);
  const lines = [
    `${'preset'.padEnd(28)}${'measured MiB/s (none bitmap llbitmap)'.padEnd(24)} | scaled x${k.toFixed(3)}      | published             | bitmap/none      llbitmap/none`,
  ];
  for (const id of IDS) {
    const m = runs[id].map(mib);
    const p = PUBLISHED[id];
    lines.push(
      `${id.padEnd(28)}${m.map(f).join('')} | ${m.map((x) => f(x * k)).join('')} | ${p.map(f).join('')} | ${(m[1] / m[0]).toFixed(2)} (${(p[1] / p[0]).toFixed(2)})      ${(m[2] / m[0]).toFixed(2)} (${(p[2] / p[0]).toFixed(2)})`,
    );
  }
  console.log(`seed 004 fio randwrite table, simulated vs published\n${lines.join('\n')}`);
}, 60_000);

describe('each row: bitmap/none and llbitmap/none within 20% of the published ratios', () => {
  it.each(IDS)('%s', (id) => {
    const m = runs[id].map(mib);
    const p = PUBLISHED[id];
    for (const col of [1, 2]) {
      const ratio = m[col] / m[0] / (p[col] / p[0]);
      const what = `${COLUMNS[col]}/none: ${(m[col] / m[0]).toFixed(3)} vs ${(p[col] / p[0]).toFixed(3)}`;
      // A known miss (seed004.ts says why) must still miss; once it holds, the fix removes the mark.
      if (KNOWN_MISSES[`${id}-${COLUMNS[col]}`])
        expect(ratio > 0.8 && ratio < 1.2, `${what} (a known miss)`).toBe(false);
      else {
        expect(ratio, what).toBeGreaterThan(0.8);
        expect(ratio, what).toBeLessThan(1.2);
      }
    }
  });
});

describe('rows keep the published order within each column wherever published values differ by more than 10%', () => {
  it.each(COLUMNS.map((c, i) => [c, i] as const))('%s column', (_c, col) => {
    const pairs = orderedPairs().filter((x) => x.col === col);
    expect(pairs.length).toBeGreaterThan(5);
    // Pairs with a known-miss cell (seed004.ts) are not ordered: that cell's figure is already reported off.
    const miss = (id: string) => KNOWN_MISSES[`${id}-${COLUMNS[col]}`] !== undefined;
    for (const { lo, hi } of pairs)
      if (!miss(lo) && !miss(hi)) expect(mib(runs[lo][col]), `${lo} < ${hi}`).toBeLessThan(mib(runs[hi][col]));
  });
});

describe('the mechanisms behind the numbers are the ones the story names', () => {
  it('classic bitmap rows report bitmap_lock; llbitmap and none rows do not', () => {
    for (const id of IDS) {
      const names = runs[id].map((r) => r.locks.map((l) => l.name));
      expect(names[1]).toContain('bitmap_lock');
      expect(names[0]).not.toContain('bitmap_lock');
      expect(names[2]).not.toContain('bitmap_lock');
    }
  });
  it('new arrays resync in the background without a bitmap; llbitmap skips it on raid1/raid10', () => {
    for (const id of ['bitmap-raid1', 'bitmap-raid10', 'bitmap-raid5']) {
      expect(runs[id][0].extra!.resyncRunning).toBe(true);
      // raid10's resync sleeps through the window (a known miss, seed004.ts): running, but no progress here
      if (!KNOWN_MISSES[`${id}-none`]) expect(runs[id][0].extra!.resyncKiBPerSec as number).toBeGreaterThan(0);
    }
    for (const id of ['bitmap-raid1', 'bitmap-raid10']) expect(runs[id][2].extra!.resyncKiBPerSec).toBe(0);
    for (const id of IDS.filter((x) => x.endsWith('assume-clean')))
      expect(runs[id][0].extra!.resyncRunning ?? false).toBe(false);
  });
});
