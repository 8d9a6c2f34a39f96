// The kernel version picker in Debian's Chromium: choosing 3.11 in the Lab restarts the run with that release's
// toggles and the changelog lists what it lacks; on A/B, "3.11 vs current" pins 3.11 as A and puts the Lab on
// the current kernel, so one comparison shows the history of raid5's mechanics.
import { expect, test } from '@playwright/test';

test('kernel picker, changelog and "3.11 vs current" on A/B', async ({ page }) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('/?preset=raid5-stripe-cache-starved');
  const kernel = page.getByTestId('param-kernel');
  await expect(kernel).toHaveValue('current');
  const log = page.getByTestId('kernel-changelog');
  await expect(log.locator('summary')).toHaveText('md changelog');

  await kernel.selectOption('3.11');
  await expect(page.getByTestId('param-hash_locks')).toHaveValue('1');
  await expect(page.getByTestId('param-release')).toHaveValue('locked');
  await expect(log.locator('summary')).toContainText('changes not in 3.11');
  await log.locator('summary').click();
  await expect(log.locator('li.absent').first()).toContainText('3.11 has');

  await page.getByTestId('page-compare').click();
  await page.getByTestId('ab-kernel-history').click();
  await expect(page.getByTestId('ab-a-words')).toContainText('kernel=3.11');
  await page.getByTestId('page-lab').click();
  await expect(page.getByTestId('param-kernel')).toHaveValue('current');
  await expect(page.getByTestId('notice')).toContainText('now runs the current kernel');
  expect(problems).toEqual([]);
});
