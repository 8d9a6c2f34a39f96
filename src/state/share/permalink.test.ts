// Permalinks by example: every preset round-trips, the readable address still works, a damaged field is
// named with its value and what is accepted and only that field falls back. Properties: permalink.property.test.ts.
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenarios/catalog';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { checkLink } from './linkCheck';
import { linkHash, readAddress, type LinkState } from './permalink';

const open = (search: string, hash: string) => {
  const ask = readAddress(search, hash);
  if (ask.kind === 'none') throw new Error('asked nothing');
  const c = checkLink(ask.wire);
  return { ...c, problems: [...ask.problems, ...c.problems] };
};
const hashOf = (wire: unknown) => `#s=${compressToEncodedURIComponent(JSON.stringify(wire))}`;
const base: LinkState = {
  model: 'raid5',
  preset: 'raid5-3disk-threads',
  seed: 1,
  speed: 1e6,
  overrides: {},
  page: 'lab',
  timelineWindow: 'auto',
  follow: null,
};

describe('permalink round trip', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s opens as it was linked', (_id, p) => {
    const s: LinkState = {
      ...base,
      model: p.model,
      preset: p.id,
      seed: 42,
      speed: 'max',
      overrides: { ...(p.baseline ?? {}) },
      page: 'compare',
      timelineWindow: 1e6,
    };
    const back = open('', linkHash(s));
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('is compact: a preset with overrides fits in a short address', () => {
    const h = linkHash({ ...base, overrides: { disks: 16, group_thread_cnt: 4 }, follow: 12, speed: 'max' });
    expect(h.length).toBeLessThan(200);
    expect(h).toMatch(/^#s=[A-Za-z0-9+\-$]+$/);
  });

  it('a model without a preset round-trips too', () => {
    const s: LinkState = { ...base, model: 'loop', preset: null, overrides: { numjobs: 2 } };
    expect(open('', linkHash(s))).toMatchObject({ problems: [], state: s });
  });

  it('reads ?s= as well as #s=', () => {
    const h = linkHash({ ...base, seed: 9 });
    expect(open(`?${h.slice(1)}`, '').state.seed).toBe(9);
  });
});

describe('readable address (?preset=..&disks=..)', () => {
  it('reads preset, parameters, speed, seed, page, window and follow', () => {
    const c = open('?preset=raid5-3disk-threads&disks=8&speed=max&seed=7&page=sweep&window=1000000&follow=3', '');
    expect(c.problems).toEqual([]);
    expect(c.state).toEqual({
      ...base,
      overrides: { disks: 8 },
      speed: 'max',
      seed: 7,
      page: 'sweep',
      timelineWindow: 1e6,
      follow: 3,
    });
    expect(c.scenarioGiven).toBe(true);
  });

  it('asks nothing without a query, and only the view with ?speed=', () => {
    expect(readAddress('', '').kind).toBe('none');
    const c = open('?speed=max', '');
    expect(c.scenarioGiven).toBe(false);
    expect(c.state.speed).toBe('max');
  });

  it('names a bad speed and keeps the rest', () => {
    const c = open('?preset=lock-lab-basic&speed=fast&seed=5', '');
    expect(c.problems).toEqual([
      'link: speed="fast": accepted a positive number of simulated ns per second or "max"; used 1000000',
    ]);
    expect(c.state).toMatchObject({ preset: 'lock-lab-basic', model: 'lock-lab', seed: 5, speed: 1e6 });
  });
});

