// Reads the JSON lines of earlier `npm run sweep --json` runs (e.g. shards concatenated) back into point
// lines for a USL fit of the whole sweep, refusing lines of different sweeps. Parsing only; the fit is aggregate.ts's.
import { ParamError } from '../../scenarios/paramSpec';
import type { PointLine } from '../../analysis/sweep/aggregate';
import { sameSweep, type SweepIdentity } from './identity';

/** Point lines from the texts, ordered by point index; USL lines are skipped, duplicates refused. */
export function parseSweepLines(texts: readonly { file: string; text: string }[]): {
  lines: PointLine[];
  keys: string[];
} {
  const byIndex = new Map<number, PointLine>();
  let first: { where: string; id: SweepIdentity } | null = null;
  for (const { file, text } of texts) {
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      let obj: unknown;
      try {
        obj = JSON.parse(raw);
      } catch {
        throw new ParamError('fit', `${file}:${i + 1}`, 'JSON lines written by npm run sweep -- --json');
      }
      const o = obj as Partial<PointLine> & { usl?: unknown; sweep?: SweepIdentity };
      if (o.usl !== undefined) return;
      if (
        typeof o.index !== 'number' ||
        typeof o.point !== 'object' ||
        typeof o.throughput?.opsPerSec?.mean !== 'number'
      ) {
        throw new ParamError(
          'fit',
          `${file}:${i + 1}`,
          'point lines of npm run sweep -- --json (with index, point, throughput)',
        );
      }
      // Lines of one sweep only (another preset, range, seeds or duration would fit a mixture). Lines written
      // before the identity existed carry none and are taken as they are.
      if (o.sweep) {
        const here = { where: `${file}:${i + 1}`, id: o.sweep };
        if (first) sameSweep(first, here);
        else first = here;
      }
      if (byIndex.has(o.index))
        throw new ParamError('fit', `${file}:${i + 1}`, `each point once (point ${o.index} appears twice)`);
      byIndex.set(o.index, o as PointLine);
    });
  }
  const lines = [...byIndex.values()].sort((a, b) => a.index - b.index);
  if (lines.length === 0)
    throw new ParamError('fit', texts.map((t) => t.file).join(' '), 'files with at least one point line');
  return { lines, keys: Object.keys(lines[0].point) };
}
