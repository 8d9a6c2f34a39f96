// The module Worker of `npm run bench:browser`: runs the engine bench's cases (src/cli/benchCases.ts, the very
// code `npm run bench` runs in Node) inside Chromium and posts each case's timing back.
import { CASES, timeCase } from '../src/cli/benchCases';

self.onmessage = (e: MessageEvent<{ keys: string[]; completions: number; repeat: number }>) => {
  const { keys, completions, repeat } = e.data;
  try {
    for (const c of CASES.filter((x) => keys.includes(x.key)))
      self.postMessage({ key: c.key, timing: timeCase(c, c.completions ?? completions, repeat) });
    self.postMessage({ done: true });
  } catch (err) {
    self.postMessage({ error: (err as Error).message });
  }
};