describe('damaged links', () => {
  it('speed="fast": named, and only speed falls back', () => {
    const c = open(
      '',
      hashOf({
        v: 1,
        model: 'raid5',
        preset: 'raid5-3disk-threads',
        seed: 3,
        speed: 'fast',
        page: 'stories',
        params: { disks: 8 },
      }),
    );
    expect(c.problems).toEqual([
      'link: speed="fast": accepted a positive number of simulated ns per second or "max"; used 1000000',
    ]);
    expect(c.state).toEqual({ ...base, seed: 3, page: 'stories', overrides: { disks: 8 } });
  });

  it('a bad parameter is dropped alone, the others kept', () => {
    const c = open(
      '',
      hashOf({ v: 1, preset: 'raid5-3disk-threads', params: { disks: 'many', group_thread_cnt: 2, nosuch: 1 } }),
    );
    expect(c.state.overrides).toEqual({ group_thread_cnt: 2 });
    expect(c.problems).toHaveLength(2);
    expect(c.problems[0]).toMatch(/^link: disks="many": accepted an integer/);
    expect(c.problems[1]).toMatch(/^link: nosuch=1: accepted a parameter of raid5 \(npm run sim/);
  });

  it('an unknown preset falls back to the model given, or to the default preset', () => {
    expect(open('', hashOf({ v: 1, model: 'loop', preset: 'nope' })).state).toMatchObject({
      model: 'loop',
      preset: null,
    });
    const c = open('', hashOf({ v: 1, preset: 'nope', seed: 4 }));
    expect(c.state).toMatchObject({ model: 'raid5', preset: 'raid5-3disk-threads', seed: 4 });
    expect(c.problems[0]).toBe(
      'link: preset="nope": accepted a preset id from the scenario picker; opened the default preset raid5-3disk-threads',
    );
    expect(open('', hashOf({ v: 1, model: 'loop', preset: 'nope' })).problems[0]).toMatch(
      /; opened loop with its defaults$/,
    );
  });

  it('issue 15: each refused parameter says the value the run now uses, not the model default', () => {
    const c = open('?stripe_cache_size=5&disks=1&bs=3000', '');
    const runs = resolveScenario({ model: c.state.model, preset: c.state.preset!, params: c.state.overrides }).params;
    expect(c.problems).toHaveLength(3);
    for (const key of ['stripe_cache_size', 'disks', 'bs']) {
      const line = c.problems.find((p) => p.startsWith(`link: ${key}=`));
      expect(line, key).toBeDefined();
      expect(line).toContain(`used ${JSON.stringify(runs[key])}, the value of preset raid5-3disk-threads`);
    }
    expect(runs.stripe_cache_size).toBe(512); // the preset's, where the notice said "256, the default"
  });

  it('the lock_stat histograms tab round-trips (issue 15: the permalink dropped it); a bad tab is named', () => {
    const c = open('', linkHash({ ...base, lockHists: true }));
    expect(c.state.lockHists).toBe(true);
    expect(c.problems).toEqual([]);
    expect(open('?lockstat=hists', '').state.lockHists).toBe(true);
    expect(open('', linkHash(base)).state.lockHists).toBeUndefined();
    const bad = open('?lockstat=pie', '');
    expect(bad.state.lockHists).toBeUndefined();
    expect(bad.problems).toEqual(['link: lockstat="pie": accepted table | hists; used "table"']);
  });

  it('view=projector round-trips; a bad view is named and the normal screen used', () => {
    const c = open('', linkHash({ ...base, projector: true }));
    expect(c.state.projector).toBe(true);
    expect(c.problems).toEqual([]);
    expect(open('?view=projector', '').state.projector).toBe(true);
    const bad = open('?view=big', '');
    expect(bad.state.projector).toBeUndefined();
    expect(bad.problems).toEqual(['link: view="big": accepted normal | projector; used "normal"']);
  });

  it('a model that contradicts the preset is named; the preset wins', () => {
    const c = open('', hashOf({ v: 1, model: 'loop', preset: 'lock-lab-basic' }));
    expect(c.state.model).toBe('lock-lab');
    expect(c.problems[0]).toMatch(/^link: model="loop": accepted lock-lab \(the model of preset lock-lab-basic\)/);
  });

  it('follow outside the cache or on a model without stripe_heads is named and dropped', () => {
    expect(open('', hashOf({ v: 1, preset: 'raid5-3disk-threads', follow: 1e6 })).problems[0]).toMatch(
      /^link: follow=1000000: accepted a stripe_head index 0\.\.\d+/,
    );
    expect(open('', hashOf({ v: 1, preset: 'lock-lab-basic', follow: 1 })).problems[0]).toMatch(
      /^link: follow=1: accepted nothing on lock-lab/,
    );
  });

  it('undecodable text, a non-object and a newer version are each named', () => {
    expect(open('', '#s=%%%garbage').problems[0]).toMatch(/^link: s="%%%garbage": accepted a link made by Copy link/);
    expect(open('', hashOf([1, 2])).problems[0]).toMatch(/^link: s=\[1,2\]: accepted a JSON object/);
    expect(open('', hashOf({ v: 2, seed: 8 }))).toMatchObject({
      problems: [expect.stringMatching(/^link: v=2: accepted 1/)],
      state: { seed: 8 },
    });
  });

  it('query names beside s= are named as ignored', () => {
    const c = open('?disks=4', linkHash(base));
    expect(c.problems).toEqual([expect.stringMatching(/^link: disks="4": accepted nothing beside s=/)]);
    expect(c.state).toEqual(base);
  });
});
