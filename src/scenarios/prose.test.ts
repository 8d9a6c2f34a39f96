// The words a reader sees in stories, lessons and validation claims name things as the kernel, sysfs, fio and
// lock_stat do, never by this code's identifiers (issue 15: "extra.raid5dRequestsPerSec" on the Stories page).
import { describe, expect, it } from 'vitest';
import { LESSONS } from './lessons';
import { STORIES } from './stories';
import { VALIDATION } from './validation';

/** Keys whose strings are identifiers for the code (ids, presets, figure keys), not prose. */
const NOT_PROSE = new Set(['id', 'preset', 'lab', 'figure', 'target', 'kind', 'at', 'model', 'key', 'kernel', 'test']);
/** A camelCase word (our identifiers: waitTimeTotalNs, bytesPerSec) or a path into a result (extra.x). */
const CODE_NAME = /\b[a-z]+[A-Z][a-zA-Z]*\b|\bextra\.\w+/g;
/** Words of the trade that happen to be camelCase. */
const WORDS = new Set(['vCPU', 'vCPUs']);

function prose(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => prose(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (!NOT_PROSE.has(k) && k !== 'params') prose(v, `${path}.${k}`, out);
}

describe('prose names things in words, not code identifiers', () => {
  const texts: { path: string; text: string }[] = [];
  STORIES.forEach((s) => prose(s, `story ${s.id}`, texts));
  LESSONS.forEach((l) => prose(l, `lesson ${l.id}`, texts));
  VALIDATION.forEach((g) => prose(g, `validation ${g.id}`, texts));

  it('finds the prose it checks', () => {
    expect(texts.length).toBeGreaterThan(200);
  });

  it('has no camelCase identifier or extra.* path in any of it', () => {
    const leaks = texts.flatMap(({ path, text }) =>
      (text.match(CODE_NAME) ?? []).filter((w) => !WORDS.has(w)).map((w) => `${path}: ${w}`),
    );
    expect(leaks).toEqual([]);
  });
});
