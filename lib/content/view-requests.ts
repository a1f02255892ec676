/**
 * Asks the background for the user's reactions on newly found targets, in few requests: every
 * request costs the page a message round trip (and the background a read), so while targets keep
 * arriving (a thread loading, infinite scroll) their URNs are gathered, up to a bound.
 */
import { backgroundMessenger } from '../messaging/protocol';
import { type ContentStore, mergeViews } from './frame-store';

const BATCH = 500;
/** Sent once no new target arrived for this long… */
const QUIET_MS = 100;
/** …or this long after the first one waiting, whichever comes first. */
const MAX_WAIT_MS = 400;

export function createViewRequester(store: ContentStore) {
  let wanted = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstWaitingAt = 0;
  let lastArrivalAt = 0;

  /** One timer for a whole burst (not one per target): it waits again while targets arrive. */
  function sendWhenQuiet(): void {
    const now = performance.now();
    const due = Math.min(lastArrivalAt + QUIET_MS, firstWaitingAt + MAX_WAIT_MS);
    if (now < due) {
      timer = setTimeout(sendWhenQuiet, due - now);
      return;
    }
    timer = undefined;
    void flush();
  }

  async function flush(): Promise<void> {
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
      lastArrivalAt = performance.now();
      if (timer !== undefined) return;
      firstWaitingAt = lastArrivalAt;
      timer = setTimeout(sendWhenQuiet, QUIET_MS);
    },
  };
}

export type ViewRequester = ReturnType<typeof createViewRequester>;
