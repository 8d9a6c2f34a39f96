// Golden summaries: every preset and its baseline, run briefly, must give the rounded figures kept in
// presets/<id>.json; a change names each figure that moved. `npm run golden:update` rewrites the files.
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenarios/catalog';
import type { Preset } from '../../scenarios/preset';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { runScenario } from '../run';
import {
  describeMoves,
  GOLDEN_DURATION,
  GOLDEN_SEED,
  GOLDEN_WARMUP,
  goldenFigures,
  goldenText,
  movedFigures,
  round,
  type GoldenFile,
} from './golden.testkit';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'presets');
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const fileOf = (id: string) => join(DIR, `${id}.json`);

function measure(p: Preset): GoldenFile {
  const sides: GoldenFile['sides'] = {};
  for (const [side, params] of Object.entries({ preset: {}, ...(p.baseline ? { baseline: p.baseline } : {}) })) {
    const sc = resolveScenario({
      preset: p.id,
      params,
      seed: GOLDEN_SEED,
      warmup: GOLDEN_WARMUP,
      duration: GOLDEN_DURATION,
    });
    sides[side] = goldenFigures(runScenario(sc).result);
  }
  return { preset: p.id, model: p.model, seed: GOLDEN_SEED, warmup: GOLDEN_WARMUP, duration: GOLDEN_DURATION, sides };
}

/** What differs between the kept file and this run, as the lines a reviewer reads; empty when nothing moved. */
function report(kept: GoldenFile, now: GoldenFile): string[] {
  const out: string[] = [];
  for (const k of ['model', 'seed', 'warmup', 'duration'] as const)
    if (kept[k] !== now[k]) out.push(`${k}: ${kept[k]} -> ${now[k]}`);
  for (const side of new Set([...Object.keys(kept.sides), ...Object.keys(now.sides)])) {
    const moves = movedFigures(kept.sides[side] ?? {}, now.sides[side] ?? {});
    if (moves.length)
      out.push(`[${side}] ${moves.length} figure(s) moved:`, ...describeMoves(moves).map((l) => `  ${l}`));
  }
  return out;
}

describe(`golden summaries (seed ${GOLDEN_SEED}, warm-up ${GOLDEN_WARMUP}, measured ${GOLDEN_DURATION})`, () => {
  for (const p of PRESETS) {
    it(p.id, () => {
      const now = measure(p);
      const file = fileOf(p.id);
      const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GoldenFile) : null;
      const moved = kept ? report(kept, now) : ['no golden file yet'];
      if (UPDATE) {
        if (moved.length) {
          mkdirSync(DIR, { recursive: true });
          writeFileSync(file, goldenText(now));
          console.log(`golden ${p.id} rewritten:\n${moved.join('\n')}`);
        }
        return;
      }
      if (moved.length)
        expect.fail(
          `${p.id}: the golden summary moved (if intended, run \`npm run golden:update\` and review the diff):\n` +
            moved.join('\n'),
        );
    });
  }

  it('every golden file belongs to a preset', () => {
    const ids = new Set(PRESETS.map((p) => p.id));
    const stray = () => readdirSync(DIR).filter((f) => !ids.has(f.replace(/\.json$/, '')));
    // Updating removes them, so a renamed or dropped preset leaves no file behind.
    if (UPDATE) for (const f of stray()) unlinkSync(join(DIR, f));
    expect(stray()).toEqual([]);
  });
});

describe('golden comparison', () => {
  it('rounds to four significant figures and keeps zero and non-finite as 0', () => {
    expect(round(123456)).toBe(123500);
    expect(round(0.000123456)).toBe(0.0001235);
    expect(round(0)).toBe(0);
    expect(round(NaN)).toBe(0);
  });

  it('names each moved, new and gone figure with old -> new and the change, largest first', () => {
    const before = { a: 100, b: 2, c: 0, gone: 5, same: 7 };
    const after = { a: 101, b: 3, c: 4, fresh: 1, same: 7 };
    const moves = movedFigures(before, after);
    expect(moves.map((m) => m.key).sort()).toEqual(['a', 'b', 'c', 'fresh', 'gone']);
    expect(describeMoves(moves)).toEqual([
      'c: 0 -> 4 (from 0)',
      'fresh: (none) -> 1 (new)',
      'gone: 5 -> (none) (gone)',
      'b: 2 -> 3 (+50%)',
      'a: 100 -> 101 (+1.0%)',
    ]);
    expect(describeMoves(moves, 2)).toEqual(['c: 0 -> 4 (from 0)', 'fresh: (none) -> 1 (new)', '... and 3 more']);
  });

  it('reports a changed run setting and a side that appeared', () => {
    const kept: GoldenFile = { preset: 'x', model: 'm', seed: 1, warmup: '2ms', duration: '5ms', sides: {} };
    const now: GoldenFile = { ...kept, duration: '6ms', sides: { baseline: { t: 1 } } };
    expect(report(kept, now)).toEqual([
      'duration: 5ms -> 6ms',
      '[baseline] 1 figure(s) moved:',
      '  t: (none) -> 1 (new)',
    ]);
  });
});
