import { defineConfig } from '@playwright/test';

// Each test gets its own Chromium profile and each worker its own emulator; two workers fit
// the 2-core CI machine.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
