// npm run bench:soak [-- --minutes N --every S --out FILE]: a class lasts an hour. Runs the heavy raid5 load at
// max speed in Debian's Chromium and samples, after a forced GC through the DevTools protocol, the page's and the
// simulation worker's JS heap and the DOM node count. A benchmark, never a test: it prints, it does not fail.
import { run, stop, waitFor } from './benchServer';
import { writeFileSync } from 'node:fs';
import { chromium, type CDPSession } from '@playwright/test';
import { attachWorker, type WorkerSession } from './cdpWorker';
import { soakVerdict, type SoakSample } from './soakVerdict';
import { CHROMIUM } from './chromium';

const PORT = Number(process.env.SOAK_PORT ?? 4193);
const OUT_DIR = `dist-soak-${PORT}`;
const URL = `http://localhost:${PORT}/?preset=raid5-3disk-threads&disks=16&group_thread_cnt=16&stripe_cache_size=4096&speed=max`;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!(v > 0)) {
    console.error(`bench:soak: --${name}=${process.argv[i + 1]}: accepted a positive number`);
    process.exit(2);
  }
  return v;
}

const MINUTES = option('minutes', 20);
const EVERY_S = option('every', 30);
const outIndex = process.argv.indexOf('--out');
const OUT_FILE = outIndex >= 0 ? process.argv[outIndex + 1] : null;

/** Collects garbage twice (a finalizer may free more), then the used JS heap in bytes. */
async function heapAfterGc(send: (method: string) => Promise<unknown>): Promise<number> {
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

async function sample(
  page: CDPSession,
  worker: WorkerSession,
  t0: number,
  evalNumber: (js: string) => Promise<number>,
): Promise<SoakSample> {
  const mainHeap = await heapAfterGc((m) => page.send(m as 'Runtime.getHeapUsage'));
  const workerHeap = await heapAfterGc((m) => worker.send(m));
  const dom = (await page.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  return {
    atS: Math.round((Date.now() - t0) / 1000),
    mainHeapBytes: mainHeap,
    workerHeapBytes: workerHeap,
    domNodes: dom.nodes,
    liveElements: await evalNumber("document.querySelectorAll('*').length"),
    listeners: dom.jsEventListeners,
    simulatedMs: (await evalNumber("Number(document.querySelector('[data-testid=simtime]')?.dataset.ns ?? NaN)")) / 1e6,
  };
}

const mb = (b: number) => (b / 2 ** 20).toFixed(2);

function printTable(rows: SoakSample[]): void {
  console.log('  t (s)  main heap MB  worker heap MB  DOM nodes  elements  listeners  simulated ms');
  for (const r of rows)
    console.log(
      `  ${String(r.atS).padStart(5)}  ${mb(r.mainHeapBytes).padStart(12)}  ${mb(r.workerHeapBytes).padStart(14)}  ${String(r.domNodes).padStart(9)}  ${String(r.liveElements).padStart(8)}  ${String(r.listeners).padStart(9)}  ${r.simulatedMs.toFixed(1).padStart(12)}`,
    );
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const code = await new Promise<number | null>((res) =>
      run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR]).on('exit', res),
    );
    if (code !== 0) throw new Error(`vite build exited ${code}`);
  }
  const server = run('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort']);
  const browser = await chromium.launch(CHROMIUM);
  try {
    await waitFor(`http://localhost:${PORT}/`, 30_000);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(URL);
    await page.getByTestId('stripe-grid').waitFor({ timeout: 30_000 });
    const worker = await attachWorker(browser, URL);
    const t0 = Date.now();
    const evalNumber = async (js: string) => Number(await page.evaluate(js));
    const rows: SoakSample[] = [];
    console.log(
      `bench:soak  raid5 disks=16 group_thread_cnt=16 stripe_cache_size=4096 speed=max, ${MINUTES} min, a sample every ${EVERY_S} s after a forced GC`,
    );
    for (let i = 0; ; i++) {
      const due = t0 + i * EVERY_S * 1000;
      if (due > t0 + MINUTES * 60_000) break;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const s = await sample(cdp, worker, t0, evalNumber);
      rows.push(s);
      console.log(
        `  sampled ${s.atS} s: main ${mb(s.mainHeapBytes)} MB, worker ${mb(s.workerHeapBytes)} MB, ${s.domNodes} DOM nodes, simulated ${s.simulatedMs.toFixed(1)} ms`,
      );
    }
    await worker.close();
    console.log('');
    printTable(rows);
    const verdict = soakVerdict(rows, 60, 0.1);
    console.log('');
    for (const line of verdict.lines) console.log(`  ${line}`);
    console.log(
      `  verdict: ${verdict.flat === null ? 'NONE (run longer)' : verdict.flat ? 'FLAT: main heap, worker heap and DOM nodes within 10% after the first minute' : 'NOT FLAT'}`,
    );
    if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
    const json = JSON.stringify({ url: URL, minutes: MINUTES, everyS: EVERY_S, samples: rows, verdict }, null, 1);
    console.log(json);
    if (OUT_FILE) writeFileSync(OUT_FILE, json + '\n');
  } finally {
    await browser.close();
    stop(server);
  }
}

main().catch((e) => {
  console.error(`bench:soak: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
});
