// Scenario files: export one (the CLI's --scenario format) and all, import them back; bad files refused whole
// with the field named; fuzzed files (fast-check) never throw and always name a field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../scenarios/catalog';
import { checkScenario } from '../../scenarios/scenarioFile';
import { exportAll, exportOne, fileNameOf, parseImport } from './scenarioFiles';

const T = '2026-11-21T21:00:00.000Z';
const entries = PRESETS.slice(0, 4).map((p, i) => ({
  name: `${p.title} #${i}`,
  savedAt: T,
  scenario: { model: p.model, preset: p.id, seed: i, params: {} },
}));

describe('scenario files', () => {
  it('one scenario exports as the CLI scenario file and imports back, named after the file', () => {
    const out = exportOne({
      name: 'eight disks / max',
      savedAt: T,
      scenario: { preset: 'raid5-3disk-threads', seed: 4, params: { disks: 8 } },
    });
    expect(out.fileName).toBe('eight-disks-max.json');
    expect(checkScenario(JSON.parse(out.text))).toEqual({
      preset: 'raid5-3disk-threads',
      seed: 4,
      params: { disks: 8 },
    });
    expect(parseImport(out.fileName, out.text)).toEqual({
      ok: true,
      items: [{ name: 'eight-disks-max', scenario: { preset: 'raid5-3disk-threads', seed: 4, params: { disks: 8 } } }],
    });
  });

  it('all export and import back with their names', () => {
    const out = exportAll(entries);
    const r = parseImport(out.fileName, out.text);
    expect(r).toEqual({ ok: true, items: entries.map((e) => ({ name: e.name, scenario: e.scenario })) });
  });

  it('file names keep only safe characters', () => {
    expect(fileNameOf('../../etc/passwd')).toBe('..-..-etc-passwd.json');
    expect(fileNameOf('   ')).toBe('scenario.json');
  });
});

describe('bad files are refused whole, naming the field', () => {
  const refused = (name: string, text: string) => {
    const r = parseImport(name, text);
    if (r.ok) throw new Error('accepted');
    return r.message;
  };
  it('not JSON', () =>
    expect(refused('a.json', '{nope')).toMatch(
      /^a\.json: \(file\)="\{nope": accepted JSON \(.+\); nothing was imported$/,
    ));
  it('an unknown field', () =>
    expect(refused('a.json', '{"preset":"raid5-3disk-threads","disk":8}')).toMatch(
      /^a\.json: disk=8: accepted a scenario field: model, preset, seed, duration, warmup, params; nothing was imported$/,
    ));
  it('a value out of range', () =>
    expect(refused('a.json', '{"preset":"raid5-3disk-threads","params":{"disks":1}}')).toMatch(
      /^a\.json: params\.disks=1: accepted an integer \d+\.\.\d+; nothing was imported$/,
    ));
  it('an unknown preset', () =>
    expect(refused('a.json', '{"preset":"nope"}')).toBe(
      'a.json: preset=nope: accepted a preset id from --list-presets; nothing was imported',
    ));
  it('a bad seed', () =>
    expect(refused('a.json', '{"model":"loop","seed":-1}')).toMatch(/^a\.json: seed=-1: accepted >=0/));
  it('one bad scenario in a collection refuses the whole file', () => {
    const body = JSON.parse(exportAll(entries).text) as {
      scenarios: { scenario: { params: Record<string, unknown> } }[];
    };
    body.scenarios[2].scenario.params = { nosuch: 1 };
    expect(refused('all.json', JSON.stringify(body))).toMatch(
      /^all\.json: scenarios\.2\.scenario\.params\.nosuch=1: accepted a known key: /,
    );
  });
  it('a collection of another version', () => {
    expect(refused('all.json', '{"format":"stripe-lab-scenarios","version":2,"scenarios":[]}')).toMatch(
      /^all\.json: version=2: accepted 1;/,
    );
  });
});

describe('imported files, fuzzed', () => {
  /** Never throws; a refusal names the file and a field (`field=value` or `field: missing`). */
  const sound = (text: string) => {
    const r = parseImport('f.json', text);
    if (!r.ok) expect(r.message).toMatch(/^f\.json: [^\s=]+(=|: missing)/);
    else for (const it of r.items) expect(it.name.length).toBeGreaterThan(0);
  };
  it('random text', () => fc.assert(fc.property(fc.string({ maxLength: 300 }), sound), { numRuns: 400 }));
  it('random JSON', () =>
    fc.assert(
      fc.property(fc.jsonValue(), (j) => sound(JSON.stringify(j) ?? 'null')),
      { numRuns: 400 },
    ));
  it('scenario-shaped JSON', () => {
    const scen = fc.record(
      {
        model: fc.oneof(fc.constantFrom('raid5', 'loop', 'nope'), fc.jsonValue()),
        preset: fc.oneof(fc.constantFrom(...PRESETS.map((p) => p.id)), fc.jsonValue()),
        seed: fc.oneof(fc.integer(), fc.jsonValue()),
        params: fc.dictionary(
          fc.constantFrom('disks', 'bs', 'rw', 'threads', 'stripe_cache_size', ''),
          fc.oneof(fc.integer(), fc.string(), fc.jsonValue()),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(scen, (s) => sound(JSON.stringify(s))),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string(), scenario: scen })), (list) =>
        sound(JSON.stringify({ format: 'stripe-lab-scenarios', version: 1, scenarios: list })),
      ),
      { numRuns: 200 },
    );
  });
});
