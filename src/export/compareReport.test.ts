// The A/B report as plain text: what A and B are, the method, aligned columns, signed deltas with words, ASCII only.
import { describe, expect, it } from 'vitest';
import { headlineRows, lockRows, type LockFigures, type RunFigures } from '../analysis/compareTables';
import { compareReport, textTable } from './compareReport';

const lock = (name: string, contentions: number, waitAvg: number, acquisitions = 1000): LockFigures => ({
  name,
  kind: 'spinlock',
  acquisitions,
  contentions,
  waitTimeTotalNs: contentions * waitAvg,
  waitTimeAvgNs: waitAvg,
  holdTimeAvgNs: 500,
});
const run = (ops: number, p99: number, locks: LockFigures[]): RunFigures => ({
  throughput: { opsPerSec: ops, bytesPerSec: ops * 4096 },
  latencyNs: { p50: p99 / 2, p99, p999: p99 * 1.2 },
  locks,
  threads: [],
});

describe('compareReport', () => {
  const a = [
    run(100_000, 2e6, [lock('device_lock', 100, 2000)]),
    run(101_000, 2.02e6, [lock('device_lock', 104, 2020)]),
  ];
  const b = [
    run(120_000, 1.6e6, [lock('device_lock', 300, 4000), lock('bitmap_lock', 50, 900)]),
    run(121_500, 1.61e6, [lock('device_lock', 310, 4010), lock('bitmap_lock', 52, 910)]),
  ];
  const text = compareReport({
    aWords: 'preset p with bitmap=none; seed 1',
    bWords: 'preset p with bitmap=bitmap; seed 1',
    changes: [{ key: 'bitmap', a: 'none', b: 'bitmap' }],
    seeds: [1, 2],
    durationNs: { a: 40e6, b: 40e6 },
    warmupNs: { a: 10e6, b: 10e6 },
    head: headlineRows(a, b),
    locks: lockRows(a, b),
  });
  const lines = text.split('\n');

  it('says what was compared and how', () => {
    expect(lines[0]).toBe(
      'A/B comparison (Stripe Lab): R=2, seeds 1..2 on both sides, 40.000 ms measured after 10.000 ms warm-up (simulated)',
    );
    expect(text).toContain('A -> B: bitmap none -> bitmap');
    expect(text).toContain('paired Student t on the per-seed differences');
  });

  it('headline rows carry values, signed percentages and words', () => {
    expect(lines.find((l) => l.startsWith('throughput'))).toMatch(
      /^throughput\s+100\.5k ops\/s\s+120\.8k ops\/s\s+\+20\.1%\s+\+\d+\.\d\.\.\+\d+\.\d%\s+better$/,
    );
    expect(lines.find((l) => l.startsWith('latency p99 '))).toMatch(/-20\.\d%.*better$/);
  });

  it('lock rows: worse marked in words, a lock only in B as new, times in us as lock_stat prints them', () => {
    const dev = lines.find((l) => l.startsWith('device_lock'))!;
    expect(dev).toMatch(/102\.0\s+305\.0\s+\+199% worse/);
    expect(dev).toContain('2.01'); // waittime-avg A: 2010 ns
    expect(lines.find((l) => l.startsWith('bitmap_lock'))).toMatch(/^bitmap_lock \(new in B\)\s+-\s+51\.0\s+new/);
  });

  it('is ASCII only, so it survives any mailer', () => {
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('textTable right-aligns every column after the first', () => {
    expect(
      textTable([
        ['a', 'bb'],
        ['ccc', 'd'],
      ]),
    ).toEqual(['a    bb', 'ccc   d']);
  });
});
