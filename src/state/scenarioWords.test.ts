import { describe, expect, it } from 'vitest';
import { scenarioShort, scenarioWords } from './scenarioWords';

const at = (overrides: Record<string, string | number | boolean>) => ({
  model: 'raid5',
  preset: 'raid5-3disk-threads',
  overrides,
});

describe('one description of what runs (issue 15, notice 3)', () => {
  it("calls the untouched start the preset's baseline, not '+ 2 changed'", () => {
    const start = at({ group_thread_cnt: 0, stripe_cache_size: 256 });
    expect(scenarioWords(start)).toBe('raid5-3disk-threads at its baseline: group_thread_cnt=0, stripe_cache_size=256');
    expect(scenarioShort(start)).toBe('raid5-3disk-threads, its baseline');
  });

  it('names group_thread_cnt=2 when B set it back to the preset value', () => {
    expect(scenarioWords(at({ group_thread_cnt: 2, stripe_cache_size: 256 }))).toBe(
      'raid5-3disk-threads with group_thread_cnt=2, stripe_cache_size=256',
    );
    expect(scenarioWords(at({ group_thread_cnt: 2 }))).toBe(
      'raid5-3disk-threads as published: group_thread_cnt=2, stripe_cache_size=512',
    );
    expect(scenarioWords(at({}))).toBe('raid5-3disk-threads as published: group_thread_cnt=2, stripe_cache_size=512');
  });

  it('names every other override with the value that runs', () => {
    expect(scenarioWords(at({ group_thread_cnt: 0, stripe_cache_size: 256, disks: 16 }))).toBe(
      'raid5-3disk-threads with group_thread_cnt=0, stripe_cache_size=256, disks=16',
    );
    expect(scenarioShort(at({ disks: 16 }))).toBe(
      'raid5-3disk-threads with group_thread_cnt=2, stripe_cache_size=512, disks=16',
    );
    expect(scenarioWords({ model: 'raid5', preset: null, overrides: {} }, { title: true })).toBe(
      'model raid5 with its defaults',
    );
  });
});
