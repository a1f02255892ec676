/**
 * Step 1 → 2: one engine for every service. The message-shaped outbox and confirmed rows become
 * the engine's intents and slots, history lines gain the service, the actor and the parent, a
 * key-wide rate limit becomes a stored hold, and the untyped `meta` bag becomes typed items.
 *
 * Version 1 only ever reacted through ConnectSafely, as a ConnectSafely account: every row here
 * belongs to the service 'connectsafely' and its actor is that account's id.
 *
 * The shapes read are version 1's, frozen below. The shapes written are the current records;
 * when a later version changes them, freeze the version 2 shapes here before changing them.
 */
import { z } from 'zod';
import type { ConfirmedSlot, Hold, Intent, SentState } from '../../engine/types';
import type { FailureKind, HistoryEntry } from '../../reactions/types';
import { parseCommentUrn } from '../../urn';
import type { UpgradeStep } from './types';

const SERVICE = 'connectsafely';

const targetV1 = z.union([
  z.object({ kind: z.literal('message'), urn: z.string(), conversationUrn: z.string() }),
  z.object({ kind: z.enum(['post', 'comment']), urn: z.string() }),
]);

/** Version 1's outbox row: the latest intent per (account, target, value). */
export const outboxEntryV1 = z.object({
  /** `${accountId}|${urn}|${value}` */
  id: z.string(),
  target: targetV1,
  value: z.string(),
  keyId: z.string(),
  accountId: z.string(),
  react: z.boolean(),
  version: z.number(),
  attempts: z.number(),
  nextAttemptAt: z.number(),
  /** The first click of this intent (later clicks kept it). */
  createdAt: z.number(),
  /** The ConnectSafely client's failure kind while retrying: network, server, malformed, … */
  lastFailure: z.string().optional(),
  origin: z.object({ tabId: z.number(), frameId: z.number().optional() }).optional(),
});
export type OutboxEntryV1 = z.infer<typeof outboxEntryV1>;

/** Version 1's confirmed row: the values one account has on one target. */
export const confirmedV1 = z.object({
  /** `${accountId}|${urn}` */
  id: z.string(),
  accountId: z.string(),
  urn: z.string(),
  values: z.array(z.string()),
  /** When the row was last written. */
  updatedAt: z.number(),
  /** Per value, the states our requests set whose echo had not come yet; `at` = when it landed. */
  expectedEchoes: z
    .record(z.string(), z.array(z.object({ react: z.boolean(), at: z.number() })))
    .optional(),
});
export type ConfirmedV1 = z.infer<typeof confirmedV1>;

/** Version 1's history line. */
export const historyLineV1 = z.object({
  id: z.number(),
  at: z.number(),
  kind: z.enum(['message', 'post', 'comment']),
  urn: z.string(),
  conversationUrn: z.string().optional(),
  value: z.string(),
  react: z.boolean(),
  accountId: z.string(),
  source: z.enum(['own', 'remote']),
  /** 'queued' was declared but never written. */
  outcome: z.enum(['applied', 'failed', 'queued']),
  error: z.string().optional(),
  link: z.string(),
});
export type HistoryLineV1 = z.infer<typeof historyLineV1>;

/** Version 1's `meta` keys that become items (lib/db/items.ts), under the same keys. */
const ITEM_KEYS = /^(defaultAccount|settings\.connection|realtime\.(cursor|seen)\..+)$/;

/** The ConnectSafely client's kinds as the engine's; the rest could not be queued in version 1. */
const FAILURE_KINDS = new Map<string, FailureKind>([
  ['network', 'offline'],
  ['server', 'server-error'],
  ['malformed', 'server-error'],
  ['rate-limited', 'rate-limited'],
]);

/**
 * A queued click. Version 1 did not record whether a request had left, so the intent counts as
 * sent: its outcome is unknown, and the engine sends the latest intent again (safe: requests set
 * a state). Version 1 could not react to posts or comments (it refused them before sending), so
 * an entry for one is dropped.
 */
export function intentFromV1(entry: OutboxEntryV1): Intent | null {
  if (entry.target.kind !== 'message') return null;
  const desired = entry.react ? entry.value : null;
  const lastFailure = entry.lastFailure && FAILURE_KINDS.get(entry.lastFailure);
  return {
    id: `${SERVICE}|${entry.accountId}|${entry.target.urn}|${entry.value}`,
    service: SERVICE,
    credentialId: entry.keyId,
    actor: entry.accountId,
    target: entry.target,
    facet: entry.value,
    desired,
    clickedAt: entry.createdAt,
    version: entry.version,
    attempts: entry.attempts,
    nextAttemptAt: entry.nextAttemptAt,
    ...(lastFailure ? { lastFailure } : {}),
    // It may have been out when the extension updated: left open, the engine treats it as a
    // request that may land until its timeout after the first start.
    sent: [{ state: desired, at: entry.createdAt }],
    ...(entry.origin ? { origin: entry.origin } : {}),
  };
}

