// The Validation page in Debian's Chromium: an address opens it, every validation.md setup and seed is listed,
// gaps say what they need and have no Run button, and two fast rows (V5's NVMe) measured on the batch pool show
// their values beside the published ones, with the ratio, the verdict and the assumptions.
import { expect, test } from '@playwright/test';

test('?page=validation: run the two V5 NVMe rows and see them measured beside the published values', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('/?page=validation');
  await expect(page.getByRole('heading', { name: 'Validation', level: 2 })).toBeVisible();
  await expect(page.getByTestId('page-validation')).toHaveAttribute('aria-pressed', 'true');
  for (const id of ['V1', 'V2', 'V3', 'V4', 'V5', 'seed-000', 'seed-004'])
    await expect(page.getByTestId(`validation-${id}`)).toBeVisible();

  // A figure the model cannot express yet: said plainly, no Run button.
  const gap = page.getByTestId('gap-v1-skip-copy');
  await expect(gap.getByTestId('gap-needs')).toContainText('not expressible yet: needs the mechanism behind it');
  await expect(gap.getByTestId('claim-run')).toHaveCount(0);

  for (const [id, published] of [
    ['v5-nvme-iops', '2 M IOPS'],
    ['v5-nvme-bw', '16 GB/s'],
  ] as const) {
    const row = page.getByTestId(`claim-${id}`);
    await expect(row).toContainText(published);
    await expect(row).toContainText('Gal Ofri');
    await expect(row.getByTestId('claim-assumptions')).toContainText('Assumed');
    await expect(row.getByTestId('claim-measured')).toHaveCount(0);
    await row.getByTestId('claim-run').click();
  }
  for (const [id, low, high] of [
    ['v5-nvme-iops', 1.3, 3],
    ['v5-nvme-bw', 8, 24],
  ] as const) {
    const row = page.getByTestId(`claim-${id}`);
    const measured = row.getByTestId('claim-measured');
    await expect(measured).toBeVisible({ timeout: 90_000 });
    const value = Number((await measured.textContent())?.replace(/,/g, ''));
    expect(value).toBeGreaterThan(low);
    expect(value).toBeLessThan(high);
    await expect(row.getByTestId('claim-vs-published')).toContainText('×');
    await expect(row.getByTestId('claim-verdict')).toContainText('the check');
  }
  await expect(page.getByTestId('validation-progress')).toContainText('2 of 22 measured');

  // A known miss is shown as a miss, with its reason; the assumptions open under the figure.
  const miss = page.getByTestId('claim-v5-brd-bw');
  await miss.getByTestId('claim-run').click();
  await expect(miss.getByTestId('claim-verdict')).toContainText('outside the check', { timeout: 90_000 });
  await expect(miss.getByTestId('claim-verdict')).toContainText('known miss');
  await miss.getByTestId('claim-assumptions').locator('summary').click();
  await expect(miss.getByTestId('claim-assumptions')).toContainText('256 jobs');
  await expect(page.getByTestId('validation-progress')).toContainText(
    '3 of 22 measured: 2 within the check, 1 outside',
  );
  await page.getByTestId('validation-V5').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/validation-v5.png' });
  await page.evaluate(() => document.querySelector('.stories-page')?.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/validation-top.png' });
  expect(problems).toEqual([]);
});
