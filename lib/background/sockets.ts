/**
 * One realtime socket per stored key. Events become remote reactions in the engine; the
 * cursor and recently seen event ids are persisted so a restarted worker resumes without
 * losing or repeating anything.
 */
import type { RealtimeState } from '../accounts/types';
import { realtimeCursor, realtimeSeen } from '../db/items';
import type { ReactionEngine } from '../engine/engine';
import { remoteChangeOf } from '../services/connectsafely/events';
import { createRealtimeClient } from '../services/connectsafely/realtime/client';
import type { RealtimeEvent } from '../services/connectsafely/realtime/wire';
import { loadConnectionSettings } from './settings-store';
import { listKeys } from './vault';

const SEEN_IDS_KEPT = 1000;

type Client = ReturnType<typeof createRealtimeClient>;

export interface RealtimeManagerDeps {
  engine: ReactionEngine;
  statesChanged(states: Record<string, RealtimeState>): void;
  /** The socket refused the key (4401): mark it, so nothing retries it until re-checked. */
  keyRefused(keyId: string): void;
}

export function createRealtimeManager(deps: RealtimeManagerDeps) {
  const clients = new Map<string, { client: Client; apiKey: string; url: string }>();
  const states = new Map<string, RealtimeState>();
  let syncing: Promise<void> = Promise.resolve();

  function setState(keyId: string, state: RealtimeState): void {
    states.set(keyId, state);
    deps.statesChanged(Object.fromEntries(states));
    // The socket is back, so the network likely is too: send what waits for it.
    if (state.state === 'connected') void deps.engine.retryQueued();
    if (state.state === 'unauthorized') deps.keyRefused(keyId);
  }

  async function seenStore(keyId: string) {
    const item = realtimeSeen(keyId);
    const ids = await item.get();
    const seen = new Set(ids);
    return {
      has: async (id: string) => seen.has(id),
      add: async (id: string) => {
        seen.add(id);
        ids.push(id);
        if (ids.length > SEEN_IDS_KEPT) seen.delete(ids.shift() as string);
        await item.set(ids);
      },
    };
  }

  async function onEvent(event: RealtimeEvent): Promise<void> {
    const change = remoteChangeOf(event);
    if (change) await deps.engine.applyRemote(change);
  }

  async function startClient(keyId: string, apiKey: string, url: string): Promise<void> {
    const cursor = realtimeCursor(keyId);
    const client = createRealtimeClient({
      url,
      apiKey,
      cursor: { load: () => cursor.get(), save: (seq) => cursor.set(seq) },
      seen: await seenStore(keyId),
      onEvent,
      onState: (state) => setState(keyId, state),
    });
    clients.set(keyId, { client, apiKey, url });
    client.start();
  }

  async function doSync(): Promise<void> {
    const { socketUrl } = await loadConnectionSettings();
    const keys = await listKeys();
    const wanted = new Map(keys.map((key) => [key.id, key]));
    for (const [keyId, running] of clients) {
      const key = wanted.get(keyId);
      if (
        !key ||
        key.apiKey !== running.apiKey ||
        running.url !== socketUrl ||
        key.status === 'invalid'
      ) {
        void running.client.stop();
        clients.delete(keyId);
        if (!key) states.delete(keyId);
      }
    }
    for (const key of keys) {
      if (key.status === 'invalid') {
        states.set(key.id, { state: 'unauthorized' });
        continue;
      }
      const running = clients.get(key.id);
      if (!running) await startClient(key.id, key.apiKey, socketUrl);
      // A socket waiting out its backoff keeps waiting; only one that is down gets a nudge.
      else if (running.client.state.state === 'offline') running.client.reconnectNow();
    }
    deps.statesChanged(Object.fromEntries(states));
  }

  return {
    /** Opens, reopens or closes sockets to match the stored keys and settings. */
    sync(): Promise<void> {
      syncing = syncing.then(doSync, doSync);
      return syncing;
    },
    /** Forgets a removed key's cursor and seen ids. */
    async forget(keyId: string): Promise<void> {
      await realtimeCursor(keyId).remove();
      await realtimeSeen(keyId).remove();
    },
    stateOf(keyId: string): RealtimeState {
      return states.get(keyId) ?? { state: 'idle' };
    },
  };
}

export type RealtimeManager = ReturnType<typeof createRealtimeManager>;
