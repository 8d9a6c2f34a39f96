// End-to-end tests in Debian's Chromium (/usr/bin/chromium) against the built app served by
// `vite preview`. No browser download: the system Chromium is launched as e2e/chromium.ts says.
import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './e2e/chromium';

/** E2E_PORT lets two runs share a machine (several people work in one tree); each builds into its own folder. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT = `dist-e2e-${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/${PORT}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One page at a time: the tests watch simulated time against the wall clock on a small machine.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./e2e/countReporter.ts']],
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${OUT} && npx vite preview --outDir ${OUT} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1366, height: 768 },
    launchOptions: CHROMIUM,
  },
});
