// The screen's compact figures: iostat's areq-sz as 4K / 64K / 1.3M and merge rates in four characters.
import { describe, expect, it } from 'vitest';
import { fmtRateShort, fmtReqSize } from './format';

describe('compact member figures', () => {
  it('areq-sz in KiB or MiB, a dash when nothing was sent', () => {
    expect(fmtReqSize(4096)).toBe('4K');
    expect(fmtReqSize(6656)).toBe('6.5K');
    expect(fmtReqSize(26383.5)).toBe('26K');
    expect(fmtReqSize(65536)).toBe('64K');
    expect(fmtReqSize(1280 * 1024)).toBe('1.3M');
    expect(fmtReqSize(null)).toBe('—');
  });

  it('rates fit four characters', () => {
    expect(['0', '12', '999', '1.0k', '1.2k', '12k', '197k', '1.0M', '2.5M', '25M']).toEqual(
      [0, 12.4, 999.4, 999.6, 1234, 12_345, 196_925, 999_600, 2.5e6, 25e6].map(fmtRateShort),
    );
  });
});

describe('fmtBandwidth', () => {
  it('says a bytes/s parameter in decimal units', async () => {
    const { fmtBandwidth } = await import('./format');
    expect(fmtBandwidth(2e9)).toBe('2 GB/s');
    expect(fmtBandwidth(3.2e9)).toBe('3.2 GB/s');
    expect(fmtBandwidth(200e6)).toBe('200 MB/s');
    expect(fmtBandwidth(20e9)).toBe('20 GB/s');
  });
});
