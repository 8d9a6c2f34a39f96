// speedscope (the npm package's own release build, a devDependency) imports our Chrome trace in Debian's Chromium:
// 0 console warnings from its importer ("Tried to end ... when ... was on the top of the stack", "still open at
// end of profile"). Its importer ships only inside that browser bundle, so it runs here rather than in Node.
// Before times moved to a 2^-10 us grid (export/trace.ts) it gave 84 of each on this trace: it rebases every ts
// on the thread's first before adding dur, and ns / 1000 decimals do not survive that subtraction exactly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { expect, test } from '@playwright/test';

const RELEASE = 'node_modules/speedscope/dist/release';
const ORIGIN = 'http://speedscope.test';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

test('speedscope imports a raid5 trace (5 ms, every thread) with 0 warnings (168 before the 2^-10 us grid)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-speedscope-'));
  const trace = join(dir, 'raid5.trace.json');
  const sim = spawnSync(
    'node_modules/.bin/tsx',
    ['src/cli/sim.ts', '--preset', 'raid5-4disk-threads', '--duration', '5ms', '--warmup', '2ms', '--trace', trace],
    { encoding: 'utf8' },
  );
  expect(sim.status, sim.stderr).toBe(0);
  const events = (JSON.parse(readFileSync(trace, 'utf8')) as { traceEvents: { ph: string; tid: number }[] })
    .traceEvents;
  const slices = events.filter((e) => e.ph === 'X').length;
  const threads = new Set(events.filter((e) => e.ph === 'X').map((e) => e.tid)).size;
  expect(slices).toBeGreaterThan(1000);

  const warnings: string[] = [];
  page.on('console', (m) => {
    // Headless Chromium's software GL reports its own stalls ("[.WebGL-0x...]GL Driver Message"); not speedscope's.
    if ((m.type() === 'warning' || m.type() === 'error') && !m.text().startsWith('[.WebGL-')) warnings.push(m.text());
  });
  page.on('pageerror', (e) => warnings.push(`pageerror: ${e.message}`));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = path === '/raid5.trace.json' ? trace : join(RELEASE, path === '/' ? 'index.html' : path.slice(1));
    try {
      await route.fulfill({
        body: readFileSync(file),
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      await route.fulfill({ status: 404, body: '' });
    }
  });
  await page.goto(`${ORIGIN}/index.html#profileURL=${encodeURIComponent(`${ORIGIN}/raid5.trace.json`)}`);
  await expect(page).toHaveTitle(/raid5\.trace\.json - speedscope/, { timeout: 60_000 });
  // One profile per thread with slices: the toolbar's selector names them "1/N".
  await expect(page.locator('body')).toContainText(new RegExp(`1/${threads}\\b`));
  test.info().annotations.push({ type: 'imported', description: `${slices} slices on ${threads} threads` });
  expect(warnings).toEqual([]);
});
