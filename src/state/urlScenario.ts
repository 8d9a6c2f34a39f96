// What the address asks the app to open with: ?preset=ID, any parameter by its CLI name
// (?disks=16&group_thread_cnt=16), and ?speed=max or simulated ns per second. Parsing only; no checks.
import type { Speed } from '../protocol/messages';

export interface UrlScenario {
  preset: string | null;
  overrides: Record<string, string>;
  speed: Speed | null;
}

export function urlScenario(search: string): UrlScenario {
  const q = new URLSearchParams(search);
  const overrides: Record<string, string> = {};
  let speed: Speed | null = null;
  for (const [k, v] of q) {
    if (k === 'preset') continue;
    if (k === 'speed') speed = v === 'max' ? 'max' : Number(v) > 0 ? Number(v) : null;
    else overrides[k] = v;
  }
  return { preset: q.get('preset'), overrides, speed };
}
