// Sharing in Debian's Chromium: a permalink opens the screen it describes; a damaged one names the bad
// field and the app still runs; the address bar follows changes; saved scenarios survive a reload; a bad import is refused.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string'; // CommonJS: named imports do not resolve under Playwright's loader

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

const link = (wire: object) => `/#s=${compressToEncodedURIComponent(JSON.stringify(wire))}`;
const simNs = async (page: Page) => Number(await page.getByTestId('simtime').getAttribute('data-ns'));
/** The link the address bar carries now, decoded. */
const addressWire = (page: Page) => {
  const code = new URL(page.url()).hash.replace(/^#s=/, '');
  return code ? (JSON.parse(decompressFromEncodedURIComponent(code) ?? 'null') as Record<string, unknown>) : null;
};

function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('a permalink opens its preset, seed, speed, page and timeline span', async ({ page }) => {
  const problems = watchErrors(page);
  await page.goto(link({ v: 1, preset: 'lock-lab-basic', seed: 4242, speed: 1e7, page: 'stories', window: 1e6 }));
  await expect(page.getByTestId('page-stories')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('scenario')).toHaveValue('preset:lock-lab-basic');
  await expect(page.getByTestId('seed-shown')).toHaveText('4242');
  await page.getByTestId('page-lab').click();
  await expect(page.getByTestId('speed-10 ms/s')).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('.span-pick select')).toHaveValue('1000000');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('link-problems')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a raid5 permalink follows its stripe_head again, and following another updates the address', async ({ page }) => {
  await page.goto(link({ v: 1, preset: 'raid5-3disk-threads', seed: 3, speed: 1e6, follow: 5 }));
  await expect(page.getByTestId('followed-now')).toHaveAttribute('data-idx', '5', { timeout: 30_000 });
  await page.getByTestId('follow-input').fill('9');
  await page.getByTestId('follow-input').press('Enter');
  await expect(page.getByTestId('followed-now')).toHaveAttribute('data-idx', '9');
  await expect.poll(() => addressWire(page)?.follow, { timeout: 10_000 }).toBe(9);
});

test('the readable ?preset=&disks= form still opens', async ({ page }) => {
  await page.goto('/?preset=raid5-3disk-threads&disks=8&seed=9');
  await expect(page.getByTestId('seed-shown')).toHaveText('9');
  await expect(page.getByTestId('param-disks')).toHaveValue('8');
});

test('a damaged link names the bad field, keeps the rest, and the app runs', async ({ page }) => {
  const problems = watchErrors(page);
  await page.goto(link({ v: 1, preset: 'lock-lab-basic', seed: 77, speed: 'fast', params: { threads: 'lots' } }));
  const notice = page.getByTestId('link-problems');
  await expect(notice).toContainText(
    'link: speed="fast": accepted a positive number of simulated ns per second or "max"',
  );
  await expect(notice).toContainText('link: threads="lots": accepted');
  await expect(page.getByTestId('seed-shown')).toHaveText('77');
  await expect(page.getByTestId('scenario')).toHaveValue('preset:lock-lab-basic');
  const t0 = await simNs(page);
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(t0);
  await notice.getByRole('button', { name: /dismiss/ }).click();
  await expect(notice).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('an undecodable link opens the defaults with a message naming s', async ({ page }) => {
  await page.goto('/#s=this-is-not-a-link');
  await expect(page.getByTestId('link-problems')).toContainText(
    'link: s="this-is-not-a-link": accepted a link made by Copy link',
  );
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
});

test('the address bar follows a change, and Copy link gives that same link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?preset=lock-lab-basic');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const seed = page.getByTestId('seed');
  await seed.fill('31');
  await seed.press('Enter');
  await expect.poll(() => addressWire(page)?.seed, { timeout: 10_000 }).toBe(31);
  expect(addressWire(page)).toMatchObject({ v: 1, preset: 'lock-lab-basic' });
  await page.getByTestId('share-button').click();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-message')).toContainText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId('share-link').inputValue());
  expect(new URL(copied).hash).toBe(new URL(page.url()).hash);
  // Space presses the focused button in the menu; it is not the page's play/pause shortcut there
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByTestId('copy-link').focus();
  await page.keyboard.press(' ');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(copied);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-panel')).toHaveCount(0);
  await expect(page.getByTestId('share-button')).toBeFocused();
});

test('a saved scenario is listed after a reload; a bad import is refused with the field and changes nothing', async ({
  page,
}) => {
  await page.goto('/?preset=lock-lab-basic&seed=5');
  await expect(page.getByTestId('seed-shown')).toHaveText('5');
  await page.getByTestId('share-button').click();
  await page.getByTestId('save-name').fill('lock lab seed five');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('share-message')).toContainText('Saved "lock lab seed five"');
  await page.getByTestId('save-name').fill('lock lab seed five');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('share-message')).toContainText(
    '"lock lab seed five" is taken: saved as "lock lab seed five (2)"',
  );

  await page.reload();
  await page.getByTestId('share-button').click();
  const items = page.getByTestId('saved-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('lock lab seed five');
  await expect(items.first()).toContainText('lock-lab-basic · seed 5');

  // Export writes the CLI's scenario file (npm run sim -- --scenario FILE.json)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    items
      .first()
      .getByRole('button', { name: /^export/ })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe('lock-lab-seed-five.json');
  expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual({
    model: 'lock-lab',
    preset: 'lock-lab-basic',
    seed: 5,
    params: {},
  });

  await page.getByTestId('import-file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"preset":"lock-lab-basic","params":{"threads":0}}'),
  });
  await expect(page.getByTestId('share-message')).toContainText('bad.json: params.threads=0: accepted');
  await expect(page.getByTestId('share-message')).toContainText('nothing was imported');
  await expect(items).toHaveCount(2);

  await items
    .nth(1)
    .getByRole('button', { name: /^delete/ })
    .click();
  await items.nth(1).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(items).toHaveCount(1);
});
