// Lesson progress in storage: round trip, every bad field refused by name, corrupt text reported and
// kept (copied aside before the first save), a full storage reported; the measuring window and scenarioAt.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../protocol/messages';
import { findLesson } from '../../scenarios/lessons';
import { scenarioAt } from '../../scenarios/lessons/scenarioAt';
import { feed, freeze, openWindow, windowValue } from './lessonMeasure';
import {
  checkProgress,
  PROGRESS_KEY,
  readProgress,
  UNREADABLE_KEY,
  writeProgress,
  type Progress,
} from './lessonProgress';
import type { StorageLike } from '../storage';

class MemoryStorage implements StorageLike {
  constructor(
    public items: Record<string, string> = {},
    private full = false,
  ) {}
  getItem(k: string) {
    return this.items[k] ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new Error('QuotaExceededError');
    this.items[k] = v;
  }
}

const P: Progress = { current: 'one-thread', lessons: { 'one-thread': { step: 2, answers: { 2: 2 }, revealed: [2] } } };

describe('lesson progress in storage', () => {
  it('round-trips, and nothing stored is empty progress without an error', () => {
    const s = new MemoryStorage();
    expect(writeProgress(s, P)).toBeNull();
    expect(readProgress(s)).toEqual({ progress: P, error: null });
    expect(readProgress(new MemoryStorage()).error).toBeNull();
  });

  it('names the bad field: unknown lesson, step out of range, answer to a step without a question, choice out of range', () => {
    const bad =
      (lessons: unknown, current: unknown = null) =>
      () =>
        checkProgress({ current, lessons });
    expect(bad({}, 'no-such')).toThrow(/current="no-such"/);
    expect(bad({ nope: { step: 0, answers: {}, revealed: [] } })).toThrow(/lessons.nope/);
    expect(bad({ 'one-thread': { step: 9, answers: {}, revealed: [] } })).toThrow(
      /lessons.one-thread.step=9: accepted an integer 0..3/,
    );
    expect(bad({ 'one-thread': { step: 0, answers: { 0: 1 }, revealed: [] } })).toThrow(/answers.0/);
    expect(bad({ 'one-thread': { step: 0, answers: { 2: 5 }, revealed: [] } })).toThrow(
      /answers.2=5: accepted a choice 0..3/,
    );
    expect(bad({ 'one-thread': { step: 0, answers: {}, revealed: 'x' } })).toThrow(/revealed/);
  });

  it('corrupt text is reported, ignored and kept: copied aside before a save replaces it', () => {
    const s = new MemoryStorage({ [PROGRESS_KEY]: '{"current":' });
    const r = readProgress(s);
    expect(r.progress).toEqual({ current: null, lessons: {} });
    expect(r.error).toContain(PROGRESS_KEY);
    expect(s.items[PROGRESS_KEY]).toBe('{"current":');
    expect(writeProgress(s, P)).toBeNull();
    expect(s.items[UNREADABLE_KEY]).toBe('{"current":');
    expect(JSON.parse(s.items[PROGRESS_KEY])).toEqual(P);
  });

  it('a storage that refuses writes is reported, not thrown', () => {
    expect(writeProgress(new MemoryStorage({}, true), P)).toContain('QuotaExceededError');
    expect(writeProgress(null, P)).toContain('no localStorage');
  });
});

const snap = (timeNs: number, completions: number): Snapshot => ({
  model: 'lock-lab',
  extra: {},
  timeNs,
  completions,
  bytes: completions * 4096,
  events: 0,
  threads: [],
  locks: [],
  lockStats: [],
  queues: [],
  devices: [],
});

describe('the measuring window', () => {
  it('opens after settling, spans to the latest snapshot of its run, and stops when frozen', () => {
    let w = openWindow(3, 2e6);
    w = feed(w, 3, snap(10e6, 100)); // start = 12 ms
    w = feed(w, 3, snap(11e6, 150));
    expect(windowValue(w, 'iops')).toBeNull();
    w = feed(w, 3, snap(12e6, 200));
    w = feed(w, 4, snap(20e6, 9999)); // another run: ignored
    w = feed(w, 3, snap(22e6, 1200));
    expect(windowValue(w, 'iops')).toBe(100_000);
    const f = freeze(w);
    expect(feed(f, 3, snap(30e6, 99999))).toBe(f);
  });
});

describe('scenarioAt', () => {
  it('adds up setups and the reveals of earlier steps', () => {
    const l = findLesson('one-thread')!;
    expect(scenarioAt(l, 0)).toEqual({
      preset: 'raid5-3disk-threads',
      overrides: { group_thread_cnt: 0, stripe_cache_size: 256 },
    });
    expect(scenarioAt(l, 2, true)?.overrides).toEqual({ group_thread_cnt: 2, stripe_cache_size: 512 });
    expect(scenarioAt(l, 3, true)?.overrides).toEqual({ group_thread_cnt: 4, stripe_cache_size: 512 });
  });
});
