// The app in real Chromium: loads clean, the worker runs, pause/step/play work, a control changes
// what is shown, and a screenshot of the main screen is kept for the README.
import { expect, test } from '@playwright/test';

const simNs = async (page: import('@playwright/test').Page) => {
  const t = (await page.getByTestId('simtime').textContent()) ?? '';
  const [v, u] = t.split(' ');
  return Number(v) * ({ ns: 1, us: 1e3, ms: 1e6, s: 1e9 } as Record<string, number>)[u];
};

test('loads with no console errors, runs, pauses, steps, and reacts to a control', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('threads')).toContainText('md0_raid5');
  const t0 = await simNs(page);
  await expect.poll(() => simNs(page)).toBeGreaterThan(t0);
  await page.getByTestId('play').click(); // pause
  await page.waitForTimeout(200);
  const paused = await simNs(page);
  await page.waitForTimeout(300);
  expect(await simNs(page)).toBe(paused);
  await page.getByTestId('step').click();
  await page.getByTestId('play').click(); // resume
  await expect.poll(() => simNs(page)).toBeGreaterThan(paused);
  // group_thread_cnt is live: workers appear without a restart
  const input = page.getByTestId('param-group_thread_cnt');
  await input.fill('2');
  await input.press('Enter');
  await expect(page.getByTestId('threads')).toContainText('kworker/u:raid5wq-1');
  // a bad value is refused at the control, naming the accepted range
  const cache = page.getByTestId('param-stripe_cache_size');
  await cache.fill('5');
  await cache.press('Enter');
  await expect(page.getByRole('alert').first()).toContainText('17..32768');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'e2e/screenshots/main.png' });
  expect(errors).toEqual([]);
});

test('Lock Lab preset runs and shows its lock', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('preset').selectOption('lock-lab-oversubscribed');
  await expect(page.getByTestId('threads')).toContainText('thread-7');
  await expect(page.getByTestId('lockstat')).toContainText('lock');
});
