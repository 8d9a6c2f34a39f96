// Property tests (fast-check) of permalinks: random valid states round-trip exactly; random strings, mutated
// links and random JSON never throw, every problem names a field, and what opens always resolves.
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { checkLink } from './linkCheck';
import { linkCode, linkHash, readAddress, type LinkState } from './permalink';
import { modelInfo, PRESETS } from '../../scenarios/catalog';
import type { ParamSpec } from '../../scenarios/paramSpec';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { PAGES, WINDOWS } from '../store';

const powers = (min: number, max: number) => {
  const out: number[] = [];
  for (let x = 1; x <= max; x *= 2) if (x >= min) out.push(x);
  return out;
};
const noNegZero = (x: number) => (Object.is(x, -0) ? 0 : x);

/** A value the spec accepts, as the UI holds it (numbers for numeric kinds). */
function validValue(s: ParamSpec): fc.Arbitrary<string | number | boolean> {
  switch (s.kind) {
    case 'int':
      return s.powerOfTwo ? fc.constantFrom(...powers(s.min, s.max)) : fc.integer({ min: s.min, max: s.max });
    case 'number':
      return fc.double({ min: s.min, max: s.max, noNaN: true, noDefaultInfinity: true }).map(noNegZero);
    case 'time':
    case 'rate':
      return fc.integer({ min: Math.ceil(s.min), max: Math.min(Math.floor(s.max), 2 ** 31) });
    case 'size': {
      if (s.powerOfTwo) return fc.constantFrom(...powers(s.min, s.max));
      const m = s.multipleOf ?? 1;
      return fc.integer({ min: Math.ceil(s.min / m), max: Math.floor(Math.min(s.max, 2 ** 40) / m) }).map((k) => k * m);
    }
    case 'enum':
      return fc.constantFrom(...s.values);
    case 'bool':
      return fc.boolean();
  }
}

/** A link state that resolves: a preset, a few random overrides (cross-field rules respected), any view. */
const validLinkState: fc.Arbitrary<LinkState> = fc
  .constantFrom(...PRESETS)
  .chain((p) => {
    const specs = resolveScenario({ preset: p.id }).params;
    const keys = Object.keys(specs);
    return fc.record({
      preset: fc.constant(p),
      picks: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 4 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      speed: fc.oneof(fc.constant('max' as const), fc.integer({ min: 1, max: 1e12 })),
      page: fc.constantFrom(...PAGES.map((x) => x.id)),
      timelineWindow: fc.constantFrom(...WINDOWS.map((w) => w.ns)),
      follow: fc.option(fc.nat(16), { nil: null }),
    });
  })
  .chain((r) => {
    return fc.tuple(fc.constant(r), fc.tuple(...r.picks.map((k) => validValue(specOf(r.preset.model, k)))));
  })
  .map(([r, values]): LinkState => {
    const overrides: Record<string, string | number | boolean> = {};
    r.picks.forEach((k, i) => {
      overrides[k] = values[i];
    });
    return {
      model: r.preset.model,
      preset: r.preset.id,
      seed: r.seed,
      speed: r.speed,
      overrides,
      page: r.page,
      timelineWindow: r.timelineWindow,
      follow: r.preset.model === 'raid5' ? r.follow : null,
    };
  })
  .filter((s) => {
    try {
      const p = resolveScenario({ model: s.model, preset: s.preset ?? undefined, params: s.overrides }).params;
      return s.follow === null || s.follow < (p.stripe_cache_size as number);
    } catch {
      return false;
    }
  });

function specOf(model: string, key: string): ParamSpec {
  const s = modelInfo(model)?.params.find((x) => x.key === key);
  if (!s) throw new Error(`no spec ${model}.${key}`);
  return s;
}

/** Opens an address; must not throw. Returns all problems and the state. */
function open(search: string, hash: string) {
  const ask = readAddress(search, hash);
  if (ask.kind === 'none') return null;
  const c = checkLink(ask.wire);
  return { state: c.state, problems: [...ask.problems, ...c.problems] };
}

/** Every problem starts `link: <field>=`; the state resolves to a run the worker can start. */
function sound(r: ReturnType<typeof open>): void {
  if (!r) return;
  for (const p of r.problems) expect(p).toMatch(/^link: [^\s=]+=/);
  const { model, preset, overrides, seed, follow } = r.state;
  const params = resolveScenario({ model, ...(preset ? { preset } : {}), params: overrides, seed }).params;
  if (follow !== null) expect(follow).toBeLessThan(params.stripe_cache_size as number);
}

const FIELDS = ['v', 'model', 'preset', 'seed', 'speed', 'params', 'page', 'window', 'follow', 'junk'];
const anyWire = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue()),
  fc.record(
    {
      v: fc.constant(1),
      preset: fc.constantFrom(...PRESETS.map((p) => p.id), 'nope'),
      params: fc.dictionary(
        fc.constantFrom('disks', 'group_thread_cnt', 'stripe_cache_size', 'rw', 'bs', 'threads', 'x'),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  ),
);

describe('permalink properties', () => {
  it('a valid state round-trips exactly, with no problems', () => {
    fc.assert(
      fc.property(validLinkState, (s) => {
        const r = open('', linkHash(s));
        expect(r?.problems).toEqual([]);
        expect(r?.state).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('random strings as s= or as a query never throw and name a field', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 100 }), (code, query) => {
        sound(open('', `#s=${encodeURIComponent(code)}`));
        sound(open(`?${query}`, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('mutated valid links never throw and name a field', () => {
    fc.assert(
      fc.property(
        validLinkState,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...'ABCxyz019+-$%')), { minLength: 1, maxLength: 4 }),
        (s, edits) => {
          const code = linkCode(s).split('');
          for (const [i, ch] of edits) code[i % code.length] = ch;
          sound(open('', `#s=${code.join('')}`));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random JSON inside a well-formed link never throws and names a field', () => {
    fc.assert(
      fc.property(anyWire, (wire) => {
        sound(open('', `#s=${compressToEncodedURIComponent(JSON.stringify(wire) ?? 'null')}`));
      }),
      { numRuns: 500 },
    );
  });
});
