// Issue 15's untrue notices, reproduced by their steps in Debian's Chromium: each notice must say what
// the run now uses. Esc takes a field's refusal away with the typed value; a bad link names the value run.
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';

const simNs = async (page: Page) => Number(await page.getByTestId('simtime').getAttribute('data-ns'));

test('Esc in a field puts the running value back and takes its refusal with it', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const field = page.getByTestId('param-stripe_cache_size');
  await field.fill('5');
  await field.press('Enter');
  await expect(page.getByTestId('param-stripe_cache_size-error')).toContainText('accepted');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.press('Escape');
  await expect(field).toHaveValue('256');
  await expect(page.getByTestId('param-stripe_cache_size-error')).toHaveCount(0);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(page.locator('.field.invalid')).toHaveCount(0);
  // the seed field too
  const seed = page.getByTestId('seed');
  await seed.fill('-1');
  await seed.press('Enter');
  await expect(page.locator('.field.invalid')).toHaveCount(1);
  await seed.press('Escape');
  await expect(seed).toHaveValue('1');
  await expect(page.locator('.field.invalid')).toHaveCount(0);
});

test('a bad link names the values the run now uses', async ({ page }) => {
  await page.goto('/?stripe_cache_size=5&disks=1&bs=3000');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const used = await page.getByTestId('param-stripe_cache_size').inputValue();
  await expect(page.getByText(/link: stripe_cache_size="5": .*; used (\d+), the value of preset/)).toContainText(
    `used ${used},`,
  );
  await expect(page.getByText(/link: disks="1": /)).toContainText(
    `used ${await page.getByTestId('param-disks').inputValue()},`,
  );

  await expect(page.getByTestId('link-problems')).toContainText('each line says what the app used instead');

  await page.goto('/?preset=no-such-preset');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const running = (await page.getByTestId('scenario').inputValue()).replace(/^preset:/, '');
  await expect(page.getByText(/link: preset="no-such-preset"/)).toContainText(`opened the default preset ${running}`);
});

test('the preset description says first what runs when it differs from the preset', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('shows')).toContainText(
    "Running the preset's baseline (group_thread_cnt 0, stripe_cache_size 256). The preset:",
  );
  await page.goto('/?preset=raid5-3disk-threads&disks=16');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('shows')).toContainText('Running with disks 16. The preset: 4K random writes on 3');
  await expect(page.locator('.machine .panel-head')).toContainText('on 16 members');
});

test('Sweep and A/B describe the running scenario as the Lab does', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByTestId('page-sweep').click();
  // the untouched start is the preset's baseline, not '+ 2 changed'
  const base = page.getByTestId('sweep-base');
  await expect(base.locator('option[value="current"]')).toHaveText(
    'Current scenario (Lab: raid5-3disk-threads, its baseline, seed 1)',
  );
  await expect(page.locator('.sw-hint').first()).toHaveText(
    'current scenario (raid5-3disk-threads at its baseline: group_thread_cnt=0, stripe_cache_size=256)',
  );
  await expect(page.getByText(/changed\)/)).toHaveCount(0);

  await page.getByTestId('page-lab').click();
  await page.getByTestId('pin-a').click();
  const knob = page.getByTestId('param-group_thread_cnt');
  await knob.fill('2');
  await knob.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('group_thread_cnt = 2');
  await page.getByTestId('page-compare').click();
  await expect(page.getByTestId('ab-a-words')).toContainText(
    'at its baseline: group_thread_cnt=0, stripe_cache_size=256',
  );
  // B set group_thread_cnt back to the preset's 2: it is named, beside the cache it kept at 256
  await expect(page.getByTestId('ab-b-words')).toContainText('with group_thread_cnt=2, stripe_cache_size=256');
});

