// The address's scenario: preset, parameter overrides by CLI name, and speed.
import { describe, expect, it } from 'vitest';
import { urlScenario } from './urlScenario';

describe('urlScenario', () => {
  it('reads preset, overrides and speed', () => {
    expect(urlScenario('?preset=raid5-3disk-threads&disks=16&group_thread_cnt=16&speed=max')).toEqual({
      preset: 'raid5-3disk-threads', overrides: { disks: '16', group_thread_cnt: '16' }, speed: 'max',
    });
    expect(urlScenario('')).toEqual({ preset: null, overrides: {}, speed: null });
    expect(urlScenario('?speed=1000000').speed).toBe(1e6);
    expect(urlScenario('?speed=fast').speed).toBeNull();
  });
});
