/**
 * Step 0 → 1: the first schema, exactly as version 1 created it. Kept as it was so that a fresh
 * install runs every step and ends where an upgraded database does.
 */
import type { UpgradeStep } from './types';

export const toVersion1: UpgradeStep = (db) => {
  db.createObjectStore('keys', { keyPath: 'id' });
  db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byNextAttempt', 'nextAttemptAt');
  db.createObjectStore('confirmed', { keyPath: 'id' }).createIndex('byUrn', 'urn');
  db.createObjectStore('history', { keyPath: 'id', autoIncrement: true }).createIndex('byAt', 'at');
  db.createObjectStore('meta');
};
