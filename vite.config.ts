// Vite config for the app (dev and preview) and for Vitest.
// Cross-origin isolation headers are set so SharedArrayBuffer and precise timers are available.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    reporters: ['default', './src/testing/countReporter.ts'],
    testTimeout: 60_000,
  },
});
