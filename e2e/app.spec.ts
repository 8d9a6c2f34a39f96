// The built app in Debian's Chromium: loads clean, the worker runs, pause / play / step / keys / speed
// work, controls change what is shown or are refused at the control. The raid5 screen is in raid5.spec.ts.
import { expect, test, type Page } from '@playwright/test';

const simNs = async (page: Page) => Number(await page.getByTestId('simtime').getAttribute('data-ns'));
const events = async (page: Page) => Number(await page.getByTestId('events').getAttribute('data-count'));
const threadRows = (page: Page) => page.getByTestId('threads').locator('tbody tr');

async function open(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto('/?preset=lock-lab-basic'); // the app opens on raid5; these tests are about Lock Lab
  await expect(threadRows(page)).toHaveCount(4);
  await expect.poll(() => simNs(page)).toBeGreaterThan(0);
  return problems;
}

async function pause(page: Page) {
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
}

test('loads with no console errors and the worker runs Lock Lab', async ({ page }) => {
  const problems = await open(page);
  await expect(page.getByRole('heading', { name: 'Stripe Lab' })).toBeVisible();
  const t0 = await simNs(page);
  await expect.poll(() => simNs(page)).toBeGreaterThan(t0);
  await expect(page.getByTestId('lockstat')).toContainText('lock');
  await expect(page.getByTestId('lockstat').locator('th')).toContainText([
    'class name',
    'contentions',
    'waittime-min',
    'holdtime-avg',
  ]);
  await expect
    .poll(async () => Number((await page.getByTestId('ops-now').textContent())?.replace(/[^\d.]/g, '') || 0))
    .toBeGreaterThan(0);
  // the canvas timeline has painted state colours
  await expect
    .poll(() =>
      page.getByTestId('timeline').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let coloured = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.abs(d[i] - d[i + 1]) > 40) coloured++;
        return coloured;
      }),
    )
    .toBeGreaterThan(1000);
  expect(problems).toEqual([]);
});

test('pause stops simulated time and play resumes it', async ({ page }) => {
  await open(page);
  await pause(page);
  const paused = await simNs(page);
  await page.waitForTimeout(500);
  expect(await simNs(page)).toBe(paused);
  await page.getByTestId('play').click();
  await expect.poll(() => simNs(page)).toBeGreaterThan(paused);
});

test('step runs exactly one event while paused (button and right arrow)', async ({ page }) => {
  await open(page);
  await pause(page);
  const e0 = await events(page);
  const t0 = await simNs(page);
  await page.getByTestId('step').click();
  await expect.poll(() => events(page)).toBe(e0 + 1);
  expect(await simNs(page)).toBeGreaterThanOrEqual(t0);
  await page.locator('body').press('ArrowRight');
  await expect.poll(() => events(page)).toBe(e0 + 2);
  await page.waitForTimeout(300);
  expect(await events(page)).toBe(e0 + 2);
});

test('space toggles play, once, even with a button focused', async ({ page }) => {
  await open(page);
  await page.getByTestId('step').focus();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  const e0 = await events(page);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => events(page)).toBeGreaterThan(e0 + 1);
});

test('speed: 1 µs/s is slow motion, max is fast', async ({ page }) => {
  await open(page);
  await page.getByTestId('speed-1 µs/s').click();
  await page.waitForTimeout(200);
  const slow0 = await simNs(page);
  await page.waitForTimeout(1000);
  expect((await simNs(page)) - slow0).toBeLessThan(5_000);
  await page.getByTestId('speed-max').click();
  const fast0 = await simNs(page);
  await expect.poll(() => simNs(page)).toBeGreaterThan(fast0 + 1e6);
});

