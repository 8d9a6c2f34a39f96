// Refusals: every bad value is refused by name, with the value given and what is accepted, and
// nothing is clamped. Checked on synthetic specs, on every real model's specs, and through scenarios.
import { describe, expect, it } from 'vitest';
import { MODELS } from './catalog';
import { acceptedOf, ParamError, parseParam, resolveParams, type ParamSpec } from './paramSpec';
import { checkScenario, resolveScenario } from './scenarioFile';

const SPECS: ParamSpec[] = [
  { key: 'threads', kind: 'int', unit: 'threads', default: 4, min: 1, max: 64, help: '' },
  { key: 'cache', kind: 'int', unit: 'stripes', default: 256, min: 16, max: 4096, powerOfTwo: true, help: '' },
  { key: 'ratio', kind: 'number', unit: 'x', default: 0.5, min: 0, max: 1, help: '' },
  { key: 'bw', kind: 'number', unit: 'bytes/s', default: 1e9, min: 1e6, max: 1e12, help: '' },
  { key: 'hold', kind: 'time', default: 2000, min: 1, max: 1e9, help: '' },
  { key: 'bs', kind: 'size', default: 4096, min: 512, max: 1 << 20, multipleOf: 512, help: '' },
  { key: 'chunk', kind: 'size', default: 65536, min: 4096, max: 1 << 24, powerOfTwo: true, help: '' },
  { key: 'rate', kind: 'rate', default: 1000, min: 1, max: 1e6, help: '' },
  { key: 'lock', kind: 'enum', values: ['spinlock', 'mutex'], default: 'spinlock', help: '' },
  { key: 'skip_copy', kind: 'bool', default: false, help: '' },
];
const spec = (key: string) => SPECS.find((s) => s.key === key) as ParamSpec;

/** The refusal thrown for (key, raw), or null if the value was accepted. */
function refusal(key: string, raw: unknown): ParamError | null {
  try {
    parseParam(spec(key), raw);
    return null;
  } catch (e) {
    if (e instanceof ParamError) return e;
    throw e;
  }
}

describe('parseParam accepts the spellings users type', () => {
  it.each([
    ['threads', '8', 8],
    ['threads', 8, 8],
    ['cache', '1024', 1024],
    ['ratio', '0.25', 0.25],
    ['hold', '2us', 2000],
    ['hold', 5000, 5000],
    ['bs', '4k', 4096],
    ['chunk', '512k', 524_288],
    ['rate', '450k', 450_000],
    ['lock', 'mutex', 'mutex'],
    ['skip_copy', 'on', true],
    ['skip_copy', '0', false],
    ['skip_copy', true, true],
    ['bw', '2000000000', 2e9],
    ['bw', '2 GB/s', 2e9],
    ['bw', '1.5GiB/s', 1.5 * 1024 ** 3],
  ] as const)('%s=%j -> %j', (key, raw, value) => expect(parseParam(spec(key), raw)).toBe(value));
});

describe('parseParam refuses, naming key, value and what is accepted (never clamps)', () => {
  it.each([
    ['threads', '0'],
    ['threads', '65'],
    ['threads', '2.5'],
    ['threads', 'four'],
    ['threads', ''],
    ['threads', 3.5],
    ['cache', '1000'],
    ['cache', '8'],
    ['ratio', '1.5'],
    ['ratio', '-0.1'],
    ['ratio', ''],
    ['hold', '0'],
    ['hold', '2 minutes'],
    ['hold', '2h'],
    ['bs', '1000'],
    ['bs', '256'],
    ['bs', '2m'],
    ['chunk', '48k'],
    ['rate', '2m'],
    ['rate', 'fast'],
    ['lock', 'rwlock'],
    ['lock', 'MUTEX'],
    ['skip_copy', 'maybe'],
    ['skip_copy', 2],
    ['threads', Number.NaN],
    ['threads', Infinity],
    ['threads', null],
    ['lock', 1],
  ] as const)('%s=%j', (key, raw) => {
    const e = refusal(key, raw);
    expect(e).not.toBeNull();
    expect(e?.key).toBe(key);
    expect(e?.message.startsWith(`${key}=`)).toBe(true);
    expect(e?.message).toContain(`accepted ${acceptedOf(spec(key))}`);
    expect(e?.message).not.toContain('\n');
  });

  it('says what is accepted in words a user can act on', () => {
    expect(refusal('cache', '1000')?.message).toBe('cache=1000: accepted an integer 16..4096, a power of two');
    expect(refusal('lock', 'rwlock')?.message).toBe('lock=rwlock: accepted spinlock | mutex');
    expect(refusal('bs', '1000')?.message).toMatch(/^bs=1000: accepted a size 512\.\.1M, a multiple of 512$/);
  });
});

describe('resolveParams and resolveScenario', () => {
  it('fills defaults, overlays given values, and refuses an unknown key listing the known ones', () => {
    expect(resolveParams(SPECS, { threads: '8' })).toMatchObject({ threads: 8, hold: 2000, lock: 'spinlock' });
    expect(() => resolveParams(SPECS, { thread: 8 })).toThrow(/^thread=8: accepted a known key: threads, cache/);
  });

  it("every model's defaults are accepted by its own specs, and each spec refuses a value past its range", () => {
    for (const m of MODELS) {
      for (const s of m.params) {
        expect(() => parseParam(s, s.default), `${m.name} ${s.key} default`).not.toThrow();
        const outside =
          s.kind === 'enum'
            ? '__nope__'
            : s.kind === 'bool'
              ? 'maybe'
              : s.max + (s.kind === 'number' ? s.max * 0.01 + 1 : 1);
        expect(() => parseParam(s, outside), `${m.name} ${s.key}=${outside}`).toThrow(ParamError);
      }
    }
  });

  it('refuses unknown models and presets, a preset of another model, and malformed scenario files', () => {
    const msg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(msg(() => resolveScenario({ model: 'raid4' }))).toMatch(/^model=raid4: accepted lock-lab/);
    expect(msg(() => resolveScenario({ preset: 'nope' }))).toMatch(/^preset=nope: accepted/);
    expect(msg(() => resolveScenario({}))).toMatch(/^model=: accepted --model NAME or --preset ID/);
    expect(msg(() => resolveScenario({ preset: 'lock-lab-basic', model: 'raid5' }))).toMatch(
      /^model=raid5: accepted lock-lab/,
    );
    expect(msg(() => resolveScenario({ model: 'lock-lab', duration: 'soon' }))).toMatch(
      /^duration=soon: accepted a time/,
    );
    expect(msg(() => resolveScenario({ model: 'lock-lab', params: { threads: 0 } }))).toMatch(
      /^threads=0: accepted an integer 1\.\./,
    );
    expect(msg(() => checkScenario({ model: 'lock-lab', colour: 'red' }))).toBe(
      'colour=red: accepted a scenario field: model, preset, seed, duration, warmup, params',
    );
    expect(msg(() => checkScenario({ model: 'lock-lab', seed: -1 }))).toMatch(/^seed=-1: accepted/);
    expect(msg(() => checkScenario('text'))).toMatch(/^\(top level\)=text: accepted/);
  });
});

describe('checkScenario names an unknown field with its value, however odd the key', () => {
  const msg = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  it('quotes an empty or spaced key', () => {
    expect(msg(() => checkScenario({ '': false }))).toBe(
      '[""]=false: accepted a scenario field: model, preset, seed, duration, warmup, params',
    );
    expect(msg(() => checkScenario({ 'a b': 1 }))).toMatch(/^\["a\\u0020b"\]=1: accepted a scenario field/);
  });
});