/**
 * One slot per emoji: those the account has, and those with an echo still expected (a removal
 * whose echo had not come), so that echo is not taken for a change made elsewhere.
 */
export function slotsFromV1(row: ConfirmedV1): ConfirmedSlot[] {
  const echoes = row.expectedEchoes ?? {};
  const facets = new Set([...row.values, ...Object.keys(echoes)]);
  const targetKey = `${SERVICE}|${row.accountId}|${row.urn}`;
  return [...facets].map((facet) => {
    const state = row.values.includes(facet) ? facet : null;
    const own: SentState[] = (echoes[facet] ?? []).map((echo) => ({
      state: echo.react ? facet : null,
      at: echo.at,
      until: echo.at,
    }));
    return {
      id: `${targetKey}|${facet}`,
      targetKey,
      service: SERVICE,
      actor: row.accountId,
      urn: row.urn,
      facet,
      state,
      asOf: row.updatedAt,
      latest: { state, at: row.updatedAt },
      own,
    };
  });
}

/** Version 1 kept a key's rate limit in memory only; its queued entries carry when it ends. */
export function holdsFromV1(entries: readonly OutboxEntryV1[]): Hold[] {
  const until = new Map<string, number>();
  for (const entry of entries) {
    if (entry.lastFailure !== 'rate-limited' || entry.target.kind !== 'message') continue;
    until.set(entry.keyId, Math.max(until.get(entry.keyId) ?? 0, entry.nextAttemptAt));
  }
  return [...until].map(([credentialId, at]) => ({ credentialId, until: at }));
}

/** A history line, same id; null for a 'queued' line (never written: it meant no outcome). */
export function historyLineFromV1(line: HistoryLineV1): HistoryEntry | null {
  if (line.outcome === 'queued') return null;
  const parentUrn =
    line.kind === 'message'
      ? line.conversationUrn
      : line.kind === 'comment'
        ? parseCommentUrn(line.urn)?.postUrn
        : undefined;
  return {
    id: line.id,
    at: line.at,
    service: SERVICE,
    kind: line.kind,
    urn: line.urn,
    ...(parentUrn ? { parentUrn } : {}),
    value: line.value,
    react: line.react,
    actor: line.accountId,
    source: line.source,
    outcome: line.outcome,
    ...(line.error ? { error: line.error } : {}),
    link: line.link,
  };
}

/** Rows only version 1 wrote; one that does not read as version 1's shape cannot be converted. */
function readable<T>(rows: unknown[], schema: z.ZodType<T>, dropped: { count: number }): T[] {
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) dropped.count++;
    return parsed.success ? [parsed.data] : [];
  });
}

export const toVersion2: UpgradeStep = async (db, tx) => {
  const dropped = { count: 0 };
  // Everything version 1 held, read before any store changes.
  const outbox = readable(await tx.objectStore('outbox').getAll(), outboxEntryV1, dropped);
  const confirmed = readable(await tx.objectStore('confirmed').getAll(), confirmedV1, dropped);
  const meta: [IDBValidKey, unknown][] = [];
  for (let cursor = await tx.objectStore('meta').openCursor(); cursor; ) {
    meta.push([cursor.key, cursor.value]);
    cursor = await cursor.continue();
  }

  db.deleteObjectStore('outbox');
  db.deleteObjectStore('confirmed');
  db.deleteObjectStore('meta');
  const intents = db.createObjectStore('intents', { keyPath: 'id' });
  const slots = db.createObjectStore('confirmed', { keyPath: 'id' });
  slots.createIndex('byTarget', 'targetKey');
  const holds = db.createObjectStore('holds', { keyPath: 'credentialId' });
  const items = db.createObjectStore('items');

  for (const entry of outbox) {
    const intent = intentFromV1(entry);
    if (intent) await intents.put(intent);
  }
  for (const row of confirmed) for (const slot of slotsFromV1(row)) await slots.put(slot);
  for (const hold of holdsFromV1(outbox)) await holds.put(hold);
  for (const [key, value] of meta) {
    if (typeof key === 'string' && ITEM_KEYS.test(key)) await items.put(value, key);
  }

  // History keeps its store, its ids and its index: lines are rewritten in place.
  for (let cursor = await tx.objectStore('history').openCursor(); cursor; ) {
    const parsed = historyLineV1.safeParse(cursor.value);
    const line = parsed.success ? historyLineFromV1(parsed.data) : null;
    if (!parsed.success) dropped.count++;
    if (line) await cursor.update(line);
    else await cursor.delete();
    cursor = await cursor.continue();
  }

  if (dropped.count > 0) {
    console.warn(`[reactbar] upgrading to version 2 dropped ${dropped.count} unreadable rows`);
  }
};