/** The bottleneck line's limit every 50 ms for `ms` of wall time ('' while it is not shown). */
async function limits(page: Page, ms: number): Promise<string[]> {
  return page.evaluate(async (ms) => {
    const seen: string[] = [];
    const end = performance.now() + ms;
    while (performance.now() < end) {
      seen.push(document.querySelector('[data-testid="bottleneck"]')?.getAttribute('data-limit') ?? '');
      await new Promise((r) => setTimeout(r, 50));
    }
    return seen;
  }, ms);
}

test('right after a change the bottleneck line says measuring, not a verdict from the old state', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('speed-10 ms/s').click();
  await expect(page.getByTestId('bottleneck')).toHaveAttribute('data-limit', 'raid5d', { timeout: 20_000 });
  const knob = page.getByTestId('param-group_thread_cnt');
  await knob.fill('2');
  await knob.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('applied live');
  const after = await limits(page, 2500);
  // measuring first, then verdicts about the new state only: never raid5d alone, never 'threads will not help'
  expect(after[0]).toBe('measuring');
  const verdicts = after.filter((l) => l !== 'measuring');
  expect(verdicts.length).toBeGreaterThan(0);
  expect(verdicts).not.toContain('raid5d');
  await expect(page.getByTestId('bottleneck')).not.toContainText('adding threads will not help');

  // a restart (disks) measures too before it speaks: no 'raise numjobs' from the start-up burst
  const disks = page.getByTestId('param-disks');
  await disks.fill('4');
  await disks.press('Enter');
  const restart = await limits(page, 1500);
  const firstShown = restart.find((l) => l !== '');
  expect(firstShown).toBe('measuring');
  expect(restart).not.toContain('submitters');
});

test('a Sweep with 2 replications draws no interval and says it would not be meaningful', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByTestId('page-sweep').click();
  await page.getByTestId('sweep-values1').fill('0..4');
  await page.getByTestId('sweep-replications').fill('2');
  await page.getByTestId('sweep-duration').fill('2ms');
  await page.getByTestId('sweep-warmup').fill('500us');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  for (const id of ['sweep-chart-throughput', 'sweep-chart-latency', 'sweep-chart-locks']) {
    await expect(page.getByTestId(id)).toHaveAttribute('data-points', '5');
    await expect(page.getByTestId(id)).toHaveAttribute('data-banded-points', '0');
    await expect(page.getByTestId(`${id}-band-note`)).toHaveText(
      'no band: 2 replications per point, too few for a meaningful 95% interval (3 or more give one)',
    );
  }
  // the table keeps the raw interval in the cell's title and never shows a zero-width "709 µs … 709 µs"
  const cis = await page.getByTestId('sweep-ci').allTextContents();
  expect(cis).toHaveLength(10);
  for (const c of cis) expect(c).toMatch(/^(not meaningful \(R = 2\)|equal on all 2 seeds)$/);
});

test('the latency chart says what it measures: submit to completion, with the wait for a stripe_head', async ({
  page,
}) => {
  await page.goto('/?preset=raid5-stripe-cache-starved');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const title = page.getByTestId('chart-1-measures');
  await expect(title).toHaveText('latency µs, submit → done');
  await expect(title).toHaveAttribute('title', /including any sleep in raid5_get_active_stripe for a free stripe_head/);
  await expect(title).toHaveAttribute('title', /Little's law/);
  // the title line is not cut at 1366: the measure is readable
  expect(await title.evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true);
  await page.getByTestId('page-sweep').click();
  await expect(page.getByText('p50, p99 of each bio from submit to completion')).toHaveCount(0); // no sweep yet
});

test("Sweep says what saturates at each point by the Lab's rules, and the Lab agrees", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByTestId('page-sweep').click();
  await page.getByTestId('sweep-values1').fill('0..4');
  await page.getByTestId('sweep-replications').fill('3');
  await page.getByTestId('sweep-duration').fill('2ms');
  await page.getByTestId('sweep-warmup').fill('500us');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('sweep-usl')).toContainText("the curve's shape, not a diagnosis");
  const said = page.getByTestId('usl-saturation');
  await expect(said).toContainText('group_thread_cnt=0: md0_raid5 alone');
  await expect(said).toContainText('the disks');
  const limits = await page.getByTestId('sweep-limit').evaluateAll((tds) => tds.map((td) => td.dataset.limit));
  expect(limits).toHaveLength(5);
  expect(limits[0]).toBe('raid5d');
  expect(limits[4]).toBe('members');

  // the Lab at group_thread_cnt 4 names the same resource
  await page.getByTestId('page-lab').click();
  const knob = page.getByTestId('param-group_thread_cnt');
  await knob.fill('4');
  await knob.press('Enter');
  await expect(page.getByTestId('bottleneck')).toHaveAttribute('data-limit', 'members', { timeout: 20_000 });
});

