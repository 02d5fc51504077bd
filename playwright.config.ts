import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (about a second each);
// on two cores, one worker is the fastest and the least flaky.
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
});
