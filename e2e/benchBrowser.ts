// `npm run bench:browser`: the engine bench's cases (mm1, lockLab, pending1024) in a Chromium module Worker and
// in Node, in the same run, and whether the browser's engine/reference ratios land within 10% of Node's (issue
// 16). The worker is bundled by Vite from e2e/benchBrowserWorker.ts and served to a blank page by Playwright's
// router, so no server is needed. A benchmark: it prints figures and never fails a build.
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CASES, timeCase, type CaseTiming } from '../src/cli/benchCases';
import { CHROMIUM } from './chromium';

const KEYS = ['mm1', 'lockLab', 'pending1024'];
const arg = (flag: string, dflt: number) => {
  const i = process.argv.indexOf(flag);
  const v = i < 0 ? dflt : Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${flag}=${process.argv[i + 1]}: accepted an integer >= 1`);
  return v;
};
const COMPLETIONS = arg('--completions', 300_000);
const REPEAT = arg('--repeat', 3);
const JSON_OUT = process.argv.includes('--json');
const ORIGIN = 'http://bench.local';

async function bundleWorker(): Promise<string> {
  const out = await build({
    logLevel: 'warn',
    configFile: false,
    build: {
      write: false,
      minify: false,
      lib: { entry: 'e2e/benchBrowserWorker.ts', formats: ['es'], fileName: 'bench-worker' },
    },
  });
  const result = Array.isArray(out) ? out[0] : out;
  if (!('output' in result)) throw new Error('vite build returned a watcher');
  const chunk = result.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no worker chunk in the build');
  return chunk.code;
}

async function inBrowser(code: string): Promise<Record<string, CaseTiming>> {
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = route.request().url();
      if (url.endsWith('/bench-worker.js')) return route.fulfill({ contentType: 'text/javascript', body: code });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' });
    });
    await page.goto(`${ORIGIN}/`);
    return await page.evaluate(
      ({ keys, completions, repeat }) =>
        new Promise<Record<string, CaseTiming>>((resolve, reject) => {
          const w = new Worker('/bench-worker.js', { type: 'module' });
          const got: Record<string, CaseTiming> = {};
          w.onmessage = (e) => {
            if (e.data.error) reject(new Error(e.data.error));
            else if (e.data.done) resolve(got);
            else got[e.data.key] = e.data.timing;
          };
          w.onerror = (e) => reject(new Error(e.message));
          w.postMessage({ keys, completions, repeat });
        }),
      { keys: KEYS, completions: COMPLETIONS, repeat: REPEAT },
    );
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const code = await bundleWorker();
  const node: Record<string, CaseTiming> = {};
  for (const c of CASES.filter((x) => KEYS.includes(x.key))) node[c.key] = timeCase(c, COMPLETIONS, REPEAT);
  const browser = await inBrowser(code);
  const rows = KEYS.map((k) => {
    const n = node[k];
    const b = browser[k];
    const within = n.ratio && b?.ratio ? Math.abs(b.ratio / n.ratio - 1) <= 0.1 : false;
    return {
      key: k,
      nodeRatio: n.ratio,
      browserRatio: b?.ratio ?? null,
      browserOverNode: n.ratio && b?.ratio ? Number((b.ratio / n.ratio).toFixed(3)) : null,
      within10pct: within,
      nodeCompletionsPerSec: n.engineCompletionsPerSec,
      browserCompletionsPerSec: b?.engineCompletionsPerSec ?? null,
    };
  });
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify({ completions: COMPLETIONS, repeat: REPEAT, cases: rows })}\n`);
    return;
  }
  process.stdout.write(`engine over reference, completions/s (${COMPLETIONS} completions, fastest of ${REPEAT}):\n`);
  for (const r of rows)
    process.stdout.write(
      `  ${r.key.padEnd(12)} node ${r.nodeRatio}  chromium worker ${r.browserRatio}  (x${r.browserOverNode}: ${r.within10pct ? 'within' : 'NOT within'} 10%)\n`,
    );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:browser: ${(e as Error).message}\n`);
  process.exit(2);
});