test('the permalink keeps the lock_stat histograms tab', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByTestId('show-hists').click();
  await expect(page.getByTestId('hist-hold')).toBeVisible();
  const link = async () =>
    LZString.decompressFromEncodedURIComponent((await page.evaluate(() => location.hash)).replace(/^#s=/, '')) ?? '';
  await expect.poll(link, { timeout: 5_000 }).toContain('"lockstat":"hists"');
  await page.reload();
  await expect(page.getByTestId('hist-hold')).toBeVisible();
  await expect(page.getByTestId('show-hists')).toHaveAttribute('aria-selected', 'true');
  await page.goto('/?lockstat=hists');
  await expect(page.getByTestId('hist-hold')).toBeVisible();
});

test('Stories name the mailing-list post, not a "seed"', async ({ page }) => {
  await page.goto('/?page=stories');
  await expect(page.getByTestId('story-open-000')).toContainText('Post 000');
  await expect(page.locator('.story-seed').first()).not.toContainText(/seed/i);
});

test('lock histograms: no overlapping buckets, and more than 4 lines at 1920x1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?lockstat=hists');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(2e5);
  const pre = page.getByTestId('hist-hold').locator('pre');
  await expect(pre).toContainText('->');
  const ranges = (await pre.innerText())
    .split('\n')
    .slice(1)
    .map((l) => l.split(':')[0].trim().split(' -> ').map(Number));
  for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBeGreaterThan(ranges[i - 1][1]);
  const lineHeight = await pre.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  const box = await page.locator('.lockstat .scroll').boundingBox();
  expect(box!.height / lineHeight).toBeGreaterThan(8);
});

test('Sweep checks its fields as the user types, before Run', async ({ page }) => {
  await page.goto('/?page=sweep');
  await page.getByTestId('sweep-values1').fill('4..1');
  await expect(page.getByTestId('sweep-values1-error')).toHaveText(/^group_thread_cnt=4\.\.1: accepted a list/);
  await expect(page.getByTestId('sweep-values1')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('sweep-values1').fill('0..4');
  await expect(page.getByTestId('sweep-values1-error')).toHaveCount(0);
  await page.getByTestId('sweep-replications').fill('0');
  await expect(page.getByTestId('sweep-replications-error')).toHaveText('replications=0: accepted an integer 1..100');
  await page.getByTestId('sweep-duration').fill('soon');
  await expect(page.getByTestId('sweep-duration-error')).toContainText('duration=soon');
  await expect(page.getByTestId('sweep-progress')).toHaveCount(0); // nothing ran
});

test('a bytes/s field says its value in GB/s beside the digits', async ({ page }) => {
  await page.goto('/?preset=raid5-3disk-threads&device.bandwidth=2000000000');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('param-device.bandwidth-readable')).toHaveText('2 GB/s');
  await expect(page.getByTestId('param-device.bandwidth-readable')).toHaveAttribute('title', '2,000,000,000 bytes/s');
  // and it may be typed that way, as the CLI accepts it
  const field = page.getByTestId('param-device.bandwidth');
  await field.fill('3.5 GB/s');
  await field.press('Enter');
  await expect(page.getByTestId('param-device.bandwidth-error')).toHaveCount(0);
  await expect(page.getByTestId('param-device.bandwidth-readable')).toHaveText('3.5 GB/s');
});
