// The Sweep page with warm-up "auto" in Debian's Chromium: the note says detected (MSER-5), the batch
// workers detect it per run, and after the run the note lists each point's mean cut; "soon" is refused.
import { expect, test } from '@playwright/test';

test('warm-up auto: detected per run by MSER-5, each point’s mean cut listed under the field', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('/');
  await page.getByTestId('page-sweep').click();
  await expect(page.getByTestId('sweep-values1')).toBeVisible();
  await page.getByTestId('sweep-values1').fill('0,2');
  await page.getByTestId('sweep-replications').fill('2');
  await page.getByTestId('sweep-duration').fill('2ms');
  await page.getByTestId('sweep-warmup').fill('auto');
  await expect(page.getByTestId('sweep-warmup-note')).toContainText('warm-up detected per run (MSER-5');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('sweep-note')).toContainText('warm-up detected per run (MSER-5)');
  const items = page.getByTestId('sweep-warmup-detected').locator('li');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText(/group_thread_cnt=0: mean \d/);

  await page.getByTestId('sweep-warmup').fill('soon');
  await expect(page.getByTestId('sweep-warmup-note')).toContainText('warm-up fixed: soon');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-warmup-error')).toHaveText('warmup=soon: accepted a time 0..1000s (e.g. 200ms), or auto (detected by MSER-5)');
  expect(problems).toEqual([]);
});
