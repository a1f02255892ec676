/** Asks the background for the user's reactions on newly found targets, in batches. */
import { backgroundMessenger } from '../messaging/protocol';
import { type ContentStore, mergeViews } from './frame-store';

const BATCH = 500;
const BATCH_DELAY_MS = 50;

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
        mergeViews(store, answer.views, answer.ready);
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
      // Gathers a few scanner batches (infinite scroll adds them frame after frame) per request.
      setTimeout(() => void flush(), BATCH_DELAY_MS);
    },
  };
}

export type ViewRequester = ReturnType<typeof createViewRequester>;
