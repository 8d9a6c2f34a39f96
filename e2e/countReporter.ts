// Playwright reporter that ends with the plain line CI reads (`N passed, N failed`) and writes the same
// counts to e2e/.counts.json. It counts each test once by its final outcome; it prints nothing else.
import { writeFileSync } from 'node:fs';
import type { FullConfig, Reporter, Suite, TestError } from '@playwright/test/reporter';

export default class CountReporter implements Reporter {
  private root: Suite | null = null;
  private errors = 0;

  onBegin(_config: FullConfig, suite: Suite): void {
    this.root = suite;
  }

  /** Errors outside any test (web server did not start, a spec failed to load) count as failures. */
  onError(_error: TestError): void {
    this.errors++;
  }

  onEnd(): void {
    let passed = 0;
    let failed = this.errors;
    let skipped = 0;
    for (const t of this.root?.allTests() ?? []) {
      const o = t.outcome();
      if (o === 'expected' || o === 'flaky') passed++;
      else if (o === 'skipped') skipped++;
      else failed++;
    }
    writeFileSync('e2e/.counts.json', JSON.stringify({ passed, failed, skipped }));
    if (skipped) process.stdout.write(`${skipped} skipped\n`);
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
  }
}
