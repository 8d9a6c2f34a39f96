// Guided lessons in Debian's Chromium: opened and driven by the keyboard (L, a number, n, 1-4, Enter),
// the step's view outlined, the preset running and the reveal answered by the run; a reload resumes the
// lesson where it was; unreadable saved progress is reported and left in storage.
import { expect, test, type Page } from '@playwright/test';

const KEY = 'stripe-lab.lessons.progress.v1';
const simNs = async (page: Page) => Number(await page.getByTestId('simtime').getAttribute('data-ns'));
const num = async (page: Page, id: string) => Number((await page.getByTestId(id).getAttribute('data-value')) || NaN);

function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('a lesson by keyboard: open, step, predict, reveal, the run answers; a reload resumes it', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchErrors(page);
  await page.goto('/');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);

  await page.keyboard.press('l');
  await expect(page.getByTestId('lesson-drawer')).toBeVisible();
  await page.keyboard.press('1');
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-lesson', 'one-thread');
  await expect(step).toHaveAttribute('data-step', '0');
  // the step's view is outlined, and the lesson's preset runs from its baseline side
  await expect(page.locator('[data-lesson-target="handlers"]')).toHaveCSS('outline-style', 'solid', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('scenario')).toHaveValue('preset:raid5-3disk-threads');
  const t0 = await simNs(page);
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(t0);
  await expect.poll(() => num(page, 'lesson-before'), { timeout: 30_000 }).toBeGreaterThan(0.9); // md0_raid5 busy

  await page.keyboard.press('n');
  await expect(step).toHaveAttribute('data-step', '1');
  await expect(page.locator('[data-lesson-target="members"]')).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('n');
  await expect(step).toHaveAttribute('data-step', '2');
  await expect(page.locator('[data-lesson-target="series"]')).toHaveCSS('outline-style', 'solid');
  await expect(page.locator('[data-lesson-target="members"]')).not.toHaveCSS('outline-style', 'solid');

  // Enter before a prediction only asks for one
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-hint')).toContainText('Predict first');
  await expect(step).toHaveAttribute('data-revealed', 'false');
  await expect.poll(() => num(page, 'lesson-before'), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.keyboard.press('3');
  await expect(page.getByTestId('lesson-choice-3')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(step).toHaveAttribute('data-revealed', 'true');
  await expect(page.getByTestId('lesson-explain')).toContainText('Right.');
  await expect(page.getByTestId('notice')).toContainText('group_thread_cnt = 2');
  // the run answers: IOPS after the change well above IOPS before it (the lesson test checks > 1.8x headless)
  await expect
    .poll(async () => (await num(page, 'lesson-after')) / (await num(page, 'lesson-before')), { timeout: 60_000 })
    .toBeGreaterThan(1.5);

  // resumable: progress is in localStorage; after a reload the Lessons key reopens the same step and answer
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY)).toContain('"one-thread"');
  await page.reload();
  await expect(page.getByTestId('lessons-button')).toContainText('resume');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.keyboard.press('l');
  await expect(step).toHaveAttribute('data-lesson', 'one-thread');
  await expect(step).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('lesson-choice-3')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('scenario')).toHaveValue('preset:raid5-3disk-threads');
  await expect(page.locator('[data-lesson-target="series"]')).toHaveCSS('outline-style', 'solid', { timeout: 20_000 });

  // r runs the step again from time 0
  const before = await simNs(page);
  await page.keyboard.press('r');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeLessThan(before);

  // inside the drawer the arrows step through the lesson (not the lab's single event); Esc closes
  await page.getByTestId('lesson-drawer').focus();
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-step', '3');
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true'); // still playing: no single step was taken
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lesson-drawer')).toHaveCount(0);
  await expect(page.locator('[data-lesson-target="series"]')).not.toHaveCSS('outline-style', 'solid');
  expect(problems).toEqual([]);
});

test('unreadable saved progress is reported, ignored and left in storage', async ({ page }) => {
  const problems = watchErrors(page);
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '{"current":"one-thread","lessons":{"one-thread":{"step":99');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await page.goto('/');
  await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.keyboard.press('l');
  await expect(page.getByTestId('lesson-storage-error')).toContainText(KEY);
  await expect(page.getByTestId('lesson-pick-stripe-cache')).toBeVisible(); // the list, not a crash
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(
    '{"current":"one-thread","lessons":{"one-thread":{"step":99',
  );
  // starting a lesson saves new progress; the unreadable text is kept beside it
  await page.keyboard.press('3');
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-lesson', 'stripe-cache');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(`${k}.unreadable`), KEY)).toContain('"step":99');
  expect(problems).toEqual([]);
});
