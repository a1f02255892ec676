/** Asks the background for the user's reactions on newly found targets, in batches. */
import { backgroundMessenger } from '../messaging/protocol';
import { type ContentStore, mergeViews } from './store';

const BATCH = 500;

export function createViewRequester(store: ContentStore) {
  let wanted = new Set<string>();
  let scheduled = false;

  async function flush(): Promise<void> {
    scheduled = false;
    const urns = [...wanted];
    wanted = new Set();
    for (let start = 0; start < urns.length; start += BATCH) {
      try {
        const answer = await backgroundMessenger.sendMessage('getViews', {
          urns: urns.slice(start, start + BATCH),
        });
        mergeViews(store, answer.views);
        store.setState({ ready: answer.ready });
      } catch {
        // The background is restarting; the next broadcast or click brings the state.
      }
    }
  }

  return {
    request(urn: string): void {
      wanted.add(urn);
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => void flush(), 0);
    },
  };
}

export type ViewRequester = ReturnType<typeof createViewRequester>;
