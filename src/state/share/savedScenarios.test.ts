// @vitest-environment happy-dom
// Saved scenarios in localStorage (happy-dom's, and fakes that hold junk or refuse to write): round trip,
// name clashes saved as "name (2)", bad entries and unreadable text reported and kept, never deleted.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addEntries,
  checkName,
  freeName,
  readSaved,
  removeEntry,
  SAVED_KEY,
  writeSaved,
  type StorageLike,
} from './savedScenarios';

const scenario = { model: 'raid5', preset: 'raid5-3disk-threads', seed: 3, params: { disks: 8 } };
const T = '2026-11-21T21:00:00.000Z';

class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  failWrites = false;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.data.set(k, v);
  }
}

describe('saved scenarios in the browser (happy-dom localStorage)', () => {
  beforeEach(() => localStorage.clear());

  it('saves, lists after a reload (a fresh read), deletes', () => {
    expect(readSaved(localStorage).entries).toEqual([]);
    const { list } = addEntries(readSaved(localStorage), [{ name: 'eight disks', scenario }], T);
    expect(writeSaved(localStorage, list).error).toBeNull();
    const again = readSaved(localStorage);
    expect(again.entries).toEqual([{ name: 'eight disks', savedAt: T, scenario }]);
    expect(again.problems).toEqual([]);
    writeSaved(localStorage, removeEntry(again, 'eight disks'));
    expect(readSaved(localStorage).entries).toEqual([]);
  });

  it('a name clash is saved as "name (2)", never replacing', () => {
    let list = readSaved(localStorage);
    list = addEntries(list, [{ name: 'a', scenario }], T).list;
    const r = addEntries(
      list,
      [
        { name: 'a', scenario: { ...scenario, seed: 9 } },
        { name: 'a', scenario },
      ],
      T,
    );
    expect(r.names).toEqual(['a (2)', 'a (3)']);
    expect(r.list.entries.map((e) => [e.name, e.scenario.seed])).toEqual([
      ['a', 3],
      ['a (2)', 9],
      ['a (3)', 3],
    ]);
    expect(freeName(new Set(['x', 'x (2)']), 'x')).toBe('x (3)');
  });

  it('names are trimmed and 1..80 characters', () => {
    expect(checkName('  mine ')).toBe('mine');
    expect(() => checkName('   ')).toThrow('name=   : accepted 1..80 characters');
    expect(() => checkName('x'.repeat(81))).toThrow(/accepted 1\.\.80 characters/);
  });
});

describe('damaged storage is reported and kept', () => {
  it('text that is not JSON: reported; the next write copies it to a backup key first', () => {
    const s = new FakeStorage();
    s.setItem(SAVED_KEY, '{"format": "stripe-lab-saved", oops');
    const list = readSaved(s);
    expect(list.entries).toEqual([]);
    expect(list.unreadableRaw).toBe('{"format": "stripe-lab-saved", oops');
    expect(list.problems[0]).toMatch(/could not be read \(not JSON: .+\); it is kept unchanged$/);
    const w = writeSaved(s, addEntries(list, [{ name: 'new', scenario }], T).list);
    expect(w.error).toBeNull();
    expect(s.data.get(`${SAVED_KEY}.unreadable-1`)).toBe('{"format": "stripe-lab-saved", oops');
    expect(w.list.problems[0]).toMatch(/kept unchanged under key stripe-lab\.saved-scenarios\.unreadable-1$/);
    expect(readSaved(s).entries.map((e) => e.name)).toEqual(['new']);
  });

  it('an older backup is never overwritten: the next free key is used', () => {
    const s = new FakeStorage();
    s.setItem(`${SAVED_KEY}.unreadable-1`, 'older junk');
    s.setItem(SAVED_KEY, '[1,2,3]');
    const list = readSaved(s);
    expect(list.problems[0]).toMatch(/\(\(top level\)=\[1,2,3\]: accepted an object \{"format"/);
    writeSaved(s, list);
    expect(s.data.get(`${SAVED_KEY}.unreadable-1`)).toBe('older junk');
    expect(s.data.get(`${SAVED_KEY}.unreadable-2`)).toBe('[1,2,3]');
  });

  it('a bad entry is named, not listed, and written back as it was', () => {
    const s = new FakeStorage();
    const bad = { name: 'broken', savedAt: T, scenario: { preset: 'x', params: { disks: [1] } } };
    const extra = { name: 'newer', savedAt: T, scenario: { ...scenario, speed: 'max' } };
    s.setItem(
      SAVED_KEY,
      JSON.stringify({
        format: 'stripe-lab-saved',
        version: 1,
        scenarios: [{ name: 'ok', savedAt: T, scenario }, bad, 42, extra],
      }),
    );
    const list = readSaved(s);
    expect(list.entries.map((e) => e.name)).toEqual(['ok']);
    expect(list.problems).toEqual([
      expect.stringMatching(
        /^saved scenario #2 "broken": scenario\.params\.disks=\[1\]: accepted .*; kept as it is, not listed$/,
      ),
      expect.stringMatching(/^saved scenario #3: \(entry\)=42: accepted Object/),
      'saved scenario #4 "newer": scenario.speed=max: accepted a scenario field: model, preset, seed, duration, warmup, params; kept as it is, not listed',
    ]);
    writeSaved(s, removeEntry(list, 'ok'));
    expect(JSON.parse(s.data.get(SAVED_KEY) ?? '').scenarios).toEqual([bad, 42, extra]);
  });

  it('a newer version is kept whole, not half-read', () => {
    const s = new FakeStorage();
    s.setItem(SAVED_KEY, JSON.stringify({ format: 'stripe-lab-saved', version: 2, scenarios: [] }));
    expect(readSaved(s)).toMatchObject({
      entries: [],
      problems: [expect.stringMatching(/version=2: accepted 1 \(saved by a newer Stripe Lab\)/)],
    });
  });

  it('a storage that refuses to write (quota, private mode) changes nothing and says so', () => {
    const s = new FakeStorage();
    s.failWrites = true;
    const w = writeSaved(s, addEntries(readSaved(s), [{ name: 'n', scenario }], T).list);
    expect(w.error).toMatch(
      /^saved scenarios: could not write to localStorage \(quota exceeded\); nothing was changed$/,
    );
    expect(s.data.size).toBe(0);
  });

  it('a storage that refuses to read is reported, not thrown', () => {
    const s: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
    };
    expect(readSaved(s).problems).toEqual(['saved scenarios: localStorage cannot be read here (SecurityError)']);
  });
});
