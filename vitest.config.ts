import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: the extension's own logic (WXT's plugin gives it the fake browser APIs and
// the same aliases and auto-imports as the build), and the emulator, which is plain Node.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'happy-dom',
          // browser.i18n.getMessage from the English catalogue (the fake browser has none).
          setupFiles: ['tests/unit/support/i18n.ts'],
        },
      },
      {
        // The model-based fault test: the engine and the services' clients, in plain Node.
        // Their notices come from the catalogue (#i18n, WXT's generated module), read through
        // the English catalogue standing in for the browser's (tests/model/i18n.ts).
        resolve: {
          alias: {
            '@': fileURLToPath(new URL('.', import.meta.url)),
            '#i18n': fileURLToPath(new URL('.wxt/i18n/index.ts', import.meta.url)),
          },
        },
        test: {
          name: 'model',
          include: ['tests/model/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/model/i18n.ts'],
        },
      },
      {
        test: {
          name: 'emulator',
          include: ['tests/emulator/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
