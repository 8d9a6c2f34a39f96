// How every browser run here launches Debian's Chromium (the e2e tests through playwright.config.ts, and the
// bench:ui, bench:soak, bench:sweep-ui and bench:browser scripts): one executable and one set of flags, so a
// benchmark sees what the tests see. No download: `npx playwright install` cannot reach its servers here.
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
