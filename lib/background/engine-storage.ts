/** The engine's state in the extension's IndexedDB. */

import { recordHistory } from '../db/history';
import { openDatabase } from '../db/schema';
import type { EngineStorage } from '../engine/engine';

export const indexedDbEngineStorage: EngineStorage = {
  async loadOutbox() {
    return (await openDatabase()).getAll('outbox');
  },
  async putOutbox(entry) {
    await (await openDatabase()).put('outbox', entry);
  },
  async deleteOutbox(id) {
    await (await openDatabase()).delete('outbox', id);
  },
  async getConfirmed(id) {
    return (await openDatabase()).get('confirmed', id);
  },
  async putConfirmed(record) {
    await (await openDatabase()).put('confirmed', record);
  },
  recordHistory,
};
