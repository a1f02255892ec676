/**
 * One realtime socket per stored key. Events become remote reactions in the engine; the
 * cursor and recently seen event ids are persisted so a restarted worker resumes without
 * losing or repeating anything.
 */
import type { RealtimeState } from '../accounts/types';
import { createRealtimeClient } from '../realtime/client';
import type { RealtimeEvent } from '../realtime/wire';
import { openDatabase } from '../store/db';
import { parseMessageUrn } from '../urn';
import type { ReactionEngine } from './engine';
import { listKeys } from './keys';
import { loadConnectionSettings } from './settings-store';

const SEEN_IDS_KEPT = 1000;

type Client = ReturnType<typeof createRealtimeClient>;

export interface RealtimeManagerDeps {
  engine: ReactionEngine;
  statesChanged(states: Record<string, RealtimeState>): void;
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
  }

  async function seenStore(keyId: string) {
    const db = await openDatabase();
    const metaKey = `realtime.seen.${keyId}`;
    const ids = ((await db.get('meta', metaKey)) as string[] | undefined) ?? [];
    const seen = new Set(ids);
    return {
      has: async (id: string) => seen.has(id),
      add: async (id: string) => {
        seen.add(id);
        ids.push(id);
        if (ids.length > SEEN_IDS_KEPT) seen.delete(ids.shift() as string);
        await db.put('meta', ids, metaKey);
      },
    };
  }

  async function onEvent(event: RealtimeEvent): Promise<void> {
    // The socket's URNs must agree with each other, as the page's do.
    if (parseMessageUrn(event.messageUrn)?.conversationUrn !== event.conversationUrn) return;
    await deps.engine.applyRemote({
      accountId: event.accountId,
      target: { kind: 'message', urn: event.messageUrn, conversationUrn: event.conversationUrn },
      value: event.emoji,
      react: event.react,
      at: event.at,
    });
  }

  async function startClient(keyId: string, apiKey: string, url: string): Promise<void> {
    const db = await openDatabase();
    const cursorKey = `realtime.cursor.${keyId}`;
    const client = createRealtimeClient({
      url,
      apiKey,
      cursor: {
        load: async () => ((await db.get('meta', cursorKey)) as number | undefined) ?? null,
        save: async (seq) => {
          await db.put('meta', seq, cursorKey);
        },
      },
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
      if (!clients.has(key.id)) await startClient(key.id, key.apiKey, socketUrl);
      else clients.get(key.id)?.client.reconnectNow();
    }
    deps.statesChanged(Object.fromEntries(states));
  }

  return {
    /** Opens, reopens or closes sockets to match the stored keys and settings. */
    sync(): Promise<void> {
      syncing = syncing.then(doSync, doSync);
      return syncing;
    },
    stateOf(keyId: string): RealtimeState {
      return states.get(keyId) ?? { state: 'idle' };
    },
  };
}

export type RealtimeManager = ReturnType<typeof createRealtimeManager>;
