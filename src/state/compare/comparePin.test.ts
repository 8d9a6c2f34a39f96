// Baseline A's storage (round trip; corrupt or stale entries reported and left in place), its description in
// words, the A -> B parameter diff, and the Run form's refusals.
import { describe, expect, it } from 'vitest';
import { checkRunForm } from './compareActions';
import { describePin, paramDiff, PIN_KEY, readPin, writePin, type Pin } from './comparePin';
import type { StorageLike } from '../storage';

class MemoryStorage implements StorageLike {
  writes = 0;
  constructor(
    public items: Record<string, string> = {},
    private full = false,
  ) {}
  getItem(k: string) {
    return this.items[k] ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new Error('QuotaExceededError');
    this.writes++;
    this.items[k] = v;
  }
}

const A: Pin = {
  model: 'raid5',
  preset: 'raid5-3disk-threads',
  seed: 1,
  overrides: { group_thread_cnt: 0, stripe_cache_size: 256 },
};

describe('baseline A in storage', () => {
  it('round-trips through storage', () => {
    const s = new MemoryStorage();
    expect(writePin(s, A)).toBeNull();
    expect(readPin(s)).toEqual({ pin: A, error: null });
  });

  it('no entry is no pin and no error', () => {
    expect(readPin(new MemoryStorage())).toEqual({ pin: null, error: null });
    expect(readPin(null)).toEqual({ pin: null, error: null });
  });

  it('corrupt JSON is reported by key and left in storage, untouched', () => {
    const s = new MemoryStorage({ [PIN_KEY]: '{"model":"raid5",' });
    const r = readPin(s);
    expect(r.pin).toBeNull();
    expect(r.error).toContain(PIN_KEY);
    expect(r.error).toContain('left as it is');
    expect(s.items[PIN_KEY]).toBe('{"model":"raid5",');
    expect(s.writes).toBe(0);
  });

  it('a well-formed but wrong entry names the field, the value and what is accepted', () => {
    const bad = (o: unknown) => readPin(new MemoryStorage({ [PIN_KEY]: JSON.stringify(o) })).error;
    expect(bad({ ...A, seed: -3 })).toContain('seed=-3: accepted an integer 0..2147483647');
    expect(bad({ ...A, preset: 'nope' })).toContain('preset="nope"');
    expect(bad({ ...A, model: 'raid7' })).toContain('model="raid7"');
    expect(bad({ ...A, overrides: { group_thread_cnt: [1] } })).toContain('overrides.group_thread_cnt=[1]');
    expect(bad({ ...A, overrides: { group_thread_cnt: 99999 } })).toContain('group_thread_cnt');
    expect(bad([1])).toContain('(top level)');
  });

  it('a failed save (quota, private mode) is said, not thrown', () => {
    expect(writePin(new MemoryStorage({}, true), A)).toMatch(/could not be saved \(QuotaExceededError\)/);
    expect(writePin(null, A)).toMatch(/no localStorage/);
  });
});

describe('A in words and the A -> B diff', () => {
  it("names the preset, its story's parameters with the values that run, and every other change", () => {
    expect(describePin(A)).toBe(
      'preset raid5-3disk-threads (3 disks: +2 threads, cache doubled) at its baseline: group_thread_cnt=0, stripe_cache_size=256; seed 1',
    );
    // group_thread_cnt 2 is the preset's own value, but B differs from A by it: it is named (issue 15)
    expect(describePin({ ...A, overrides: { group_thread_cnt: 2, stripe_cache_size: 256 } })).toBe(
      'preset raid5-3disk-threads (3 disks: +2 threads, cache doubled) with group_thread_cnt=2, stripe_cache_size=256; seed 1',
    );
    expect(describePin({ ...A, overrides: { group_thread_cnt: 2 } })).toBe(
      'preset raid5-3disk-threads (3 disks: +2 threads, cache doubled) as published: group_thread_cnt=2, stripe_cache_size=512; seed 1',
    );
  });

  it('lists each resolved parameter that differs as key: A -> B, and nothing for equal scenarios', () => {
    const b: Pin = { ...A, overrides: { group_thread_cnt: 2, stripe_cache_size: 256 } };
    expect(paramDiff(A, b)).toEqual([{ key: 'group_thread_cnt', a: '0', b: '2' }]);
    expect(paramDiff(A, { ...A })).toEqual([]);
    const other = paramDiff(A, { model: 'raid5', preset: 'raid5-4disk-threads', seed: 1, overrides: {} });
    // both presets are on nvme members now (the series' fast flash), so the device is no difference
    expect(other.map((c) => c.key)).toEqual(expect.arrayContaining(['preset', 'disks', 'cpus', 'duration']));
    expect(other.map((c) => c.key)).not.toContain('device');
    expect(other.find((c) => c.key === 'duration')).toEqual({ key: 'duration', a: '40ms', b: '20ms' });
  });
});

describe('the Run form', () => {
  it('takes R 1..20 and a duration, or refuses naming the field', () => {
    expect(checkRunForm('3', '', 1)).toEqual({ errors: {}, r: 3, durationNs: undefined });
    expect(checkRunForm('2', '5ms', 1).durationNs).toBe(5e6);
    expect(checkRunForm('0', '', 1).errors.replications).toBe('R=0: accepted an integer 1..20');
    expect(checkRunForm('2.5', '', 1).errors.replications).toContain('R=2.5');
    expect(checkRunForm('3', '', 2 ** 31 - 2).errors.replications).toContain('pass 2147483647');
    expect(checkRunForm('3', '20s', 1).errors.duration).toContain('duration=20s: accepted a time 1us..10s');
    expect(checkRunForm('3', 'soon', 1).errors.duration).toContain('duration=soon');
  });
});
