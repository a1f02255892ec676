import { defineConfig } from '@playwright/test';

// Each test gets its own Chromium profile and each worker its own emulator; two workers fit
// the 2-core CI machine.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // One retry on CI: a test that passes only on retry is listed as flaky in the report, so it
  // is seen and fixed, while one slow moment on a busy machine does not fail the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
