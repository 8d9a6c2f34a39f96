// The size, time and rate spellings of design.md section 6 (4k, 512k, 1m; ns, us, ms, s), parsed and
// printed; anything else is refused with null rather than guessed.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatNs, formatRate, parseBandwidth, parseRate, parseSize, parseTime } from './units';

describe('parseSize', () => {
  it.each([
    ['4096', 4096],
    ['4k', 4096],
    ['4K', 4096],
    ['512k', 524_288],
    ['1m', 1_048_576],
    ['1M', 1_048_576],
    ['2g', 2 ** 31],
    ['64KiB', 65_536],
    ['8kb', 8192],
    [' 16k ', 16_384],
    ['1.5k', 1536],
    ['0', 0],
  ])('%s -> %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each(['', 'k', '4x', '-4k', '4 k b', '1e3', '0.3k', 'four'])('refuses %j', (text) =>
    expect(parseSize(text)).toBeNull(),
  );
});

describe('parseTime', () => {
  it.each([
    ['250', 250],
    ['250ns', 250],
    ['2us', 2000],
    ['2µs', 2000],
    ['1.5ms', 1_500_000],
    ['10ms', 10_000_000],
    ['1s', 1e9],
    ['0.5s', 5e8],
    ['2US', 2000],
    ['1e3', 1000],
    ['0', 0],
  ])('%s -> %d ns', (text, ns) => expect(parseTime(text)).toBe(ns));

  it('rounds to whole nanoseconds', () => expect(parseTime('1.0004us')).toBe(1000));

  it.each(['', 'us', '2 minutes', '-1ms', '5h', '1,5ms'])('refuses %j', (text) => expect(parseTime(text)).toBeNull());
});

describe('parseRate', () => {
  it.each([
    ['2000', 2000],
    ['450k', 450_000],
    ['1m', 1e6],
    ['1.5M', 1.5e6],
  ])('%s -> %d per second', (text, rate) => expect(parseRate(text)).toBe(rate));
  it.each(['', 'fast', '1g', '-5k'])('refuses %j', (text) => expect(parseRate(text)).toBeNull());
});

describe('parseBandwidth', () => {
  it.each([
    ['2000000000', 2e9],
    ['2 GB/s', 2e9],
    ['2GB/s', 2e9],
    ['2000MB/s', 2e9],
    ['500M', 5e8],
    ['1.5GiB/s', 1.5 * 1024 ** 3],
    ['64 KiB/s', 65536],
    ['18 bytes/s', 18],
    ['2 GB', 2e9],
  ])('%s -> %d bytes/s', (text, v) => expect(parseBandwidth(text)).toBe(v));
  it.each(['', 'fast', '-1G', '2 XB/s', '1,5G', '2 GB/h'])('refuses %j', (text) =>
    expect(parseBandwidth(text)).toBeNull(),
  );
});

describe('formatting', () => {
  it('prints times, sizes and rates the way users type them', () => {
    expect(formatNs(250)).toBe('250 ns');
    expect(formatNs(2000)).toBe('2.00 us');
    expect(formatNs(1_500_000)).toBe('1.500 ms');
    expect(formatNs(2e9)).toBe('2.000 s');
    expect(formatNs(Infinity)).toBe('Infinity');
    expect(formatBytes(512)).toBe('512');
    expect(formatBytes(4096)).toBe('4k');
    expect(formatBytes(524_288)).toBe('512k');
    expect(formatBytes(1 << 20)).toBe('1M');
    expect(formatBytes(3 * 2 ** 30)).toBe('3G');
    expect(formatRate(999)).toBe('999.0');
    expect(formatRate(450_000)).toBe('450.0k');
    expect(formatRate(2_500_000)).toBe('2.50M');
  });

  it('round-trips: parse(format(x)) = x for sizes and times', () => {
    for (const b of [4096, 65_536, 524_288, 1 << 20]) expect(parseSize(formatBytes(b))).toBe(b);
    for (const ns of [250, 2000, 1_500_000, 2e9]) expect(parseTime(formatNs(ns).replace(' ', ''))).toBe(ns);
  });
});
