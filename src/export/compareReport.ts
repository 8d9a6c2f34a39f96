// The A/B comparison as plain text for a mail or a commit message: what A and B are, the seeds and the method,
// headline figures and lock_stat columns with signed deltas and words (no colour, ASCII signs). Pure text.
import type { Delta } from '../analysis/compare';
import { LOCK_COLUMNS, type HeadlineRow, type LockCompareRow } from '../analysis/compareTables';
import { formatNs, formatRate } from '../lib/units';
import { deltaView } from './deltaText';
import { lockStatTime } from './lockStat';

export interface CompareReportInput {
  aWords: string;
  bWords: string;
  changes: readonly { key: string; a: string; b: string }[];
  seeds: readonly number[];
  durationNs: { a: number; b: number };
  warmupNs: { a: number; b: number };
  head: readonly HeadlineRow[];
  locks: readonly LockCompareRow[];
}

const ascii = (s: string) =>
  s
    .replace(/\u2212/g, '-')
    .replace(/µ/g, 'u')
    .replace(/±/g, '');

/** A value in the figure's unit: 77.8k ops/s, 304.0 MiB/s, 1.630 ms. */
export function figureValue(unit: string, x: number): string {
  if (unit === 'ops/s') return `${formatRate(x)} ops/s`;
  if (unit === 'B/s') return `${(x / 2 ** 20).toFixed(1)} MiB/s`;
  if (unit === 'ns') return formatNs(x);
  return x.toFixed(0);
}

/** Columns padded to their widest cell: the first left-aligned, the rest right-aligned (numbers line up). */
export function textTable(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

function deltaCell(d: Delta, abs: (x: number) => string): string {
  const v = deltaView(d, abs);
  const word = d.verdict === 'better' || d.verdict === 'worse' ? ` ${d.verdict}` : d.verdict === 'noise' ? ' n.s.' : '';
  return `${v.main}${word}`;
}

const span = (a: number, b: number) => (a === b ? formatNs(a) : `A ${formatNs(a)}, B ${formatNs(b)}`);

export function compareReport(x: CompareReportInput): string {
  const r = x.seeds.length;
  const seeds = r === 1 ? `seed ${x.seeds[0]}` : `seeds ${x.seeds[0]}..${x.seeds[r - 1]}`;
  const lines = [
    `A/B comparison (Stripe Lab): R=${r}, ${seeds} on both sides, ${span(x.durationNs.a, x.durationNs.b)} measured after ${span(x.warmupNs.a, x.warmupNs.b)} warm-up (simulated)`,
    `A: ${x.aWords}`,
    `B: ${x.bWords}`,
    `A -> B: ${x.changes.length ? x.changes.map((c) => `${c.key} ${c.a} -> ${c.b}`).join('; ') : '(no parameter differs)'}`,
    r > 1
      ? 'delta = B - A in % of A, mean over the seeds; 95% CI: paired Student t on the per-seed differences; n.s. = CI includes 0'
      : 'delta = B - A in % of A; one replication: no CI',
    '',
  ];
  const head = [['figure', 'A', 'B', 'delta', '95% CI of delta', 'verdict']];
  for (const { spec, delta } of x.head) {
    const v = deltaView(delta, (y) => figureValue(spec.unit, y));
    head.push([
      spec.label,
      figureValue(spec.unit, delta.meanA),
      figureValue(spec.unit, delta.meanB),
      v.main,
      v.ci?.replace('95% CI ', '') ?? '-',
      v.word,
    ]);
  }
  lines.push(...textTable(head), '');
  const count = (y: number) => (r > 1 ? y.toFixed(1) : y.toFixed(0));
  const val = (unit: string, y: number) => (unit === 'ns' ? lockStatTime(y) : count(y));
  const locks = [['class name', ...LOCK_COLUMNS.flatMap((c) => [`${c.label} A`, 'B', 'delta'])]];
  for (const l of x.locks) {
    locks.push([
      `${l.name}${l.presence === 'new' ? ' (new in B)' : l.presence === 'gone' ? ' (gone in B)' : ''}`,
      ...LOCK_COLUMNS.flatMap((c) => [
        l.meanA ? val(c.unit, l.meanA[c.key]) : '-',
        l.meanB ? val(c.unit, l.meanB[c.key]) : '-',
        l.deltas ? deltaCell(l.deltas[c.key], (y) => val(c.unit, y)) : l.presence,
      ]),
    ]);
  }
  lines.push(
    'lock_stat per class, mean over the seeds (times in us; lower is better except acquisitions, which follow the work done)',
    ...textTable(locks),
  );
  return `${ascii(lines.join('\n'))}\n`;
}
