// The Calibrate page end to end in Debian's Chromium (issue 17): two fio results written by the model's own
// --fio-json export on a hidden machine are dropped in, fitted on the browser's batch workers with progress,
// the fitted machine and the residual pictures appear, and "use this machine" saves it among the saved
// scenarios and runs the Lab on it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-e2e-calibrate-'));
const HIDDEN = ['--set', 'cpu_speed=0.7', '--set', 'device.bandwidth=1.3e9'];
const ARRAY = ['--model', 'raid5', '--set', 'level=5', '--set', 'disks=4', '--set', 'device=nvme'];

function fioFile(name: string, workload: string[]): string {
  const out = join(dir, name);
  const r = spawnSync(
    'node_modules/.bin/tsx',
    ['src/cli/sim.ts', ...ARRAY, ...HIDDEN, '--duration', '10ms', '--warmup', '3ms', ...workload, '--fio-json', out],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

test('two fio results fitted on the Calibrate page; the machine is saved and the Lab runs on it', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const a = fioFile('raid5d-4k.json', ['--set', 'rw=randwrite', '--set', 'group_thread_cnt=0']);
  const b = fioFile('seq-1m.json', ['--set', 'rw=read', '--set', 'bs=1m', '--set', 'iodepth=8', '--set', 'numjobs=1']);

  await page.goto('/?page=calibrate');
  await expect(page.getByTestId('CalibratePage')).toBeVisible();
  await page.getByTestId('cal-files').setInputFiles([a, b]);
  await expect(page.getByTestId('cal-file')).toHaveCount(2);
  await page.getByTestId('cal-with-0').fill('group_thread_cnt=0');
  await page.getByTestId('cal-settings').fill('level=5 disks=4 device=nvme');
  await page.getByTestId('cal-duration').fill('10ms');
  await page.getByTestId('cal-warmup').fill('3ms');

  // Two runs cannot pin four parameters: refused, naming what to add or fix.
  await page.getByTestId('cal-fit').click();
  await expect(page.getByTestId('cal-error')).toContainText('measured=2 runs: accepted at least one --measured run');
  await page.getByTestId('cal-fix').fill('device.latency device.parallelism');

  // A fit can be cancelled while it runs; then started again.
  const progress = page.getByTestId('cal-progress');
  await page.getByTestId('cal-fit').click();
  await page.getByTestId('cal-cancel').click();
  await expect(progress).toHaveAttribute('data-status', 'cancelled');
  await page.getByTestId('cal-fit').click();
  await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  expect(Number(await progress.getAttribute('data-evaluations'))).toBeGreaterThan(3);
  const cpu = page.locator('[data-testid="cal-fit-table"] tr[data-key="cpu_speed"]');
  const fitted = Number(await cpu.getAttribute('data-value'));
  expect(fitted).toBeGreaterThan(0.6);
  expect(fitted).toBeLessThan(0.8);
  await expect(page.getByTestId('cal-plot-throughput').getByTestId('cal-point')).toHaveCount(4);
  await expect(page.getByTestId('cal-residuals').locator('tbody tr')).toHaveCount(8);

  await page.getByTestId('cal-machine-name').fill('my array');
  await page.getByTestId('cal-use').click();
  await expect(page.getByTestId('cal-applied')).toContainText('Machine "my array" saved as "my array"');
  const saved = await page.evaluate(() => localStorage.getItem('stripe-lab.saved-scenarios') ?? '');
  expect(saved).toContain('"name":"my array"');

  // The profile downloads as the JSON file npm run sim -- --profile reads, and opens again here.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cal-download').click()]);
  const file = join(dir, 'my-array.json');
  await download.saveAs(file);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { format: string; machine: Record<string, number> };
  expect(profile.format).toBe('stripe-lab-machine-profile');
  expect(profile.machine.cpu_speed).toBe(fitted);
  await page.getByTestId('cal-profile').setInputFiles(file);
  await expect(page.getByTestId('cal-profile-shown')).toContainText('cpu_speed=');

  await page.getByTestId('page-lab').click();
  // The Lab's run now has the fitted machine: its cpu_speed field shows the fitted value.
  const field = page.getByTestId('param-cpu_speed');
  await expect(field).toBeAttached({ timeout: 20_000 }); // in the collapsed costs group
  await expect
    .poll(async () => Math.abs(Number(await field.inputValue()) - fitted), { timeout: 20_000 })
    .toBeLessThan(0.001);
  expect(problems).toEqual([]);
});
