// Keyboard in Debian's Chromium (issue 15): skip links come first, so lock_stat and the timeline are two
// or three Tab stops away instead of about 60, and the focus ring stands out at 3:1 or more.
import { expect, test, type Page } from '@playwright/test';

/** WCAG relative luminance contrast of two rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    let bg = 'rgb(255, 255, 255)';
    for (let e: HTMLElement | null = el.parentElement; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    const s = getComputedStyle(el);
    return { id: el.id, text: el.textContent?.trim().slice(0, 40), outline: s.outlineColor, style: s.outlineStyle, bg };
  });

test('skip links come first and jump to lock_stat and the timeline', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('lock-device_lock')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Tab');
  const first = page.getByRole('link', { name: 'Skip to the machine view' });
  await expect(first).toBeFocused();
  expect((await first.boundingBox())!.y).toBeGreaterThanOrEqual(0); // shown when focused
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to lock_stat' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#lockstat')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#lockstat') !== null)).toBe(true);

  await page.keyboard.press('Shift+Tab');
  await page.getByRole('link', { name: 'Skip to the thread timeline' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#timeline')).toBeFocused();
});

test('the focus ring is at least 3:1 against the panel and the header', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('param-stripe_cache_size')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('param-stripe_cache_size').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab'); // by keyboard, so :focus-visible applies
  const onPanel = await focused(page);
  expect(onPanel.style).toBe('solid');
  expect(contrast(onPanel.outline, onPanel.bg)).toBeGreaterThanOrEqual(3);

  await page.getByTestId('page-sweep').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const inHeader = await focused(page);
  expect(inHeader.style).toBe('solid');
  expect(contrast(inHeader.outline, inHeader.bg)).toBeGreaterThanOrEqual(3);
});
