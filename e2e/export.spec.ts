// Exports in Debian's Chromium: after a live group_thread_cnt change, the Export menu downloads a trace of the
// last 1 ms that passes the trace-event checks and ends at the shown simulated time, the series CSV, lock_stat
// text, fio JSON, chart pictures and the setup commands; no console errors. The menu screenshot is taken here.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { checkTrace } from '../src/export/traceCheck';

const simNs = async (page: Page) => Number(await page.getByTestId('simtime').getAttribute('data-ns'));

async function download(page: Page, click: () => Promise<void>): Promise<{ d: Download; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const path = await d.path();
  return { d, text: readFileSync(path, 'utf8') };
}

test('the Export menu downloads a checked trace, CSV, lock_stat, fio JSON, chart pictures and setup commands', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('/');
  await expect(page.getByTestId('stripe-grid')).toBeVisible();
  await expect.poll(() => simNs(page), { timeout: 60_000 }).toBeGreaterThan(1.5e6);
  // A live change before the window: the replay must apply it where it happened to end where the live run is.
  const knob = page.getByTestId('param-group_thread_cnt');
  await knob.fill('2');
  await knob.press('Enter');
  const t0 = await simNs(page);
  await expect.poll(() => simNs(page), { timeout: 60_000 }).toBeGreaterThan(t0 + 1.5e6);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect
    .poll(async () => {
      const a = await simNs(page);
      await page.waitForTimeout(300);
      return (await simNs(page)) === a;
    })
    .toBe(true);
  const shownNs = await simNs(page);

  await page.getByTestId('export-toggle').click();
  await expect(page.getByTestId('export-pop')).toBeVisible();
  const win = page.getByTestId('export-window');
  await win.fill('0');
  await expect(page.getByRole('alert')).toContainText('trace window=0: accepted 0.001 to 100 simulated ms');
  await expect(page.getByTestId('export-trace')).toBeDisabled();
  await win.fill('1');

  const trace = await download(page, () => page.getByTestId('export-trace').click());
  expect(trace.d.suggestedFilename()).toMatch(/^stripe-lab-raid5-3disk-threads-seed1-[\d.]+ms\.trace\.json$/);
  const file = JSON.parse(trace.text) as {
    traceEvents: { name: string; ph: string; ts?: number }[];
    otherData: { fromNs: number; toNs: number };
  };
  expect(checkTrace(file)).toEqual([]);
  expect(file.otherData.toNs).toBe(shownNs);
  expect(file.otherData.toNs - file.otherData.fromNs).toBe(1e6);
  const names = file.traceEvents
    .filter((e) => e.name === 'thread_name')
    .map((e) => (e as unknown as { args: { name: string } }).args.name);
  expect(names).toEqual(expect.arrayContaining(['md0_raid5']));
  expect(names).toEqual(expect.arrayContaining(['kworker/u:raid5wq-0', 'kworker/u:raid5wq-1'])); // the workers the live change added
  expect(file.traceEvents.some((e) => e.ph === 'X' && e.name.startsWith('holding '))).toBe(true);
  expect(file.traceEvents.some((e) => e.ph === 'C' && e.name === 'stripe_cache_active')).toBe(true);
  await expect(page.getByTestId('export-status')).toContainText('open it in ui.perfetto.dev');

  const csv = await download(page, () => page.getByTestId('export-series-csv').click());
  expect(csv.d.suggestedFilename()).toMatch(/\.series\.csv$/);
  const rows = csv.text.split('\r\n');
  expect(rows[0]).toBe(
    'time_ms,iops,mb_per_s,latency_p50_us,latency_p99_us,stripe_cache_active,handle_list,member_queue_depth',
  );
  expect(rows[1].split(',')).toHaveLength(8);

  const ls = await download(page, () => page.getByTestId('export-lockstat').click());
  const lsLines = ls.text.split('\n');
  expect(lsLines[0]).toBe('lock_stat version 0.4');
  expect(lsLines[2]).toMatch(/class name\s+con-bounces\s+contentions\s+waittime-min .* holdtime-avg$/);
  expect(ls.text).toMatch(/device_lock:/);

  const fio = await download(page, () => page.getByTestId('export-fio').click());
  expect(fio.d.suggestedFilename()).toMatch(/\.fio\.json$/);
  const fj = JSON.parse(fio.text) as {
    jobs: { write: { iops: number; clat_ns: { percentile: Record<string, number> } } }[];
  };
  expect(fj.jobs[0].write.iops).toBeGreaterThan(0);
  expect(fj.jobs[0].write.clat_ns.percentile['99.000000']).toBeGreaterThan(0);

  await page.screenshot({ path: '/tmp/export-menu.png' });

  await page.getByTestId('export-commands').click();
  await expect(page.getByTestId('commands-dialog')).toBeVisible();
  await expect(page.getByTestId('commands-text')).toContainText('mdadm --create /dev/md0');
  await expect(page.getByTestId('commands-text')).toContainText('echo 2 > /sys/block/md0/md/group_thread_cnt');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('commands-dialog')).toBeHidden();

  const svg = await download(page, () => page.getByTestId('chart-dl-svg').first().click());
  expect(svg.d.suggestedFilename()).toMatch(/-throughput\.svg$/);
  expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.text).toContain('<path d="M');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-dl-png').first().click()]);
  expect([...readFileSync(await png.path()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  expect(problems).toEqual([]);
});

test('a model other than raid5: a checked trace, thread state CSV, and the setup commands say why there are none', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('/');
  await expect(page.getByTestId('stripe-grid')).toBeVisible();
  await page.getByTestId('scenario').selectOption('preset:lock-lab-basic');
  await expect.poll(() => simNs(page), { timeout: 60_000 }).toBeGreaterThan(1e6);
  await page.getByTestId('export-toggle').click();
  await expect(page.getByTestId('export-series-csv')).toBeDisabled();
  await expect(page.getByTestId('export-pop')).toContainText('only the raid5 view keeps series');
  await expect(page.getByTestId('export-fio')).toBeDisabled();
  await expect(page.getByTestId('export-pop')).toContainText('fio JSON: lock-lab runs no fio workload.');

  const trace = await download(page, () => page.getByTestId('export-trace').click());
  expect(trace.d.suggestedFilename()).toMatch(/^stripe-lab-lock-lab-basic-seed1-[\d.]+ms\.trace\.json$/);
  const file = JSON.parse(trace.text) as { traceEvents: { ph: string; name: string }[] };
  expect(checkTrace(file)).toEqual([]);
  expect(file.traceEvents.some((e) => e.ph === 'X')).toBe(true);

  const csv = await download(page, () => page.getByTestId('export-threads-csv').click());
  const rows = csv.text.split('\r\n');
  expect(rows[0]).toBe('time_ns,thread,role,state,label');
  expect(rows[1]).toMatch(/^\d+(\.\d+)?,thread-\d+,[^,]*,(running|spinning|runnable|blocked|idle),/);

  await page.getByTestId('export-commands').click(); // the menu stays open after a download
  await expect(page.getByTestId('commands-none')).toContainText(
    'lock-lab is not md RAID: there is no mdadm array to create',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('commands-dialog')).toBeHidden();
  expect(problems).toEqual([]);
});
