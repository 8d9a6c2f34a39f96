// Vitest reporter that ends the run with the one line CI reads, `N passed, N failed` (plus `, N skipped`),
// and writes the same counts to .vitest-counts.json in the project root. It prints nothing else.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, SerializedError, TestModule, TestRunEndReason, Vitest } from 'vitest/node';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts tests by final state. Failures also include what fails outside any test: a file that does not
 * load, a failing beforeAll/afterAll, an unhandled error, tests that never finished (interrupted run). */
export function countRun(
  modules: ReadonlyArray<TestModule>,
  unhandled: ReadonlyArray<unknown>,
  reason: TestRunEndReason,
): Counts {
  const c: Counts = { passed: 0, failed: unhandled.length, skipped: 0 };
  for (const m of modules) {
    if (m.errors().length > 0) c.failed++;
    for (const s of m.children.allSuites()) if (s.errors().length > 0) c.failed++;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed') c.passed++;
      else if (state === 'skipped') c.skipped++;
      else c.failed++; // 'failed', or 'pending' when the run stopped before it finished
    }
  }
  // Vitest knows of a failure the counts above do not show (e.g. no test files matched): count it once.
  if (reason === 'failed' && c.failed === 0) c.failed = 1;
  return c;
}

export const countLine = (c: Counts) =>
  `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;

export default class CountReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandled: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const c = countRun(modules, unhandled, reason);
    writeFileSync(join(this.root, '.vitest-counts.json'), `${JSON.stringify(c)}\n`);
    process.stdout.write(`${countLine(c)}\n`);
  }
}
