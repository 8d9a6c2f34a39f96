// Reading real fio results (written by Debian's fio in this test) as `measured`, and refusing files that are not
// fio's or whose jobs ran another workload, with one line naming the field, the value and what was expected.
import { describe, expect, it } from 'vitest';
import { measuredFio, mergeLatency } from './fio';
import { realFio, realFioJobFile, text } from './fioFixtures.testkit';

const scenario = { rw: 'randwrite', bs: 4096, iodepth: 32, numjobs: 4, rwmixread: 50 };
const base = { rw: 'randwrite', bs: '4k', iodepth: '32', numjobs: '4' };

describe('a real fio result as measured', () => {
  it('group_reporting json: IOPS, bandwidth and clat percentiles as fio printed them', () => {
    const file = realFio('gr.json', { ...base, group_reporting: '' });
    const raw = JSON.parse(text(file)) as {
      jobs: {
        write: { iops: number; bw_bytes: number; clat_ns: { percentile: Record<string, number>; mean: number } };
      }[];
    };
    const m = measuredFio(text(file), scenario, file);
    const w = raw.jobs[0].write;
    expect(m.jobEntries).toBe(1);
    expect(m.fioVersion).toMatch(/^fio-3\./);
    expect(m.throughput.opsPerSec).toBe(w.iops);
    expect(m.throughput.bytesPerSec).toBe(w.bw_bytes);
    expect(m.clatNs?.p50).toBe(w.clat_ns.percentile['50.000000']);
    expect(m.clatNs?.p999).toBe(w.clat_ns.percentile['99.900000']);
    expect(m.clatNs?.mean).toBe(w.clat_ns.mean);
    expect(m.read.clatNs).toBeNull();
    expect(m.workload).toEqual({ rw: 'randwrite', bs: 4096, iodepth: 32, numjobs: 4 });
  });

  it('without group_reporting: the job entries add up; percentiles come from json+ bins, or are not invented', () => {
    const plus = measuredFio(text(realFio('many+.json', base, 'json+')), scenario);
    expect(plus.jobEntries).toBe(4);
    expect(plus.clatNs?.p99).toBeGreaterThan(0);
    const plain = measuredFio(text(realFio('many.json', base)), scenario);
    expect(plain.jobEntries).toBe(4);
    expect(plain.throughput.opsPerSec).toBeGreaterThan(0);
    expect(plain.clatNs).toMatchObject({ p50: null, p99: null });
    expect(plain.clatNs?.N).toBeGreaterThan(0);
  });

  it('randrw: both directions, each with its own figures, and together', () => {
    const m = measuredFio(
      text(realFio('rw.json', { ...base, rw: 'randrw', rwmixread: '70', group_reporting: '' }, 'json+')),
      { ...scenario, rw: 'randrw' },
    );
    expect(m.read.opsPerSec).toBeGreaterThan(m.write.opsPerSec);
    expect(m.throughput.opsPerSec).toBeCloseTo(m.read.opsPerSec + m.write.opsPerSec, 6);
    expect(m.clatNs?.N).toBe((m.read.clatNs?.N ?? 0) + (m.write.clatNs?.N ?? 0));
    expect(m.clatNs?.p50).toBeGreaterThan(0);
  });

  it('options from a job file [global] section, and fio defaults where nothing was set', () => {
    const file = realFioJobFile('global.json', {
      rw: 'randwrite',
      bs: '4k',
      iodepth: '32',
      numjobs: '4',
      group_reporting: '1',
    });
    expect(measuredFio(text(file), scenario).jobEntries).toBe(1);
    const bare = realFio('defaults.json', {});
    expect(() => measuredFio(text(bare), scenario)).toThrow(
      "measured jobs.0.rw=read: accepted randwrite (the scenario's rw)",
    );
  });
});

describe('refused, in one line naming the field, the value and what was expected', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['rw', { rw: 'randread' }, "measured jobs.0.job options.rw=randread: accepted randwrite (the scenario's rw)"],
    ['bs', { bs: '8k' }, "measured jobs.0.job options.bs=8k: accepted 4096 bytes (the scenario's bs)"],
    ['iodepth', { iodepth: '8' }, "measured jobs.0.job options.iodepth=8: accepted 32 (the scenario's iodepth)"],
    ['numjobs', { numjobs: '2' }, "measured jobs.0.job options.numjobs=2: accepted 4 (the scenario's numjobs)"],
  ];
  for (const [field, change, message] of cases)
    it(`a job with another ${field}`, () => {
      const file = realFio(`bad-${field}.json`, { ...base, group_reporting: '', ...change });
      expect(() => measuredFio(text(file), scenario)).toThrow(message);
    });

  it("a file that is not JSON, and JSON that is not fio's", () => {
    expect(() => measuredFio('# a README', scenario, 'README.md')).toThrow(
      /^measured=README\.md: accepted fio's JSON result \(--output-format=json\): not JSON/,
    );
    expect(() => measuredFio('{"jobs": []}', scenario)).toThrow(
      "measured fio version=(missing): accepted a field every fio JSON result has (this is not fio's --output-format=json output)",
    );
    expect(() => measuredFio('{"fio version": "fio-3.33", "jobs": []}', scenario)).toThrow(
      /^measured jobs=\[\]: accepted/,
    );
  });

  it("fio's notes before the JSON object are skipped, as fio prints them into --output", () => {
    const file = realFio('note.json', { ...base, group_reporting: '' });
    expect(measuredFio(`note: a line fio printed\n${text(file)}`, scenario).jobEntries).toBe(1);
  });
});

describe('mergeLatency', () => {
  it('weights means by N and reads percentiles from the merged bins', () => {
    const a = { min: 1, max: 10, mean: 2, N: 1, bins: { '2': 1 } };
    const b = { min: 1, max: 40, mean: 5, N: 3, bins: { '4': 2, '8': 1 } };
    expect(mergeLatency([a, b])).toEqual({ N: 4, mean: 4.25, max: 40, p50: 4, p90: 8, p99: 8, p999: 8 });
    expect(mergeLatency([{ ...a, N: 0 }])).toBeNull();
  });
});
