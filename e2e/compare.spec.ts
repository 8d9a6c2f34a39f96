// The A/B page in Debian's Chromium: pin the default preset as A, raise group_thread_cnt (B), run both on the
// same two seeds with a short duration, and read both columns, a signed throughput delta and the lock table.
import { expect, test, type Page } from '@playwright/test';

const PIN_KEY = 'stripe-lab.ab.pinA.v1';

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('pin A, change group_thread_cnt, run A and B on the same seeds: both columns, signed deltas, lock_stat', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = watch(page);
  await page.goto('/');
  const knob = page.getByTestId('param-group_thread_cnt');
  await expect(knob).toHaveValue('0'); // the default preset opens on its baseline side
  await page.getByTestId('pin-a').click();
  await expect(page.getByTestId('notice')).toContainText(
    'Pinned as A: raid5-3disk-threads at its baseline: group_thread_cnt=0',
  );
  await knob.fill('2');
  await knob.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('group_thread_cnt = 2');

  await page.getByTestId('page-compare').click();
  await expect(page.getByTestId('ab-a-words')).toContainText('group_thread_cnt=0');
  const diff = page.getByTestId('ab-diff').locator('tbody tr');
  await expect(diff).toHaveCount(1);
  await expect(diff.first()).toHaveText(/group_thread_cnt\s*0\s*→\s*2/);

  await page.getByTestId('ab-r').fill('2');
  await page.getByTestId('ab-duration').fill('5ms');
  await page.getByTestId('ab-run').click();
  await expect(page.getByTestId('ab-results')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('ab-method')).toContainText('R = 2 seeds 1..2 on both sides; 5 ms measured');
  await expect(page.getByTestId('ab-method')).toContainText('paired Student t');

  // Both columns, and the throughput delta with its sign (2 workers lift it well past one raid5d)
  const ops = page.getByTestId('ab-row-opsPerSec');
  await expect(ops.locator('td').nth(0)).toHaveText(/^\d[\d.]*k? ops\/s$/);
  await expect(ops.locator('td').nth(1)).toHaveText(/^\d[\d.]*k? ops\/s$/);
  await expect(page.getByTestId('ab-delta-opsPerSec')).toHaveText(/▲\s*\+\d+(\.\d)?%/);
  await expect(ops).toHaveAttribute('data-verdict', 'better');
  await expect(page.getByTestId('ab-row-p99').locator('td').nth(2)).toHaveText(/[+\u2212±]\d/);

  const locks = page.getByTestId('ab-locks');
  await expect(locks.locator('thead th.group')).toContainText([
    'contentions',
    'waittime-total',
    'waittime-avg',
    'holdtime-avg',
    'acquisitions',
  ]);
  await expect(page.getByTestId('ab-lock-device_lock')).toBeVisible();
  // more threads contend harder on device_lock: marked worse, with the up arrow and a plus
  await expect(page.getByTestId('ab-lock-device_lock').locator('td.worse').first()).toHaveText(/▲\s*\+/);

  await expect(page.getByTestId('ab-thread-md0_raid5').getByText('A', { exact: true })).toBeVisible();
  await expect(page.getByTestId('ab-thread-kworker/u:raid5wq-0')).toContainText('new');
  await page.getByText('Plain text').click();
  await expect(page.getByTestId('ab-report')).toContainText('A -> B: group_thread_cnt 0 -> 2');
  await expect(page.getByTestId('ab-report')).toContainText(/throughput .* \+\d+(\.\d)?% .* better/);
  expect(problems).toEqual([]);

  // A survives a reload
  await page.reload();
  await page.getByTestId('page-compare').click();
  await expect(page.getByTestId('ab-a-words')).toContainText('group_thread_cnt=0');
});

test('a long comparison shows progress and stops on Cancel', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/');
  await expect(page.getByTestId('param-group_thread_cnt')).toHaveValue('0');
  await page.getByTestId('page-compare').click();
  await page.getByTestId('ab-pin').click();
  await expect(page.getByTestId('ab-no-diff')).toBeVisible(); // B is A until the Lab changes
  await page.getByTestId('ab-r').fill('20');
  await page.getByTestId('ab-duration').fill('10s');
  await page.getByTestId('ab-run').click();
  await expect(page.getByTestId('ab-progress')).toContainText('/ 40 runs');
  await page.getByTestId('ab-cancel').click();
  await expect(page.getByTestId('ab-run-message')).toHaveText(/^cancelled after \d+ of 40 runs$/);
  await expect(page.getByTestId('ab-progress')).toHaveCount(0);
  await expect(page.getByTestId('ab-run')).toBeEnabled();
  // a refused field names the value and what is accepted
  await page.getByTestId('ab-r').fill('0');
  await page.getByTestId('ab-run').click();
  await expect(page.getByTestId('ab-error-replications')).toHaveText('R=0: accepted an integer 1..20');
  expect(problems).toEqual([]);
});

test('an unreadable saved pin is reported at the page and left in storage', async ({ page }) => {
  const problems = watch(page);
  await page.addInitScript(([key]) => localStorage.setItem(key, '{"model":"raid5",'), [PIN_KEY]);
  await page.goto('/');
  await page.getByTestId('page-compare').click();
  await expect(page.getByTestId('ab-pin-note')).toContainText(
    `saved baseline A (localStorage '${PIN_KEY}') is unreadable, left as it is`,
  );
  await expect(page.getByTestId('ab-run')).toBeDisabled();
  expect(await page.evaluate((k) => localStorage.getItem(k), PIN_KEY)).toBe('{"model":"raid5",');
  expect(problems).toEqual([]);
});
