// The Sweep page in Debian's Chromium: a 5-point group_thread_cnt sweep of the opening raid5 preset on the
// batch worker pool reaches 5/5 points, draws its charts with the 95% band painted, fits the USL, fills a
// table whose intervals hold their means, survives a trip to the Lab; bad input is refused at its field; warm-up
// "auto" is detected per run by MSER-5 and each point's mean cut listed.
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('/');
  await page.getByTestId('page-sweep').click();
  await expect(page.getByTestId('sweep-values1')).toBeVisible();
  return problems;
}

/** Pixels of the (transparent) canvas painted with the band's fill: Okabe-Ito blue #0072B2 at alpha 0x2e. */
const bandPixels = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4)
        if (
          Math.abs(d[i + 3] - 0x2e) <= 3 &&
          d[i] < 20 &&
          Math.abs(d[i + 1] - 0x72) < 20 &&
          Math.abs(d[i + 2] - 0xb2) < 20
        )
          n++;
      return n;
    });

test('a 5-point thread sweep runs on the pool, charts means with 95% bands and the USL fit, and tabulates intervals', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = await open(page);
  await expect(page.getByTestId('sweep-param1')).toHaveValue('group_thread_cnt');
  await page.getByTestId('sweep-values1').fill('0..4');
  await page.getByTestId('sweep-replications').fill('3');
  await page.getByTestId('sweep-duration').fill('2ms');
  await page.getByTestId('sweep-warmup').fill('500us');
  await expect(page.getByTestId('sweep-warmup-note')).toContainText('warm-up fixed: 500us discarded');
  await expect(page.getByTestId('sweep-size')).toHaveText('5 points × 3 = 15 runs');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-progress')).toHaveAttribute('data-total', '15');
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('sweep-progress')).toHaveText('15/15 runs');
  await expect(page.getByText('5/5 points')).toBeVisible();
  await expect(page.getByTestId('sweep-note')).toContainText('warm-up fixed: 500 µs discarded');

  // The throughput chart holds 5 points, each inside its band, one band, and the fitted curve; the band is painted.
  const chart = page.getByTestId('sweep-chart-throughput');
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(chart).toHaveAttribute('data-points', '5');
  await expect(chart).toHaveAttribute('data-banded-points', '5');
  await expect(chart).toHaveAttribute('data-bands', '1');
  await expect(chart).toHaveAttribute('data-curve', 'true');
  await expect.poll(() => bandPixels(page, 'sweep-chart-locks')).toBeGreaterThan(200);
  for (const id of ['sweep-chart-latency', 'sweep-chart-util', 'sweep-chart-locks'])
    await expect(page.getByTestId(id)).toHaveAttribute('data-points', '5');

  // The table: 5 rows whose throughput intervals hold their means.
  const rows = page.getByTestId('sweep-row');
  await expect(rows).toHaveCount(5);
  const cells = await page.getByTestId('sweep-ops').evaluateAll((tds) =>
    tds.map((td) => ({
      mean: Number(td.getAttribute('data-mean')),
      lo: Number(td.getAttribute('data-lo')),
      hi: Number(td.getAttribute('data-hi')),
    })),
  );
  for (const c of cells) {
    expect(c.mean).toBeGreaterThan(0);
    expect(c.lo).toBeLessThanOrEqual(c.mean);
    expect(c.mean).toBeLessThanOrEqual(c.hi);
  }
  // md0_raid5 alone (group_thread_cnt 0) is CPU-bound at fixed costs: its three seeds can complete exactly the
  // same IOs in 1.5 ms, a band of zero width. With workers the seeds differ.
  expect(cells.filter((c) => c.lo < c.mean && c.mean < c.hi).length).toBeGreaterThanOrEqual(3);
  // Worker threads help this preset: more throughput at 2 workers than with raid5d alone.
  expect(cells[2].mean).toBeGreaterThan(cells[0].mean);

  // The USL fit names its coefficients and the locks whose wait grows with N.
  const usl = page.getByTestId('usl-row');
  await expect(usl).toHaveCount(1);
  expect(Number(await usl.getAttribute('data-gamma'))).toBeGreaterThan(0);
  await expect(page.getByTestId('usl-locks')).toContainText('device_lock');

  // The CSV has a header and one line per point.
  const download = page.waitForEvent('download');
  await page.getByTestId('sweep-csv').click();
  const csv = await (await download).createReadStream().then(async (s) => {
    let text = '';
    for await (const chunk of s) text += String(chunk);
    return text;
  });
  expect(csv.trim().split('\r\n')).toHaveLength(6);
  expect(csv).toMatch(/^index,group_thread_cnt,replications,ops_per_sec_mean,ops_per_sec_ci95_lo,ops_per_sec_ci95_hi/);

  // Results survive a trip to the Lab and back.
  await page.getByTestId('page-lab').click();
  await page.getByTestId('page-sweep').click();
  await expect(page.getByTestId('sweep-row')).toHaveCount(5);
  await expect(page.getByTestId('sweep-values1')).toHaveValue('0..4');
  expect(problems).toEqual([]);
});

test('Cancel stops a long sweep and keeps the points already complete', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await open(page);
  await page.getByTestId('sweep-values1').fill('0..15');
  await page.getByTestId('sweep-replications').fill('3');
  await page.getByTestId('sweep-duration').fill('20ms');
  await page.getByTestId('sweep-warmup').fill('1ms');
  await page.getByTestId('sweep-start').click();
  const done = async () => Number(await page.getByTestId('sweep-progress').getAttribute('data-done'));
  await expect.poll(done, { timeout: 90_000 }).toBeGreaterThan(0);
  await page.getByTestId('sweep-cancel').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('sweep-cancel')).toBeDisabled();
  const stopped = await done();
  expect(stopped).toBeLessThan(48);
  // Only whole points are shown: each row stands for its 3 finished runs.
  expect((await page.getByTestId('sweep-row').count()) * 3).toBeLessThanOrEqual(stopped);
  // The workers are gone: nothing more arrives (an absence, so it takes a wait).
  await page.waitForTimeout(2000);
  expect(await done()).toBe(stopped);
  expect(problems).toEqual([]);
});

test('bad input is refused at its field with the value and what is accepted; nothing runs', async ({ page }) => {
  const problems = await open(page);
  await page.getByTestId('sweep-values1').fill('4..1');
  await page.getByTestId('sweep-replications').fill('0');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-values1-error')).toHaveText(
    /^group_thread_cnt=4\.\.1: accepted a list a,b,c or a range a\.\.b/,
  );
  await expect(page.getByTestId('sweep-replications-error')).toHaveText('replications=0: accepted an integer 1..100');
  await expect(page.getByTestId('sweep-values1')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sweep-progress')).toHaveCount(0);
  // A value the model refuses is named too.
  await page.getByTestId('sweep-values1').fill('0,9000');
  await page.getByTestId('sweep-replications').fill('1');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-values1-error')).toHaveText(
    /^group_thread_cnt=9000: accepted an integer 0\.\.\d+/,
  );
  expect(problems).toEqual([]);
});

test('warm-up auto: detected per run by MSER-5, each point’s mean cut listed under the field', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await open(page);
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
  await expect(page.getByTestId('sweep-warmup-error')).toHaveText(
    'warmup=soon: accepted a time 0..1000s (e.g. 200ms), or auto (detected by MSER-5)',
  );
  expect(problems).toEqual([]);
});
