// Playwright reporter printing the plain closing line CI reads (`N passed, N failed`) and writing
// the counts to e2e/.counts.json for .ci/test-all.sh.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class CountReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  onTestEnd(_test: TestCase, result: TestResult): void {
    if (result.status === 'passed') this.passed++;
    else if (result.status !== 'skipped') this.failed++;
  }
  onEnd(): void {
    writeFileSync('e2e/.counts.json', JSON.stringify({ passed: this.passed, failed: this.failed }));
    process.stdout.write(`${this.passed} passed, ${this.failed} failed\n`);
  }
}
