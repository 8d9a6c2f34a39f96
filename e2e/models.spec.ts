// Each model's own live stage in Debian's Chromium: a loop, an ext4, a raid1 (classic bitmap and llbitmap)
// and a raid5 ops=async preset open on their machine view, and a figure that only grows while the run goes
// (backing requests, block-layer submissions, resync position, ops completed by the offload engine) moves.
import { expect, test, type Page } from '@playwright/test';

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** The number a figure shows now (commas dropped; the first number in its text). */
async function figure(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const m = /[\d,.]+/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : NaN;
}

/** Waits (generously: a loaded machine) until the figure has grown past what it showed at first. */
async function expectGrows(page: Page, testId: string) {
  await expect(page.getByTestId(testId)).toBeVisible({ timeout: 30_000 });
  const first = await figure(page, testId);
  await expect
    .poll(() => figure(page, testId), { timeout: 45_000, message: `${testId} should grow from ${first}` })
    .toBeGreaterThan(first);
}

test('loop (blk-mq): the loop machine with kloopd0, its kworkers and the backing device, live', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/?preset=loop-blk-mq-randread');
  await expect(page.getByTestId('stage-loop')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('loop-machine')).toHaveAttribute('data-mode', 'blk-mq');
  await expect(page.getByTestId('queue-kloopd0 worklist')).toBeVisible();
  await expect(page.getByTestId('loop-handlers')).toContainText('kworkers');
  await expect(page.getByTestId('page-cache')).toContainText('double copy');
  await expect(page.getByTestId('lockstat')).toBeVisible();
  await expectGrows(page, 'backing-requests');
  expect(problems).toEqual([]);
});

test('loop (dio-aio): one worker with AIOs in flight and no page-cache copy', async ({ page }) => {
  await page.goto('/?preset=loop-dio-aio-randread');
  await expect(page.getByTestId('loop-machine')).toHaveAttribute('data-mode', 'dio-aio', { timeout: 30_000 });
  await expect(page.getByTestId('page-cache')).toContainText('no copy');
  await expect.poll(() => figure(page, 'aio-in-flight'), { timeout: 45_000 }).toBeGreaterThan(0);
});

test('ext4: writers, dirty pages, writeback by bio, queue_lock and the device, with submissions per MiB', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto('/?preset=ext4-one-writer');
  await expect(page.getByTestId('stage-ext4')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('ext4-machine')).toHaveAttribute('data-submit', 'bio');
  await expect(page.getByTestId('ext4-plug')).toContainText('plug off');
  await expect(page.getByTestId('lockline-queue_lock')).toBeVisible();
  await expectGrows(page, 'ext4-submissions');
  // bios of up to 512K: a handful of submissions per MiB, not 256
  await expect.poll(() => figure(page, 'ext4-subs-per-mib'), { timeout: 30_000 }).toBeLessThan(20);
  expect(problems).toEqual([]);
});

test('raid1 with the classic bitmap: bitmap grid, bitmap_lock, resync moving through the array', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/?preset=bitmap-raid1');
  await expect(page.getByTestId('stage-raid1')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mirror-machine')).toHaveAttribute('data-bitmap', 'bitmap');
  await expect(page.getByTestId('bitmap-grid')).toHaveAttribute('data-cells', /\d+/);
  await expect(page.getByTestId('lockline-bitmap_lock')).toBeVisible();
  await expect(page.getByTestId('member-vdb')).toBeVisible();
  await expectGrows(page, 'resync-pos');
  // iostat's areq-sz over the recent window: a request size in bytes, shown as one in K or M
  await expect
    .poll(async () => Number(await page.getByTestId('member-vdb').getAttribute('data-areq')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('member-vdb').locator('.sz')).toHaveText(/^[\d.]+[KM]$/);
  await expect(page.getByTestId('members-head')).toContainText('areq-sz');
  expect(problems).toEqual([]);
});

test('raid1 with llbitmap: state bytes by name, no bitmap_lock', async ({ page }) => {
  await page.goto('/?preset=bitmap-raid1&bitmap=llbitmap');
  await expect(page.getByTestId('mirror-machine')).toHaveAttribute('data-bitmap', 'llbitmap', { timeout: 30_000 });
  await expect(page.getByTestId('bm-llbitmap-count-dirty')).toBeVisible();
  await expect(page.getByTestId('lockline-bitmap_lock')).toHaveCount(0);
  await expect
    .poll(async () => Number(await page.getByTestId('bm-llbitmap-count-dirty').getAttribute('data-count')), {
      timeout: 45_000,
    })
    .toBeGreaterThan(0);
});

test('raid5 ops=async: the offload strip shows the engine, its lock and stripes passing through their op states', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto('/?preset=raid5-async-slow-parity');
  await expect(page.getByTestId('offload-strip')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('offload-strip')).toHaveAttribute('data-mode', 'threads');
  await expect(page.getByTestId('offload-lock-wq_pool_lock')).toBeVisible();
  await expect(page.getByTestId('op-biofill')).toContainText('n/a'); // this model offloads writes only
  await expect
    .poll(async () => Number(await page.getByTestId('offload-completed').getAttribute('data-value')), {
      timeout: 45_000,
    })
    .toBeGreaterThan(0);
  // a stripe seen in reconstruct or biodrain at some moment
  await expect
    .poll(
      async () =>
        Number(await page.getByTestId('op-reconstruct').getAttribute('data-count')) +
        Number(await page.getByTestId('op-biodrain').getAttribute('data-count')),
      { timeout: 45_000 },
    )
    .toBeGreaterThan(0);
  const done = Number(await page.getByTestId('offload-completed').getAttribute('data-value'));
  await expect
    .poll(async () => Number(await page.getByTestId('offload-completed').getAttribute('data-value')), {
      timeout: 45_000,
    })
    .toBeGreaterThan(done);
  expect(problems).toEqual([]);
});

test('raid5, new array with the classic bitmap: the md strip shows the bitmap grid, bitmap_list, bitmap_lock and a resync that moves', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto('/?preset=bitmap-raid5');
  await expect(page.getByTestId('md-strip')).toHaveAttribute('data-bitmap', 'bitmap', { timeout: 30_000 });
  await expect(page.getByTestId('bitmap-grid')).toHaveAttribute('data-cells', /\d+/);
  await expect(page.getByTestId('md-seq')).toBeVisible();
  await expect(page.getByTestId('lock-bitmap_lock')).toBeVisible();
  await expectGrows(page, 'resync-pos');
  // no bitmap and --assume-clean: no strip
  await page.goto('/?preset=raid5-3disk-threads');
  await expect(page.getByTestId('raid5-locks')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('md-strip')).toHaveCount(0);
  await expect(page.getByTestId('lock-bitmap_lock')).toHaveCount(0);
  expect(problems).toEqual([]);
});
