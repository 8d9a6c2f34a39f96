// Lint rules: recommended JavaScript + TypeScript + React hooks (with the React Compiler's purity checks).
// Build output, test artefacts and installed packages are ignored. Layout is Prettier's (120 columns, .prettierrc.json):
// `npm run lint` runs `prettier --check .` then `eslint .`, and eslint-config-prettier turns off the rules it owns.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-e2e-*/',
    'dist-soak-*/',
    'dist-node/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    'coverage/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    // One tsconfig serves the page, the worker, the CLI and the tests, so all their globals are known;
    // the rooms test (src/architecture.test.ts) keeps DOM and timers out of the simulation.
    languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } },
    rules: {
      // `_name` marks a parameter kept for a signature (reporters, handlers) but unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    // Thread bodies and completion callbacks are generators by type (the kernel drives them all the
    // same way); one that finishes without yielding is legitimate, not a forgotten `yield`.
    rules: { 'require-yield': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
