import { createRequire } from 'node:module';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';
import { zodWithoutEval } from './build/zod-without-eval';
import { manifestCommands, manifestMessage } from './lib/shortcuts';

// See https://wxt.dev/api/config.html
const require = createRequire(import.meta.url);

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  srcDir: '.',
  outDir: '.output',
  vite: () => ({
    plugins: [tailwindcss(), zodWithoutEval()],
  }),
  hooks: {
    // The bars' UI (entrypoints/content-ui.ts) is import()ed by the content script on first use:
    // an ES module, minified (Vite leaves ES libraries' whitespace alone by default).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'content-ui') || !config.build?.lib) return;
      config.build.lib.formats = ['es'];
      const output = config.build.rollupOptions?.output;
      if (output && !Array.isArray(output)) output.minify = true;
    },
    // The emoji picker's data ships inside the extension and is fetched only when first opened.
    'build:publicAssets': (_wxt, assets) => {
      assets.push({
        absoluteSrc: require.resolve('emojibase-data/en/compact.json'),
        relativeDest: 'emoji/en.json',
      });
    },
  },
  manifest: ({ browser }) => ({
    // Every user-facing string comes from the catalogue (locales/*.yml, built into _locales);
    // the browser picks the language from its own, English when it has no catalogue for it.
    default_locale: 'en',
    name: manifestMessage('extName'),
    description: manifestMessage('extDescription'),
    // storage: settings, and (session) the LinkedIn frames fan-out reaches; alarms: reopen the
    // realtime socket after the worker was stopped; identity: "Sign in with LinkedIn" opens
    // LinkedIn's sign-in page in the browser's own auth window (launchWebAuthFlow) and gets the
    // redirect URL the member registers in their app (getRedirectURL); it reads no browser
    // account. No "tabs": fan-out sends to the frames that talked to the background, by tab and
    // frame id, and never reads a tab's URL.
    permissions: ['storage', 'alarms', 'identity'],
    // The APIs the background calls, and nothing else: LinkedIn pages are reached through the
    // content script (its match pattern), not through a host permission. www.linkedin.com is
    // reached under /oauth/ alone: the token endpoint (/oauth/v2/accessToken), where the
    // background exchanges a sign-in code; it sends no CORS headers, so the call needs the
    // host permission. The local emulator answers with CORS headers, so it needs none.
    host_permissions: [
      'https://api.connectsafely.ai/*',
      'https://api.linkedin.com/*',
      'https://www.linkedin.com/oauth/*',
    ],
    // Keyboard shortcuts, changeable in the browser's shortcut settings (lib/shortcuts.ts).
    commands: manifestCommands(),
    web_accessible_resources: [
      // Per-session URLs, so LinkedIn cannot probe for the extension through these files.
      {
        resources: ['content-ui.js', 'emoji/en.json'],
        matches: ['https://www.linkedin.com/*'],
        use_dynamic_url: true,
      },
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'reactbar@reactbar.dev',
          // data_collection_permissions came with Firefox 140 (the current ESR) and Firefox for
          // Android 142: older versions would install the add-on without asking the member.
          strict_min_version: '140.0',
          // What leaves the browser (PRIVACY.md), all of it to the two services the member
          // connects, for the reactions they ask for; nothing to us, no analytics:
          // authenticationInfo: the ConnectSafely API key (to ConnectSafely), the LinkedIn access
          // token, and the member's LinkedIn app's client secret and sign-in code (to LinkedIn);
          // personallyIdentifyingInfo: the member's LinkedIn id (urn:li:person:…) as the actor of
          // a reaction, and the ConnectSafely account id; personalCommunications: reactions on
          // LinkedIn messages (which message of which conversation, which emoji);
          // websiteActivity: reactions on posts and comments (which post, which reaction).
          data_collection_permissions: {
            required: [
              'authenticationInfo',
              'personallyIdentifyingInfo',
              'personalCommunications',
              'websiteActivity',
            ],
          },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
