// Projector mode at 1280x720 @1.5 in Debian's Chromium: the key, the toggle and ?view=projector turn it
// on; fewer panels (machine, one chart, the limit line); every shown text at 16 px or more by computed
// style and body text at 20 px; the permalink keeps it; a lesson opened in it is in the same large type.
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';

test.use({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 });

const simNs = async (page: Page) => Number(await page.getByTestId('simtime').getAttribute('data-ns'));

/** The smallest computed font size of any shown element that holds text of its own, and where it is. */
function smallestText(page: Page, within: string) {
  return page.evaluate((sel) => {
    let min = { px: Infinity, what: '' };
    for (const root of document.querySelectorAll(sel))
      for (const el of root.querySelectorAll('*')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        const r = el.getBoundingClientRect();
        if (!own || r.width === 0 || r.height === 0 || el.closest('.sr-only')) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < min.px) min = { px, what: `${el.tagName}.${el.className}: ${el.textContent!.slice(0, 30)}` };
      }
    return min;
  }, within);
}
const fontPx = async (page: Page, testId: string) =>
  parseFloat(await page.getByTestId(testId).evaluate((el) => getComputedStyle(el).fontSize));

test('projector mode: key V, fewer panels, text >= 16 px and body text >= 20 px; the link keeps it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  // the normal screen has small labels and every panel
  expect((await smallestText(page, '.app')).px).toBeLessThan(16);
  await expect(page.locator('.params')).toBeVisible();

  await page.keyboard.press('v');
  await expect(page.locator('body')).toHaveClass(/projector/);
  await expect(page.getByTestId('projector-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.params')).toBeHidden();
  await expect(page.locator('.lockstat')).toBeHidden();
  await expect(page.locator('.timeline')).toBeHidden();
  await expect(page.locator('.machine')).toBeVisible();
  await expect(page.getByTestId('bottleneck')).toBeVisible();
  // one chart, drawn large
  await expect(page.locator('.series .s-chart:visible')).toHaveCount(1);
  await expect.poll(async () => (await page.getByTestId('chart-0').boundingBox())?.height ?? 0).toBeGreaterThan(150);

  const small = await smallestText(page, '.app');
  expect(small.px, small.what).toBeGreaterThanOrEqual(16);
  expect(await fontPx(page, 'bottleneck')).toBeGreaterThanOrEqual(20);
  expect(await fontPx(page, 'notice')).toBeGreaterThanOrEqual(20);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

  // the address carries it: a reload opens projector mode again (the address is written after a short delay,
  // and held an s= before V, so wait for the link itself to say view=projector)
  const linkView = async () => {
    const code = /s=([^&]*)/.exec(await page.evaluate(() => location.hash))?.[1];
    return code
      ? (JSON.parse(LZString.decompressFromEncodedURIComponent(code) ?? '{}') as { view?: string }).view
      : undefined;
  };
  await expect.poll(linkView, { timeout: 5_000 }).toBe('projector');
  await page.reload();
  await expect(page.locator('body')).toHaveClass(/projector/);

  // a lesson in projector mode: its drawer and the view it points at in the same large type
  await page.keyboard.press('l');
  await page.keyboard.press('1');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '2');
  await expect(page.locator('[data-lesson-target="series"]')).toHaveCSS('outline-style', 'solid');
  await expect(page.getByTestId('chart-0')).toBeInViewport();
  const lesson = await smallestText(page, '.lesson-drawer');
  expect(lesson.px, lesson.what).toBeGreaterThanOrEqual(16);
  const body = await page
    .locator('.lesson-drawer p')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(body).toBeGreaterThanOrEqual(20);
  // its screenshot, e2e/screenshots/projector-lesson-1280x720.png, comes from layout.spec.ts with the layout checks

  // the toggle turns it off again
  await page.keyboard.press('Escape');
  await page.getByTestId('projector-toggle').click();
  await expect(page.locator('body')).not.toHaveClass(/projector/);
  await expect(page.locator('.params')).toBeVisible();
});

test('?view=projector opens in projector mode; a bad view is named and the normal screen used', async ({ page }) => {
  await page.goto('/?view=projector');
  await expect(page.locator('body')).toHaveClass(/projector/);
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('chart-0')).toBeVisible();
  // the README shot shows a verdict, not the first second's 'measuring…'
  await expect(page.getByTestId('bottleneck')).not.toHaveAttribute('data-limit', 'measuring', { timeout: 20_000 });
  await page.screenshot({ path: 'e2e/screenshots/projector.png' });
  await page.goto('/?view=big');
  await expect(page.locator('body')).not.toHaveClass(/projector/);
  await expect(page.getByText('view="big": accepted normal | projector; used "normal"')).toBeVisible();
});

test('projector mode keeps whole names in the machine view: md0_raid5, the members and their figures', async ({
  page,
}) => {
  await page.goto('/?view=projector');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('member-nvme0n1')).toBeVisible();
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('.machine .h-name, .machine .members li > *')]
      .filter((e) => e.getBoundingClientRect().width > 0 && e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.className}: ${e.textContent}`),
  );
  expect(cut).toEqual([]);
  await expect(page.getByTestId('handler-md0_raid5').locator('.h-name')).toHaveText('md0_raid5');
  // a member's name no longer runs under its in-service bar
  const name = await page.getByTestId('member-nvme0n1').locator('b').boundingBox();
  const bar = await page.getByTestId('member-nvme0n1').locator('.qbar').boundingBox();
  expect(name && bar && (bar.y >= name.y + name.height - 1 || bar.x >= name.x + name.width)).toBe(true);
});
