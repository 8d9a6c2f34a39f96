import { describe, expect, it } from 'vitest';
import { watchLine } from './watchLine';
import { parseSimArgs } from '../../cli/args';

describe('watchLine', () => {
  it('replays the preset, its overrides and the seed up to the moment the watchdog spoke, checks on', () => {
    const line = watchLine({
      model: 'raid5',
      preset: 'raid5-3disk',
      overrides: { stripe_cache_size: 17, direct: false },
      seed: 4,
      atNs: 12_340_000,
    });
    expect(line).toBe(
      'npm run sim -- --preset raid5-3disk --set stripe_cache_size=17 --set direct=false --seed 4 --duration 13ms --warmup 0ns --check-invariants',
    );
    // the CLI reads it back as written
    const a = parseSimArgs(line.split(' ').slice(4));
    expect(a).toMatchObject({ preset: 'raid5-3disk', seed: 4, duration: '13ms', warmup: '0ns', checkInvariants: true });
    expect(a.sets).toEqual({ stripe_cache_size: '17', direct: 'false' });
  });

  it('names the model without a preset, and quotes what a shell would split', () => {
    expect(watchLine({ model: 'loop', preset: null, overrides: { note: 'a b' }, seed: 1, atNs: 0 })).toBe(
      "npm run sim -- --model loop --set 'note=a b' --seed 1 --duration 0.1ms --warmup 0ns --check-invariants",
    );
  });
});
