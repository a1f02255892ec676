import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handle } from '@/lib/messaging/serve';
import { loadConnectionSettings } from '@/lib/settings';

export default defineBackground(() => {
  const startedAt = Date.now();
  const version = browser.runtime.getManifest().version;

  // Handlers are registered synchronously so a message that wakes the worker is not missed.
  handle('ping', () => ({ pong: true, version, startedAt }));
  handle('getStatus', async () => ({ connection: await loadConnectionSettings(), startedAt }));
});
