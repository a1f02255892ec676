import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  outDir: '.output',
  vite: () => ({
    plugins: [tailwindcss()],
  }),
  manifest: ({ browser }) => ({
    name: 'Reactbar',
    description: 'One-click reactions on LinkedIn posts, comments and messages.',
    // storage: settings and the outbox; alarms: reopen the realtime socket after the
    // worker was stopped. No "tabs": fan-out only needs tab ids, which tabs.query gives.
    permissions: ['storage', 'alarms'],
    // The real services. The local emulator answers with CORS headers, so it needs none.
    host_permissions: ['https://api.connectsafely.ai/*', 'https://api.linkedin.com/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'reactbar@reactbar.dev', strict_min_version: '115.0' },
      },
    }),
  }),
});
