// The raid5 screen in Debian's Chromium: opens on the 3-disk preset's baseline and runs; raising
// group_thread_cnt live lifts throughput and takes work off md0_raid5; one handle_stripe pass steps;
// a clicked stripe_head is followed in words; members show iostat's areq-sz and rqm/s (above 4K once sequential
// writes merge); no console errors; the README screenshot is taken here.
import { expect, test, type Page } from '@playwright/test';

const num = async (page: Page, id: string, attr: string) => Number(await page.getByTestId(id).getAttribute(attr));
const simNs = (page: Page) => num(page, 'simtime', 'data-ns');
const passes = (page: Page) => num(page, 'passes', 'data-passes');
const running = (page: Page) => num(page, 'handler-md0_raid5', 'data-running');
const iops = (page: Page) => num(page, 'r5-iops', 'data-value');

async function open(page: Page, path = '/'): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(path);
  await expect(page.getByTestId('stripe-grid')).toBeVisible();
  return problems;
}

async function pause(page: Page) {
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
}

/** Runs at 10 ms/s until simulated time passes `ns` from now. */
async function runFor(page: Page, ns: number) {
  const t0 = await simNs(page);
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(t0 + ns);
}

test('opens on the 3-disk preset, running from its baseline, with the machine view and a bottleneck line', async ({
  page,
}) => {
  const problems = await open(page);
  await expect(page.getByTestId('scenario')).toHaveValue('preset:raid5-3disk-threads');
  await expect(page.getByTestId('param-group_thread_cnt')).toHaveValue('0');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('stripe-grid')).toHaveAttribute('data-cells', '256');
  await expect(page.getByTestId('stripe-grid')).toHaveAttribute('data-kind', 'svg');
  await expect(page.getByTestId('submitters').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('member-nvme2n1')).toBeVisible();
  await expect(page.getByTestId('lock-device_lock')).toBeVisible();
  // 4K random writes do not merge: each member's recent areq-sz is one page.
  await expect(page.getByTestId('member-nvme0n1').locator('.sz')).toHaveText('4K');
  await expect(page.getByTestId('bottleneck')).toContainText(
    /md0_raid5 is \d+% busy and the members \d+%: the single stripe-handling thread is the limit; try group_thread_cnt/,
  );
  await page.getByTestId('show-hists').click();
  await expect(page.getByTestId('hist-hold')).toContainText('nsecs');
  expect(problems).toEqual([]);
});

test('raising group_thread_cnt 0 -> 2 while it runs: throughput rises and md0_raid5 does less of the work', async ({
  page,
}) => {
  const problems = await open(page);
  await page.getByTestId('speed-10 ms/s').click();
  await runFor(page, 30e6);
  const before = { iops: await iops(page), running: await running(page) };
  expect(before.running).toBeGreaterThan(0.9);
  const knob = page.getByTestId('param-group_thread_cnt');
  await knob.fill('2');
  await knob.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('applied live');
  await expect(page.getByTestId('handler-kworker/u:raid5wq-1')).toBeVisible();
  await runFor(page, 30e6);
  const after = { iops: await iops(page), running: await running(page) };
  expect(after.iops).toBeGreaterThan(before.iops * 1.5);
  expect(after.running).toBeLessThan(before.running - 0.05);
  await expect(page.getByTestId('bottleneck')).not.toContainText('single stripe-handling thread');
  expect(problems).toEqual([]);
});

test('sequential 1M writes merge at the members: areq-sz above 4K and merges per second', async ({ page }) => {
  const problems = await open(page, '/?preset=raid5-3disk-threads&rw=write&bs=1m');
  await expect(page.getByTestId('param-bs')).toHaveValue('1M');
  const sda = page.getByTestId('member-nvme0n1');
  await expect.poll(async () => Number(await sda.getAttribute('data-areq')), { timeout: 20_000 }).toBeGreaterThan(4096);
  expect(Number(await sda.getAttribute('data-rqm'))).toBeGreaterThan(0);
  await expect(sda.locator('.sz')).toHaveText(/^\d+(\.\d)?[KM]$/);
  await expect(sda.locator('.sz')).not.toHaveText('4K');
  await expect(page.getByTestId('members-head')).toContainText('areq-sz');
  await expect(page.getByTestId('members-head')).toContainText('rqm/s');
  expect(problems).toEqual([]);
});

test('one handle_stripe pass at a time: the pass count moves by exactly one', async ({ page }) => {
  const problems = await open(page);
  await runFor(page, 1e6);
  await pause(page);
  for (let i = 0; i < 3; i++) {
    const p0 = await passes(page);
    await page.getByTestId('step-pass').click();
    await expect.poll(() => passes(page)).toBe(p0 + 1);
    await page.waitForTimeout(150);
    expect(await passes(page)).toBe(p0 + 1);
  }
  expect(await page.getByTestId('passes').textContent()).toMatch(/last on stripe \d+/);
  const t0 = await simNs(page);
  await page.getByTestId('step-us').click();
  await expect.poll(() => simNs(page)).toBe(t0 + 1000);
  await page.getByTestId('step-ms').click();
  await expect.poll(() => simNs(page)).toBe(t0 + 1000 + 1e6);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  expect(problems).toEqual([]);
});

test('clicking a stripe_head follows it and tells its history in words; pause and resume', async ({ page }) => {
  const problems = await open(page);
  await runFor(page, 1e6);
  await pause(page);
  const paused = await simNs(page);
  await page.waitForTimeout(400);
  expect(await simNs(page)).toBe(paused);
  const cell = page.locator('[data-testid="stripe-grid"] rect[data-where="handle_list"]').first();
  const idx = await cell.getAttribute('data-idx');
  await cell.click();
  await expect(page.getByTestId('followed-now')).toHaveAttribute('data-idx', idx as string);
  await expect(page.getByTestId('history')).toContainText('followed from here, on handle_list');
  await page.getByTestId('step-ms').click();
  await expect(page.getByTestId('history')).toContainText(/picked by md0_raid5 at \d+\.\d{3,4} ms/);
  await page.getByTestId('play').click();
  await expect.poll(() => simNs(page)).toBeGreaterThan(paused + 1e6);
  await page.getByTestId('unfollow').click();
  await expect(page.getByTestId('history')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('README screenshot: the 3-disk preset after raising group_thread_cnt, one stripe followed', async ({ page }) => {
  const problems = await open(page);
  await runFor(page, 3e6);
  const knob = page.getByTestId('param-group_thread_cnt');
  await knob.fill('2');
  await knob.press('Enter');
  await page.locator('[data-testid="stripe-grid"] rect[data-where="handle_list"]').first().click();
  await runFor(page, 3e6);
  const scroll = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.scrollHeight,
  ]);
  expect(scroll).toEqual([1366, 768]); // one screen, no scrolling
  await expect(page.getByTestId('bottleneck')).not.toHaveAttribute('data-limit', 'measuring', { timeout: 20_000 });
  await page.screenshot({ path: 'e2e/screenshots/main.png' });
  expect(problems).toEqual([]);
});
