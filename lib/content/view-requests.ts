/**
 * Asks the background for the user's reactions on newly found targets, in few requests: every
 * request costs the page a message round trip (and the background a read), so while targets keep
 * arriving (a thread loading, infinite scroll) their URNs are gathered, up to a bound.
 */
import { backgroundMessenger, type Readiness, type ViewsResponse } from '../messaging/protocol';
import type { TargetView } from '../reactions/types';
import { type ContentStore, completeReadiness, mergeViews } from './frame-store';

const BATCH = 500;
/** Sent once no new target arrived for this long… */
const QUIET_MS = 100;
/** …or this long after the first one waiting, whichever comes first. */
const MAX_WAIT_MS = 400;
/** A request the background could not answer is asked again up to this many times… */
const RETRIES = 4;
/** …first after this long, then twice as long each time. */
const RETRY_MS = 300;

/**
 * What LinkedIn's page shows the member reacted with on a post or comment: a reaction type, null
 * for none, undefined when the page does not say (messages; markup it cannot read).
 */
export type PageStateReader = (urn: string) => string | null | undefined;

export function createViewRequester(
  store: ContentStore,
  pageStateOf: PageStateReader = () => undefined,
  /** The keyboard stops' labels, with every answer (the first is what matters). */
  labelsArrived: (labels: NonNullable<ViewsResponse['hostLabels']>) => void = () => {},
) {
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

  async function flush(attempt = 0): Promise<void> {
    const urns = [...wanted];
    wanted = new Set();
    const unanswered: string[] = [];
    for (let start = 0; start < urns.length; start += BATCH) {
      const batch = urns.slice(start, start + BATCH);
      const { pageStates } = pageStatesOf(batch);
      try {
        const answer = await backgroundMessenger.sendMessage('getViews', {
          urns: batch,
          ...(pageStates && { pageStates }),
        });
        // The answer speaks for every service.
        if (answer.hostLabels) labelsArrived(answer.hostLabels);
        const ready = completeReadiness(answer.ready);
        mergeViews(store, withPageStates(answer.views, pageStates, ready), ready);
      } catch {
        unanswered.push(...batch);
      }
    }
    // The background was restarting (its worker stopped mid-request): ask again, a few times,
    // a little later each time; nothing else would bring these views.
    if (unanswered.length === 0 || attempt >= RETRIES) return;
    for (const urn of unanswered) wanted.add(urn);
    setTimeout(() => void flush(attempt + 1), RETRY_MS * 2 ** attempt);
  }

  /**
   * Where LinkedIn cannot react yet (no connection), the engine knows no state: the row shows
   * what LinkedIn's own page shows, so it never contradicts the page.
   */
  function withPageStates(
    views: TargetView[],
    pageStates: Record<string, string | null> | undefined,
    ready: Readiness,
  ): TargetView[] {
    if (!pageStates || ready.linkedin !== false) return views;
    return views.map((view) => {
      const shown = pageStates[view.urn];
      return shown && view.active.length === 0 && view.pending.length === 0
        ? { ...view, active: [shown] }
        : view;
    });
  }

  /** Read when the request leaves, so they are as fresh as the page. */
  function pageStatesOf(urns: readonly string[]): { pageStates?: Record<string, string | null> } {
    let pageStates: Record<string, string | null> | undefined;
    for (const urn of urns) {
      const state = pageStateOf(urn);
      if (state === undefined) continue;
      pageStates ??= {};
      pageStates[urn] = state;
    }
    return pageStates ? { pageStates } : {};
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
