// The Stories page in Debian's Chromium: the list opens a story's sub-page, Run it measures a published
// figure on the batch pool and shows it beside the published value, Open in Lab starts that preset live.
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

const simNs = async (page: Page) => Number(await page.getByTestId('simtime').getAttribute('data-ns'));

test('seed 003: read it, run a figure, open its preset in the lab', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await page.goto('/');
  await page.getByTestId('page-stories').click();
  await expect(page.getByRole('heading', { name: 'Stories', level: 2 })).toBeVisible();
  await expect(page.getByTestId('story-open-000')).toBeVisible();
  await expect(page.getByTestId('story-open-004')).toBeVisible();

  await page.getByTestId('story-open-003').click();
  const story = page.getByTestId('story-003');
  await expect(story.getByRole('heading', { level: 2 })).toContainText('ext4');
  await expect(story.getByRole('heading', { name: 'What the model does' })).toBeVisible();
  await expect(story).toContainText('ext4_bio_write_page');

  // The 128x claim: published 128x, measured from a run of the preset and its baseline on the pool.
  const row = page.getByTestId('claim-submissions');
  await expect(row).toContainText('128x fewer');
  await expect(row.getByTestId('claim-measured')).toHaveCount(0); // nothing measured before Run it
  await row.getByTestId('claim-run').click();
  const measured = row.getByTestId('claim-measured');
  await expect(measured).toBeVisible({ timeout: 150_000 });
  const value = Number((await measured.textContent())?.replace(/,/g, ''));
  expect(value).toBeGreaterThan(100);
  expect(value).toBeLessThan(160);
  await expect(row.getByTestId('claim-vs-published')).toContainText('×');
  await expect(row.getByTestId('claim-verdict')).toContainText('within the check');

  // Open in Lab: the lab tab, the preset chosen in the picker, and simulated time moving.
  await row.getByTestId('claim-lab').click();
  await expect(page.getByTestId('page-lab')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('scenario')).toHaveValue('preset:ext4-one-writer');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const t0 = await simNs(page);
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(t0);

  // Back on Stories the story is still open and its measurement kept.
  await page.getByTestId('page-stories').click();
  await expect(page.getByTestId('claim-submissions').getByTestId('claim-measured')).toBeVisible();
  await page.getByRole('button', { name: '← All stories' }).click();
  await expect(page.getByTestId('story-open-003')).toBeFocused();
  await expect(page.getByTestId('story-open-001')).toBeVisible();
  expect(problems).toEqual([]);
});

test('an address opens a story directly, and opening one puts it in the address', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/?page=stories&story=004');
  await expect(page.getByTestId('story-004')).toBeVisible();
  await expect(page.getByTestId('claim-bitmap-raid1-bitmap')).toContainText('9696 KiB/s');
  await page.getByRole('button', { name: '← All stories' }).click();
  await page.getByTestId('story-open-001').click();
  const storyInAddress = () => {
    const code = new URL(page.url()).hash.replace(/^#s=/, '');
    return code
      ? (JSON.parse(LZString.decompressFromEncodedURIComponent(code) ?? '{}') as { story?: string }).story
      : undefined;
  };
  await expect.poll(storyInAddress, { timeout: 10_000 }).toBe('001');
  const again = await page.context().newPage();
  await again.goto(page.url());
  await expect(again.getByTestId('story-001')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a figure the model is known to miss says so, with the reason, beside the verdict', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await page.goto('/?page=stories&story=004');
  const row = page.getByTestId('claim-bitmap-raid5-assume-clean-bitmap');
  await row.getByTestId('claim-run').click();
  await expect(row.getByTestId('claim-measured')).toBeVisible({ timeout: 150_000 });
  const verdict = row.getByTestId('claim-verdict');
  await expect(verdict).toContainText('outside the check');
  await expect(verdict).toContainText('known miss');
  await expect(verdict).toContainText('md_bitmap_unplug');
  await page.screenshot({ path: 'test-results/stories-known-miss.png' });
  expect(problems).toEqual([]);
});
