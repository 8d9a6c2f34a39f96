// A real fio result beside the model in Debian's Chromium: Debian's fio writes the files in the test (ioengine=null,
// the default preset's workload), the Lab loads one and compares it with its run, a file of another iodepth is
// refused with the CLI's one line while the loaded one stays, and the A/B page pins the measurement as A and runs B.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-e2e-fio-'));

function realFio(name: string, iodepth: string): string {
  const out = join(dir, name);
  const r = spawnSync(
    'fio',
    [
      '--name=job',
      `--filename=${join(dir, 'target')}`,
      '--size=16m',
      '--ioengine=null',
      '--runtime=200ms',
      '--time_based',
      '--rw=randwrite',
      '--bs=4k',
      `--iodepth=${iodepth}`,
      '--numjobs=4',
      '--group_reporting',
      '--output-format=json+',
      `--output=${out}`,
    ],
    { encoding: 'utf8' },
  );
  if (r.error || r.status !== 0) throw new Error(`Debian's fio must be installed: ${String(r.error ?? r.stderr)}`);
  return out;
}

test('a real fio result loads beside the Lab run and as A on the A/B page; a mismatched one is refused', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const good = realFio('lab.json', '32'); // raid5-3disk-threads: randwrite 4k, iodepth 32, numjobs 4
  const bad = realFio('depth8.json', '8');

  await page.goto('/');
  await expect(page.getByTestId('stripe-grid')).toBeVisible();
  await expect
    .poll(async () => Number(await page.getByTestId('simtime').getAttribute('data-ns')), { timeout: 60_000 })
    .toBeGreaterThan(1e6);
  await page.getByTestId('export-toggle').click();
  await page.getByTestId('measured-fio').setInputFiles(good);
  await expect(page.getByTestId('measured-loaded')).toContainText(
    /fio: lab\.json \(fio-3\.\d+, rw=randwrite bs=4096 iodepth=32 numjobs=4\)/,
  );
  await page.getByTestId('measured-compare').click();
  const table = page.getByTestId('measured-table');
  await expect(table.locator('tr[data-figure="IOPS"] td')).toHaveText([
    'IOPS',
    /^\d[\d.]*[kM]?$/,
    /^\d[\d.]*[kM]?$/,
    /^\d+\.\d\d$/,
  ]);
  await expect(table.locator('tr[data-figure="clat p99"] td').nth(2)).toHaveText(/\d/);

  // Another iodepth: the CLI's line, and the file loaded before is still the one shown and compared.
  await page.getByTestId('measured-fio').setInputFiles(bad);
  await expect(page.getByTestId('measured-error')).toHaveText(
    "measured jobs.0.job options.iodepth=8: accepted 32 (the scenario's iodepth)",
  );
  await expect(page.getByTestId('measured-loaded')).toContainText('fio: lab.json');
  await expect(table.locator('tr[data-figure="IOPS"]')).toBeVisible();

  await page.keyboard.press('Escape');
  await page.getByTestId('page-compare').click();
  const ab = page.getByTestId('measured-ab');
  await expect(ab.getByTestId('measured-loaded')).toContainText('fio: lab.json');
  await ab.getByTestId('measured-pin').click();
  await expect(ab.getByTestId('measured-a')).toHaveText('A = measured: lab.json');
  await ab.locator('#measured-r').fill('1');
  await ab.getByTestId('measured-run').click();
  const abTable = ab.getByTestId('measured-table');
  await expect(abTable).toBeVisible({ timeout: 60_000 });
  await expect(abTable.locator('thead th').nth(1)).toHaveText('B');
  await expect(abTable.locator('tr[data-figure="bandwidth"] td').nth(3)).toHaveText(/^\d+\.\d\d$/);
  expect(problems).toEqual([]);
});
