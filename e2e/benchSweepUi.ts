// `npx tsx e2e/benchSweepUi.ts`: wall time of a 16-point sweep on the Sweep page (raid5-3disk-threads,
// group_thread_cnt 0..15, 1 replication) with a pool of 1 worker and of navigator.hardwareConcurrency, in
// Debian's Chromium against `vite preview`. Prints figures; a benchmark, never a test.
// Options: --no-build (reuse BENCH_DIST), --rounds N (default 3; the fastest of each set-up is compared, since
// other load only ever slows a run), --duration TIME (simulated, default 20ms).
import { run, stop, waitFor } from './benchServer';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM } from './chromium';

const PORT = Number(process.env.BENCH_PORT ?? 4198);
const DIST = process.env.BENCH_DIST ?? `dist-e2e-bench-${PORT}`; // dist-e2e-* is git-ignored
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const ROUNDS = Math.max(1, Number(arg('--rounds', '3')) || 1);
const DURATION = arg('--duration', '20ms');

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const code = await new Promise<number | null>((res) =>
      run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST]).on('exit', res),
    );
    if (code !== 0) throw new Error(`vite build exited ${code}`);
  }
  const server = run('npx', ['vite', 'preview', '--outDir', DIST, '--port', String(PORT), '--strictPort']);
  const browser = await chromium.launch(CHROMIUM);
  try {
    await waitFor(`http://localhost:${PORT}/`, 60_000);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`http://localhost:${PORT}/`);
    await page.getByTestId('play').click(); // pause the Lab's live run so it does not compete with the pool
    await page.getByTestId('page-sweep').click();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.getByTestId('sweep-values1').fill('0..15');
    await page.getByTestId('sweep-replications').fill('1');
    await page.getByTestId('sweep-duration').fill(DURATION);
    await page.getByTestId('sweep-warmup').fill('5ms');
    const wall: Record<number, number[]> = { 1: [], [cores]: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const workers of [1, cores]) {
        await page.getByTestId('sweep-workers').fill(String(workers));
        await page.getByTestId('sweep-start').click();
        await page.waitForSelector('[data-status="done"]', { timeout: 900_000 });
        const text = (await page.getByTestId('sweep-status').textContent()) ?? '';
        wall[workers].push(Number(/done in ([\d.]+) s/.exec(text)?.[1]));
      }
    }
    const best = (w: number) => Math.min(...wall[w]);
    process.stdout.write(
      `16-point sweep (raid5-3disk-threads, group_thread_cnt 0..15, ${DURATION} measured + 5ms warm-up, 1 replication), ${ROUNDS} rounds\n` +
        `  pool 1: ${wall[1].join(' ')} s; pool ${cores} (hardwareConcurrency): ${wall[cores].join(' ')} s\n` +
        `  fastest: ${best(1)} s vs ${best(cores)} s, speed-up x${(best(1) / best(cores)).toFixed(2)}; load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}\n`,
    );
  } finally {
    await browser.close();
    stop(server);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`benchSweepUi: ${(e as Error).message}\n`);
  process.exit(1);
});
