// End-to-end tests in Debian's Chromium against the built app served by `vite preview`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  reporter: [['list'], ['./e2e/countReporter.ts']],
  webServer: { command: 'npx vite build && npx vite preview --port 4173 --strictPort', port: 4173, timeout: 120_000, reuseExistingServer: false },
  use: {
    baseURL: 'http://localhost:4173',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
