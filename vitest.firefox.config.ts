import { defineConfig } from 'vitest/config';

// The Firefox half of the browser tests and the checks of the built bundles and store archives
// (npm run test:firefox, after the builds). One file at a time: each test starts its own
// Firefox, and the machine has 2 cores.
export default defineConfig({
  test: {
    name: 'firefox',
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    retry: process.env.CI ? 1 : 0,
  },
});