test("max says what limits it, from the worker's measurements, with the rate", async ({ page }) => {
  await page.goto('/?preset=raid5-3disk-threads&disks=16&group_thread_cnt=16&stripe_cache_size=4096&speed=max');
  const note = page.getByTestId('pace-note');
  await expect(note).toHaveText(
    /^max: (the model computes|limited by pacing, not the model:) .*\d ms of simulated time per second/,
    { timeout: 15_000 },
  );
  expect(Number(await note.getAttribute('data-sim-ms-per-sec'))).toBeGreaterThan(0);
  // The note's figure is the clock's own pace: compare the latest one with simulated time on screen over the
  // last three seconds (the first report holds the start-up, when the model runs slower).
  const t0 = await simNs(page);
  const w0 = Date.now();
  await page.waitForTimeout(3000);
  const seen = ((await simNs(page)) - t0) / 1e6 / ((Date.now() - w0) / 1000);
  const rate = Number(await note.getAttribute('data-sim-ms-per-sec'));
  expect(rate).toBeGreaterThan(seen / 2);
  expect(rate).toBeLessThan(seen * 2);
  await page.getByTestId('speed-1 ms/s').click();
  await expect(note).toHaveCount(0);
});

test('a run-time parameter change starts a new run and says so', async ({ page }) => {
  await open(page);
  const threads = page.getByTestId('param-threads');
  await threads.fill('6');
  await threads.press('Enter');
  await expect(threadRows(page)).toHaveCount(6);
  await expect(page.getByTestId('threads')).toContainText('thread-5');
  await expect(page.getByTestId('notice')).toContainText('new run');
});

test('a bad value is refused at the control with the accepted range, and the run goes on', async ({ page }) => {
  await open(page);
  const t0 = await simNs(page);
  const threads = page.getByTestId('param-threads');
  await threads.fill('5000');
  await threads.press('Enter');
  await expect(page.getByTestId('param-threads-error')).toContainText('threads=5000: accepted an integer 1..1024');
  await expect(threads).toHaveAttribute('aria-invalid', 'true');
  await expect(threadRows(page)).toHaveCount(4);
  await expect.poll(() => simNs(page)).toBeGreaterThan(t0); // not restarted
});

test('picking another preset changes what is shown', async ({ page }) => {
  await open(page);
  await page.getByTestId('scenario').selectOption('preset:lock-lab-mutex');
  await expect(threadRows(page)).toHaveCount(8);
  await expect(page.getByTestId('shows')).toContainText('sleeping lock');
  await expect(page.getByTestId('param-lock')).toHaveValue('mutex');
  await expect(page.getByTestId('lockstat')).toContainText('mutex');
  await expect(page.getByTestId('seed-shown')).toHaveText('1');
});

test('a live knob changes the running model without a restart', async ({ page }) => {
  await open(page);
  await page.getByTestId('scenario').selectOption('preset:raid5-3disk-threads');
  await expect(page.getByTestId('param-group_thread_cnt')).toHaveValue('2');
  const handlers = page.locator('[data-testid^="handler-"]'); // raid5 shows its machine view, not the threads table
  await expect(handlers).toHaveCount(3);
  const before = await handlers.count();
  await expect.poll(() => simNs(page)).toBeGreaterThan(100_000);
  const t0 = await simNs(page);
  const knob = page.getByTestId('param-group_thread_cnt');
  await knob.fill('4');
  await knob.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('applied live');
  await expect.poll(() => handlers.count()).toBeGreaterThan(before);
  expect(await simNs(page)).toBeGreaterThanOrEqual(t0); // same run: time did not go back to 0
  const cache = page.getByTestId('param-stripe_cache_size');
  await cache.fill('5');
  await cache.press('Enter');
  await expect(page.getByTestId('param-stripe_cache_size-error')).toContainText('17..32768');
});

test('Lock Lab shows its lock histograms in log2 buckets', async ({ page }) => {
  const problems = await open(page);
  await page.getByTestId('show-hists').click();
  await expect(page.getByTestId('hist-hold')).toContainText('nsecs');
  await expect(page.getByTestId('hist-hold')).toContainText('->');
  expect(problems).toEqual([]);
});
