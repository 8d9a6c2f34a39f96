// The text histograms read like bcc's: ranges per power of two, empty buckets between, stars scaled.
import { describe, expect, it } from 'vitest';
import { log2Lines } from './log2Text';

describe('log2Lines', () => {
  it('prints every bucket from the first to the last, with stars scaled to the largest', () => {
    const lines = log2Lines(
      [
        [256, 10],
        [1024, 5],
      ],
      'nsecs',
      10,
    );
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/nsecs\s+: count\s+distribution/);
    expect(lines[1]).toBe('  256 -> 511 : 10    |**********|');
    expect(lines[2]).toBe(' 512 -> 1023 : 0     |          |');
    expect(lines[3]).toBe('1024 -> 2047 : 5     |*****     |');
  });

  it('starts at 0 -> 0 when the zero bucket has counts, no range overlapping the next, and prints nothing for no data', () => {
    const ranges = log2Lines(
      [
        [0, 1],
        [1, 1],
        [2, 1],
      ],
      'nsecs',
      4,
    )
      .slice(1)
      .map((l) => l.split(':')[0].trim());
    expect(ranges).toEqual(['0 -> 0', '1 -> 1', '2 -> 3']);
    expect(
      log2Lines(
        [
          [0, 1],
          [2, 1],
        ],
        'nsecs',
        4,
      )
        .slice(1)
        .map((l) => l.trim().split(' ')[0]),
    ).toEqual(['0', '1', '2']);
    expect(log2Lines([])).toEqual([]);
  });
});
