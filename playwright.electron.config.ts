// The Electron suite: Playwright's _electron driving the built app (out/). It skips itself when the
// Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD machines). Run after `npm run build`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
});
