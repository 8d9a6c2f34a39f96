// npm run bench:ui: the UI under load in Debian's Chromium against `vite preview` of the build — raid5 with
// 16 disks, 16 workers, 4096 stripe_heads at max speed. Prints figures; a benchmark, never a test (no exit 1).
import { run, stop, waitFor } from './benchServer';
import { chromium } from '@playwright/test';
import { CHROMIUM } from './chromium';

const PORT = Number(process.env.BENCH_PORT ?? 4197);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** The issue's figure is at 1920x1080; `--viewport 1366x768` (or any WxH) measures another screen. */
const VIEWPORT = viewportArg(process.argv);
const URL = `http://localhost:${PORT}/?preset=raid5-3disk-threads&disks=16&group_thread_cnt=16&stripe_cache_size=4096&speed=max`;
const TARGETS = { fps: 55, taskMs: 50, firstFrameMs: 1500 };

/** Injected before the app loads (as text: a compiled function could carry the bundler's helpers): counts
 * animation frames, collects long tasks, and notes when the first simulation frame is on screen. */
const PROBE = `
  const b = (window.__bench = { frames: [], tasks: [], firstFrame: null });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, ms: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  const tick = (t) => { b.frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  // On screen: the stripe cache has drawn and a frame has been painted since.
  const mo = new MutationObserver(() => {
    if (b.firstFrame !== null || !document.querySelector('[data-testid="stripe-grid"]')) return;
    mo.disconnect();
    requestAnimationFrame(() => { b.firstFrame = performance.now(); });
  });
  mo.observe(document, { childList: true, subtree: true });
`;

function viewportArg(argv: readonly string[]): { width: number; height: number } {
  const i = argv.indexOf('--viewport');
  const v = i < 0 ? '1920x1080' : (argv[i + 1] ?? '');
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(v);
  if (!m) throw new Error(`--viewport=${v}: accepted WIDTHxHEIGHT in pixels, e.g. 1920x1080`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const code = await new Promise<number | null>((res) =>
      run('npx', ['vite', 'build', '--logLevel', 'warn']).on('exit', res),
    );
    if (code !== 0) throw new Error(`vite build exited ${code}`);
  }
  const server = run('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort']);
  try {
    await waitFor(`http://localhost:${PORT}/`, 30_000);
    const browser = await chromium.launch(CHROMIUM);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.addInitScript({ content: PROBE });
    await page.goto(URL);
    await page.waitForFunction(
      () => (window as unknown as { __bench: { firstFrame: number | null } }).__bench.firstFrame !== null,
      null,
      { timeout: 30_000 },
    );
    const sim0 = Number(await page.getByTestId('simtime').getAttribute('data-ns'));
    const events0 = Number(await page.getByTestId('events').getAttribute('data-count'));
    await page.waitForTimeout(SECONDS * 1000);
    const sim1 = Number(await page.getByTestId('simtime').getAttribute('data-ns'));
    const events1 = Number(await page.getByTestId('events').getAttribute('data-count'));
    // The worker's own account of where its time went (the pace line at max), as the page shows it.
    const pace =
      (await page
        .getByTestId('pace-note')
        .textContent()
        .catch(() => null)) ?? 'no pace line on screen';
    const b = await page.evaluate(
      () =>
        (
          window as unknown as {
            __bench: { frames: number[]; tasks: { start: number; ms: number }[]; firstFrame: number };
          }
        ).__bench,
    );
    await browser.close();

    // Frames per wall second, from the first frame on; the median over the run's whole seconds.
    const from = b.firstFrame;
    const perSecond = new Array(SECONDS).fill(0);
    for (const t of b.frames) if (t >= from && t < from + SECONDS * 1000) perSecond[Math.floor((t - from) / 1000)]++;
    const after = b.tasks.filter((t) => t.start >= from);
    const before = b.tasks.filter((t) => t.start < from);
    const longest = Math.max(0, ...after.map((t) => t.ms));
    const fps = median(perSecond);
    const ok = (good: boolean) => (good ? 'ok' : 'MISSED');
    console.log(
      `bench:ui  ${VIEWPORT.width}x${VIEWPORT.height}  raid5 disks=16 group_thread_cnt=16 stripe_cache_size=4096 speed=max, ${SECONDS} s (not 60, to save time)`,
    );
    console.log(
      `  fps median            ${fps.toFixed(1)}   (per second: ${perSecond.join(' ')})  target >= ${TARGETS.fps}: ${ok(fps >= TARGETS.fps)}`,
    );
    console.log(
      `  longest task          ${longest.toFixed(0)} ms after the first frame (${after.filter((t) => t.ms > TARGETS.taskMs).length} over ${TARGETS.taskMs} ms; ${before.length} long tasks during start-up, longest ${Math.max(0, ...before.map((t) => t.ms)).toFixed(0)} ms)  target <= ${TARGETS.taskMs}: ${ok(longest <= TARGETS.taskMs)}`,
    );
    console.log(
      `  load to first frame   ${from.toFixed(0)} ms  target < ${TARGETS.firstFrameMs}: ${ok(from < TARGETS.firstFrameMs)}`,
    );
    console.log(
      `  simulation            ${((sim1 - sim0) / 1e6 / SECONDS).toFixed(2)} simulated ms per wall second, ${Math.round((events1 - events0) / SECONDS).toLocaleString('en')} events/s`,
    );
    console.log(`  worker says           ${pace}`);
    const over = after.filter((t) => t.ms > TARGETS.taskMs).slice(0, 12);
    if (over.length)
      console.log(
        `  tasks over ${TARGETS.taskMs} ms at: ${over.map((t) => `${((t.start - from) / 1000).toFixed(1)} s (${t.ms.toFixed(0)} ms)`).join(', ')}`,
      );
    if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
  } finally {
    stop(server);
  }
}

main().catch((e) => {
  console.error(`bench:ui: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
