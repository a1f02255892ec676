/**
 * The background worker: owns the keys, every API call, the realtime sockets and the fan-out.
 * Everything is registered synchronously at start so that the event that woke the worker
 * (a message, an alarm) is not missed.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { KeySummary } from '../accounts/types';
import { applyRetention, clearHistory, forgetSnippets, getHistoryLine } from '../db/history';
import { historyRetention } from '../db/items';
import { createReactionEngine } from '../engine/engine';
import { noticeFor } from '../engine/notices';
import type { Backend } from '../engine/types';
import { undoRequest } from '../history/undo';
import { loadHistorySnippets, watchHistorySnippets } from '../history-snippets';
import { KINDS } from '../kinds/registry';
import { handle } from '../messaging/serve';
import { createConnectSafelyBackend } from '../services/connectsafely/backend';
import { createLinkedInBackend } from '../services/linkedin/backend';
import { linkedinEndpoints } from '../settings';
import {
  connectSafelyFor,
  connectSafelyForKeyId,
  forgetThrottle,
  linkedInFor,
  linkedInForTokenId,
} from './clients';
import { listenToShortcuts } from './commands';
import { indexedDbEngineStorage } from './engine-storage';
import { toEverywhere, toExtensionPages, toLinkedInTabs, trackLinkedInFrames } from './fanout';
import { createLinkedInConnector } from './linkedin-connect';
import * as linkedInVault from './linkedin-vault';
import { createPacer } from './pacing';
import { loadConnectionSettings, saveConnectionSettings } from './settings-store';
import { createRealtimeManager } from './sockets';
import * as keys from './vault';

const OUTBOX_ALARM = 'outbox-retry';
const REALTIME_ALARM = 'realtime-watchdog';

export function startBackground(): void {
  trackLinkedInFrames();
  listenToShortcuts();
  const startedAt = Date.now();
  const version = browser.runtime.getManifest().version;

  const connectSafely = createConnectSafelyBackend({
    defaultAccount: keys.getDefaultAccount,
    hasKeys: async () => (await keys.listKeys()).length > 0,
    clientFor: connectSafelyForKeyId,
    keyRefused: (keyId, message) => {
      void keys.markKeyRefused(keyId, message).then(accountsChanged);
    },
  });

  // Posts and comments: the stored LinkedIn token (its id is the credential) acting as the
  // chosen actor, the member by default. A refused token is marked, as a refused key is, so
  // the popup says to reconnect.
  const linkedIn = createLinkedInBackend({
    identity: linkedInVault.linkedInIdentity,
    clientFor: linkedInForTokenId,
    tokenRefused: (tokenId) => {
      void linkedInVault.markRefused(tokenId, linkedInVault.tokenRefusedWords()).then((changed) => {
        if (changed) accountsChanged();
      });
    },
  });

  // The engine asks to be woken: a timer while the worker lives, an alarm if it is stopped
  // (Chrome rounds alarms up to 30 s, the timer covers shorter waits).
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  const engine = createReactionEngine({
    storage: indexedDbEngineStorage,
    backends: { connectsafely: connectSafely, linkedin: linkedIn },
    publishViews: (views) => void toEverywhere('viewsChanged', { views, ready: {} }),
    publishNotice: (notice, origin) => void toLinkedInTabs('notice', notice, origin?.tabId),
    historyChanged: () => void toExtensionPages('historyChanged', undefined),
    wakeAt: (when) => {
      clearTimeout(wakeTimer);
      wakeTimer = setTimeout(() => void engine.wake(), Math.max(0, when - Date.now()));
      void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(when, Date.now() + 1000) });
    },
  });

  const realtime = createRealtimeManager({
    engine,
    statesChanged: (realtimeStates) =>
      void toExtensionPages('accountsChanged', { realtime: realtimeStates }),
    keyRefused: (keyId) => {
      void keys
        .markKeyRefused(keyId, i18n.t('connectSafelyKey.realtimeRefused'))
        .then(accountsChanged);
    },
  });

  function accountsChanged(): void {
    void toExtensionPages('accountsChanged', {});
    void realtime.sync().catch(logFailure);
    // The reacting account may have changed: every bar asks again for its state.
    void engine
      .views([])
      .then(({ ready }) => toLinkedInTabs('viewsChanged', { views: [], ready, reset: true }));
  }

  const linkedInConnector = createLinkedInConnector({
    clientFor: linkedInFor,
    oauthUrl: async () => linkedinEndpoints(await loadConnectionSettings()).oauthUrl,
    identity: browser.identity,
    changed: accountsChanged,
    popupChanged: () => void toExtensionPages('accountsChanged', {}),
    tokenGone: async (tokenId) => {
      forgetThrottle(tokenId);
      await engine.dropCredential(tokenId);
    },
  });

  async function summary(key: Awaited<ReturnType<typeof keys.getKey>>): Promise<KeySummary> {
    if (!key) throw new keys.KeyError(i18n.t('connectSafelyKey.gone'));
    return keys.summarize(key, realtime.stateOf(key.id));
  }

  handle('ping', () => ({ pong: true, version, startedAt }));
  handle('getStatus', async () => ({ connection: await loadConnectionSettings(), startedAt }));
  handle('saveConnection', async (settings) => {
    const saved = await saveConnectionSettings(settings);
    // Sockets follow the new URL at once; HTTP calls read the settings on every request.
    void realtime.sync().catch(logFailure);
    return saved;
  });

  /** The member's history snippet option, followed as it changes (read once per worker). */
  let keepSnippets = loadHistorySnippets().catch(() => false);

  // Human pace per tab: a script clicking the page's buttons in a loop is stopped here.
  const pacer = createPacer();
  handle('react', async (request, context) => {
    if (context.tabId !== undefined && !pacer.allow(context.tabId)) {
      const notice = noticeFor(undefined, request.target.urn, 'too-fast', { rolledBack: true });
      return { accepted: false, notice };
    }
    const origin =
      context.tabId === undefined ? undefined : { tabId: context.tabId, frameId: context.frameId };
    // A snippet is kept only while the member's option is on, whatever a page sends.
    const { snippet, ...click } = request;
    const keep = snippet !== undefined && (await keepSnippets);
    return engine.react(keep ? { ...click, snippet } : click, origin);
  });
  handle('getViews', async ({ urns, pageStates }) => ({
    ...(await engine.views(urns, pageStates)),
    hostLabels: {
      message: i18n.t('bar.hostMessage'),
      post: i18n.t('bar.hostPost'),
      comment: i18n.t('bar.hostComment'),
    },
  }));
  handle('getLinkedInRow', () => linkedInConnector.rowInfo());
  handle('pageReactionChanged', ({ target, state }) => engine.observePage(target, state));
  handle('openAccounts', async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html#accounts') });
  });

  handle('getAccounts', async () => ({
    keys: (await keys.listKeys()).map((key) => keys.summarize(key, realtime.stateOf(key.id))),
    defaultAccount: await keys.getDefaultAccount(),
  }));
  handle('addKey', async ({ apiKey, label }) => {
    const clientFor = (candidate: string) => connectSafelyFor(candidate);
    const connectSafely = await clientFor(apiKey);
    const key = await keys.addKey(apiKey, label, () => connectSafely);
    accountsChanged();
    return summary(key);
  });
  handle('renameKey', async ({ keyId, label }) => {
    const key = await keys.renameKey(keyId, label);
    accountsChanged();
    return summary(key);
  });
  handle('recheckKey', async ({ keyId }) => {
    const client = await connectSafelyForKeyId(keyId);
    if (!client) throw new keys.KeyError(i18n.t('connectSafelyKey.gone'));
    const key = await keys.recheckKey(keyId, client);
    accountsChanged();
    return summary(key);
  });
  handle('removeKey', async ({ keyId }) => {
    await keys.removeKey(keyId);
    await engine.dropCredential(keyId);
    await realtime.forget(keyId);
    accountsChanged();
  });
  handle('setDefaultAccount', async (choice) => {
    await keys.setDefaultAccount(choice);
    accountsChanged();
  });

  handle('getLinkedIn', () => linkedInConnector.overview());
  handle('getLinkedInActors', () => linkedInConnector.actors());
  handle('connectLinkedInToken', (request) => linkedInConnector.connectToken(request));
  handle('signInWithLinkedIn', (request) => linkedInConnector.signIn(request));
  handle('setLinkedInActor', ({ actor }) => linkedInConnector.chooseActor(actor));
  handle('disconnectLinkedIn', () => linkedInConnector.disconnect());
  handle('forgetLinkedInApp', () => linkedInConnector.forgetApp());

  // The history: undo goes through the engine exactly as a click from a LinkedIn tab does
  // (stored, sent, shown in every tab), as whoever the line reacted as.
  const backends: Record<string, Backend> = { connectsafely: connectSafely, linkedin: linkedIn };
  handle('undoReaction', async ({ id }) => {
    const line = await getHistoryLine(id);
    if (!line) return { accepted: false, message: i18n.t('undoRefused.lineGone') };
    const identity = await backends[KINDS[line.kind].service]?.identity();
    if (!identity || !('actor' in identity)) {
      return { accepted: false, message: i18n.t('undoRefused.connectFirst') };
    }
    if (identity.actor !== line.actor) {
      return { accepted: false, message: i18n.t('undoRefused.otherActor') };
    }
    const { views } = await engine.views([line.urn]);
    const request = undoRequest(line, views[0] ?? { active: [] });
    if (!request) return { accepted: false, message: i18n.t('undoRefused.cannotUndo') };
    const keep = line.snippet !== undefined && (await keepSnippets);
    const outcome = await engine.react(keep ? { ...request, snippet: line.snippet } : request);
    return outcome.accepted
      ? { accepted: true, request, view: outcome.view }
      : { accepted: false, message: outcome.notice.message };
  });
  // Switched off: the snippets kept so far go too.
  watchHistorySnippets((on) => {
    keepSnippets = Promise.resolve(on);
    if (on) return;
    void forgetSnippets()
      .then((count) => {
        if (count > 0) void toExtensionPages('historyChanged', undefined);
      })
      .catch(logFailure);
  });
  handle('clearHistory', async () => {
    await clearHistory();
    void toExtensionPages('historyChanged', undefined);
  });
  handle('setHistoryRetention', async (retention) => {
    await historyRetention.set(retention);
    await applyRetention(retention, Date.now());
    void toExtensionPages('historyChanged', undefined);
    return retention;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void engine.wake();
    if (alarm.name === REALTIME_ALARM) void realtime.sync().catch(logFailure);
  });
  // Reopens the sockets if the browser stopped the worker while nothing was happening.
  void browser.alarms.create(REALTIME_ALARM, { periodInMinutes: 0.5 });

  void engine.wake();
  // Frames showing a pending click from the last worker ask for its outcome again.
  void toLinkedInTabs('backgroundStarted', undefined);
  void realtime.sync().catch(logFailure);
}

function logFailure(error: unknown): void {
  // Messages only: errors here never carry a key, but a URL or a body could.
  console.warn('[reactbar]', error instanceof Error ? error.message : 'unexpected failure');
}
