/**
 * The extension's IndexedDB database, in the extension's own origin: content scripts run in
 * LinkedIn's origin and cannot open it, which is why API keys live here.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { KeySummary } from '../accounts/types';
import type { HistoryEntry, TargetRef } from '../reactions/types';

/** A stored key: what the popup sees of it (see KeySummary), plus the secret itself. */
export type StoredKey = Omit<KeySummary, 'maskedKey' | 'realtime'> & {
  /** The secret. Read only by the background. */
  apiKey: string;
};

/** A click waiting to reach the API: the latest intent per (account, target, value). */
export interface OutboxEntry {
  /** `${accountId}|${urn}|${value}` */
  id: string;
  target: TargetRef;
  value: string;
  keyId: string;
  accountId: string;
  /** The state the user asked for last. */
  react: boolean;
  /** Bumped by every click, so a request that lands knows whether a newer intent exists. */
  version: number;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  /** The kind of the last failure (network, rate-limited, …), while retrying. */
  lastFailure?: string;
  /** The tab and frame that clicked, to show a notice there. */
  origin?: { tabId: number; frameId?: number };
}

/** The user's confirmed reactions on one target, per account. */
export interface ConfirmedReactions {
  /** `${accountId}|${urn}` */
  id: string;
  accountId: string;
  urn: string;
  values: string[];
  updatedAt: number;
  /**
   * Per value, the states our own requests set that the realtime socket has not echoed yet,
   * oldest first: an echo is recognised as ours even after later changes.
   */
  expectedEchoes?: Record<string, ExpectedEcho[]>;
}

export interface ExpectedEcho {
  react: boolean;
  /** When our request landed (ms); an echo that never came is forgotten after a while. */
  at: number;
}

export interface ReactbarDB extends DBSchema {
  keys: { key: string; value: StoredKey };
  outbox: { key: string; value: OutboxEntry; indexes: { byNextAttempt: number } };
  confirmed: { key: string; value: ConfirmedReactions; indexes: { byUrn: string } };
  history: { key: number; value: HistoryEntry; indexes: { byAt: number } };
  /** Small values: the default account, realtime cursors, recently seen event ids. */
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'reactbar';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<ReactbarDB>> | undefined;

export function openDatabase(): Promise<IDBPDatabase<ReactbarDB>> {
  opening ??= openDB<ReactbarDB>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('keys', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex(
        'byNextAttempt',
        'nextAttemptAt',
      );
      db.createObjectStore('confirmed', { keyPath: 'id' }).createIndex('byUrn', 'urn');
      db.createObjectStore('history', { keyPath: 'id', autoIncrement: true }).createIndex(
        'byAt',
        'at',
      );
      db.createObjectStore('meta');
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Tests only: forget the open connection so a fresh database can be opened. */
export function closeDatabaseForTests(): void {
  void opening?.then((db) => db.close());
  opening = undefined;
}
