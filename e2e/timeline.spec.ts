// The thread timeline under the heavy load (issue 15): threads grouped by role, each group a button that
// opens it (mouse or keyboard, aria-expanded), collapsed groups drawn as one aggregate row, every opened row
// named in readable type, the panel scrolling inside itself, and no thread "not shown". At 1366x768 and
// 1920x1080, with a screenshot of each.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const HEAVY = '/?preset=raid5-4disk-threads&disks=16&group_thread_cnt=16&numjobs=16';
const simNs = async (page: Page) => Number(await page.getByTestId('simtime').getAttribute('data-ns'));

/** Each row of a group: its text, computed font size, and whether its text is wider than its box. */
function rowsOf(page: Page, group: string) {
  return page.locator(`.timeline .tl-thread[data-group="${group}"]`).evaluateAll((els) =>
    els.map((el) => ({
      text: el.textContent ?? '',
      px: parseFloat(getComputedStyle(el).fontSize),
      height: el.getBoundingClientRect().height,
      overflows: el.scrollWidth > el.clientWidth + 1,
    })),
  );
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`the heavy timeline at ${size.width}x${size.height}: every group, workers opened readable, nothing hidden`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    await page.goto(HEAVY);
    await expect.poll(() => simNs(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const tl = page.locator('.timeline');
    // 16 member interrupts, md0_raid5, 16 workers, 16 fio jobs: large groups open collapsed, md0_raid5's open
    await expect(page.getByTestId('timeline-group-irq')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('timeline-group-md')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('timeline-group-workers')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('timeline-group-fio')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('timeline-group-workers')).toContainText('workers (16)');
    await expect(page.getByTestId('timeline-group-fio')).toContainText('fio submitters (16)');
    await expect(tl.locator('.tl-thread[data-group="md"]')).toHaveText(['md0_raid5']);
    await expect(tl.locator('.tl-thread[data-group="workers"]')).toHaveCount(0);
    await expect(tl).not.toContainText('not shown');

    // open the workers by mouse: one readable, whole name per worker
    await page.getByTestId('timeline-group-workers').click();
    await expect(page.getByTestId('timeline-group-workers')).toHaveAttribute('aria-expanded', 'true');
    const rows = await rowsOf(page, 'workers');
    expect(rows.map((r) => r.text)).toEqual(Array.from({ length: 16 }, (_, i) => `kworker/u:raid5wq-${i}`));
    for (const r of rows) {
      expect(r.px, r.text).toBeGreaterThanOrEqual(11);
      expect(r.height, r.text).toBeGreaterThanOrEqual(16);
      expect(r.overflows, `${r.text} is cut`).toBe(false);
    }
    // the panel scrolls inside itself; the page does not
    const scroll = page.getByTestId('timeline-scroll');
    const box = await scroll.evaluate((el) => ({ sh: el.scrollHeight, ch: el.clientHeight }));
    expect(box.sh).toBeGreaterThan(box.ch);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    // the opened group stays opened across frames
    const t0 = await simNs(page);
    await expect.poll(() => simNs(page)).toBeGreaterThan(t0 + 1000);
    await page.waitForTimeout(400);
    await expect(page.getByTestId('timeline-group-workers')).toHaveAttribute('aria-expanded', 'true');
    await expect(tl.locator('.tl-thread[data-group="workers"]')).toHaveCount(16);
    await page.screenshot({ path: `test-results/timeline-workers-${size.width}x${size.height}.png` });

    // the fio jobs by keyboard, at the bottom of the scrolled panel: drawn there too
    await page.getByTestId('timeline-group-fio').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('timeline-group-fio')).toHaveAttribute('aria-expanded', 'true');
    await expect(tl.locator('.tl-thread[data-group="fio"]')).toHaveCount(16);
    await scroll.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(tl.locator('.tl-thread', { hasText: /^fio\/15$/ })).toBeInViewport();
    const fio = await rowsOf(page, 'fio');
    for (const r of fio) expect(r.overflows, `${r.text} is cut`).toBe(false);
    await expect
      .poll(() =>
        page.getByTestId('timeline').evaluate((c: HTMLCanvasElement) => {
          // the last rows of the canvas (fio/14, fio/15) are painted in state colours
          const d = c
            .getContext('2d')!
            .getImageData(0, Math.floor(c.height * 0.8), c.width, Math.floor(c.height * 0.2)).data;
          let coloured = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.abs(d[i] - d[i + 1]) > 40) coloured++;
          return coloured;
        }),
      )
      .toBeGreaterThan(200);
    await page.screenshot({ path: `test-results/timeline-fio-${size.width}x${size.height}.png` });
    // (Space is the page's play/pause key, even on a button: Enter it is)
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('timeline-group-fio')).toHaveAttribute('aria-expanded', 'false');
    await expect(tl).not.toContainText('not shown');

    // the PNG download holds every opened row (4 group rows, md0_raid5 and 16 workers), not only those in view
    const [dl] = await Promise.all([page.waitForEvent('download'), tl.getByTestId('chart-dl-png').click()]);
    const png = readFileSync((await dl.path())!);
    await dl.saveAs(`test-results/timeline-download-${size.width}x${size.height}.png`);
    expect(png.readUInt32BE(16), 'png width').toBeGreaterThan(600);
    expect(png.readUInt32BE(20), 'png height').toBeGreaterThanOrEqual(21 * 18 + 22);

    // projector mode (as when a lesson step points at the timeline): rows in 16 px type, whole names
    await page.keyboard.press('v');
    await expect(page.locator('body')).toHaveClass(/projector/);
    await page.addStyleTag({ content: 'body.projector .stage > .timeline { display: flex !important; }' });
    await tl.scrollIntoViewIfNeeded();
    const big = await rowsOf(page, 'workers');
    expect(big).toHaveLength(16);
    for (const r of big) {
      expect(r.px, r.text).toBeGreaterThanOrEqual(16);
      expect(r.overflows, `${r.text} is cut`).toBe(false);
    }
    const head = await page
      .getByTestId('timeline-group-workers')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(head).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: `test-results/timeline-projector-${size.width}x${size.height}.png` });
  });
}
